// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { type FreshnessInput, judgeFreshness, staleAfterSeconds } from './kiosk-freshness';

const base: FreshnessInput = {
  nowMs: 100_000,
  receivedAt: 100_000,
  ageAtReceipt: 2,
  serverStale: false,
  failing: false,
  staleAfterSeconds: 15,
  outageSeconds: 120,
};

describe('judgeFreshness', () => {
  it('is connecting before the first answer, unavailable once a request failed without one', () => {
    expect(judgeFreshness({ ...base, receivedAt: undefined })).toEqual({ kind: 'connecting' });
    expect(judgeFreshness({ ...base, receivedAt: undefined, failing: true })).toEqual({ kind: 'unavailable', ageSeconds: null });
  });

  it('shows the true age: the server’s age plus the time since receipt', () => {
    expect(judgeFreshness({ ...base, nowMs: 104_000 })).toEqual({ kind: 'live', ageSeconds: 6 });
  });

  it('marks numbers stale when no answer confirmed them for a few polls, neutral after the outage limit', () => {
    expect(judgeFreshness({ ...base, nowMs: 100_000 + 15_000 })).toMatchObject({ kind: 'stale', ageSeconds: 17 });
    expect(judgeFreshness({ ...base, nowMs: 100_000 + 119_000 }).kind).toBe('stale');
    expect(judgeFreshness({ ...base, nowMs: 100_000 + 120_000 })).toMatchObject({ kind: 'unavailable', ageSeconds: 122 });
  });

  it('trusts an answer the server calls current, however long its cache period', () => {
    expect(judgeFreshness({ ...base, ageAtReceipt: 40 }).kind).toBe('live');
  });

  it('counts the server’s own age when it says the vendor is failing', () => {
    expect(judgeFreshness({ ...base, serverStale: true, ageAtReceipt: 8 }).kind).toBe('live'); // a blip is not news
    expect(judgeFreshness({ ...base, serverStale: true, ageAtReceipt: 30 })).toMatchObject({ kind: 'stale', ageSeconds: 30 });
    expect(judgeFreshness({ ...base, serverStale: true, ageAtReceipt: 125 }).kind).toBe('unavailable');
  });

  it('recovers by itself: a fresh answer is live again', () => {
    expect(judgeFreshness({ ...base, nowMs: 500_000, receivedAt: 499_000, ageAtReceipt: 0 }).kind).toBe('live');
  });
});

describe('staleAfterSeconds', () => {
  it('is three poll intervals of the slower of our poll and the server’s, at least ten seconds', () => {
    expect(staleAfterSeconds(10_000, 10_000)).toBe(30);
    expect(staleAfterSeconds(200, 2_000)).toBe(10);
    expect(staleAfterSeconds(60_000, 2_000)).toBe(180);
    expect(staleAfterSeconds(5_000, undefined)).toBe(15);
  });
});
