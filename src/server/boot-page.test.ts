// The page a browser opens carries exactly what its asker may see of /api/config, /api/me and
// /api/occupancy (the API's own answers for the same cookie), and nothing for nobody, a revoked
// display, an expired session or setup mode; the language's catalog is preloaded; the key never shows.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { BOOT_ELEMENT_ID, type BootData } from '@/shared/boot-data';
import { DEMO_ACCESS_KEY, type Simulator } from '@/simulator';
import { acceptLanguage, scriptJson } from './boot-page';
import { compose } from './compose';
import { DISPLAY_COOKIE, hashToken, newToken } from './displays/display-directory';
import { loadEnv } from './env';
import { DEMO_SITE } from './demo-site';
import { memoryStore, newSimulator, NOW, TEST_ADMIN, urlOf, VENDOR_URL } from './test/support';
import type { FetchLike } from './upstream/wellpoint-client';

const KEY = `boot-key-${crypto.randomUUID()}`;
const ADMIN = { email: 'ada@example.org', password: 'an admin password' };
const STAFF = { email: 'sam@example.org', password: 'a staff password' };
const ORIGIN = 'http://localhost';

/** A built client as Vite writes it: index.html with the entry, and the manifest naming the catalogs' chunks. */
function fakeDist(): string {
  const dir = mkdtempSync(join(tmpdir(), 'occupancy-boot-'));
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html>\n<html lang="en">\n<head><script type="module" crossorigin src="/assets/index-E.js"></script></head>\n<body><div id="root"></div></body>\n</html>\n',
  );
  mkdirSync(join(dir, '.vite'));
  const catalog = (lang: string) => ({
    file: `assets/${lang}-C.js`,
    src: `src/client/i18n/catalogs/${lang}.ts`,
    isDynamicEntry: true,
    imports: ['_shared.js'],
  });
  writeFileSync(
    join(dir, '.vite/manifest.json'),
    JSON.stringify({
      'index.html': { file: 'assets/index-E.js', isEntry: true, imports: ['_shared.js'] },
      '_shared.js': { file: 'assets/shared-S.js' },
      'src/client/i18n/catalogs/en.ts': catalog('en'),
      'src/client/i18n/catalogs/de.ts': catalog('de'),
      'src/client/i18n/catalogs/hu.ts': catalog('hu'),
      'src/client/i18n/catalogs/de-kiosk.ts': { file: 'assets/de-kiosk-K.js', src: 'src/client/i18n/catalogs/de-kiosk.ts', isDynamicEntry: true },
      'src/client/features/kiosk/kiosk-page.tsx': {
        file: 'assets/kiosk-page-K.js',
        imports: ['_shared.js', '_kiosk-bits.js'],
        css: ['assets/kiosk-page-K.css'],
      },
      '_kiosk-bits.js': { file: 'assets/kiosk-bits-B.js' },
      // A screen the build's chunk plan names (scripts/chunk-plan.ts) is keyed by its file.
      '_dashboard-D.js': { file: 'assets/dashboard-D.js', name: 'dashboard', imports: ['_shared.js', 'index.html'] },
    }),
  );
  return dir;
}

/** The simulator knows its own keys only: our distinctive key reaches it as the demo account's. */
function asDemoAccount(sim: Simulator): FetchLike {
  return (input, init) => {
    const url = urlOf(input);
    if (url.searchParams.get('user_access_key') === KEY) url.searchParams.set('user_access_key', DEMO_ACCESS_KEY);
    return sim.fetch(url, init);
  };
}

const dists: string[] = [];
afterAll(() => dists.forEach((d) => rmSync(d, { recursive: true, force: true })));

