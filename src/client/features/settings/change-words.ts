// The Save bar's sentences ("Site name “A” → “B”") in the active language: the shared
// change lists (src/shared/settings-changes.ts) told with this language's messages.
import { activeLanguage, t } from '@/client/i18n/i18n';
import { formatCount } from '@/client/lib/format';
import { isLanguage, LANGUAGE_NAMES, type Language } from '@/shared/i18n/languages';
import type { MessageKey } from '@/shared/i18n/message-key';
import type { ChangeWordName, ChangeWords } from '@/shared/settings-changes';
import { formatDate } from './typed-fields';

const KEYS: Record<ChangeWordName, MessageKey> = {
  none: 'settings.change.none',
  quoted: 'settings.change.quoted',
  siteName: 'settings.change.siteName',
  timezone: 'settings.change.timezone',
  dayStart: 'settings.change.dayStart',
  locale: 'settings.change.locale',
  siteCapacity: 'settings.change.siteCapacity',
  deviceLabel: 'settings.change.deviceLabel',
  deviceCapacity: 'settings.change.deviceCapacity',
  deviceTimezone: 'settings.change.deviceTimezone',
  siteZone: 'settings.change.siteZone',
  deviceLabelRemoved: 'settings.change.deviceLabelRemoved',
  deviceCapacityRemoved: 'settings.change.deviceCapacityRemoved',
  deviceTimezoneRemoved: 'settings.change.deviceTimezoneRemoved',
  spacesConfigured: 'settings.change.spacesConfigured',
  spacesRemoved: 'settings.change.spacesRemoved',
  spaceAdded: 'settings.change.spaceAdded',
  spaceAddedInside: 'settings.change.spaceAddedInside',
  spaceRenamed: 'settings.change.spaceRenamed',
  spaceMoved: 'settings.change.spaceMoved',
  spaceCapacity: 'settings.change.spaceCapacity',
  spaceNearlyFull: 'settings.change.spaceNearlyFull',
  spaceRemoved: 'settings.change.spaceRemoved',
  percent: 'settings.change.percent',
  defaultPercent: 'settings.change.defaultPercent',
  doorAdded: 'settings.change.doorAdded',
  doorSide: 'settings.change.doorSide',
  doorRemoved: 'settings.change.doorRemoved',
  door: 'settings.change.door',
  deviceNumber: 'settings.change.deviceNumber',
  deviceLabelled: 'settings.change.deviceLabelled',
  sideIn: 'settings.change.sideIn',
  sideOut: 'settings.change.sideOut',
  hoursRemoved: 'settings.change.hoursRemoved',
  hoursSet: 'settings.change.hoursSet',
  dayHours: 'settings.change.dayHours',
  closed: 'settings.change.closed',
  open: 'settings.change.open',
  span: 'settings.change.span',
  closedOn: 'settings.change.closedOn',
  notClosedOn: 'settings.change.notClosedOn',
  specialOn: 'settings.change.specialOn',
  noSpecialOn: 'settings.change.noSpecialOn',
  mon: 'settings.change.mon',
  tue: 'settings.change.tue',
  wed: 'settings.change.wed',
  thu: 'settings.change.thu',
  fri: 'settings.change.fri',
  sat: 'settings.change.sat',
  sun: 'settings.change.sun',
};

/** The change sentences in the active language (`lang`: for its date order, as the date fields write dates). */
export function changeWords(lang: Language = activeLanguage()): ChangeWords {
  return {
    say: (name, values) => t(KEYS[name], values),
    number: (n) => formatCount(n),
    language: (code) => (isLanguage(code) ? LANGUAGE_NAMES[code] : code),
    date: (iso) => formatDate(iso, lang),
    // A plain comma list, as the audit log writes it ("07:00–12:00, 13:00–22:00").
    list: (items) => items.join(', '),
  };
}
