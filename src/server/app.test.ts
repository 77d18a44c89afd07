// The BFF's HTTP surface as a whole: /api/config, the health probes, unknown routes, our JSON error
// shape for every failure (a crash included), and the security headers on every kind of answer.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { configSchema, healthSchema, occupancySchema, readySchema } from '@/shared/api-schema';
import { EXPORT_MAX_DAYS } from '@/shared/export-query';
import { DEMO_ACCESS_KEY, DEMO_DEVICES } from '@/simulator';
import { createApp } from './app';
import { fixedSiteView } from './settings/site-view';
import { compose } from './compose';
import { loadEnv } from './env';
import { createLogger } from './logger';
import { READY_WAIT_MS } from './routes/health';
import { NOW, TEST_ADMIN, VENDOR_URL, apiError, collectLogs, demoBff, keyedBff, memoryStore, newSimulator, testAccessDeps } from './test/support';
import { createVendorBackoff } from './upstream/vendor-backoff';
import { type FetchLike, createWellpointClient } from './upstream/wellpoint-client';

const temp = mkdtempSync(join(tmpdir(), 'occupancy-app-test-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('GET /api/config', () => {
  it('demo mode: the demo site, its labels and spaces, in the shared schema', async () => {
    const res = await demoBff({ POLL_INTERVAL_SECONDS: '7', DAY_START: '04:00', AUTH_BACKOFF_SECONDS: '90' }).app.request('/api/config');
    expect(res.status).toBe(200);
    const config = configSchema.strict().parse(await res.json());
    expect(config).toMatchObject({
      siteName: 'Riverside Leisure Centre (demo)',
      timezone: 'Europe/Budapest',
      dayStart: '04:00',
      pollIntervalMs: 7000,
      authBackoffSeconds: 90,
      demo: true,
      siteCapacity: null,
      buildId: 'dev',
      exportMaxDays: EXPORT_MAX_DAYS,
    });
    expect(config.devices).toContainEqual({ id: 94, label: 'Reading room door', capacity: null, timezone: null });
    // With spaces, capacities belong to the spaces (the site is the root).
    expect(config.spaces?.[0]).toMatchObject({ id: 'site', parent: null, capacity: 550 });
  });

  it('with a key and a site file: the file’s labels (also in /api/occupancy), and nothing secret', async () => {
    const key = `test-key-${crypto.randomUUID()}`;
    const file = join(temp, 'site.json');
    writeFileSync(file, JSON.stringify({ siteName: 'Harbour Gym', siteCapacity: 250, devices: [{ id: 91, label: 'Front door', capacity: 80 }] }));
    const sim = newSimulator({ accounts: [{ key, label: 'test', devices: DEMO_DEVICES }] });
    const { app } = keyedBff(key, { sim, env: { SITE_CONFIG_FILE: file } });

    const res = await app.request('/api/config');
    const text = await res.text();
    const config = configSchema.strict().parse(JSON.parse(text));
    expect(config).toMatchObject({ siteName: 'Harbour Gym', demo: false, siteCapacity: 250, devices: [{ id: 91, label: 'Front door', capacity: 80 }] });
    expect(text).not.toContain(key);
    expect(text).not.toContain('wellpoint.test');
    expect(text).not.toMatch(/access|secret|key/i);
    // No spaces in the file: null (the client shows the default tree of /api/occupancy).
    expect(config.spaces).toBeNull();

    const occupancy = occupancySchema.parse(await (await app.request('/api/occupancy')).json());
    expect(occupancy.devices[0]).toMatchObject({ id: 91, name: 'Front door', capacity: 80 });
    expect(occupancy.total.capacity).toBe(250);
    expect(occupancy.spacesConfigured).toBe(false);
  });

  it('with spaces in the site file: the tree root first, then depth-first, whatever order the file lists them in', async () => {
    const file = join(temp, 'spaces.json');
    const spaces = [
      { id: 'sauna', name: 'Sauna', parent: 'pool', doors: [{ device: 95, side: 'in' }] },
      { id: 'cafe', name: 'Café', parent: 'site', capacity: 40, nearlyFull: 0.75, doors: [{ device: 93, side: 'out' }] },
      { id: 'site', name: 'Leisure centre', capacity: 400, doors: [{ device: 91, side: 'in' }] },
      { id: 'pool', name: 'Pool hall', parent: 'site', doors: [{ device: 94, side: 'in' }] },
    ];
    writeFileSync(file, JSON.stringify({ devices: [{ id: 93, label: 'Café door' }], spaces }));
    const { app } = keyedBff(DEMO_ACCESS_KEY, { env: { SITE_CONFIG_FILE: file } });

    const config = configSchema.strict().parse(await (await app.request('/api/config')).json());
    expect(config.siteName).toBe('Leisure centre');
    expect(config.spaces).toEqual([
      { id: 'site', name: 'Leisure centre', parent: null, capacity: 400, nearlyFull: 0.8, doors: [{ device: 91, side: 'in' }] },
      { id: 'cafe', name: 'Café', parent: 'site', capacity: 40, nearlyFull: 0.75, doors: [{ device: 93, side: 'out' }] },
      { id: 'pool', name: 'Pool hall', parent: 'site', capacity: null, nearlyFull: 0.8, doors: [{ device: 94, side: 'in' }] },
      { id: 'sauna', name: 'Sauna', parent: 'pool', capacity: null, nearlyFull: 0.8, doors: [{ device: 95, side: 'in' }] },
    ]);
    expect(config.devices).toEqual([{ id: 93, label: 'Café door', capacity: null, timezone: null }]);

    const occupancy = occupancySchema.parse(await (await app.request('/api/occupancy')).json());
    expect(occupancy.spacesConfigured).toBe(true);
    expect(occupancy.spaces.map((s) => s.id)).toEqual(['site', 'cafe', 'pool', 'sauna']);
  });
});