function server({ key, accounts = true, transport }: { key?: string; accounts?: boolean; transport?: (sim: Simulator) => FetchLike } = {}) {
  const sim = newSimulator();
  const dist = fakeDist();
  dists.push(dist);
  const env = loadEnv({
    SITE_TIMEZONE: 'Europe/Budapest',
    LOG_LEVEL: 'silent',
    ...(key === undefined ? {} : { WELLPOINT_ACCESS_KEY: key, WELLPOINT_BASE_URL: VENDOR_URL }),
    ...(accounts ? { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password } : {}),
  });
  const composed = compose(env, {
    clientDist: dist,
    ...(key === undefined
      ? { simulator: { authDelayMs: 5, clock: sim.clock } }
      : { fetch: transport?.(sim) ?? asDemoAccount(sim), now: () => sim.clock.now() }),
    store: memoryStore(),
  });
  return { ...composed, sim };
}

async function page(app: ReturnType<typeof compose>['app'], path: string, headers: Record<string, string> = {}) {
  const res = await app.request(path, { headers });
  const html = await res.text();
  const match = new RegExp(`<script type="application/json" id="${BOOT_ELEMENT_ID}">(.*?)</script>`).exec(html);
  return { res, html, boot: match === null ? null : (JSON.parse(match[1]!) as BootData) };
}

async function api(app: ReturnType<typeof compose>['app'], path: string, cookie: string | null) {
  const res = await app.request(path, { headers: cookie === null ? {} : { cookie } });
  return { status: res.status, body: res.status === 200 ? ((await res.json()) as Record<string, unknown>) : null };
}

