// Which dates each history chart asks for, all counted in the site's zone from the server's
// "now" (the live answer's time), never from this device's clock: a kiosk with a wrong clock, or
// a demo whose simulator clock is frozen, still asks for the right days.
import type { Resolution } from '@/shared/api-schema';
import { addDaysToDateString, localTimeToUtc, todayIn } from '@/shared/zoned';

export interface DateRange {
  from: string;
  to: string;
}

export interface TodayRange extends DateRange {
  /** The instant the counting day started, and when the next one starts (23, 24 or 25 h later). */
  startMs: number;
  endMs: number;
}

/**
 * Today's 5-minute range: from the day start's local date (yesterday for a 04:00 day start at
 * 02:00) to today's date in the site's zone. `dayStartTime` (HH:MM, from the config) decides
 * when the next day starts; without it, the time the current day started at.
 */
export function todayRange(dayStart: { local: string }, nowIso: string, timeZone: string, dayStartTime?: string): TodayRange {
  const startMs = Date.parse(dayStart.local);
  const from = dayStart.local.slice(0, 10);
  const time = dayStartTime ?? dayStart.local.slice(11, 16);
  const to = todayIn(timeZone, new Date(nowIso));
  const endMs = localTimeToUtc(addDaysToDateString(from, 1), time, timeZone).getTime();
  return { from: from <= to ? from : to, to, startMs, endMs: Math.max(endMs, startMs) };
}

export const VISITOR_SPANS = [7, 30] as const;
export type VisitorSpan = (typeof VISITOR_SPANS)[number];

/**
 * Visitors per day: the last `days` whole days, up to yesterday (today is not over, so it would
 * always look like a bad day), and what the request must cover: a week more, for comparison.
 */
export function visitorsRange(today: string, days: VisitorSpan): { shown: DateRange; request: DateRange } {
  const to = addDaysToDateString(today, -1);
  const from = addDaysToDateString(to, -(days - 1));
  return { shown: { from, to }, request: { from: addDaysToDateString(from, -7), to } };
}

/** Peak hours: the last four whole weeks, up to yesterday, so every weekday appears four times. */
export const PEAK_HOUR_DAYS = 28;
export function peakHoursRange(today: string): DateRange {
  const to = addDaysToDateString(today, -1);
  return { from: addDaysToDateString(to, -(PEAK_HOUR_DAYS - 1)), to };
}

/** Every date of a range, in order. */
export function datesOf({ from, to }: DateRange): string[] {
  const dates: string[] = [];
  for (let d = from; d <= to; d = addDaysToDateString(d, 1)) dates.push(d);
  return dates;
}

/**
 * The CSV of the same range: the BFF's export, a native download (it answers a JSON error for a
 * range it refuses). With `space`, the CSV of that space's doors, as the chart shows that space.
 */
export function exportHref(range: DateRange, resolution: Resolution, space?: string): string {
  const params = new URLSearchParams({ from: range.from, to: range.to, resolution });
  if (space !== undefined) params.set('space', space);
  return `/api/export?${params.toString()}`;
}
