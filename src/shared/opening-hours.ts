// Opening hours in the site's zone: weekly spans (several a day, past midnight, all day), dated
// closures and dated special hours. Without them (null) the site is always open; with them, a day
// not listed is closed. Shared: the server mutes alerts by them, the screens show "Closed".
// Evaluation (openStateAt, closedIntervals) is decided in docs/decisions/hours: a date's rule
// governs the spans *starting* on it; wall times resolve as in zoned.ts localTimeToUtc.
import { z } from 'zod';
import { addDaysToDateString, localTimeToUtc, startOfLocalDay, todayIn } from './zoned';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** A local wall-clock time HH:MM; "24:00" only as the end of a span (the end of the day). */
export const clockTimeSchema = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'is not a local time written HH:MM, such as 07:30 (24:00 ends a day)');

/**
 * [start, end) in local time. An end at or before the start crosses midnight into the next day
 * (["22:00", "02:00"]); ["00:00", "24:00"] is the whole day.
 */
export const hoursSpanSchema = z
  .tuple([clockTimeSchema, clockTimeSchema])
  .refine(([start]) => start !== '24:00', { message: 'starts at 24:00: a span starts at 23:59 at the latest', path: [0] })
  .refine(([start, end]) => start !== end, { message: 'starts and ends at the same time: write ["00:00", "24:00"] for all day', path: [1] });
export type HoursSpan = z.infer<typeof hoursSpanSchema>;

const spansSchema = z.array(hoursSpanSchema).max(8, 'has more than 8 spans');

/** A calendar date YYYY-MM-DD (in the site's zone). */
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'is not a date written YYYY-MM-DD')
  .refine((v) => {
    const d = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(v);
  }, 'is not a calendar date');

export const openingHoursSchema = z
  .object({
    /** Spans per weekday; a day left out or [] is closed. */
    weekly: z.partialRecord(z.enum(WEEKDAYS), spansSchema).default({}),
    /** Whole dates closed (holidays). */
    closed: z.array(isoDateSchema).max(500).default([]),
    /** Dates with other hours than their weekday's ([] = closed that day). */
    special: z
      .array(z.object({ date: isoDateSchema, spans: spansSchema }).strict())
      .max(500)
      .default([]),
  })
  .strict()
  .superRefine((hours, ctx) => {
    const seen = new Set<string>();
    hours.special.forEach((s, i) => {
      if (seen.has(s.date)) ctx.addIssue({ code: 'custom', path: ['special', i, 'date'], message: `lists ${s.date} twice` });
      seen.add(s.date);
    });
  });
export type OpeningHours = z.output<typeof openingHoursSchema>;

// ---- Evaluation ------------------------------------------------------------------------------

/** An instant interval [start, end). */
export interface Interval {
  start: Date;
  end: Date;
}

export interface OpenState {
  open: boolean;
  /** When open: the end of the open stretch (spans that touch or overlap run on); null = not within 14 days, or always open. */
  closesAt: Date | null;
  /** When closed: the next opening; null = none within 14 days. */
  nextOpen: Date | null;
}

/** How far ahead openStateAt looks for the end of an open stretch or the next opening. */
export const LOOKAHEAD_DAYS = 14;
const DAY_MS = 86_400_000;
/** Date.getUTCDay() (0 = Sunday) to our weekday keys. */
const BY_UTC_DAY: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** The weekday of a calendar date YYYY-MM-DD (no zone involved). */
export function weekdayOf(date: string): Weekday {
  return BY_UTC_DAY[new Date(`${date}T00:00:00Z`).getUTCDay()] as Weekday;
}

/**
 * The spans that start on `date`: none on a closed date, the special hours of a special date, else
 * its weekday's. A span that began the evening before is the previous date's and still runs past
 * midnight, even into a closed date (closing a date closes its own opening, not the night before's).
 */
export function spansStartingOn(hours: OpeningHours, date: string): readonly HoursSpan[] {
  if (hours.closed.includes(date)) return [];
  const special = hours.special.find((s) => s.date === date);
  if (special !== undefined) return special.spans;
  return hours.weekly[weekdayOf(date)] ?? [];
}

/** The instant a span's wall-clock time on `date` stands for ("24:00" = the next day's start). */
function instantOf(date: string, time: string, timeZone: string): Date {
  return time === '24:00' ? startOfLocalDay(addDaysToDateString(date, 1), timeZone) : localTimeToUtc(date, time, timeZone);
}

/**
 * The instants of one span on `date`. Its ends are read on the wall clock, so a span across a DST
 * switch lasts what the clock says (22:00–06:00 the night clocks go forward: 7 real hours). A time
 * skipped by a forward jump resolves to the jump itself (a 02:30 opening starts at 03:00 summer
 * time; a span lying wholly in the gap is empty); a time that occurs twice resolves to its first
 * occurrence (zoned.ts localTimeToUtc).
 */