describe('health probes', () => {
  it('GET /healthz: 200 while the process runs, even when the vendor is down', async () => {
    const { app, sim } = demoBff();
    sim.setFaults({ status: 503 });
    const res = await app.request('/healthz');
    expect(res.status).toBe(200);
    expect(healthSchema.parse(await res.json()).status).toBe('ok');
    expect(sim.calls.getoccupancy).toBe(0);
  });

  it('GET /readyz: 200 with a fresh answer, without a vendor call of its own within the cache period', async () => {
    const { app, sim } = demoBff();
    expect((await app.request('/api/occupancy')).status).toBe(200);
    const res = await app.request('/readyz');
    expect(res.status).toBe(200);
    expect(readySchema.strict().parse(await res.json())).toEqual({ status: 'ready', demo: true, lastSuccessAt: NOW.toISOString(), lastError: null });
    expect(sim.calls.getoccupancy).toBe(1);
  });

  it('GET /readyz: 503 with the last error when the vendor fails, and while only a stale answer is left', async () => {
    const { app, sim } = demoBff({ CACHE_SECONDS: '10' });
    expect((await app.request('/readyz')).status).toBe(200);
    sim.setFaults({ status: 502 });
    sim.clock.advance(12_000);
    // The first request past the cache period is answered at once; the refresh fails behind it.
    await vi.waitFor(async () => expect(occupancySchema.parse(await (await app.request('/api/occupancy')).json()).stale).toBe(true));
    const res = await app.request('/readyz');
    expect(res.status).toBe(503);
    expect(readySchema.strict().parse(await res.json())).toEqual({
      status: 'not_ready',
      demo: true,
      lastSuccessAt: NOW.toISOString(),
      lastError: {
        code: 'upstream_unavailable',
        message: 'The WELLPOINT cloud is not answering right now.',
        at: new Date(NOW.getTime() + 12_000).toISOString(),
      },
    });
  });

  it('GET /readyz: 503 upstream_auth for a wrong key, with no success ever', async () => {
    const res = await keyedBff('not-a-key').app.request('/readyz');
    expect(res.status).toBe(503);
    expect(readySchema.parse(await res.json())).toMatchObject({ status: 'not_ready', demo: false, lastSuccessAt: null, lastError: { code: 'upstream_auth' } });
  });
});

