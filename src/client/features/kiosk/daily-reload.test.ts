// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { nextDailyReload } from './daily-reload';

const at = (iso: string) => new Date(iso).getTime();
const iso = (ms: number) => new Date(ms).toISOString();

describe('nextDailyReload', () => {
  it('is the next 03:30 on the site’s wall clock', () => {
    expect(iso(nextDailyReload(at('2027-01-15T02:29:00Z'), '03:30', 'Europe/Budapest'))).toBe('2027-01-15T02:30:00.000Z');
    expect(iso(nextDailyReload(at('2027-01-15T02:30:00Z'), '03:30', 'Europe/Budapest'))).toBe('2027-01-16T02:30:00.000Z');
    expect(iso(nextDailyReload(at('2027-07-15T12:00:00Z'), '03:30', 'Europe/Budapest'))).toBe('2027-07-16T01:30:00.000Z');
  });

  it('follows the site’s zone, not the browser’s', () => {
    expect(iso(nextDailyReload(at('2027-01-15T12:00:00Z'), '03:30', 'Asia/Kolkata'))).toBe('2027-01-15T22:00:00.000Z');
  });

  it('lands on the moment of a DST jump that skips the hour', () => {
    // 2027-03-28: Budapest jumps from 02:00 to 03:00.
    expect(iso(nextDailyReload(at('2027-03-27T12:00:00Z'), '02:30', 'Europe/Budapest'))).toBe('2027-03-28T01:00:00.000Z');
  });

  it('uses the browser’s zone for an unknown site zone rather than never reloading', () => {
    expect(() => nextDailyReload(at('2027-01-15T12:00:00Z'), '03:30', 'Mars/Olympus')).not.toThrow();
  });
});
