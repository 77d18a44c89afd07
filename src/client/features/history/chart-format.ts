// Labels for the history charts: Intl in the chosen language (not the browser's), times on the
// 24-hour clock, instants read in the site's zone, calendar dates and wall-clock hours as
// written (no zone involved, so no DST to trip over).
import { activeLocale } from '@/client/i18n/i18n';

const cache = new Map<string, Intl.DateTimeFormat>();

function dateTimeFormat(key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const locale = activeLocale();
  const cacheKey = `${locale}|${key}`;
  let format = cache.get(cacheKey);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat(locale, options);
    } catch {
      // An unknown zone: the browser's own, rather than no chart at all.
      const { timeZone: _unknown, ...rest } = options;
      format = new Intl.DateTimeFormat(locale, rest);
    }
    cache.set(cacheKey, format);
  }
  return format;
}

/** "14:05" at an instant, on the site's wall clock; "02:30 GMT+2" with `zoneName`. */
export function formatTimeOfDay(ms: number, timeZone: string, { zoneName = false } = {}): string {
  return dateTimeFormat(`time|${timeZone}|${zoneName}`, {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
    ...(zoneName ? { timeZoneName: 'short' } : {}),
  }).format(ms);
}

/** The wall-clock hour of an instant in the site's zone, 0–23. */
export function hourInZone(ms: number, timeZone: string): number {
  const hour = dateTimeFormat(`hour|${timeZone}`, { hour: 'numeric', hourCycle: 'h23', timeZone })
    .formatToParts(ms)
    .find((p) => p.type === 'hour')?.value;
  return Number(hour ?? 0) % 24;
}

/** A calendar date (YYYY-MM-DD) read at noon UTC, so every zone agrees on the day. */
const dateValue = (date: string) => Date.parse(`${date}T12:00:00Z`);

/** "Thu 26 Nov" */
export function formatDay(date: string): string {
  return dateTimeFormat('day', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' }).format(dateValue(date));
}

/** "Thursday 26 November 2026" */
export function formatLongDay(date: string): string {
  return dateTimeFormat('longday', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(dateValue(date));
}

/** Short axis labels: "Thu 26" for a week, "26 Nov" for a month. */
export function formatAxisDay(date: string, span: 'week' | 'month'): string {
  const options: Intl.DateTimeFormatOptions =
    span === 'week' ? { weekday: 'short', day: 'numeric', timeZone: 'UTC' } : { day: 'numeric', month: 'short', timeZone: 'UTC' };
  return dateTimeFormat(`axis|${span}`, options).format(dateValue(date));
}

/** "19 – 25 Nov 2026", by locale. */
export function formatDateRange(from: string, to: string): string {
  return dateTimeFormat('range', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).formatRange(dateValue(from), dateValue(to));
}

/** 0 = Sunday … 6 = Saturday, as Date#getUTCDay, of a calendar date. */
export function weekdayOf(date: string): number {
  return new Date(dateValue(date)).getUTCDay();
}

/** "Mon" / "Monday" for 0 = Sunday … 6 = Saturday. 2026-11-22 was a Sunday. */
export function formatWeekdayName(weekday: number, width: 'short' | 'long' = 'short'): string {
  return dateTimeFormat(`weekday|${width}`, { weekday: width, timeZone: 'UTC' }).format(Date.UTC(2026, 10, 22 + weekday, 12));
}

/** A wall-clock hour as a label: "14" (compact: the number alone, German would add "Uhr") or "14:00". */
export function formatHour(hour: number, { compact = false } = {}): string {
  const format = dateTimeFormat('hour-label', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC' });
  const at = Date.UTC(2026, 0, 1, hour);
  return compact ? (format.formatToParts(at).find((p) => p.type === 'hour')?.value ?? String(hour)) : format.format(at);
}
