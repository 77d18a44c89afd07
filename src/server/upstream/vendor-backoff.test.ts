import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UpstreamError } from './upstream-error';
import { BACKOFF_JITTER, RETRY_AFTER_CEILING_MS, blockedError, createVendorBackoff } from './vendor-backoff';

const T0 = Date.parse('2026-11-26T10:15:03Z');
const unavailable = (retryAfterMs: number | null = null) => new UpstreamError('upstream_unavailable', 'HTTP 503', { retryAfterMs });

function setup(random: () => number = () => 0.5) {
  let nowMs = T0;
  const backoff = createVendorBackoff({ now: () => new Date(nowMs), baseMs: 10_000, maxMs: 300_000, authMs: 60_000, random });
  return { backoff, at: () => nowMs, set: (ms: number) => (nowMs = ms) };
}

describe('vendor back-off', () => {
  it('doubles the wait with each failure in a row, from the cache period up to the cap; a success starts over', () => {
    const { backoff } = setup();
    const waits = Array.from({ length: 8 }, () => backoff.failed('getoccupancy', unavailable()));
    expect(waits).toEqual([10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000, 300_000]);
    backoff.succeeded('getoccupancy');
    expect(backoff.failed('getoccupancy', unavailable())).toBe(10_000);
  });

  it('jitter stays within ±20 % of the wait and never leaves [cache period, cap]', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (failures, r) => {
        const { backoff } = setup(() => r);
        let wait = 0;
        for (let i = 0; i < failures; i++) wait = backoff.failed('downloadcsv', unavailable());
        const raw = Math.min(300_000, 10_000 * 2 ** (failures - 1));
        expect(wait).toBeGreaterThanOrEqual(10_000);
        expect(wait).toBeLessThanOrEqual(300_000);
        expect(Math.abs(wait - raw)).toBeLessThanOrEqual(raw * BACKOFF_JITTER + 1e-6);
      }),
    );
  });

  it("waits at least the vendor's Retry-After, up to a ceiling", () => {
    const { backoff } = setup();
    expect(backoff.failed('getoccupancy', unavailable(120_000))).toBe(120_000);
    expect(backoff.failed('getoccupancy', unavailable(1_000))).toBe(20_000);
    expect(backoff.failed('getoccupancy', unavailable(7 * 24 * 3600_000))).toBe(RETRY_AFTER_CEILING_MS);
  });

  it('blocks the failed action until the wait is over, and says how long is left', () => {
    const { backoff, set } = setup();
    backoff.failed('getoccupancy', unavailable());
    expect(backoff.blocked('downloadcsv')).toBeNull();
    const block = backoff.blocked('getoccupancy');
    expect(block).not.toBeNull();
    set(T0 + 3_500);
    expect(blockedError(block!, T0 + 3_500)).toMatchObject({ code: 'upstream_unavailable', retryInSeconds: 7, status: 503 });
    set(T0 + 10_000);
    expect(backoff.blocked('getoccupancy')).toBeNull();
    // The failure is remembered until a success, for the stale reason of the retry.
    expect(backoff.lastFailure('getoccupancy')?.code).toBe('upstream_unavailable');
    backoff.succeeded('getoccupancy');
    expect(backoff.lastFailure('getoccupancy')).toBeNull();
  });

  it('a rejected key blocks every action for the auth back-off', () => {
    const { backoff, set } = setup();
    expect(backoff.failed('downloadcsv', new UpstreamError('upstream_auth', 'HTML answer'))).toBe(60_000);
    expect(backoff.blocked('getoccupancy')?.error.code).toBe('upstream_auth');
    expect(backoff.blocked('downloadcsv')?.untilMs).toBe(T0 + 60_000);
    set(T0 + 60_000);
    expect(backoff.blocked('getoccupancy')).toBeNull();
  });

  it('an empty range or an account without PRO devices is an answer, not a failure', () => {
    const { backoff } = setup();
    expect(backoff.failed('downloadcsv', new UpstreamError('no_data', 'header only'))).toBe(0);
    expect(backoff.failed('downloadcsv', new UpstreamError('no_pro_devices', 'empty'))).toBe(0);
    expect(backoff.blocked('downloadcsv')).toBeNull();
  });

  it('a clock that steps back before the failure ends the block instead of stretching it', () => {
    const { backoff, set } = setup();
    backoff.failed('getoccupancy', unavailable());
    backoff.failed('downloadcsv', new UpstreamError('upstream_auth', 'HTML answer'));
    set(T0 - 3_600_000);
    expect(backoff.blocked('getoccupancy')).toBeNull();
    expect(backoff.blocked('downloadcsv')).toBeNull();
  });
});
