// The words for the site's next opening, read on the site's clock: "at 07:00" today, "tomorrow
// 07:00", "Monday 07:00" within the week, "Monday 14 December 07:00" beyond. Shared by the kiosk
// and the dashboard; kept here, in one place, for the translations of issue 15.
import { addDaysToDateString, formatInZone, todayIn } from '@/shared/zoned';

/** When the site opens next, after "Opens" / "opens"; null when no opening is known (none within two weeks). */
export function nextOpeningPhrase(nextOpen: Date | null, timeZone: string, now: Date): string | null {
  if (nextOpen === null) return null;
  const time = formatInZone(nextOpen, timeZone, 'HH:mm');
  const today = todayIn(timeZone, now);
  const day = todayIn(timeZone, nextOpen);
  if (day === today) return `at ${time}`;
  if (day === addDaysToDateString(today, 1)) return `tomorrow ${time}`;
  if (day <= addDaysToDateString(today, 6)) return `${formatInZone(nextOpen, timeZone, 'EEEE')} ${time}`;
  return `${formatInZone(nextOpen, timeZone, 'EEEE d MMMM')} ${time}`;
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