describe('unknown routes and crashes', () => {
  it.each([
    ['GET', '/api/nope', 404, null, 'not_found'],
    ['GET', '/api/occupancy/extra', 404, null, 'not_found'],
    ['POST', '/api/nope', 404, null, 'not_found'],
    ['GET', '/api/', 404, null, 'not_found'],
    // A real endpoint asked with another method: 405 with Allow.
    ['POST', '/api/occupancy', 405, 'GET', 'method_not_allowed'],
    ['DELETE', '/api/config', 405, 'GET', 'method_not_allowed'],
    ['PUT', '/api/history', 405, 'GET', 'method_not_allowed'],
    ['POST', '/api/export', 405, 'GET', 'method_not_allowed'],
    ['OPTIONS', '/api/export/file/some-token', 405, 'GET', 'method_not_allowed'],
    ['PATCH', '/api/occupancy', 405, 'GET', 'method_not_allowed'],
  ])('%s %s: %i in our JSON shape, with the security headers', async (method, path, status, allow, code) => {
    const res = await demoBff().app.request(path, { method });
    expect(res.status).toBe(status);
    expect(res.headers.get('allow')).toBe(allow);
    expect((await apiError(res)).code).toBe(code);
    expectSecurityHeaders(res, true);
  });

  it('HEAD /api/export keeps its own refusal (405, Allow: GET), also with the SPA mounted', async () => {
    const { app } = demoBff();
    const res = await app.request('/api/export?from=2026-11-25&to=2026-11-26', { method: 'HEAD' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET');
  });

  it('an unexpected error: 500 internal in our JSON shape, no stack, the key redacted in the log', async () => {
    const key = `test-key-${crypto.randomUUID()}`;
    const logs = collectLogs();
    const logger = createLogger({ level: 'info', secrets: [key], destination: logs.destination });
    const client = createWellpointClient({
      baseUrl: new URL(VENDOR_URL),
      accessKey: key,
      fetch: () => Promise.reject(new Error('unused')),
      timeoutMs: 1000,
      exportTimeoutMs: 1000,
      logger,
    });
    const app = createApp({
      client,
      occupancy: {
        current: () => Promise.reject(new TypeError(`Cannot read properties of undefined (url ${VENDOR_URL}?user_access_key=${key})`)),
        answer: () => Promise.reject(new TypeError(`Cannot read properties of undefined (url ${VENDOR_URL}?user_access_key=${key})`)),
        health: () => ({ lastSuccessAt: null, lastError: null }),
        reconfigure: () => undefined,
        onFresh: () => () => undefined,
      },
      site: fixedSiteView({ devices: [] }),
      now: () => NOW,
      logger,
      ...testAccessDeps(logger, { assume: TEST_ADMIN }),
      weekStartsOn: 1,
      pollIntervalMs: 10_000,
      authBackoffSeconds: 60,
      demo: false,
      buildId: 'dev',
      exportConcurrency: 4,
      backoff: createVendorBackoff({ now: () => NOW, baseMs: 10_000, maxMs: 300_000, authMs: 60_000 }),
      historyConcurrency: 2,
      historyCacheBytes: 1_000_000,
    });
    const res = await app.request('/api/occupancy');
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ error: { code: 'internal', message: 'Something went wrong on the server. Try again in a moment.' } });
    expectSecurityHeaders(res, true);
    await new Promise((r) => setImmediate(r));
    expect(logs.text()).toContain('unexpected error');
    expect(logs.text()).toContain('Cannot read properties of undefined');
    expect(logs.text()).not.toContain(key);
  });
});

