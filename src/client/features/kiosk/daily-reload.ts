// The daily safety reload: a fresh page once a day at a quiet hour, in the site's time zone,
// against whatever a browser leaks over weeks. The hook that uses this reloads only while data
// is flowing, so it can never land the screen on an error page during an outage.
import { isValidTimeZone } from '@/shared/day-start';
import { addDaysToDateString, localTimeToUtc, todayIn } from '@/shared/zoned';

/**
 * The first `at` (HH:MM, site-local) strictly after `fromMs`, as epoch ms. DST is the shared
 * zone code's: a 02:30 skipped by a forward jump is the moment of the jump. An unknown zone falls
 * back to the browser's rather than disabling the reload.
 */
export function nextDailyReload(fromMs: number, at: string, timeZone: string): number {
  const zone = isValidTimeZone(timeZone) ? timeZone : new Intl.DateTimeFormat().resolvedOptions().timeZone;
  const today = todayIn(zone, new Date(fromMs));
  const todays = localTimeToUtc(today, at, zone).getTime();
  return todays > fromMs ? todays : localTimeToUtc(addDaysToDateString(today, 1), at, zone).getTime();
}
