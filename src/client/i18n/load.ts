// Loading a language's catalog (a chunk of its own: only the language shown is downloaded), the
// parts of it that come with their code (Settings, history, the kiosk), and the first guess at
// start, before the server has said which language the screen should speak.
import { isLanguage, type Language, matchLanguage } from '@/shared/i18n/languages';
import { type MessagePart, screenOf } from '@/shared/screens';
import { activate, activeLanguage, type Catalog } from './i18n';

type CatalogModule = Promise<{ default: Catalog }>;
const catalogs: Record<Language, () => CatalogModule> = {
  en: () => import('./catalogs/en'),
  de: () => import('./catalogs/de'),
  hu: () => import('./catalogs/hu'),
};
const parts: Record<MessagePart, Record<Language, () => CatalogModule>> = {
  settings: {
    en: () => import('./catalogs/en-settings'),
    de: () => import('./catalogs/de-settings'),
    hu: () => import('./catalogs/hu-settings'),
  },
  history: {
    en: () => import('./catalogs/en-history'),
    de: () => import('./catalogs/de-history'),
    hu: () => import('./catalogs/hu-history'),
  },
  kiosk: {
    en: () => import('./catalogs/en-kiosk'),
    de: () => import('./catalogs/de-kiosk'),
    hu: () => import('./catalogs/hu-kiosk'),
  },
};

/** The last language this browser showed: the next start opens in it, without a flash of another. */
export const LANGUAGE_STORAGE_KEY = 'occupancy.lang';

function remembered(): Language | null {
  try {
    const value = localStorage.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(value) ? value : null;
  } catch {
    return null; // storage blocked: nothing remembered
  }
}

function remember(lang: Language): void {
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, lang);
  } catch {
    // storage blocked or full: the next start guesses again
  }
}

/** A kiosk's `?lang=`, when it names a language the app speaks. */
export function queryLanguage(search: string): Language | null {
  const value = new URLSearchParams(search).get('lang');
  return isLanguage(value) ? value : null;
}

/** The browser's own languages: only when nothing else says. */
export function browserLanguage(): Language | null {
  return typeof navigator === 'undefined' ? null : matchLanguage(navigator.languages ?? [navigator.language]);
}

/**
 * The language to start in: a kiosk's `?lang=`, else the one this browser showed last, else the
 * browser's, else English. The server's answers may change it a moment later (language-choice.ts).
 */
export function startLanguage(location: { pathname: string; search: string }): Language {
  const query = screenOf(location.pathname).kind === 'kiosk' ? queryLanguage(location.search) : null;
  return query ?? remembered() ?? browserLanguage() ?? 'en';
}

const wanted = new Set<MessagePart>();
let loading: { lang: Language; done: Promise<void>; settled: boolean } | null = null;

async function fetchCatalog(lang: Language): Promise<Catalog> {
  const modules = await Promise.all([catalogs[lang](), ...[...wanted].map((part) => parts[part][lang]())]);
  return Object.assign({}, ...modules.map((m) => m.default)) as Catalog;
}

/** Downloads a language's catalog and makes it the active one (once, however often asked). */
export function loadLanguage(lang: Language): Promise<void> {
  // Asked while it downloads, or once it is the language shown: nothing more to do.
  if (loading?.lang === lang && (!loading.settled || activeLanguage() === lang)) return loading.done;
  const done = fetchCatalog(lang).then(
    (messages) => {
      // A later choice wins over a slower earlier download.
      if (loading?.lang !== lang) return;
      loading.settled = true;
      remember(lang);
      activate(lang, messages);
    },
    (error: unknown) => {
      // Asked again, it downloads again (the network may be back).
      if (loading?.lang === lang) loading = null;
      throw error;
    },
  );
  loading = { lang, done, settled: false };
  return done;
}

/** Adds a part's messages to the language shown (and to any it switches to later). */
export async function loadMessages(part: MessagePart): Promise<void> {
  if (wanted.has(part)) return loading?.done;
  wanted.add(part);
  const lang = loading?.lang;
  if (lang === undefined) return;
  loading = null;
  await loadLanguage(lang);
}

/** Forgets any download under way, so it activates nothing when it lands (tests: one test's language never reaches the next). */
export function forgetLanguageLoading(): void {
  loading = null;
}
