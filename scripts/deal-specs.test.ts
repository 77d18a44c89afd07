import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { dealSpecs, UNLISTED_SECONDS } from './deal-specs';

const E2E_DIR = fileURLToPath(new URL('../e2e/', import.meta.url));

describe('dealSpecs', () => {
  it('runs every file exactly once, the longest first to the lightest shard', () => {
    const seconds = { 'a.spec.ts': 90, 'b.spec.ts': 70, 'c.spec.ts': 60, 'd.spec.ts': 30, 'e.spec.ts': 5 };
    const shards = dealSpecs(Object.keys(seconds), seconds, 2);
    expect(shards).toEqual([
      ['a.spec.ts', 'd.spec.ts', 'e.spec.ts'],
      ['b.spec.ts', 'c.spec.ts'],
    ]);
    expect(shards.flat().sort()).toEqual(Object.keys(seconds));
  });

  it('counts a file it has no seconds for as a short one, and leaves a shard empty when files run out', () => {
    expect(dealSpecs(['new.spec.ts', 'old.spec.ts'], { 'old.spec.ts': UNLISTED_SECONDS + 1 }, 3)).toEqual([['old.spec.ts'], ['new.spec.ts'], []]);
  });

  it('has seconds for every spec file there is, and for none that is gone', () => {
    const specs = readdirSync(E2E_DIR)
      .filter((f) => f.endsWith('.spec.ts'))
      .sort();
    const listed = Object.keys(JSON.parse(readFileSync(`${E2E_DIR}durations.json`, 'utf8')) as Record<string, number>).sort();
    expect(listed).toEqual(specs);
  });
});
