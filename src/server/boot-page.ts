// index.html as a page path gets it: `<html lang>` of the language the screen will speak; that
// language's catalog chunk and the path's screen (its code, its messages) preloaded beside the
// entry (decision 027); and what the requester may see of /api/config, /api/me and /api/occupancy
// embedded as JSON, so the first numbers paint without a round trip (decision 026). The API itself answers, in-process, with the page request's
// own headers: the same access rules decide, and only its 200 answers are embedded.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Context } from 'hono';
import { BOOT_ELEMENT_ID, type BootData } from '@/shared/boot-data';
import { isLanguage, type Language, matchLanguage } from '@/shared/i18n/languages';
import { type Screen, screenOf } from '@/shared/screens';
import type { AccessMode } from './access';
import { type Manifest, type PageAssets, pageAssets, preloadsFor } from './build-manifest';
import { chooseEncoding, compressSync, type Encoding } from './compression';

export interface BootPageOptions {
  /** The built client: index.html and Vite's manifest (.vite/manifest.json). */
  root: string;
  /** The app whose API answers (asked in-process). */
  fetch: (request: Request, env: unknown) => Response | Promise<Response>;
  mode: () => AccessMode;
  /** Wall-clock time (epoch ms) for `fetchedAt`: the browser judges the answer's age by it. */
  clock?: () => number;
  /** Longest wait for the live answer (a first vendor call): the page never waits longer for it. */
  occupancyWaitMs?: number;
}

/** A vendor that answers slowly must not hold the page: without the answer the client asks itself. */
const OCCUPANCY_WAIT_MS = 300;
/** Pages differ by language, by who asks and by the answer's age: a few recent ones are kept compressed. */
const COMPRESSED_KEPT = 16;
interface Template {
  html: string;
  /** The chunks a page may preload beyond the entry: the languages' and the screens'. */
  assets: PageAssets | null;
}

function loadTemplate(root: string): Template | null {
  const file = resolve(root, 'index.html');
  if (!existsSync(file)) return null;
  const html = readFileSync(file, 'utf8');
  const manifestFile = resolve(root, '.vite/manifest.json');
  const assets = existsSync(manifestFile) ? pageAssets(JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest) : null;
  return { html, assets };
}

/** The browser's languages in its order of preference (Accept-Language), the first the app speaks. */
export function acceptLanguage(header: string | undefined): Language | null {
  if (header === undefined) return null;
  const tags = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q\s*=\s*([0-9.]+)\s*$/i.exec(p)?.[1]).find((v) => v !== undefined);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q) || 0, index };
    })
    .filter((t) => t.tag !== '' && t.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return matchLanguage(tags.map((t) => t.tag));
}

