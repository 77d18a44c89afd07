// Wall-clock arithmetic in a site's IANA time zone, shared by the BFF and the SPA.
//
// Why not plain date-fns-tz everywhere: its toZonedTime (and so formatInTimeZone) rebuilds the
// site's wall time in the *host's* local Date fields, and its getTimezoneOffset reads the host's
// local fields of the date too. On a server or browser whose own zone has DST, a wall time that
// falls in the host's DST gap then comes out an hour off (a Budapest host formats New York's
// 2026-03-29 02:30 as 03:30). So every reading of a zone here goes through Intl directly, and
// date-fns-tz only does the pattern formatting, fed a Date whose "local" fields are UTC ones.
// Pure functions: no Node or DOM APIs.
import { format } from 'date-fns-tz';
import { getOrCreate } from './get-or-create';

const SECOND = 1000;
const DAY = 86_400_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

// One formatter per zone: constructing Intl.DateTimeFormat is the expensive part.
const formatters = new Map<string, Intl.DateTimeFormat>();

/** The zone's numeric en-US formatter, to the second; throws a RangeError for an unknown zone. */
export function formatterFor(timezone: string): Intl.DateTimeFormat {
  return getOrCreate(formatters, timezone, newFormatter);
}

function newFormatter(timezone: string): Intl.DateTimeFormat {
  // Throws a RangeError for an unknown zone, which is what callers should see.
  return new Intl.DateTimeFormat('en-US', {
    timeZone: timezone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
}

/** The wall-clock reading of `date` in `timezone`, expressed as if that reading were UTC (ms). */
function wallClockMs(date: Date, timezone: string): number {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timezone).formatToParts(date)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const ms = ((date.getTime() % SECOND) + SECOND) % SECOND; // Intl drops milliseconds
  return (
    Date.UTC(
      fields.year ?? NaN,
      (fields.month ?? NaN) - 1,
      fields.day ?? NaN,
      (fields.hour ?? NaN) % 24, // some engines still say 24 for midnight
      fields.minute ?? NaN,
      fields.second ?? NaN,
    ) + ms
  );
}

/**
 * A Date whose local getters and setters are the UTC ones, so date-fns formats a wall-clock
 * reading verbatim, whatever the host's own zone (see the module comment).
 */
// prettier-ignore
class WallClockDate extends Date {
  override getFullYear() { return this.getUTCFullYear(); }
  override getMonth() { return this.getUTCMonth(); }
  override getDate() { return this.getUTCDate(); }
  override getDay() { return this.getUTCDay(); }
  override getHours() { return this.getUTCHours(); }
  override getMinutes() { return this.getUTCMinutes(); }
  override getSeconds() { return this.getUTCSeconds(); }
  override getMilliseconds() { return this.getUTCMilliseconds(); }
  override getTimezoneOffset() { return 0; }
  override setFullYear(...a: Parameters<Date['setUTCFullYear']>) { return this.setUTCFullYear(...a); }
  override setMonth(...a: Parameters<Date['setUTCMonth']>) { return this.setUTCMonth(...a); }
  override setDate(...a: Parameters<Date['setUTCDate']>) { return this.setUTCDate(...a); }
  override setHours(...a: Parameters<Date['setUTCHours']>) { return this.setUTCHours(...a); }
  override setMinutes(...a: Parameters<Date['setUTCMinutes']>) { return this.setUTCMinutes(...a); }
  override setSeconds(...a: Parameters<Date['setUTCSeconds']>) { return this.setUTCSeconds(...a); }
  override setMilliseconds(...a: Parameters<Date['setUTCMilliseconds']>) { return this.setUTCMilliseconds(...a); }
}

function parseDateString(dateStr: string): [number, number, number] {
  const m = DATE_RE.exec(dateStr);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const check = new Date(Date.UTC(y, mo - 1, d));
    // Date.UTC maps years 0–99 to 1900+, and rolls 02-30 over into March: both are errors here.
    if (check.getUTCFullYear() === y && check.getUTCMonth() === mo - 1 && check.getUTCDate() === d) return [y, mo, d];
  }
  throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${JSON.stringify(dateStr)}`);
}

/** The zone's UTC offset in force at `date`, in ms (east of Greenwich positive: Budapest winter = 3_600_000). */
export function zoneOffsetMs(date: Date, timezone: string): number {
  return wallClockMs(date, timezone) - date.getTime();
}

/** Formats `date` as read on a wall clock in `timezone`, with date-fns pattern tokens. */
export function formatInZone(date: Date, timezone: string, pattern: string): string {
  return format(new WallClockDate(wallClockMs(date, timezone)), pattern, { timeZone: timezone, originalDate: date });
}

// todayIn and zonedIso sit on hot paths of the BFF (every plan of a day start), so they read
// Intl directly instead of going through date-fns' pattern parser; same result, a few µs each.

/** The calendar date (YYYY-MM-DD) in `timezone` at the instant `now`. */
export function todayIn(timezone: string, now: Date): string {
  return new Date(wallClockMs(now, timezone)).toISOString().slice(0, 10);
}

/** ISO-8601 with the zone's offset at that instant, e.g. "2026-11-26T00:00:00+01:00" (UTC as "+00:00"). */
export function zonedIso(date: Date, timezone: string): string {
  const wall = wallClockMs(date, timezone);
  const offsetMinutes = Math.round((wall - date.getTime()) / 60_000); // whole minutes in every zone since 1972
  const abs = Math.abs(offsetMinutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${new Date(wall).toISOString().slice(0, 19)}${offsetMinutes < 0 ? '-' : '+'}${hh}:${mm}`;
}

