// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { formatInZone } from '@/shared/zoned';
import { formatTimeOfDay } from './chart-format';
import { clockChange, countTicks, hourTicks } from './time-axis';

const HOUR = 3_600_000;
const wall = (ticks: number[], tz: string) => ticks.map((t) => formatInZone(new Date(t), tz, 'HH:mm'));

describe('hourTicks', () => {
  it('puts a tick at every whole local hour of an ordinary day, day start and end included', () => {
    const start = Date.parse('2026-11-25T23:00:00Z');
    const ticks = hourTicks(start, start + 24 * HOUR, 'Europe/Budapest', 6);
    expect(wall(ticks, 'Europe/Budapest')).toEqual(['00:00', '06:00', '12:00', '18:00', '00:00']);
    expect(ticks[1]! - ticks[0]!).toBe(6 * HOUR);
  });

  it('spaces the ticks by real time on a 25-hour day: the repeated hour widens one gap', () => {
    const start = Date.parse('2026-10-24T22:00:00Z'); // 00:00 CEST
    const ticks = hourTicks(start, start + 25 * HOUR, 'Europe/Budapest', 3);
    expect(wall(ticks, 'Europe/Budapest')).toEqual(['00:00', '03:00', '06:00', '09:00', '12:00', '15:00', '18:00', '21:00', '00:00']);
    expect(ticks[1]! - ticks[0]!).toBe(4 * HOUR); // 00:00 → 03:00 took four hours
    expect(ticks[2]! - ticks[1]!).toBe(3 * HOUR);
  });

  it('skips the hour that did not exist on a 23-hour day', () => {
    const start = Date.parse('2026-03-28T23:00:00Z'); // 00:00 CET
    const ticks = hourTicks(start, start + 23 * HOUR, 'Europe/Budapest', 1);
    const labels = wall(ticks, 'Europe/Budapest');
    expect(labels).not.toContain('02:00');
    expect(labels).toHaveLength(24); // 00:00 … 23:00 without 02:00, and the next 00:00
  });

  it('follows a half-hour zone', () => {
    const start = Date.parse('2026-11-25T18:30:00Z'); // 00:00 in Kolkata
    expect(wall(hourTicks(start, start + 24 * HOUR, 'Asia/Kolkata', 12), 'Asia/Kolkata')).toEqual(['00:00', '12:00', '00:00']);
  });
});

describe('clockChange', () => {
  it('says when the clocks went back and how long the day was', () => {
    const start = Date.parse('2026-10-24T22:00:00Z');
    const change = clockChange(start, start + 25 * HOUR, 'Europe/Budapest');
    expect(change).toMatchObject({ direction: 'back', dayHours: 25 });
    // The wall clock read 03:00 (summer time) when it went back to 02:00.
    expect(change?.at).toBe(formatTimeOfDay(Date.parse('2026-10-25T03:00:00Z'), 'UTC'));
  });

  it('says when they went forward', () => {
    const start = Date.parse('2026-03-28T23:00:00Z');
    const change = clockChange(start, start + 23 * HOUR, 'Europe/Budapest');
    expect(change).toMatchObject({ direction: 'forward', dayHours: 23 });
    expect(change?.at).toBe(formatTimeOfDay(Date.parse('2026-03-29T02:00:00Z'), 'UTC'));
  });

  it('is null on an ordinary day', () => {
    const start = Date.parse('2026-11-25T23:00:00Z');
    expect(clockChange(start, start + 24 * HOUR, 'Europe/Budapest')).toBeNull();
  });
});

describe('countTicks', () => {
  it('picks round steps from 0 to at least the maximum', () => {
    expect(countTicks(1400)).toEqual([0, 500, 1000, 1500]);
    expect(countTicks(11_000)).toEqual([0, 5000, 10_000, 15_000]);
    expect(countTicks(37)).toEqual([0, 10, 20, 30, 40]);
    expect(countTicks(4)).toEqual([0, 1, 2, 3, 4]);
    expect(countTicks(0)).toEqual([0, 1]);
  });
});
