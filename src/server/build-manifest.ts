// What a page of the built SPA needs beyond its entry, read off Vite's manifest
// (.vite/manifest.json): per language, the catalog's chunks and those of its parts; per screen,
// the screen's chunks and style sheets. The page preloads them (boot-page.ts); `npm run bench` counts them as the first load.
import { type Language, LANGUAGES } from '@/shared/i18n/languages';
import { MESSAGE_PARTS, type MessagePart, type Screen, SCREEN_MESSAGES } from '@/shared/screens';

export interface ManifestChunk {
  file: string;
  name?: string;
  src?: string;
  imports?: string[];
  css?: string[];
}

export type Manifest = Record<string, ManifestChunk>;

/** Where the catalogs' chunks come from (src/client/i18n/load.ts imports them): a language's, or a part of it. */
const CATALOG_SOURCE = (lang: Language, part?: MessagePart) => `src/client/i18n/catalogs/${part === undefined ? lang : `${lang}-${part}`}.ts`;

/**
 * Each screen is a chunk of its own (src/client/app.tsx), so the kiosk's first load carries no
 * dashboard and the dashboard's no kiosk. A screen the build's chunk plan names (scripts/chunk-plan.ts:
 * `dashboard`, `kiosk`) is the chunk of that name; the others keep their module's own chunk.
 */
export const SCREEN_SOURCES: Record<Screen['kind'], string> = {
  dashboard: 'src/client/screens/dashboard-screen.tsx',
  kiosk: 'src/client/features/kiosk/kiosk-page.tsx',
  'sign-in': 'src/client/features/auth/sign-in-page.tsx',
  setup: 'src/client/features/auth/setup-page.tsx',
  'set-password': 'src/client/features/auth/set-password-page.tsx',
  settings: 'src/client/screens/settings-screen.tsx',
};

/** Files as the page names them: /assets/…. */
export interface Assets {
  chunks: string[];
  css: string[];
}

export interface PageAssets {
  /** The entry's script and every chunk it imports statically (the page's own modulepreloads). */
  entry: Assets;
  /** Per language: what its catalog adds to the entry. */
  catalogs: Partial<Record<Language, Assets>>;
  /** Per part of the catalog, per language: what it adds to the entry. */
  parts: Record<MessagePart, Partial<Record<Language, Assets>>>;
  /** Per screen: what it adds to the entry. */
  screens: Partial<Record<Screen['kind'], Assets>>;
}

/** The manifest key of a screen's chunk, or undefined when the build has none for it. */
export function screenKey(manifest: Manifest, kind: Screen['kind']): string | undefined {
  const source = SCREEN_SOURCES[kind];
  if (manifest[source] !== undefined) return source;
  // A chunk the plan made is keyed by its file (`_kiosk-<hash>.js`), with the plan's name.
  return Object.keys(manifest).find((key) => key.startsWith('_') && manifest[key]?.name === kind && manifest[key].file.endsWith('.js'));
}

export function pageAssets(manifest: Manifest): PageAssets {
  /** A chunk and everything it imports statically, as manifest keys. */
  const closure = (key: string | undefined, seen = new Set<string>()): Set<string> => {
    const chunk = key === undefined ? undefined : manifest[key];
    if (key === undefined || chunk === undefined || seen.has(key)) return seen;
    seen.add(key);
    for (const k of chunk.imports ?? []) closure(k, seen);
    return seen;
  };
  const files = (keys: Set<string>) => [...keys].map((k) => `/${manifest[k]!.file}`);
  const css = (keys: Set<string>) => [...new Set([...keys].flatMap((k) => manifest[k]?.css ?? []))].map((f) => `/${f}`);

  const entryKeys = closure('index.html');
  const entry: Assets = { chunks: files(entryKeys), css: css(entryKeys) };
  const beyondEntry = (keys: Set<string>): Assets | null => {
    const added: Assets = { chunks: files(keys).filter((f) => !entry.chunks.includes(f)), css: css(keys).filter((f) => !entry.css.includes(f)) };
    return added.chunks.length > 0 || added.css.length > 0 ? added : null;
  };

  const catalogs: PageAssets['catalogs'] = {};
  const parts = Object.fromEntries(MESSAGE_PARTS.map((part) => [part, {}])) as PageAssets['parts'];
  for (const lang of LANGUAGES) {
    const added = beyondEntry(closure(CATALOG_SOURCE(lang)));
    if (added !== null) catalogs[lang] = added;
    for (const part of MESSAGE_PARTS) {
      const partAdded = beyondEntry(closure(CATALOG_SOURCE(lang, part)));
      if (partAdded !== null) parts[part][lang] = partAdded;
    }
  }
  const screens: PageAssets['screens'] = {};
  for (const kind of Object.keys(SCREEN_SOURCES) as Screen['kind'][]) {
    const added = beyondEntry(closure(screenKey(manifest, kind)));
    if (added !== null) screens[kind] = added;
  }
  return { entry, catalogs, parts, screens };
}

/** What a page at a screen in a language preloads beyond its entry: the language's catalog, the screen's code and messages. */
export function preloadsFor(assets: PageAssets, screen: Screen['kind'], lang: Language): Assets {
  const part = SCREEN_MESSAGES[screen];
  const all = [assets.catalogs[lang], assets.screens[screen], part === undefined ? undefined : assets.parts[part][lang]];
  return {
    chunks: [...new Set(all.flatMap((a) => a?.chunks ?? []))],
    css: [...new Set(all.flatMap((a) => a?.css ?? []))],
  };
}
