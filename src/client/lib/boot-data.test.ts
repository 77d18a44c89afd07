import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { makeConfig, makeOccupancy } from '@/client/test/fixtures';
import { BOOT_ELEMENT_ID, type BootData } from '@/shared/boot-data';
import { readBootData, seedQueries } from './boot-data';

const ME = { kind: 'open' as const, demo: true };

function pageWith(text: string | null): Document {
  const doc = document.implementation.createHTMLDocument('page');
  if (text !== null) {
    const script = doc.createElement('script');
    script.type = 'application/json';
    script.id = BOOT_ELEMENT_ID;
    script.textContent = text;
    doc.body.append(script);
  }
  return doc;
}

describe('the answers the page carries', () => {
  it('reads them, and nothing from a page without them or with something else', () => {
    const boot = { fetchedAt: 1_000, config: makeConfig(), me: ME, occupancy: makeOccupancy(), lang: 'de' };
    expect(readBootData(pageWith(JSON.stringify(boot)))).toEqual(boot);
    expect(readBootData(pageWith(JSON.stringify({ ...boot, lang: 'xx' })))?.lang).toBeUndefined();
    for (const text of [null, '', '{not json', JSON.stringify({ config: {} })]) expect(readBootData(pageWith(text))).toBeNull();
  });

  it('seeds each query with its answer, fetched when the server asked or when the page started, whichever is earlier', () => {
    const client = new QueryClient();
    const boot: BootData = { fetchedAt: 5_000, config: makeConfig(), me: ME, occupancy: makeOccupancy() };
    seedQueries(client, boot, 7_000);
    expect(client.getQueryData(['config'])).toEqual(boot.config);
    expect(client.getQueryData(['me'])).toEqual(ME);
    expect(client.getQueryData(['kiosk', 'me'])).toEqual(ME);
    expect(client.getQueryData(['occupancy'])).toEqual(boot.occupancy);
    expect(client.getQueryState(['occupancy'])?.dataUpdatedAt).toBe(5_000);
    // A server clock ahead of this one (or a page from a cache) never makes the answer look younger.
    const later = new QueryClient();
    seedQueries(later, { ...boot, fetchedAt: 9_000 }, 7_000);
    expect(later.getQueryState(['occupancy'])?.dataUpdatedAt).toBe(7_000);
  });

  it('leaves a query to ask for itself when its answer is missing or is not what the API answers', () => {
    const client = new QueryClient();
    seedQueries(client, { fetchedAt: 5_000, config: { siteName: 3 }, me: ME }, 7_000);
    expect(client.getQueryData(['config'])).toBeUndefined();
    expect(client.getQueryData(['occupancy'])).toBeUndefined();
    expect(client.getQueryData(['me'])).toEqual(ME);
  });
});