function expectSecurityHeaders(res: Response, api: boolean) {
  const csp = res.headers.get('content-security-policy') ?? '';
  const directives = new Map(
    csp.split(';').map((d) => {
      const [name = '', ...values] = d.trim().split(/\s+/);
      return [name, values.join(' ')];
    }),
  );
  expect(directives.get('frame-ancestors')).toBe("'none'");
  expect(directives.get('default-src')).toBe("'self'");
  expect(directives.get('script-src')).toBe("'self'");
  expect(directives.get('object-src')).toBe("'none'");
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).not.toContain('unsafe-eval');
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  expect(res.headers.get('x-frame-options')).toBe('DENY');
  if (api) expect(res.headers.get('cache-control')).toBe('no-store');
}

describe('security headers on every answer', () => {
  const { app, sim } = demoBff({ UPSTREAM_TIMEOUT_MS: '1000' });
  const failing = demoBff();
  failing.sim.setFaults({ status: 503 });
  const wrongKey = keyedBff('not-a-key');

  it.each([
    ['occupancy 200', () => app.request('/api/occupancy'), 200],
    ['occupancy 503', () => failing.app.request('/api/occupancy'), 503],
    ['occupancy 502 (wrong key)', () => wrongKey.app.request('/api/occupancy'), 502],
    ['export 200 (CSV)', () => app.request('/api/export?from=2026-11-25&to=2026-11-26'), 200],
    ['export 400', () => app.request('/api/export?from=2026-02-30&to=2026-03-01'), 400],
    ['export 503', () => failing.app.request('/api/export?from=2026-11-25&to=2026-11-26'), 503],
    ['config 200', () => app.request('/api/config'), 200],
    ['unknown API route 404', () => app.request('/api/nope'), 404],
    ['readyz 200', () => app.request('/readyz'), 200],
    ['readyz 503', () => failing.app.request('/readyz'), 503],
    ['healthz 200', () => app.request('/healthz'), 200],
  ] as const)('%s', async (_label, send, status) => {
    const res = await send();
    expect(res.status).toBe(status);
    expectSecurityHeaders(res, true);
    await res.body?.cancel();
  });

  it('on the SPA’s page and on a missing page', async () => {
    const dist = join(temp, 'dist');
    mkdirSync(join(dist, 'assets'), { recursive: true });
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Occupancy Live</title><div id="root"></div>');
    writeFileSync(join(dist, 'assets', 'app-1234.js'), 'console.log(1)');
    const withClient = compose(loadEnv({ SITE_TIMEZONE: 'Europe/Budapest', LOG_LEVEL: 'silent' }), {
      clientDist: dist,
      simulator: { clock: sim.clock },
      store: memoryStore(),
    }).app;

    for (const path of ['/', '/kiosk', '/assets/app-1234.js']) {
      const res = await withClient.request(path);
      expect(res.status).toBe(200);
      expectSecurityHeaders(res, false);
    }
    // Pages are revalidated (a kiosk that reloads for a new build must get the new page); hashed
    // assets are cached for good; a missing asset is a 404, not the page.
    const page = await withClient.request('/kiosk');
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    // The open demo's pages carry its first answers (boot-page.ts): kept nowhere, as the API's are.
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect((await withClient.request('/')).headers.get('cache-control')).toBe('no-store');
    expect((await withClient.request('/assets/app-1234.js')).headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const missingAsset = await withClient.request('/assets/app-0000.js');
    expect(missingAsset.status).toBe(404);
    expect(missingAsset.headers.get('cache-control')).toBeNull();
    expectSecurityHeaders(missingAsset, false);
    const missingApi = await withClient.request('/api/nope');
    expect(missingApi.status).toBe(404);
    expect((await apiError(missingApi)).code).toBe('not_found');
    const missing = await app.request('/no-such-page');
    expect(missing.status).toBe(404);
    expectSecurityHeaders(missing, false);
    expect(sim.calls.getoccupancy).toBeGreaterThan(0); // the embedded simulator really was the vendor
  });
});

describe('GET /readyz while the vendor hangs', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it(`answers 503 not_ready after ${READY_WAIT_MS} ms at most, with no good answer yet`, async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let calls = 0;
    const hang: FetchLike = (_input, init) => {
      calls++;
      return new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason as Error)));
    };
    const { app } = keyedBff('test-key-hang', { fetch: hang });
    let res: Response | null = null;
    void Promise.resolve(app.request('/readyz')).then((r) => (res = r));
    await vi.advanceTimersByTimeAsync(READY_WAIT_MS - 1);
    expect(res).toBeNull();
    await vi.advanceTimersByTimeAsync(1);
    expect(res).not.toBeNull();
    expect(res!.status).toBe(503);
    expect(readySchema.parse(await res!.json())).toMatchObject({ status: 'not_ready', lastSuccessAt: null });
    // A second probe joins the call under way instead of starting another.
    void app.request('/readyz');
    await vi.advanceTimersByTimeAsync(READY_WAIT_MS);
    expect(calls).toBe(1);
  });

  it('answers at once from the last good answer while a refresh hangs', async () => {
    let hanging = false;
    const sim = newSimulator();
    const vendor: FetchLike = (input, init) => (hanging ? new Promise<Response>(() => undefined) : sim.fetch(input, init));
    const { app } = keyedBff(DEMO_ACCESS_KEY, { sim, fetch: vendor, env: { CACHE_SECONDS: '10' } });
    expect((await app.request('/readyz')).status).toBe(200);
    hanging = true;
    sim.clock.advance(11_000);
    // No timers are faked here: the answer cannot be waiting for the 750 ms fallback, it must come from the service at once.
    const waited = Symbol('waited');
    const res = await Promise.race([app.request('/readyz'), new Promise((r) => setImmediate(r)).then(() => waited)]);
    expect(res).not.toBe(waited);
    expect((res as Response).status).toBe(200);
    sim.clock.advance(3_000); // the refresh is overdue: the answer is no longer live
    expect((await app.request('/readyz')).status).toBe(503);
  });
});

