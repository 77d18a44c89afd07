// At sign-out: nothing of the person's stays in this browser. The kept answers go, and so does
// every cache that is not the worker's precache (which holds only the build's own files).
import { forgetKept } from './last-answers';

/** Workbox names its precache "workbox-precache-v2-<scope>": the app's code, nobody's data. */
const PRECACHE_PREFIX = 'workbox-precache';

export async function clearRuntimeCaches(cacheStorage: CacheStorage | undefined = globalThis.caches): Promise<void> {
  // No CacheStorage outside a secure context (plain http on a LAN): then nothing was cached either.
  if (cacheStorage === undefined) return;
  const names = await cacheStorage.keys();
  await Promise.all(names.filter((name) => !name.startsWith(PRECACHE_PREFIX)).map((name) => cacheStorage.delete(name)));
}

/** Never throws: a sign-out must not stop at a storage the browser blocks. */
export async function forgetThisPerson(cacheStorage?: CacheStorage): Promise<void> {
  forgetKept();
  try {
    await clearRuntimeCaches(cacheStorage);
  } catch {
    // CacheStorage refused (private mode, quota): it held nothing of ours then.
  }
}
