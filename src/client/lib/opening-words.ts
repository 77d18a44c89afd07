// The words for the site's next opening, read on the site's clock: "at 07:00" today, "tomorrow
// 07:00", "Monday 07:00" within the week, "Monday 14 December 07:00" beyond. Shared by the kiosk
// and the dashboard; kept here, in one place, for the translations of issue 15.
import { addDaysToDateString, todayIn } from '@/shared/zoned';

// Intl directly (not zoned.ts formatInZone, whose Date subclass a replaced Date, such as a test
// clock's, turns back into a plain one). English words for now; issue 15 brings the languages.
const formats = new Map<string, Intl.DateTimeFormat>();
function formatIn(timeZone: string, kind: 'time' | 'weekday' | 'date', at: Date): string {
  const key = `${kind}|${timeZone}`;
  let format = formats.get(key);
  if (format === undefined) {
    const options: Intl.DateTimeFormatOptions =
      kind === 'time'
        ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }
        : kind === 'weekday'
          ? { weekday: 'long' }
          : { weekday: 'long', day: 'numeric', month: 'long' };
    formats.set(key, (format = new Intl.DateTimeFormat('en-GB', { ...options, timeZone })));
  }
  return format.format(at).replace(',', '');
}

/** When the site opens next, after "Opens" / "opens"; null when no opening is known (none within two weeks). */
export function nextOpeningPhrase(nextOpen: Date | null, timeZone: string, now: Date): string | null {
  if (nextOpen === null) return null;
  const time = formatIn(timeZone, 'time', nextOpen);
  const today = todayIn(timeZone, now);
  const day = todayIn(timeZone, nextOpen);
  if (day === today) return `at ${time}`;
  if (day === addDaysToDateString(today, 1)) return `tomorrow ${time}`;
  if (day <= addDaysToDateString(today, 6)) return `${formatIn(timeZone, 'weekday', nextOpen)} ${time}`;
  return `${formatIn(timeZone, 'date', nextOpen)} ${time}`;
}

/** "Opens tomorrow 07:00", or what to say when no opening is known. */
export function opensSentence(nextOpen: Date | null, timeZone: string, now: Date): string {
  const phrase = nextOpeningPhrase(nextOpen, timeZone, now);
  return phrase === null ? 'Not open in the next two weeks' : `Opens ${phrase}`;
}

/** "Closed now · opens tomorrow 07:00" (the dashboard's notice). */
export function closedNowSentence(nextOpen: Date | null, timeZone: string, now: Date): string {
  const phrase = nextOpeningPhrase(nextOpen, timeZone, now);
  return phrase === null ? 'Closed now · not open in the next two weeks' : `Closed now · opens ${phrase}`;
}