/** A built client as vite writes it: robots and favicons from public/, each text file also as .br and .gz. */
function builtClient(name: string, options: { publicFiles?: boolean } = {}): string {
  const dist = join(temp, name);
  mkdirSync(join(dist, 'assets'), { recursive: true });
  const texts: Record<string, string> = {
    'index.html': `<!doctype html><title>Occupancy Live</title><div id="root"></div>${' '.repeat(2000)}`,
    'assets/app-1234.js': `console.log(${JSON.stringify('x'.repeat(4000))});`,
  };
  for (const [file, text] of Object.entries(texts)) {
    writeFileSync(join(dist, file), text);
    writeFileSync(join(dist, `${file}.br`), brotliCompressSync(text));
    writeFileSync(join(dist, `${file}.gz`), gzipSync(text));
  }
  if (options.publicFiles ?? true) {
    for (const file of ['robots.txt', 'favicon.ico', 'favicon.svg']) copyFileSync(join(import.meta.dirname, '../../public', file), join(dist, file));
  }
  return dist;
}

function withClientApp(dist: string, env: Record<string, string> = {}) {
  return compose(loadEnv({ SITE_TIMEZONE: 'Europe/Budapest', LOG_LEVEL: 'silent', ...env }), { clientDist: dist, store: memoryStore() }).app;
}

async function bodyBytes(res: Response): Promise<Buffer> {
  return Buffer.from(await res.arrayBuffer());
}

