import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { json, makeOccupancy } from '@/client/test/fixtures';
import { fakeBff } from '@/client/test/render-app';
import { signOut } from '@/client/lib/me-queries';
import { browserPage } from '@/client/lib/navigation';
import { keep, readKept, resetForTests } from './last-answers';

beforeEach(() => resetForTests());
afterEach(() => vi.restoreAllMocks());

/** A CacheStorage with the worker's precache and a runtime cache someone might add one day. */
function fakeCaches(names: string[]) {
  const left = new Set(names);
  const storage = {
    keys: vi.fn(() => Promise.resolve([...left])),
    delete: vi.fn((name: string) => Promise.resolve(left.delete(name))),
  };
  vi.stubGlobal('caches', storage);
  return left;
}

describe('sign-out', () => {
  it('forgets the kept answers and empties every cache but the build’s precache, before it leaves', async () => {
    keep('occupancy', { body: makeOccupancy(), receivedAt: Date.now() });
    const caches = fakeCaches(['workbox-precache-v2-http://localhost/', 'occupancy-runtime', 'api-answers']);
    fakeBff({ '/api/session': () => json({ ok: true }) });
    const assign = vi.spyOn(browserPage, 'assign').mockImplementation(() => {
      // When the page leaves, nothing of the person is left behind.
      expect(localStorage.length).toBe(0);
      expect([...caches]).toEqual(['workbox-precache-v2-http://localhost/']);
    });

    await signOut();

    expect(assign).toHaveBeenCalledWith('/sign-in?note=signed-out');
    expect(readKept('occupancy', Date.now())).toBeNull();
    // A poll answered after the sign-out keeps nothing.
    keep('occupancy', { body: makeOccupancy(), receivedAt: Date.now() });
    expect(localStorage.length).toBe(0);
  });

  it('still leaves for the sign-in page where the browser has no CacheStorage (plain http)', async () => {
    keep('occupancy', { body: makeOccupancy(), receivedAt: Date.now() });
    vi.stubGlobal('caches', undefined);
    fakeBff({ '/api/session': () => json({ ok: true }) });
    const assign = vi.spyOn(browserPage, 'assign').mockImplementation(() => undefined);
    await signOut();
    expect(assign).toHaveBeenCalledOnce();
    expect(localStorage.length).toBe(0);
  });
});