async function signIn(app: ReturnType<typeof compose>['app'], who: { email: string; password: string }): Promise<string> {
  const res = await app.request('/api/session', { method: 'POST', headers: { origin: ORIGIN, 'content-type': 'application/json' }, body: JSON.stringify(who) });
  expect(res.status).toBe(200);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

/** The occupancy answer without its age, which grows between two asks. */
const withoutAge = (body: unknown) => ({ ...(body as Record<string, unknown>), ageSeconds: 0 });

describe('the page with the first answers inside', async () => {
  const real = server({ key: KEY });
  await real.ready;
  await real.accounts.createUser({ email: STAFF.email, name: 'Sam', role: 'staff', password: STAFF.password });
  // The demo building's spaces, so that a display sees fewer than a person.
  await real.settings.put('spaces', { devices: DEMO_SITE.devices, spaces: DEMO_SITE.spaces }, TEST_ADMIN);
  const staff = await signIn(real.app, STAFF);
  const token = newToken();
  real.store.sqlite
    .prepare('insert into display (id, name, token_hash, spaces, mode, theme, lang, created_at) values (?, ?, ?, ?, null, null, null, ?)')
    .run('d1', 'Lobby', hashToken(token), JSON.stringify(['cafe']), NOW.toISOString());
  real.displays.reload();
  const display = `${DISPLAY_COOKIE}=${token}`;
  // The vendor's first answer is in the cache (its clock stands still): no page waits for a vendor call here.
  expect((await api(real.app, '/api/occupancy', staff)).status).toBe(200);
  const seen: string[] = [];
  const look = async (path: string, headers: Record<string, string> = {}) => {
    const got = await page(real.app, path, headers);
    seen.push(got.html, JSON.stringify([...got.res.headers]));
    return got;
  };

  it("gives a signed-in person the API's own answers, and the language they will see", async () => {
    const before = Date.now();
    const { res, html, boot } = await look('/', { cookie: staff });
    expect(res.status).toBe(200);
    expect(boot).not.toBeNull();
    expect(boot!.config).toEqual((await api(real.app, '/api/config', staff)).body);
    expect(boot!.me).toEqual((await api(real.app, '/api/me', staff)).body);
    expect(boot!.occupancy).toBeDefined();
    expect(withoutAge(boot!.occupancy)).toEqual(withoutAge((await api(real.app, '/api/occupancy', staff)).body));
    expect(boot!.fetchedAt).toBeGreaterThanOrEqual(before);
    expect(boot!.fetchedAt).toBeLessThanOrEqual(Date.now());
    expect(boot!.lang).toBe('en');
    expect(html).toContain('<html lang="en">');
    // The catalog's and the screen's own chunks beside the entry, in the head; the chunk the entry
    // brings anyway is not repeated.
    expect(html).toContain(
      '<link rel="modulepreload" crossorigin href="/assets/en-C.js"><link rel="modulepreload" crossorigin href="/assets/dashboard-D.js"></head>',
    );
    expect(html).not.toContain('modulepreload" crossorigin href="/assets/shared-S.js"');
    // What one person may see is kept by no cache.
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('vary')).toContain('Cookie');
  });

  it('gives a display only its own spaces, as the API does', async () => {
    const { boot } = await look('/kiosk', { cookie: display });
    const config = (await api(real.app, '/api/config', display)).body!;
    expect(boot!.config).toEqual(config);
    expect((config.spaces as { id: string }[]).map((s) => s.id)).toEqual(['cafe']);
    expect(((await api(real.app, '/api/config', staff)).body!.spaces as unknown[]).length).toBeGreaterThan(1);
    const own = (await api(real.app, '/api/occupancy', display)).body!;
    expect(withoutAge(boot!.occupancy)).toEqual(withoutAge(own));
    expect((own.spaces as { id: string }[]).map((s) => s.id)).toEqual(['cafe']);
    // The kiosk's own chunks and style sheet download beside the entry; only on /kiosk.
    const { html } = await look('/kiosk');
    expect(html).toContain('<link rel="modulepreload" crossorigin href="/assets/kiosk-page-K.js">');
    expect(html).toContain('<link rel="modulepreload" crossorigin href="/assets/kiosk-bits-B.js">');
    expect(html).toContain('<link rel="preload" as="style" crossorigin href="/assets/kiosk-page-K.css">');
    expect(html).not.toContain('href="/assets/shared-S.js"');
    expect((await look('/')).html).not.toContain('kiosk-page');
    // And the dashboard's chunk on the dashboard's paths, not on the kiosk's.
    expect((await look('/')).html).toContain('<link rel="modulepreload" crossorigin href="/assets/dashboard-D.js">');
    expect((await look('/anywhere/else')).html).toContain('href="/assets/dashboard-D.js"');
    expect(html).not.toContain('dashboard-D.js');
    // The kiosk chooses its language itself (its ?lang=, its link): no choice is embedded for it.
    expect(boot!.lang).toBeUndefined();
  });

  it('gives nobody anything when sign-in is required, nor an expired session or a revoked display', async () => {
    for (const cookie of [null, 'better-auth.session_token=made-up.signature', `${DISPLAY_COOKIE}=${newToken()}`]) {
      const { res, boot, html } = await look('/', cookie === null ? {} : { cookie });
      expect(res.status).toBe(200);
      expect(boot, `cookie ${cookie}`).toBeNull();
      expect(html).not.toContain(BOOT_ELEMENT_ID);
      expect(res.headers.get('cache-control')).toBe('no-cache');
    }
    real.store.sqlite.prepare('update display set revoked_at = ? where id = ?').run(NOW.toISOString(), 'd1');
    real.displays.reload();
    expect((await api(real.app, '/api/config', display)).status).toBe(401);
    expect((await look('/kiosk', { cookie: display })).boot).toBeNull();
  });

  it('preloads the language the page will start in: the kiosk’s ?lang=, else the browser’s', async () => {
    expect((await look('/kiosk?lang=de')).html).toContain('<html lang="de">');
    expect((await look('/kiosk?lang=de')).html).toContain('href="/assets/de-C.js"');
    // The kiosk's own messages in that language come with its code; no other screen's page asks for them.
    expect((await look('/kiosk?lang=de')).html).toContain('<link rel="modulepreload" crossorigin href="/assets/de-kiosk-K.js">');
    expect((await look('/', { 'accept-language': 'de' })).html).not.toContain('de-kiosk-K.js');
    const hu = await look('/sign-in', { 'accept-language': 'fr-FR, hu;q=0.8, de;q=0.5' });
    expect(hu.html).toContain('<html lang="hu">');
    expect(hu.html).toContain('href="/assets/hu-C.js"');
  });

  it('sends the page compressed to a browser that accepts it, and the plain built files as they are', async () => {
    const res = await real.app.request('/', { headers: { cookie: staff, 'accept-encoding': 'gzip, deflate, br' } });
    expect(res.headers.get('content-encoding')).toBe('br');
    const html = brotliDecompressSync(Buffer.from(await res.arrayBuffer())).toString('utf8');
    seen.push(html);
    expect(html).toContain(`id="${BOOT_ELEMENT_ID}"`);
    // index.html itself (what a service worker would keep) carries nobody's answers; the manifest is not served.
    expect(await (await real.app.request('/index.html', { headers: { cookie: staff } })).text()).not.toContain(BOOT_ELEMENT_ID);
    expect((await real.app.request('/.vite/manifest.json')).status).toBe(404);
  });

  it('never shows the access key', () => {
    expect(seen.length).toBeGreaterThan(10);
    for (const text of seen) expect(text).not.toContain(KEY);
  });
});

