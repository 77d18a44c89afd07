// Number, percentage, time and age formatting: Intl in the browser's locale, times in the
// site's time zone (which may differ from the browser's).

const numberFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
const signedFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0, signDisplay: 'exceptZero' });
const percentFormat = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 0 });

// The words are English until the site chooses a language: "a, b and c".
const listFormat = new Intl.ListFormat('en-GB', { type: 'conjunction' });

/** Names joined as a sentence lists them: "Café door", "Pool entrance and Pool exit", "a, b and c". */
export function formatList(names: readonly string[]): string {
  return listFormat.format(names);
}

export function formatCount(value: number): string {
  return numberFormat.format(value);
}

/** −12 with its sign, in the locale's style. */
export function formatSigned(value: number): string {
  return signedFormat.format(value);
}

/** A share (0.35 → "35%"), rounded down so the shown figure never contradicts the state word
 *  (79.6 % is still "Space available", so it must not read "80%"). */
export function formatPercent(ratio: number): string {
  return percentFormat.format(Math.floor(ratio * 100) / 100);
}

const browserTimeZone = new Intl.DateTimeFormat().resolvedOptions().timeZone;
const timeFormats = new Map<string, Intl.DateTimeFormat>();

function cachedFormat(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let format = timeFormats.get(key);
  if (!format) {
    format = make();
    timeFormats.set(key, format);
  }
  return format;
}

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

/** "10:15:03" (or "10:15:03 AM", by locale) in the site's zone; labelled when it is not the viewer's. */
export function formatClockTime(instant: Date | string, timeZone: string, { seconds = true } = {}): string {
  const zone = validTimeZone(timeZone);
  const label = zone !== undefined && zone !== browserTimeZone;
  const format = cachedFormat(
    `clock|${zone ?? ''}|${seconds}|${label}`,
    () =>
      new Intl.DateTimeFormat(undefined, {
        hour: 'numeric',
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
  const format = cachedFormat(
    `date|${zone ?? ''}`,
    () => new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', ...(zone ? { timeZone: zone } : {}) }),
  );
  return format.format(new Date(instant));
}

/** "Mon" in the viewer's language, for a day start that was not today. */
export function formatWeekday(instant: Date | string, timeZone: string): string {
  const zone = validTimeZone(timeZone);
  const format = cachedFormat(`weekday|${zone ?? ''}`, () => new Intl.DateTimeFormat(undefined, { weekday: 'short', ...(zone ? { timeZone: zone } : {}) }));
  return format.format(new Date(instant));
}

/** A duration as the UI says it: "8 s", "2 min", "1 h 5 min", "3 d". */
export function formatDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  if (s < 60) return `${formatCount(s)} s`;
  const minutes = Math.floor(s / 60);
  if (minutes < 60) return `${formatCount(minutes)} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) {
    const rest = minutes % 60;
    return rest === 0 ? `${formatCount(hours)} h` : `${formatCount(hours)} h ${formatCount(rest)} min`;
  }
  return `${formatCount(Math.floor(hours / 24))} d`;
}

/** "8 s ago"; "a moment ago" under a second. */
export function formatAgo(totalSeconds: number): string {
  return totalSeconds < 1 ? 'a moment ago' : `${formatDuration(totalSeconds)} ago`;
}
