// The public page's language, without React or the SPA's catalogs: only the `common` and `public`
// messages of the one language shown are downloaded. Its `?lang=`, else the site's (the answer's
// `locale`), else the browser's.
import { activate, activeLanguage, type Catalog, t } from '@/client/i18n/i18n';
import { isLanguage, type Language, matchLanguage } from '@/shared/i18n/languages';

const catalogs = import.meta.glob<Catalog>('/src/shared/i18n/locales/*/{common,public}.json', { import: 'default' });

let loaded: Language | null = null;

/** Activates `lang` with its two namespaces (a no-op when it is active already). */
export async function speakLanguage(lang: Language): Promise<void> {
  if (loaded === lang && activeLanguage() === lang) return;
  const load = (namespace: string) => catalogs[`/src/shared/i18n/locales/${lang}/${namespace}.json`]?.() ?? Promise.resolve({});
  const [common, own] = await Promise.all([load('common'), load('public')]);
  activate(lang, { ...common, ...own });
  loaded = lang;
  document.title = t('public.title');
}

/** The page's own choice (`?lang=`), if it names a language the app speaks. */
export function queryLanguage(search: string): Language | null {
  const value = new URLSearchParams(search).get('lang');
  return isLanguage(value) ? value : null;
}

/** The language to speak: the page's `?lang=`, else the site's, else the browser's, else English. */
export function publicLanguage(query: Language | null, site: Language | null | undefined, browser: readonly string[]): Language {
  return query ?? site ?? matchLanguage(browser) ?? 'en';
}
