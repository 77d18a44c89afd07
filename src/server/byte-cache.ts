// A least-recently-used cache of text answers bounded by bytes, not entries: one answer can be a
// few kB or several MB (a 62-day hourly history), so a count says nothing about memory.

export interface ByteCache {
  /** The text for `key` unless it expired at `nowMs`; a hit becomes the most recently used. */
  get(key: string, nowMs: number): string | undefined;
  /** Keeps `text` until `expiresMs`, dropping the least recently used answers to stay within budget. */
  set(key: string, text: string, expiresMs: number): void;
  /** Bytes held now (keys and texts, UTF-8). */
  bytes(): number;
  size(): number;
}

export function createByteCache(maxBytes: number): ByteCache {
  const entries = new Map<string, { text: string; expiresMs: number; bytes: number }>();
  let total = 0;

  const remove = (key: string) => {
    const entry = entries.get(key);
    if (entry === undefined) return;
    entries.delete(key);
    total -= entry.bytes;
  };

  return {
    get(key, nowMs) {
      const entry = entries.get(key);
      if (entry === undefined) return undefined;
      if (entry.expiresMs <= nowMs) {
        remove(key);
        return undefined;
      }
      entries.delete(key);
      entries.set(key, entry);
      return entry.text;
    },
    set(key, text, expiresMs) {
      remove(key);
      const bytes = Buffer.byteLength(key) + Buffer.byteLength(text);
      // An answer larger than the whole budget is served but not kept.
      if (bytes > maxBytes) return;
      while (total + bytes > maxBytes) {
        const oldest = entries.keys().next();
        if (oldest.done === true) break;
        remove(oldest.value);
      }
      entries.set(key, { text, expiresMs, bytes });
      total += bytes;
    },
    bytes: () => total,
    size: () => entries.size,
  };
}
