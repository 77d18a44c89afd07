import { beforeEach, describe, expect, it } from 'vitest';
import { makeConfig, makeOccupancy } from '@/client/test/fixtures';
import { forgetKept, keep, MAX_KEPT_AGE_MS, readKept, resetForTests } from './last-answers';

const T = Date.parse('2026-11-29T12:00:00Z');

beforeEach(() => resetForTests());

describe('the kept answers', () => {
  it('come back as kept, with the moment they arrived', () => {
    const body = makeOccupancy();
    keep('occupancy', { body, receivedAt: T });
    keep('config', { body: makeConfig(), receivedAt: T - 1000 });
    expect(readKept('occupancy', T + 5_000)).toEqual({ body, receivedAt: T });
    expect(readKept('config', T)?.receivedAt).toBe(T - 1000);
  });

  it('are shown up to a day old, then dropped: the counts of another day are not this one’s', () => {
    keep('occupancy', { body: makeOccupancy(), receivedAt: T });
    expect(readKept('occupancy', T + MAX_KEPT_AGE_MS)).not.toBeNull();
    expect(readKept('occupancy', T + MAX_KEPT_AGE_MS + 1)).toBeNull();
    // Dropped for good, not only hidden.
    expect(readKept('occupancy', T)).toBeNull();
  });

  it('from the future (the clock was set back) are dropped: their age would be a lie', () => {
    keep('occupancy', { body: makeOccupancy(), receivedAt: T });
    expect(readKept('occupancy', T - 1)).toBeNull();
    expect(localStorage.length).toBe(0);
  });

  it('that this build cannot read (another build’s shape, a hand edit) are dropped', () => {
    localStorage.setItem('occupancy-live:last-answer:occupancy', JSON.stringify({ body: { total: 'many' }, receivedAt: T }));
    localStorage.setItem('occupancy-live:last-answer:config', '{not json');
    expect(readKept('occupancy', T)).toBeNull();
    expect(readKept('config', T)).toBeNull();
    expect(localStorage.length).toBe(0);
  });

  it('are forgotten at once, and nothing is kept after that on this page', () => {
    keep('occupancy', { body: makeOccupancy(), receivedAt: T });
    keep('config', { body: makeConfig(), receivedAt: T });
    forgetKept();
    expect(localStorage.length).toBe(0);
    // A poll that lands between sign-out and the next page must not write the numbers back.
    keep('occupancy', { body: makeOccupancy(), receivedAt: T + 1 });
    expect(localStorage.length).toBe(0);
  });
});
