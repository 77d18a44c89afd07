import { describe, expect, it } from 'vitest';
import { createByteCache } from './byte-cache';

describe('byte-bounded cache', () => {
  it('counts the UTF-8 bytes of keys and texts, and evicts the least recently used to stay within budget', () => {
    const cache = createByteCache(100);
    cache.set('a', 'x'.repeat(39), 1_000); // 40 bytes
    cache.set('b', 'ü'.repeat(19), 1_000); // 1 + 38 = 39 bytes
    expect(cache.bytes()).toBe(79);
    expect(cache.get('a', 0)).toBe('x'.repeat(39)); // a is now the most recently used
    cache.set('c', 'z'.repeat(29), 1_000); // 30 bytes: b goes
    expect(cache.get('b', 0)).toBeUndefined();
    expect(cache.get('a', 0)).toBeDefined();
    expect(cache.bytes()).toBe(70);
    expect(cache.size()).toBe(2);
  });

  it('never holds more than the budget, keeps nothing larger than it, and drops expired answers', () => {
    const cache = createByteCache(1_000);
    for (let i = 0; i < 500; i++) {
      cache.set(`k${i}`, 'y'.repeat((i * 37) % 400), 10);
      expect(cache.bytes()).toBeLessThanOrEqual(1_000);
    }
    cache.set('huge', 'h'.repeat(1_000), 10);
    expect(cache.get('huge', 0)).toBeUndefined();
    cache.set('short', 'text', 10);
    expect(cache.get('short', 10)).toBeUndefined();
    expect(cache.get('short', 9)).toBeUndefined(); // removed on the expired read
  });
});
