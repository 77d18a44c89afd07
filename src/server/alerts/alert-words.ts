// The sentences of alert messages in the site's language (catalog namespace `alerts`, through
// serverT). They name spaces, doors and displays only: never a URL, a key, a session or a vendor message.
import { INTL_LOCALES, type Language } from '@/shared/i18n/languages';
import { serverT } from '../i18n';

/** What an alert text is written for: the site's language and zone (the effective settings). */
export interface AlertSite {
  lang: Language;
  timeZone: string;
}

/** A door by its label, or by its number when it has none. */
const door = (name: string | null, id: number) => (name === null ? { named: 'no', door: String(id) } : { named: 'yes', door: name });

export const alertWords = {
  nearlyFull: (lang: Language, space: string, occupancy: number, capacity: number) => serverT(lang, 'alerts.nearlyFull', { space, occupancy, capacity }),
  full: (lang: Language, space: string, occupancy: number, capacity: number) => serverT(lang, 'alerts.full', { space, occupancy, capacity }),
  nearlyFullResolved: (lang: Language, space: string, occupancy: number, capacity: number) =>
    serverT(lang, 'alerts.nearlyFullResolved', { space, occupancy, capacity }),
  fullResolved: (lang: Language, space: string, occupancy: number, capacity: number) => serverT(lang, 'alerts.fullResolved', { space, occupancy, capacity }),
  doorSilent: (lang: Language, name: string | null, id: number, minutes: number) => serverT(lang, 'alerts.doorSilent', { ...door(name, id), minutes }),
  doorSilentResolved: (lang: Language, name: string | null, id: number) => serverT(lang, 'alerts.doorSilentResolved', door(name, id)),
  dataStale: (lang: Language, minutes: number) => serverT(lang, 'alerts.dataStale', { minutes }),
  dataStaleResolved: (lang: Language) => serverT(lang, 'alerts.dataStaleResolved'),
  displayOffline: (lang: Language, display: string, minutes: number) => serverT(lang, 'alerts.displayOffline', { display, minutes }),
  displayOfflineResolved: (lang: Language, display: string) => serverT(lang, 'alerts.displayOfflineResolved', { display }),
  test: (lang: Language, site: string) => serverT(lang, 'alerts.test', { site }),
  emailSubject: (lang: Language, text: string) => serverT(lang, 'alerts.emailSubject', { text }),
  emailBody: (site: AlertSite, text: string, at: string) => serverT(site.lang, 'alerts.emailBody', { text, when: alertTime(site, at) }),
} as const;

/** An alert's moment (its zoned ISO `at`) as the site reads it: "Thursday, 26 November 2026 at 11:15", 24-hour. */
export function alertTime(site: AlertSite, at: string): string {
  const ms = Date.parse(at);
  if (Number.isNaN(ms)) return at;
  return new Intl.DateTimeFormat(INTL_LOCALES[site.lang], { timeZone: site.timeZone, dateStyle: 'full', timeStyle: 'short', hourCycle: 'h23' }).format(ms);
}
