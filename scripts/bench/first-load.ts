// First-load JavaScript of a screen of the built SPA (the dashboard unless told): the entry script
// of index.html, every <link rel="modulepreload">, the screen's chunks (the server's page preloads
// them: src/server/build-manifest.ts), (as a safety net) every chunk those import statically, and
// the largest language catalog (the app waits for its start language's), each
// gzipped at zlib's default level 6 (what nginx, Caddy and most CDNs use on the fly). Files in
// assets/ outside that set are the lazy chunks.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { posix, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type Manifest, pageAssets } from '../../src/server/build-manifest';
import { type Screen, SCREEN_MESSAGES } from '../../src/shared/screens';

export const GZIP_LEVEL = 6;
/** A string that minified recharts code keeps (its CSS class names). */
export const RECHARTS_MARKER = 'recharts';

export interface ChunkInfo {
  file: string;
  bytes: number;
  gzipBytes: number;
  /** How the browser gets it on first load: entry, modulepreload, screen, or static import. */
  via: string;
  recharts: boolean;
}

export interface FirstLoad {
  firstLoad: ChunkInfo[];
  lazy: ChunkInfo[];
  totalGzip: number;
  totalRaw: number;
  /** First-load chunks found only by following static imports (missing modulepreload links). */
  notPreloaded: string[];
}

type Attributes = Map<string, string>;

function tags(html: string, name: string): Attributes[] {
  const out: Attributes[] = [];
  for (const m of html.matchAll(new RegExp(`<${name}\\b([^>]*)>`, 'gi'))) {
    const attrs: Attributes = new Map();
    for (const a of (m[1] ?? '').matchAll(/([^\s=/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g)) {
      attrs.set((a[1] ?? '').toLowerCase(), a[2] ?? a[3] ?? a[4] ?? '');
    }
    out.push(attrs);
  }
  return out;
}

/** Static `import … from "x"`, `import "x"` and `export … from "x"` specifiers of a minified ES module (not `import("x")`). */
function staticImports(code: string): string[] {
  const out: string[] = [];
  for (const m of code.matchAll(/(?:^|[;}\n\s])(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?["']([^"']+\.js)["']/g)) {
    if (m[1] !== undefined) out.push(m[1]);
  }
  return out;
}

function info(root: string, file: string, via: string): ChunkInfo {
  const bytes = readFileSync(resolve(root, file));
  return { file, bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: GZIP_LEVEL }).length, via, recharts: bytes.includes(RECHARTS_MARKER) };
}

/** `root` is the build output folder holding index.html, assets/ and .vite/manifest.json. */
export function analyseBuild(root: string, screen: Screen['kind'] = 'dashboard'): FirstLoad {
  const indexPath = resolve(root, 'index.html');
  if (!existsSync(indexPath)) throw new Error(`${indexPath} is missing`);
  const html = readFileSync(indexPath, 'utf8');
  const toFile = (url: string) => posix.normalize(url.replace(/^\//, '').replace(/[?#].*$/, ''));

  const entries = tags(html, 'script')
    .filter((a) => a.get('type') === 'module' && (a.get('src') ?? '') !== '')
    .map((a) => toFile(a.get('src') ?? ''));
  if (entries.length === 0) throw new Error('index.html has no <script type="module" src>');
  const preloads = tags(html, 'link')
    .filter((a) => (a.get('rel') ?? '').split(/\s+/).includes('modulepreload') && (a.get('href') ?? '') !== '')
    .map((a) => toFile(a.get('href') ?? ''));

  const seen = new Map<string, string>();
  const queue: string[] = [];
  const add = (f: string, via: string) => {
    if (seen.has(f)) return;
    seen.set(f, via);
    queue.push(f);
  };
  for (const f of entries) add(f, 'entry');
  for (const f of preloads) add(f, 'modulepreload');
  const manifestPath = resolve(root, '.vite/manifest.json');
  const page = existsSync(manifestPath) ? pageAssets(JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest) : null;
  for (const f of page?.screens[screen]?.chunks ?? []) add(toFile(f), `${screen} (the page preloads it)`);
  const notPreloaded: string[] = [];
  while (queue.length > 0) {
    const file = queue.shift() ?? '';
    const path = resolve(root, file);
    if (!existsSync(path)) continue;
    for (const spec of staticImports(readFileSync(path, 'utf8'))) {
      const target = spec.startsWith('/') ? toFile(spec) : posix.normalize(posix.join(posix.dirname(file), spec));
      if (!seen.has(target) && existsSync(resolve(root, target))) {
        seen.set(target, 'static import');
        notPreloaded.push(target);
        queue.push(target);
      }
    }
  }

  const files = existsSync(resolve(root, 'assets')) ? readdirSync(resolve(root, 'assets')).filter((f) => f.endsWith('.js')) : [];
  // The app renders once its start language's catalog is in (src/client/main.tsx): the largest
  // of the three counts, as the first load of a site in that language carries it.
  const catalogs = files
    .filter((f) => /^(en|de|hu)-(?!settings-|history-|kiosk-)[\w-]+\.js$/.test(f))
    .map((f) => info(root, `assets/${f}`, 'language catalog'));
  const biggest = catalogs.sort((a, b) => b.gzipBytes - a.gzipBytes)[0];
  if (biggest) seen.set(biggest.file, 'language (largest)');
  // A screen whose messages come with its code (the kiosk's): the largest language's part too.
  const part = SCREEN_MESSAGES[screen];
  if (part !== undefined && page !== null) {
    const sizes = Object.values(page.parts[part]).map((a) =>
      a.chunks
        .map(toFile)
        .filter((f) => !seen.has(f))
        .map((f) => info(root, f, `${part} messages`)),
    );
    const largest = sizes.sort((a, b) => b.reduce((n, c) => n + c.gzipBytes, 0) - a.reduce((n, c) => n + c.gzipBytes, 0))[0] ?? [];
    for (const c of largest) seen.set(c.file, `${part} messages (largest language)`);
  }
  const firstLoad = [...seen].filter(([f]) => existsSync(resolve(root, f))).map(([f, via]) => info(root, f, via));
  const lazy = files
    .map((f) => `assets/${f}`)
    .filter((f) => !seen.has(f))
    .map((f) => info(root, f, 'lazy'))
    .sort((a, b) => b.gzipBytes - a.gzipBytes);
  return {
    firstLoad,
    lazy,
    totalGzip: firstLoad.reduce((s, c) => s + c.gzipBytes, 0),
    totalRaw: firstLoad.reduce((s, c) => s + c.bytes, 0),
    notPreloaded,
  };
}
