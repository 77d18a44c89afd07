// How the app names and orders devices. The server has already put the site's labels into the
// answers (`name`), so the client only covers a device without any name.
import { activeLanguage, activeLocale, t } from '@/client/i18n/i18n';
import type { DeviceOccupancy } from '@/shared/api-schema';

/** One collator for every list of names: "Door 2" before "Door 10", case and accents ignored. */
const collators = new Map<string, Intl.Collator>();

/** The collator of the active language (its alphabet: ö after o in Hungarian). */
export function nameCollator(): Intl.Collator {
  const locale = activeLocale();
  let collator = collators.get(locale);
  if (!collator) collators.set(locale, (collator = new Intl.Collator(locale, { numeric: true, sensitivity: 'base' })));
  return collator;
}

/** By label, then by id so equal labels keep a stable order. */
export function byLabel(a: { id: number; label: string }, b: { id: number; label: string }): number {
  return nameCollator().compare(a.label, b.label) || a.id - b.id;
}

/** The name a device is shown by. */
export function deviceLabel(device: Pick<DeviceOccupancy, 'id' | 'name'>): string {
  return device.name.trim() || t('dashboard.deviceName', { id: String(device.id) });
}

/**
 * A space's name inside an English sentence: "the Pool hall", but "Floor 2" (a numbered place
 * takes no article) and "The Lido" kept as written. German and Hungarian quote it as written.
 */
export function nameInSentence(name: string): string {
  if (activeLanguage() !== 'en' || /^the\s/i.test(name) || /\d$/.test(name)) return name;
  return `the ${name}`;
}
