// One home for the memo pattern "read the cache, build and store on a miss".
// Pass a module-level `create` on hot paths, so no closure is allocated per call.

/** What both Map and WeakMap offer. */
interface Cache<K, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): unknown;
}

/** The value under `key`, built by `create(key)` and stored on the first ask. */
export function getOrCreate<K, V>(map: Cache<K, V>, key: K, create: (key: K) => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = create(key);
    map.set(key, value);
  }
  return value;
}