/** Calendar arithmetic on a YYYY-MM-DD string; no time zone involved, so no DST to trip over. */
export function addDaysToDateString(dateStr: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`Not a whole number of days: ${n}`);
  const [y, mo, d] = parseDateString(dateStr);
  return new Date(Date.UTC(y, mo - 1, d + n)).toISOString().slice(0, 10);
}

/**
 * The instant at which the wall clock in `timezone` reads `time` (HH:MM) on `dateStr`.
 *
 * A wall time that does not exist (skipped by a forward jump, e.g. 02:30 in Budapest on
 * 2026-03-29) resolves to the first instant after the gap: the moment of the jump, when the clock
 * reads the gap's end (03:00+02:00). Shifting by the gap's length (to 03:30) would start the day
 * half an hour after the time had already passed. A wall time that occurs twice (a backward jump,
 * e.g. 02:30 in Budapest on 2026-10-25) resolves to the earlier instant, the first time the clock
 * shows it.
 */
export function localTimeToUtc(dateStr: string, time: string, timezone: string): Date {
  const [y, mo, d] = parseDateString(dateStr);
  const t = TIME_RE.exec(time);
  if (!t) throw new RangeError(`Not a time of day (HH:MM): ${JSON.stringify(time)}`);
  const wall = Date.UTC(y, mo - 1, d, Number(t[1]), Number(t[2]));

  // The offsets in force a day either side bracket any transition near this wall time (zones
  // do not switch twice within two days), so one of them is right unless the time was skipped.
  const offsetBefore = zoneOffsetMs(new Date(wall - DAY), timezone);
  const offsetAfter = zoneOffsetMs(new Date(wall + DAY), timezone);
  if (offsetBefore === offsetAfter) return new Date(wall - offsetBefore); // no switch nearby
  const matches = [offsetBefore, offsetAfter]
    .map((offset) => wall - offset)
    .filter((instant) => wallClockMs(new Date(instant), timezone) === wall)
    .sort((a, b) => a - b);
  if (matches[0] !== undefined) return new Date(matches[0]);

  // Skipped: the jump lies between the two readings; find it to the second (zones switch on
  // whole seconds, and Intl reads whole seconds).
  let lo = Math.floor((wall - offsetAfter) / SECOND); // still on the old offset
  let hi = Math.ceil((wall - offsetBefore) / SECOND); // already on the new offset
  if (!(lo < hi)) throw new RangeError(`Cannot place ${dateStr} ${time} in ${timezone}`);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (zoneOffsetMs(new Date(mid * SECOND), timezone) === offsetBefore) lo = mid;
    else hi = mid;
  }
  return new Date(hi * SECOND);
}

/** The instant the calendar date `dateStr` begins in `timezone` (its midnight, or the end of a gap over it). */
export function startOfLocalDay(dateStr: string, timezone: string): Date {
  return localTimeToUtc(dateStr, '00:00', timezone);
}