/** JSON inside a <script> element: nothing in it may close the element or open a comment. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

interface Asked {
  body: unknown;
  setCookie: string[];
}

export function createBootPage(options: BootPageOptions) {
  const clock = options.clock ?? Date.now;
  const occupancyWaitMs = options.occupancyWaitMs ?? OCCUPANCY_WAIT_MS;
  let template: Template | null = null;
  const compressed = new Map<string, Uint8Array<ArrayBuffer>>();

  /** The API's 200 answer for this page request's asker, or null (any other status, or too slow). */
  const ask = async (c: Context, path: string, waitMs?: number): Promise<Asked | null> => {
    const headers = new Headers(c.req.raw.headers);
    // Plain JSON, please: the page is compressed as a whole.
    headers.delete('accept-encoding');
    // Under the Node adapter headers are read off the incoming message: a copy of it, with these.
    const incoming = (c.env as { incoming?: { socket?: unknown } } | undefined)?.incoming;
    const env: unknown = incoming === undefined ? c.env : { incoming: { headers: Object.fromEntries(headers), socket: incoming.socket } };
    const answer = Promise.resolve(options.fetch(new Request(new URL(path, c.req.url), { headers }), env)).then(async (res) =>
      res.status === 200 ? { body: (await res.json()) as unknown, setCookie: res.headers.getSetCookie() } : null,
    );
    if (waitMs === undefined) return answer;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<null>((done) => (timer = setTimeout(() => done(null), waitMs)));
    // The answer still arrives (and is cached for the next poll); the page just does not wait.
    answer.catch(() => undefined);
    return Promise.race([answer, late]).finally(() => clearTimeout(timer));
  };

  /** What this asker may see, or null: setup mode, nobody, a revoked display, an expired session. */
  const bootFor = async (c: Context): Promise<{ boot: BootData; setCookie: string[] } | null> => {
    if (options.mode() === 'setup') return null;
    const [config, me, occupancy] = await Promise.all([ask(c, '/api/config'), ask(c, '/api/me'), ask(c, '/api/occupancy', occupancyWaitMs)]);
    // The config is for people and displays: without it, the asker may see nothing.
    if (config === null || me === null) return null;
    const boot: BootData = { fetchedAt: clock(), config: config.body, me: me.body, ...(occupancy === null ? {} : { occupancy: occupancy.body }) };
    const setCookie = [...new Set([config, me, occupancy].flatMap((a) => a?.setCookie ?? []))];
    return { boot, setCookie };
  };

  const render = (t: Template, lang: Language, boot: BootData | null, screen: Screen['kind']): string => {
    const { chunks: modules, css: styles } = t.assets === null ? { chunks: [], css: [] } : preloadsFor(t.assets, screen, lang);
    const preload =
      modules.map((href) => `<link rel="modulepreload" crossorigin href="${escapeAttr(href)}">`).join('') +
      styles.map((href) => `<link rel="preload" as="style" crossorigin href="${escapeAttr(href)}">`).join('');
    const script = boot === null ? '' : `<script type="application/json" id="${BOOT_ELEMENT_ID}">${scriptJson(boot)}</script>`;
    return t.html
      .replace(/<html lang="[^"]*"/, `<html lang="${lang}"`)
      .replace('</head>', `${preload}</head>`)
      .replace('<div id="root"></div>', `<div id="root"></div>${script}`);
  };

  const bytesOf = (html: string, encoding: Encoding): Uint8Array<ArrayBuffer> => {
    const key = `${encoding}:${html}`;
    let bytes = compressed.get(key);
    if (bytes === undefined) {
      bytes = compressSync(html, encoding);
      if (compressed.size >= COMPRESSED_KEPT) compressed.delete(compressed.keys().next().value!);
      compressed.set(key, bytes);
    }
    return bytes;
  };

  return async (c: Context): Promise<Response | null> => {
    template ??= loadTemplate(options.root);
    if (template === null) return null;
    const found = await bootFor(c);
    const browser = acceptLanguage(c.req.header('accept-language'));
    let lang: Language;
    const screen = screenOf(c.req.path).kind;
    if (screen === 'kiosk') {
      // The kiosk chooses its own (its ?lang=, its display link): the guess here is only a preload.
      const query = c.req.query('lang');
      lang = isLanguage(query) ? query : (browser ?? 'en');
    } else if (found !== null) {
      // The dashboard's and Settings' choice (src/client/i18n/language-choice.ts): the person's, the site's, the browser's.
      const person = (found.boot.me as { user?: { locale?: unknown } | null }).user?.locale;
      const site = (found.boot.config as { locale?: unknown }).locale;
      lang = isLanguage(person) ? person : isLanguage(site) ? site : (browser ?? 'en');
      found.boot.lang = lang;
    } else {
      lang = browser ?? 'en';
    }
    const html = render(template, lang, found?.boot ?? null, screen);
    // Through the context: headers other middleware set before (HSTS) stay on the answer.
    c.header('Content-Type', 'text/html; charset=UTF-8');
    // With what one asker may see inside, the page is kept nowhere, as the API's answers are.
    c.header('Cache-Control', found === null ? 'no-cache' : 'no-store');
    c.header('Vary', 'Accept-Encoding, Cookie, Accept-Language');
    for (const cookie of found?.setCookie ?? []) c.header('Set-Cookie', cookie, { append: true });
    const encoding = chooseEncoding(c.req.header('accept-encoding'));
    if (encoding !== null) c.header('Content-Encoding', encoding);
    if (c.req.method === 'HEAD') return c.body(null, 200);
    return encoding === null ? c.body(html, 200) : c.body(bytesOf(html, encoding), 200);
  };
}
