// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { ApiRequestError } from '@/client/lib/api-client';
import { makeOccupancy } from '@/client/test/fixtures';
import { deriveStatus } from './dashboard-status';

describe('deriveStatus', () => {
  const data = makeOccupancy();
  const offline = new ApiRequestError({ status: 0, code: 'network', message: 'x' });

  it('is loading, live, stale or unavailable', () => {
    expect(deriveStatus({ data: undefined, error: null }).kind).toBe('loading');
    expect(deriveStatus({ data, error: null }).kind).toBe('live');
    expect(deriveStatus({ data: undefined, error: offline })).toMatchObject({ kind: 'unavailable', problem: { code: 'network' } });
  });

  it('keeps the data when the latest request failed, with that failure as the reason', () => {
    const stale = makeOccupancy({ stale: true, staleReason: { code: 'upstream_timeout', message: 'slow' } });
    expect(deriveStatus({ data: stale, error: offline })).toMatchObject({ kind: 'stale', data: stale, problem: { code: 'network' } });
    expect(deriveStatus({ data: stale, error: null })).toMatchObject({ kind: 'stale', problem: { code: 'upstream_timeout' } });
  });
});