export function spanInterval(date: string, [start, end]: HoursSpan, timeZone: string): Interval {
  const crosses = end !== '24:00' && end <= start;
  return { start: instantOf(date, start, timeZone), end: instantOf(crosses ? addDaysToDateString(date, 1) : date, end, timeZone) };
}

// Resolving wall times reads Intl a few times per span; screens ask every minute and the server per
// answer, so the intervals of a date are kept per hours object (settings are immutable values).
const perHours = new WeakMap<OpeningHours, Map<string, Interval[]>>();

function intervalsStartingOn(hours: OpeningHours, date: string, timeZone: string): Interval[] {
  let byDate = perHours.get(hours);
  if (byDate === undefined) perHours.set(hours, (byDate = new Map<string, Interval[]>()));
  const key = `${timeZone}|${date}`;
  let found = byDate.get(key);
  if (found === undefined) {
    if (byDate.size > 2000) byDate.clear(); // a screen that runs for months moves on day by day
    found = spansStartingOn(hours, date)
      .map((span) => spanInterval(date, span, timeZone))
      .filter((i) => i.end.getTime() > i.start.getTime());
    byDate.set(key, found);
  }
  return found;
}

/**
 * The open intervals of the spans starting on the dates `first`…`last` (site dates), merged where
 * they touch or overlap, in order.
 */
export function openIntervals(hours: OpeningHours, timeZone: string, first: string, last: string): Interval[] {
  const all: Interval[] = [];
  for (let date = first; date <= last; date = addDaysToDateString(date, 1)) all.push(...intervalsStartingOn(hours, date, timeZone));
  all.sort((a, b) => a.start.getTime() - b.start.getTime());
  const merged: Interval[] = [];
  for (const interval of all) {
    const prev = merged.at(-1);
    if (prev !== undefined && interval.start.getTime() <= prev.end.getTime()) {
      if (interval.end.getTime() > prev.end.getTime()) merged[merged.length - 1] = { start: prev.start, end: interval.end };
    } else merged.push(interval);
  }
  return merged;
}

/**
 * Whether the site is open at `at`, and until when (open) or from when (closed). `hours` null: always
 * open. An open stretch runs on across spans that touch (Monday 22:00–24:00 then Tuesday
 * 00:00–02:00 closes at 02:00).
 */
export function openStateAt(hours: OpeningHours | null, timeZone: string, at: Date): OpenState {
  if (hours === null) return { open: true, closesAt: null, nextOpen: null };
  const today = todayIn(timeZone, at);
  const horizon = at.getTime() + LOOKAHEAD_DAYS * DAY_MS;
  // A span starting yesterday may still run; one starting the day before ended by today's start.
  // One day past the horizon's date, so a stretch ending near the horizon is not cut short.
  const intervals = openIntervals(hours, timeZone, addDaysToDateString(today, -1), addDaysToDateString(today, LOOKAHEAD_DAYS + 1));
  const t = at.getTime();
  const current = intervals.find((i) => i.start.getTime() <= t && t < i.end.getTime());
  if (current !== undefined) return { open: true, closesAt: current.end.getTime() <= horizon ? current.end : null, nextOpen: null };
  const next = intervals.find((i) => i.start.getTime() > t);
  return { open: false, closesAt: null, nextOpen: next !== undefined && next.start.getTime() <= horizon ? next.start : null };
}

/**
 * Whether the site is open at `at` (always, without hours). Only yesterday's and today's spans can
 * hold this instant, so it looks at those two days, not the fortnight openStateAt looks ahead: the
 * alert engine asks this once a minute over a gap in the watch, a week of minutes after a restart.
 */
export function isOpenAt(hours: OpeningHours | null, timeZone: string, at: Date): boolean {
  if (hours === null) return true;
  const today = todayIn(timeZone, at);
  const t = at.getTime();
  return openIntervals(hours, timeZone, addDaysToDateString(today, -1), today).some((i) => i.start.getTime() <= t && t < i.end.getTime());
}

/** The closed stretches within [from, to), in order (for shading charts); none without hours. */
export function closedIntervals(hours: OpeningHours | null, timeZone: string, from: Date, to: Date): Interval[] {
  if (hours === null || to.getTime() <= from.getTime()) return [];
  const open = openIntervals(hours, timeZone, addDaysToDateString(todayIn(timeZone, from), -1), todayIn(timeZone, to));
  const closed: Interval[] = [];
  let cursor = from.getTime();
  for (const interval of open) {
    const start = interval.start.getTime();
    const end = interval.end.getTime();
    if (end <= cursor) continue;
    if (start >= to.getTime()) break;
    if (start > cursor) closed.push({ start: new Date(cursor), end: new Date(start) });
    cursor = Math.max(cursor, end);
  }
  if (cursor < to.getTime()) closed.push({ start: new Date(cursor), end: to });
  return closed;
}
