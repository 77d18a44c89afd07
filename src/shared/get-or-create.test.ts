import { describe, expect, it, vi } from 'vitest';
import { getOrCreate } from './get-or-create';

describe('getOrCreate', () => {
  it('builds a missing value once and returns the stored one after', () => {
    const map = new Map<string, number[]>();
    const create = vi.fn((key: string) => [key.length]);
    const first = getOrCreate(map, 'abc', create);
    expect(first).toEqual([3]);
    expect(getOrCreate(map, 'abc', create)).toBe(first);
    expect(create).toHaveBeenCalledTimes(1);
    expect(map.get('abc')).toBe(first);
  });

  it('works on a WeakMap', () => {
    const map = new WeakMap<object, string>();
    const key = {};
    expect(getOrCreate(map, key, () => 'x')).toBe('x');
    expect(getOrCreate(map, key, () => 'y')).toBe('x');
  });
});
