// The words for the site's next opening, read on the site's clock: "at 07:00" today, "tomorrow
// 07:00", "Monday 07:00" within the week, "Monday 14 December 07:00" beyond, in the active
// language (the messages common.opens and common.closedNow). Shared by the kiosk and the dashboard.
import { activeLocale, t } from '@/client/i18n/i18n';
import { addDaysToDateString, todayIn } from '@/shared/zoned';

// Intl directly (not zoned.ts formatInZone, whose Date subclass a replaced Date, such as a test
// clock's, turns back into a plain one). The 24-hour clock in every language the app speaks.
const formats = new Map<string, Intl.DateTimeFormat>();
function formatIn(timeZone: string, kind: 'time' | 'weekday' | 'date', at: Date): string {
  const locale = activeLocale();
  const key = `${locale}|${kind}|${timeZone}`;
  let format = formats.get(key);
  if (format === undefined) {
    const options: Intl.DateTimeFormatOptions =
      kind === 'time'
        ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }
        : kind === 'weekday'
          ? { weekday: 'long' }
          : { weekday: 'long', day: 'numeric', month: 'long' };
    formats.set(key, (format = new Intl.DateTimeFormat(locale, { ...options, timeZone })));
  }
  // en-GB writes "Monday, 7 December": the comma would part the day from its time.
  return locale === 'en-GB' ? format.format(at).replace(',', '') : format.format(at);
}

interface Opening {
  when: 'today' | 'tomorrow' | 'weekday' | 'date' | 'none';
  time: string;
  day: string;
}

function openingOf(nextOpen: Date | null, timeZone: string, now: Date): Opening {
  if (nextOpen === null) return { when: 'none', time: '', day: '' };
  const time = formatIn(timeZone, 'time', nextOpen);
  const today = todayIn(timeZone, now);
  const day = todayIn(timeZone, nextOpen);
  if (day === today) return { when: 'today', time, day: '' };
  if (day === addDaysToDateString(today, 1)) return { when: 'tomorrow', time, day: '' };
  if (day <= addDaysToDateString(today, 6)) return { when: 'weekday', time, day: formatIn(timeZone, 'weekday', nextOpen) };
  return { when: 'date', time, day: formatIn(timeZone, 'date', nextOpen) };
}

/** "Opens tomorrow 07:00", or what to say when no opening is known (none within two weeks). */
export function opensSentence(nextOpen: Date | null, timeZone: string, now: Date): string {
  return t('common.opens', { ...openingOf(nextOpen, timeZone, now) });
}

/** "Closed now · opens tomorrow 07:00" (the dashboard's notice). */
export function closedNowSentence(nextOpen: Date | null, timeZone: string, now: Date): string {
  return t('common.closedNow', { ...openingOf(nextOpen, timeZone, now) });
}