describe('the page in the other modes', () => {
  it('embeds nothing in setup mode (a key, no account yet)', async () => {
    const setup = server({ key: KEY, accounts: false });
    await setup.ready;
    expect(setup.setupCode()).not.toBeNull();
    const { res, boot } = await page(setup.app, '/');
    expect(res.status).toBe(200);
    expect(boot).toBeNull();
  });

  it('gives the open demo its answers', async () => {
    const demo = server({ accounts: false });
    await demo.ready;
    expect((await api(demo.app, '/api/occupancy', null)).status).toBe(200);
    const { boot } = await page(demo.app, '/');
    expect((boot!.config as { demo: boolean }).demo).toBe(true);
    expect((boot!.me as { kind: string }).kind).toBe('open');
    expect(boot!.occupancy).toBeDefined();
  });

  it('goes without the live answer when the vendor fails or is slow: the client asks and shows what it hears, as before', async () => {
    let hold = true;
    let answered = 0;
    const slow = server({
      key: KEY,
      transport: (sim) => async (input, init) => {
        // The first call never comes back while held; a failing vendor answers 503.
        while (hold) await new Promise((r) => setTimeout(r, 20));
        answered++;
        return answered === 1 ? new Response('busy', { status: 503 }) : asDemoAccount(sim)(input, init);
      },
    });
    await slow.ready;
    const cookie = await signIn(slow.app, ADMIN);
    const first = await page(slow.app, '/', { cookie });
    expect(first.boot!.config).toBeDefined();
    expect(first.boot!.occupancy).toBeUndefined();
    hold = false;
    // The vendor's 503: an error answer, not embedded.
    expect((await api(slow.app, '/api/occupancy', cookie)).status).not.toBe(200);
    expect((await page(slow.app, '/', { cookie })).boot!.occupancy).toBeUndefined();
  });
});

describe('the pieces', () => {
  it('keeps JSON inside a script element from ending it', () => {
    const name = '</script><script>alert(1)</script><!--\u2028';
    const text = scriptJson({ siteName: name });
    expect(text).not.toMatch(/<\/script|<!--|\u2028/i);
    expect((JSON.parse(text) as { siteName: string }).siteName).toBe(name);
  });

  it('reads the browser’s languages in their order of preference', () => {
    expect(acceptLanguage('fr, de-AT;q=0.4, hu;q=0.9')).toBe('hu');
    expect(acceptLanguage('de;q=0, en-US')).toBe('en');
    expect(acceptLanguage('fr, es')).toBeNull();
    expect(acceptLanguage(undefined)).toBeNull();
  });
});
