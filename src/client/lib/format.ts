// Number, percentage, time and age formatting: Intl in the active language's locale (not the
// browser's: src/client/i18n), times in the site's time zone (which may differ from the browser's).
import { activeLocale, t } from '@/client/i18n/i18n';

const formats = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.ListFormat>();

/** One Intl formatter per locale and options, made on first use. */
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.ListFormat>(key: string, make: (locale: string) => T): T {
  const locale = activeLocale();
  const full = `${locale}|${key}`;
  let format = formats.get(full) as T | undefined;
  if (!format) {
    format = make(locale);
    formats.set(full, format);
  }
  return format;
}

// Grouped from four digits in every language (1 083, 1.083, 1,083): Hungarian's own rule would
// leave 1083 ungrouped, harder to read from across a room.
const number =
  (options: Intl.NumberFormatOptions = {}) =>
  (locale: string) =>
    new Intl.NumberFormat(locale, { useGrouping: 'always', ...options });

/** Names joined as a sentence lists them: "Café door", "Pool entrance and Pool exit", "a, b and c". */
export function formatList(names: readonly string[]): string {
  return cached('list', (locale) => new Intl.ListFormat(locale, { type: 'conjunction' })).format(names);
}

export function formatCount(value: number): string {
  return cached('count', number({ maximumFractionDigits: 0 })).format(value);
}

/** −12 with its sign, in the locale's style. */
export function formatSigned(value: number): string {
  return cached('signed', number({ maximumFractionDigits: 0, signDisplay: 'exceptZero' })).format(value);
}

/** A share (0.35 → "35%"), rounded down so the shown figure never contradicts the state word
 *  (79.6 % is still "Space available", so it must not read "80%"). */
export function formatPercent(ratio: number): string {
  return cached('percent', number({ style: 'percent', maximumFractionDigits: 0 })).format(Math.floor(ratio * 100) / 100);
}

const browserTimeZone = new Intl.DateTimeFormat().resolvedOptions().timeZone;

function validTimeZone(timeZone: string): string | undefined {
  try {
    new Intl.DateTimeFormat(undefined, { timeZone });
    return timeZone;
  } catch {
    return undefined;
  }
}

/** Whether the viewer's clock shows a different zone than the site's, so times need a zone label. */
export function isForeignTimeZone(timeZone: string): boolean {
  return validTimeZone(timeZone) !== undefined && timeZone !== browserTimeZone;
}

/** "10:15:03" in the site's zone, as the language writes a time; labelled when it is not the viewer's zone. */
export function formatClockTime(instant: Date | string, timeZone: string, { seconds = true } = {}): string {
  const zone = validTimeZone(timeZone);
  const label = zone !== undefined && zone !== browserTimeZone;
  const format = cached(
    `clock|${zone ?? ''}|${seconds}|${label}`,
    (locale) =>
      new Intl.DateTimeFormat(locale, {
        hour: '2-digit',
        minute: '2-digit',
        ...(seconds ? { second: '2-digit' } : {}),
        ...(zone ? { timeZone: zone } : {}),
        ...(label ? { timeZoneName: 'short' } : {}),
      }),
  );
  return format.format(new Date(instant));
}

/** The local calendar day of an instant in a zone, for "is the day start today?" comparisons. */
export function localDateKey(instant: Date | string, timeZone: string): string {
  const zone = validTimeZone(timeZone);
  // en-CA writes YYYY-MM-DD: a key, never shown.
  const format = cached(
    `date-key|${zone ?? ''}`,
    () => new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', ...(zone ? { timeZone: zone } : {}) }),
  );
  return format.format(new Date(instant));
}

/** "Mon" / "Mo" / "H" in the active language, for a day start that was not today. */
export function formatWeekday(instant: Date | string, timeZone: string): string {
  const zone = validTimeZone(timeZone);
  const format = cached(`weekday|${zone ?? ''}`, (locale) => new Intl.DateTimeFormat(locale, { weekday: 'short', ...(zone ? { timeZone: zone } : {}) }));
  return format.format(new Date(instant));
}

/** A duration as the UI says it: "8 s", "2 min", "1 h 5 min", "3 d" (de "1 Std. 5 Min.", hu "1 óra 5 perc"). */
export function formatDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  if (s < 60) return t('common.duration.seconds', { n: s });
  const minutes = Math.floor(s / 60);
  if (minutes < 60) return t('common.duration.minutes', { n: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 48) {
    const rest = minutes % 60;
    return rest === 0 ? t('common.duration.hours', { n: hours }) : t('common.duration.hoursMinutes', { h: hours, m: rest });
  }
  return t('common.duration.days', { n: Math.floor(hours / 24) });
}

/** "8 s ago", "vor 8 s", "8 mp ezelőtt"; "a moment ago" under a second. */
export function formatAgo(totalSeconds: number): string {
  return totalSeconds < 1 ? t('common.agoMoment') : t('common.ago', { duration: formatDuration(totalSeconds) });
}
