// The time axis of a day chart, by instant: a 23- or 25-hour day is as long as it was, and the
// ticks sit where the site's wall clock showed a whole hour.
import { addDaysToDateString, localTimeToUtc, todayIn, zoneOffsetMs } from '@/shared/zoned';
import { formatTimeOfDay, hourInZone } from './chart-format';

const HOUR = 3_600_000;
const MINUTE = 60_000;

/**
 * Instants in [startMs, endMs] at which the wall clock in `timeZone` read a whole hour that is a
 * multiple of `everyHours`. A repeated hour gets one tick (its first pass), a skipped one none,
 * so the gap between two ticks shows the day's extra or missing hour.
 */
export function hourTicks(startMs: number, endMs: number, timeZone: string, everyHours: number): number[] {
  const ticks = new Set<number>();
  const first = todayIn(timeZone, new Date(startMs));
  const last = todayIn(timeZone, new Date(endMs));
  for (let date = first; date <= last; date = addDaysToDateString(date, 1)) {
    for (let hour = 0; hour < 24; hour += everyHours) {
      const t = localTimeToUtc(date, `${String(hour).padStart(2, '0')}:00`, timeZone).getTime();
      // A skipped hour resolves to the end of the gap, which is the next hour: not a tick of its own.
      if (t >= startMs && t <= endMs && hourInZone(t, timeZone) === hour) ticks.add(t);
    }
  }
  return [...ticks].sort((a, b) => a - b);
}

export interface ClockChange {
  direction: 'forward' | 'back';
  /** The wall time at which the clocks changed, as it read just before: "03:00" when Budapest goes back. */
  at: string;
  /** How long the day was, in hours. */
  dayHours: number;
}

/** The clock change within [startMs, endMs), if any: the day it happens is not 24 hours long. */
export function clockChange(startMs: number, endMs: number, timeZone: string): ClockChange | null {
  const before = zoneOffsetMs(new Date(startMs), timeZone);
  const after = zoneOffsetMs(new Date(endMs), timeZone);
  if (before === after) return null;
  // Find the first minute on the new offset.
  let lo = Math.floor(startMs / MINUTE);
  let hi = Math.ceil(endMs / MINUTE);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (zoneOffsetMs(new Date(mid * MINUTE), timeZone) === before) lo = mid;
    else hi = mid;
  }
  const change = hi * MINUTE;
  return {
    direction: after > before ? 'forward' : 'back',
    // The wall clock's reading at the change on the old offset, written as UTC so nothing shifts it.
    at: formatTimeOfDay(change + before, 'UTC'),
    dayHours: Math.round((endMs - startMs) / HOUR),
  };
}

/** Tick spacing that keeps labels apart: every 6 hours on a phone, every 2 on a wide screen. */
export function tickHoursFor(widthPx: number): number {
  if (widthPx < 480) return 6;
  if (widthPx < 960) return 3;
  return 2;
}

/**
 * Round ticks for a count axis from 0: steps of 1, 2, 2.5 or 5 times a power of ten, about
 * `intervals` of them, the last at or above `max` (0, 500, 1,000, 1,500 for a capacity of 1,400).
 */
export function countTicks(max: number, intervals = 4): number[] {
  if (!(max > 0)) return [0, 1];
  const raw = max / intervals;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw && Number.isInteger(s)) ?? Math.ceil(raw);
  const ticks = [];
  for (let t = 0; t < max + step; t += step) ticks.push(t);
  return ticks;
}