describe('robots.txt and the favicon', () => {
  it('are real files from public/: robots allows only /public, the icons have image types', async () => {
    const app = withClientApp(builtClient('dist-public'));
    const robots = await app.request('/robots.txt');
    expect(robots.status).toBe(200);
    expect(robots.headers.get('content-type')).toMatch(/^text\/plain/);
    expect((await robots.text()).split('\n').filter(Boolean)).toEqual(['User-agent: *', 'Allow: /public', 'Disallow: /']);
    const ico = await app.request('/favicon.ico');
    expect(ico.status).toBe(200);
    expect(ico.headers.get('content-type')).toMatch(/icon/);
    expect([...(await bodyBytes(ico)).subarray(0, 4)]).toEqual([0, 0, 1, 0]); // the ICO magic number
    const svg = await app.request('/favicon.svg');
    expect(svg.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect(await svg.text()).toContain('#3b55c9');
    expectSecurityHeaders(svg, false);
  });

  it('index.html names both icons', () => {
    const html = readFileSync(join(import.meta.dirname, '../../index.html'), 'utf8');
    expect(html).toContain('href="/favicon.svg"');
    expect(html).toContain('href="/favicon.ico"');
  });

  it('a missing file at a file-like path is a 404, not the SPA’s page; page paths still get the page', async () => {
    const app = withClientApp(builtClient('dist-no-public', { publicFiles: false }));
    for (const path of ['/robots.txt', '/favicon.ico', '/logo.png']) {
      const res = await app.request(path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type') ?? '', path).not.toMatch(/html/);
      expect(await res.text(), path).not.toContain('<div id="root">');
    }
    for (const path of ['/kiosk', '/history', '/']) {
      const res = await app.request(path);
      expect(res.status, path).toBe(200);
      expect(await res.text(), path).toContain('<div id="root">');
    }
  });
});

describe('HSTS only over https', () => {
  const dist = builtClient('dist-hsts');
  const plain = withClientApp(dist);
  const proxied = withClientApp(dist, { TRUST_PROXY: 'true' });
  const paths = ['/api/occupancy', '/api/config', '/api/nope', '/kiosk', '/assets/app-1234.js'];

  it.each(paths)('%s: none on plain http, sent on https', async (path) => {
    const http = await plain.request(`http://localhost${path}`);
    expect(http.headers.get('strict-transport-security')).toBeNull();
    const https = await plain.request(`https://localhost${path}`);
    expect(https.headers.get('strict-transport-security')).toBe('max-age=15552000; includeSubDomains');
  });

  it.each(paths)('%s: X-Forwarded-Proto counts only with TRUST_PROXY', async (path) => {
    const headers = { 'x-forwarded-proto': 'https' };
    expect((await plain.request(`http://localhost${path}`, { headers })).headers.get('strict-transport-security')).toBeNull();
    expect((await proxied.request(`http://localhost${path}`, { headers })).headers.get('strict-transport-security')).toBe(
      'max-age=15552000; includeSubDomains',
    );
    expect(
      (await proxied.request(`http://localhost${path}`, { headers: { 'x-forwarded-proto': 'http' } })).headers.get('strict-transport-security'),
    ).toBeNull();
  });
});

describe('compression', () => {
  const dist = builtClient('dist-compressed');
  const app = withClientApp(dist);
  const br = { 'accept-encoding': 'gzip, deflate, br' };
  const gzipOnly = { 'accept-encoding': 'gzip, deflate' };

  it.each([
    ['/assets/app-1234.js', 'public, max-age=31536000, immutable'],
    // The open demo's pages carry its first answers (boot-page.ts), made per request: without them, the built file.
    ['/', 'no-store'],
    ['/kiosk', 'no-store'],
  ])('%s: br to a br client, gzip to a gzip-only client, identity otherwise, always with Vary', async (path, cacheControl) => {
    const isPage = !path.startsWith('/assets/');
    const file = isPage ? 'index.html' : path.slice(1);
    const plainText = readFileSync(join(dist, file), 'utf8');
    const withoutAnswers = (text: string) => (isPage ? text.replace(/<script type="application\/json" id="boot">.*?<\/script>/s, '') : text);

    const asBr = await app.request(path, { headers: br });
    expect(asBr.headers.get('content-encoding')).toBe('br');
    expect(withoutAnswers(brotliDecompressSync(await bodyBytes(asBr)).toString('utf8'))).toBe(plainText);

    const asGzip = await app.request(path, { headers: gzipOnly });
    expect(asGzip.headers.get('content-encoding')).toBe('gzip');
    expect(withoutAnswers(gunzipSync(await bodyBytes(asGzip)).toString('utf8'))).toBe(plainText);

    const asIs = await app.request(path);
    expect(asIs.headers.get('content-encoding')).toBeNull();
    expect(withoutAnswers(await asIs.text())).toBe(plainText);

    for (const res of [asBr, asGzip, asIs]) {
      expect(res.status).toBe(200);
      expect(res.headers.get('vary')).toBe(isPage ? 'Accept-Encoding, Cookie, Accept-Language' : 'Accept-Encoding');
      expect(res.headers.get('cache-control')).toBe(cacheControl);
      expectSecurityHeaders(res, false);
    }
  });

  it('/api/occupancy (over 1 KB): br, gzip or plain as the client accepts, the same JSON each way', async () => {
    const plainRes = await app.request('/api/occupancy');
    const plainText = await plainRes.text();
    expect(plainText.length).toBeGreaterThan(1024);
    expect(plainRes.headers.get('content-encoding')).toBeNull();
    expect(plainRes.headers.get('vary')).toBe('Accept-Encoding');

    const asBr = await app.request('/api/occupancy', { headers: br });
    expect(asBr.headers.get('content-encoding')).toBe('br');
    expect(brotliDecompressSync(await bodyBytes(asBr)).toString('utf8')).toBe(plainText);
    const asGzip = await app.request('/api/occupancy', { headers: gzipOnly });
    expect(asGzip.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(await bodyBytes(asGzip)).toString('utf8')).toBe(plainText);
    const refused = await app.request('/api/occupancy', { headers: { 'accept-encoding': 'br;q=0, gzip;q=0' } });
    expect(refused.headers.get('content-encoding')).toBeNull();
    expect(await refused.text()).toBe(plainText);

    for (const res of [plainRes, asBr, asGzip]) {
      expect(res.status).toBe(200);
      expect(res.headers.get('vary')).toBe('Accept-Encoding');
      expectSecurityHeaders(res, true);
    }
  });

  it('other JSON over 1 KB is compressed (with Vary, secure headers, no-store); small JSON is not', async () => {
    const big = await app.request('/api/history?from=2026-11-20&to=2026-11-26&resolution=hour', { headers: br });
    expect(big.status).toBe(200);
    expect(big.headers.get('content-encoding')).toBe('br');
    const json = JSON.parse(brotliDecompressSync(await bodyBytes(big)).toString('utf8')) as unknown;
    expect(JSON.stringify(json).length).toBeGreaterThan(1024);
    expect(big.headers.get('vary')).toBe('Accept-Encoding');
    expectSecurityHeaders(big, true);

    const small = await app.request('/api/nope', { headers: br });
    expect(small.status).toBe(404);
    expect(small.headers.get('content-encoding')).toBeNull();
    expect((await apiError(small)).code).toBe('not_found');
    expectSecurityHeaders(small, true);
  });

  it('/api/export is never compressed, whatever the client accepts', async () => {
    const csv = await app.request('/api/export?from=2026-11-01&to=2026-11-26', { headers: br });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-encoding')).toBeNull();
    expect((await csv.text()).length).toBeGreaterThan(1024);
    const refused = await app.request('/api/export?from=2026-02-30&to=2026-03-01', { headers: br });
    expect(refused.status).toBe(400);
    expect(refused.headers.get('content-encoding')).toBeNull();
  });
});
