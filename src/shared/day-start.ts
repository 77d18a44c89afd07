// When the site's business day started, and which getoccupancy parameters make the vendor count
// from exactly that instant (docs/decisions/006). Pure: no Node or DOM APIs.
import { isCalendarDate } from './range-query';
import { addDaysToDateString, localTimeToUtc, todayIn, zonedIso, zoneOffsetMs } from './zoned';

/** The zone whose date the vendor means by "today" when `date_start` is not sent. */
export const VENDOR_TIMEZONE = 'Europe/Budapest';
/** What the vendor assumes when `timezoneshift_start` is not sent (Central European summer time). */
const VENDOR_DEFAULT_SHIFT_HOURS = 2;
const HOUR = 3_600_000;
const DAY_START_RE = /^([01]\d|2[0-3]):[0-5]\d$/;
const VENDOR_TIME_RE = /^([01]\d|2[0-3])([0-5]\d)([0-5]\d)$/;
const VENDOR_SHIFT_RE = /^[+-]?\d{1,2}$/;

export interface VendorStartParams {
  timezoneshift_start: string;
  date_start?: string;
  time_start?: string;
}

export interface DayStartPlan {
  /** The instant the site's current business day started. */
  utc: Date;
  /** That instant in the site's zone, ISO-8601 with offset, e.g. "2026-11-26T00:00:00+01:00". */
  local: string;
  /** The site's business date, YYYY-MM-DD (with a 04:00 day start, 03:30 still belongs to yesterday). */
  localDate: string;
  timezone: string;
  vendorParams: VendorStartParams;
}

// Building an Intl.DateTimeFormat costs far more than the rest of a plan; remember the answer.
const knownZones = new Set<string>();

/** True for a zone name the runtime knows. Fixed offsets ("+01:00") are refused: they have no DST. */
export function isValidTimeZone(tz: string): boolean {
  if (knownZones.has(tz)) return true;
  if (typeof tz !== 'string' || tz.trim() === '' || /^[+\-\d]/.test(tz)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
  } catch {
    return false;
  }
  knownZones.add(tz);
  return true;
}

/**
 * The start of the site's current business day: the most recent local `dayStart` at or before
 * `now`, and the getoccupancy parameters that make the vendor count from exactly that instant.
 *
 * Midnight on a DST switch day keeps the offset it had before the switch, because the offset is
 * read at that instant. A `dayStart` skipped by a forward jump resolves to the moment of the jump
 * (the first valid instant after the gap); one that occurs twice resolves to the earlier instant
 * (see localTimeToUtc). "Most recent at or before now" is decided on instants, not wall times:
 * in the repeated hour after 02:30 has passed once, a 02:15 reading is already the new day.
 *
 * Plan right before each vendor call: a shift-only plan relies on the vendor's "today" at the
 * moment it answers, so a plan made at Budapest 23:59:59 and sent a second later would count from
 * the next day. vendorStartInstant (or the answer's meta.datetime_start) catches that.
 */
export function planDayStart(now: Date, timezone: string, dayStart = '00:00'): DayStartPlan {
  if (Number.isNaN(now.getTime())) throw new RangeError('Invalid date for now');
  if (!isValidTimeZone(timezone)) throw new RangeError(`Unknown time zone: ${JSON.stringify(timezone)}`);
  if (!DAY_START_RE.test(dayStart)) throw new RangeError(`Day start must be HH:MM, got ${JSON.stringify(dayStart)}`);

  // Today's start if it has passed, else yesterday's. Compared as instants, not wall times, so a
  // start that occurs in a repeated hour counts from its first occurrence.
  const today = todayIn(timezone, now);
  let localDate = today;
  let utc = localTimeToUtc(today, dayStart, timezone);
  if (utc.getTime() > now.getTime()) {
    localDate = addDaysToDateString(today, -1);
    utc = localTimeToUtc(localDate, dayStart, timezone);
  }

  return { utc, local: zonedIso(utc, timezone), localDate, timezone, vendorParams: vendorParamsFor(utc, localDate, timezone, dayStart, now) };
}

/** How long a request may take to reach the vendor; a shift-only plan must hold that long. */
const VENDOR_DATE_MARGIN_MS = 5 * 60_000;

function vendorParamsFor(utc: Date, localDate: string, timezone: string, dayStart: string, now: Date): VendorStartParams {
  const offset = zoneOffsetMs(utc, timezone);
  const [y, m, d] = localDate.split('-').map(Number) as [number, number, number];
  const midnightExists = Date.UTC(y, m - 1, d) - offset === utc.getTime();
  // The vendor's advice (shift only) is exact when all of these hold:
  //  - the offset is whole hours (the shift is an integer);
  //  - the day starts at 00:00 (the vendor's default time) and that midnight was not skipped by a
  //    jump at 00:00 (America/Santiago in September), which would move our start to 01:00;
  //  - the vendor's own "today" (Budapest's date now) is the site's business date.
  if (
    offset % HOUR === 0 &&
    dayStart === '00:00' &&
    midnightExists &&
    todayIn(VENDOR_TIMEZONE, now) === localDate &&
    // …and still will be when the request arrives: near Budapest's midnight, spell it out.
    todayIn(VENDOR_TIMEZONE, new Date(now.getTime() + VENDOR_DATE_MARGIN_MS)) === localDate
  ) {
    return { timezoneshift_start: shiftString(offset / HOUR) };
  }
  // Otherwise spell it out: keep the offset's whole hours as the shift (so the dates stay close to
  // the site's own) and put the remainder into date + time, which the vendor takes verbatim.
  const shiftHours = Math.trunc(offset / HOUR);
  const naive = new Date(utc.getTime() + shiftHours * HOUR).toISOString(); // the vendor's "local" reading
  return {
    date_start: naive.slice(0, 10),
    time_start: naive.slice(11, 19).replaceAll(':', ''),
    timezoneshift_start: shiftString(shiftHours),
  };
}

function shiftString(hours: number): string {
  return String(hours === 0 ? 0 : hours); // no "-0"
}

/**
 * What the vendor computes for these params at `now` — the inverse of planDayStart's params,
 * used by tests and by the BFF to double-check. Invalid `date_start`/`time_start` fall back to the
 * defaults silently, as the vendor does; an unusable shift is treated as absent (the vendor does
 * not document that case, and we never send one).
 */
export function vendorStartInstant(params: Partial<VendorStartParams>, now: Date): Date {
  const date = params.date_start !== undefined && isCalendarDate(params.date_start) ? params.date_start : todayIn(VENDOR_TIMEZONE, now);
  const time = params.time_start !== undefined && VENDOR_TIME_RE.test(params.time_start) ? params.time_start : '000000';
  const shift =
    params.timezoneshift_start !== undefined && VENDOR_SHIFT_RE.test(params.timezoneshift_start)
      ? Number(params.timezoneshift_start)
      : VENDOR_DEFAULT_SHIFT_HOURS;
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const naive = Date.UTC(y, m - 1, d, Number(time.slice(0, 2)), Number(time.slice(2, 4)), Number(time.slice(4, 6)));
  return new Date(naive - shift * HOUR);
}
