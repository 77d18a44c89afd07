// Who chooses the language a screen speaks, first to last: a kiosk's `?lang=`, its display link,
// the signed-in person's choice, the site's language, and only when none says, the browser's.
import { useEffect } from 'react';
import type { Language } from '@/shared/i18n/languages';
import { useT } from './use-t';
import { browserLanguage, loadLanguage } from './load';

export interface LanguageSources {
  query?: Language | null | undefined;
  display?: Language | null | undefined;
  person?: Language | null | undefined;
  site?: Language | null | undefined;
}

export function chooseLanguage({ query, display, person, site }: LanguageSources, browser: Language | null): Language {
  return query ?? display ?? person ?? site ?? browser ?? 'en';
}

/**
 * Switches the app to the language its sources choose, once they have answered (`ready`): until
 * then the screen stays in the language it started in, rather than flashing the browser's.
 */
export function useLanguageChoice(sources: LanguageSources, ready: boolean): void {
  const { lang } = useT();
  const wanted = chooseLanguage(sources, browserLanguage());
  useEffect(() => {
    // A failed download leaves the screen in the language it speaks; the next render asks again.
    if (ready && wanted !== lang) loadLanguage(wanted).catch(() => undefined);
  }, [ready, wanted, lang]);
}
