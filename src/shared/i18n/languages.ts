// The languages the app speaks, and the Intl locale each one formats with. Who chooses which one
// is shown (a kiosk's ?lang=, its display link, a person's choice, the site's) is decided in
// src/client/i18n/language-choice.ts; the server speaks the site's in alert texts.
// No zod or other imports here: the /public page loads this module.

/** Every language the app speaks; the site's `locale` is one of them (settings-schema.ts). */
export const LANGUAGES = ['en', 'de', 'hu'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language's own name, as a chooser lists it (never translated: a reader finds their own). */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', de: 'Deutsch', hu: 'Magyar' };

/**
 * The Intl locale a language formats with. English is en-GB: the 24-hour clock and day-month
 * order of the European sites WELLPOINT sells to (en-US would say 5:24 PM and 11/28).
 */
export const INTL_LOCALES: Record<Language, string> = { en: 'en-GB', de: 'de-DE', hu: 'hu-HU' };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The first of a browser's languages ("de-AT", "hu") the app speaks; null when none. */
export function matchLanguage(tags: readonly string[]): Language | null {
  for (const tag of tags) {
    const base = tag.toLowerCase().split(/[-_]/)[0];
    if (isLanguage(base)) return base;
  }
  return null;
}
