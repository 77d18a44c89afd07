import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import { json, makeConfig, makeOccupancy } from '@/client/test/fixtures';
import { occupancyQueryOptions } from './occupancy-queries';

function setUp(occupancyVersion: string | undefined) {
  vi.stubGlobal('fetch', () => Promise.resolve(json(makeOccupancy({ settingsVersion: occupancyVersion }))));
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  client.setQueryData(['config'], makeConfig({ settingsVersion: 'v1' }));
  return client;
}

describe('the live counts and the settings', () => {
  it('an answer made from other settings than /api/config’s marks the config for loading again', async () => {
    const client = setUp('v2');
    await client.fetchQuery(occupancyQueryOptions());
    expect(client.getQueryState(['config'])?.isInvalidated).toBe(true);
  });

  it('the same settings (or a server that does not say) leave the config alone', async () => {
    for (const version of ['v1', undefined]) {
      const client = setUp(version);
      await client.fetchQuery(occupancyQueryOptions());
      expect(client.getQueryState(['config'])?.isInvalidated).toBe(false);
    }
  });
});
