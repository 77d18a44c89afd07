// The public view's server side: GET /api/public (off → 404, chosen spaces only, numbers only if
// chosen, CORS for the allowed origins only, a limit per client address, one JSON text per answer)
// and the /public page's framing headers, through the route alone and through the composed server.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { Occupancy, SpaceOccupancy } from '@/shared/api-schema';
import { publicOccupancySchema } from '@/shared/public-schema';
import { DEFAULT_PUBLIC, type Locale, type PublicSettings } from '@/shared/settings-schema';
import { DEMO_ACCESS_KEY } from '@/simulator';
import { compose } from '../compose';
import { loadEnv } from '../env';
import { apiError, keyedBff, memoryStore, newSimulator } from '../test/support';
import { UpstreamError } from '../upstream/upstream-error';
import { buildPublicOccupancy, publicRoutes } from './public';

const ALLOWED = 'https://gym.example.org';
const REFUSED = 'https://elsewhere.example';

function space(id: string, name: string, patch: Partial<SpaceOccupancy> = {}): SpaceOccupancy {
  return {
    id,
    name,
    parent: id === 'site' ? null : 'site',
    capacity: 100,
    nearlyFull: 0.8,
    doors: [{ device: 91, side: 'in' }],
    in: 40,
    out: 10,
    raw: 30,
    occupancy: 30,
    state: 'available',
    drift: null,
    ...patch,
  };
}

function answerOf(spaces: SpaceOccupancy[], stale = false): Occupancy {
  return {
    generatedUtc: '2026-11-26T10:15:03.000Z',
    fetchedAt: '2026-11-26T10:15:03.000Z',
    ageSeconds: 0,
    stale,
    staleReason: stale ? { code: 'upstream_unavailable', message: 'x', retryInSeconds: 10 } : null,
    dayStart: { utc: '2026-11-25T23:00:00.000Z', local: '2026-11-26T00:00:00+01:00', timezone: 'Europe/Budapest' },
    total: { in: 40, out: 10, occupancy: 30, capacity: 100 },
    devices: [{ id: 91, name: 'Main', in: 40, out: 10, raw: 30, occupancy: 30, corrected: 30, capacity: null, health: null }],
    spaces,
    spacesConfigured: true,
    unknownDevices: [],
    notice: null,
  };
}

const TREE = [
  space('site', 'Leisure centre', { capacity: 500, occupancy: 450, state: 'nearly_full' }),
  space('gym', 'Gym', { capacity: 40, occupancy: 41, state: 'full' }),
  // None of the sauna's doors is in the vendor's answer: no count.
  space('sauna', 'Sauna', { doors: [{ device: 99, side: 'in' }], occupancy: 0, state: 'unknown' }),
  space('cafe', 'Café'),
];

interface Harness {
  app: Hono;
  settings: { value: PublicSettings };
  current: { value: Occupancy | UpstreamError };
  build: ReturnType<typeof vi.fn<typeof buildPublicOccupancy>>;
  locale: { value: Locale };
}

function harness(settings: Partial<PublicSettings> = {}, rateLimit = { points: 1000, durationSeconds: 60 }, trustProxy = false): Harness {
  const state = { value: { ...DEFAULT_PUBLIC, enabled: true, spaces: ['gym', 'site', 'sauna'], allowOrigins: [ALLOWED], ...settings } };
  const current: Harness['current'] = { value: answerOf(TREE) };
  const build = vi.fn(buildPublicOccupancy);
  const locale: Harness['locale'] = { value: 'en' };
  const routes = publicRoutes(
    {
      occupancy: {
        current: () => (current.value instanceof UpstreamError ? Promise.reject(current.value) : Promise.resolve(current.value)),
      },
      getPublic: () => state.value,
      siteName: () => 'Riverside',
      locale: () => locale.value,
      pollIntervalMs: 10_000,
      trustProxy,
    },
    { rateLimit, build },
  );
  return { app: new Hono().route('/api/public', routes), settings: state, current, build, locale };
}

/** A request as the Node adapter hands it over: the socket's address in the bindings. */
const from = (address: string, headers: Record<string, string> = {}) =>
  [
    { headers },
    { incoming: { headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v])), socket: { remoteAddress: address } } },
  ] as const;

describe('GET /api/public', () => {
  it('off (the default): 404 not_found in words, for any origin', async () => {
    const { app } = harness({ enabled: false });
    const res = await app.request('/api/public', { headers: { origin: ALLOWED } });
    expect(res.status).toBe(404);
    expect(await apiError(res)).toEqual({ code: 'not_found', message: 'The public view is turned off.' });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('the chosen spaces only, in the tree’s order, levels without numbers, cacheable for one poll', async () => {
    const { app } = harness();
    const res = await app.request('/api/public');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=10');
    const body = publicOccupancySchema.strict().parse(await res.json());
    expect(body).toEqual({
      siteName: 'Riverside',
      locale: 'en',
      generatedUtc: '2026-11-26T10:15:03.000Z',
      stale: false,
      spaces: [
        { id: 'site', name: 'Leisure centre', state: 'nearly_full' },
        { id: 'gym', name: 'Gym', state: 'full' },
        { id: 'sauna', name: 'Sauna', state: 'unknown' },
      ],
    });
  });

  it('says the site’s language, and a new one at once when an admin changes it', async () => {
    const h = harness();
    expect(publicOccupancySchema.parse(await (await h.app.request('/api/public')).json()).locale).toBe('en');
    h.locale.value = 'hu';
    // Same counts, new language: not the memo of the English answer.
    expect(publicOccupancySchema.parse(await (await h.app.request('/api/public')).json()).locale).toBe('hu');
  });

  it('a browser with cookies (someone signed in) gets a private answer: no shared cache keeps a session cookie', async () => {
    const { app } = harness();
    const res = await app.request('/api/public', { headers: { cookie: 'occupancy.session_token=abc' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('private, max-age=10');
  });

  it('numbers only when chosen; a space with no live count has none (null, not 0)', async () => {
    const { app } = harness({ showNumbers: true });
    const body = publicOccupancySchema.parse(await (await app.request('/api/public')).json());
    expect(body.spaces).toEqual([
      { id: 'site', name: 'Leisure centre', state: 'nearly_full', occupancy: 450, capacity: 500 },
      { id: 'gym', name: 'Gym', state: 'full', occupancy: 41, capacity: 40 },
      { id: 'sauna', name: 'Sauna', state: 'unknown', occupancy: null, capacity: 100 },
    ]);
  });

  it('a stale answer says so; a vendor failure with nothing kept is a plain 503 with no vendor details', async () => {
    const h = harness();
    h.current.value = answerOf(TREE, true);
    expect(publicOccupancySchema.parse(await (await h.app.request('/api/public')).json()).stale).toBe(true);
    h.current.value = new UpstreamError('upstream_auth', 'rejected', { retryInSeconds: 42 });
    const res = await h.app.request('/api/public');
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('42');
    expect(await apiError(res)).toEqual({ code: 'upstream_unavailable', message: 'The live count is unavailable right now.' });
  });

  it('CORS: an allowed origin may read it (no credentials), a refused one gets no CORS header', async () => {
    const { app } = harness();
    const allowed = await app.request('/api/public', { headers: { origin: ALLOWED } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(allowed.headers.get('access-control-allow-credentials')).toBeNull();
    expect(allowed.headers.get('vary')).toMatch(/\bOrigin\b/);

    const refused = await app.request('/api/public', { headers: { origin: REFUSED } });
    expect(refused.status).toBe(200);
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    expect(refused.headers.get('vary')).toMatch(/\bOrigin\b/);

    const preflight = await app.request('/api/public', {
      method: 'OPTIONS',
      headers: { origin: ALLOWED, 'access-control-request-method': 'GET' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(preflight.headers.get('access-control-allow-methods')).toBe('GET,HEAD');
    const refusedPreflight = await app.request('/api/public', { method: 'OPTIONS', headers: { origin: REFUSED, 'access-control-request-method': 'GET' } });
    expect(refusedPreflight.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('CORS follows the settings as they are now', async () => {
    const h = harness();
    h.settings.value = { ...h.settings.value, allowOrigins: [REFUSED] };
    expect((await h.app.request('/api/public', { headers: { origin: REFUSED } })).headers.get('access-control-allow-origin')).toBe(REFUSED);
    expect((await h.app.request('/api/public', { headers: { origin: ALLOWED } })).headers.get('access-control-allow-origin')).toBeNull();
  });

  it('limits each client address: one request too many is 429 rate_limited with Retry-After; another address is not held up', async () => {
    const { app } = harness({}, { points: 3, durationSeconds: 60 });
    for (let i = 0; i < 3; i++) expect((await app.request('/api/public', ...from('203.0.113.7'))).status).toBe(200);
    const limited = await app.request('/api/public', ...from('203.0.113.7', { origin: ALLOWED }));
    expect(limited.status).toBe(429);
    expect((await apiError(limited)).code).toBe('rate_limited');
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // An allowed site's script can read why (and when to come back).
    expect(limited.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(limited.headers.get('access-control-expose-headers')).toBe('Retry-After');
    expect((await app.request('/api/public', ...from('203.0.113.8'))).status).toBe(200);
  });

  it('behind a trusted proxy the forwarded address is the client; without TRUST_PROXY the header is ignored', async () => {
    const trusted = harness({}, { points: 1, durationSeconds: 60 }, true);
    expect((await trusted.app.request('/api/public', ...from('10.0.0.1', { 'x-forwarded-for': '198.51.100.1' }))).status).toBe(200);
    expect((await trusted.app.request('/api/public', ...from('10.0.0.1', { 'x-forwarded-for': '198.51.100.2' }))).status).toBe(200);
    expect((await trusted.app.request('/api/public', ...from('10.0.0.1', { 'x-forwarded-for': '198.51.100.2' }))).status).toBe(429);

    const untrusted = harness({}, { points: 1, durationSeconds: 60 }, false);
    expect((await untrusted.app.request('/api/public', ...from('10.0.0.1', { 'x-forwarded-for': '198.51.100.1' }))).status).toBe(200);
    expect((await untrusted.app.request('/api/public', ...from('10.0.0.1', { 'x-forwarded-for': '198.51.100.2' }))).status).toBe(429);
  });

  it('builds the JSON once per occupancy answer: again only for new counts, a stale flag or new settings', async () => {
    const h = harness();
    const texts = new Set<string>();
    const ask = async () => texts.add(await (await h.app.request('/api/public')).text());
    for (let i = 0; i < 5; i++) await ask();
    expect(h.build).toHaveBeenCalledTimes(1);
    expect(texts.size).toBe(1);

    // The service's next answer for the same snapshot is a new object with the same spaces.
    h.current.value = { ...(h.current.value as Occupancy), ageSeconds: 4.2 };
    await ask();
    expect(h.build).toHaveBeenCalledTimes(1);

    h.current.value = answerOf(TREE.map((s) => (s.id === 'gym' ? { ...s, occupancy: 20, state: 'available' as const } : s)));
    await ask();
    await ask();
    expect(h.build).toHaveBeenCalledTimes(2);

    h.current.value = { ...h.current.value, stale: true };
    await ask();
    expect(h.build).toHaveBeenCalledTimes(3);

    // The same settings read again (a new object) are not a change; a new choice is.
    h.settings.value = { ...h.settings.value, spaces: [...h.settings.value.spaces] };
    await ask();
    expect(h.build).toHaveBeenCalledTimes(3);
    h.settings.value = { ...h.settings.value, showNumbers: true };
    await ask();
    expect(h.build).toHaveBeenCalledTimes(4);
    expect(texts.size).toBe(4);
  });
});

describe('GET /api/public, a large answer', () => {
  it('is compressed for a client that accepts it, once per answer, and says it varies', async () => {
    const many = Array.from({ length: 40 }, (_, i) => space(i === 0 ? 'site' : `room-${i}`, `Room number ${i} of the east wing`));
    const h = harness({ spaces: many.map((s) => s.id) });
    h.current.value = answerOf(many);
    const plain = await (await h.app.request('/api/public')).text();
    expect(plain.length).toBeGreaterThan(1024);
    const br = await h.app.request('/api/public', { headers: { 'accept-encoding': 'gzip, br' } });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toMatch(/Accept-Encoding/);
    expect(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString()).toBe(plain);
    const gzip = await h.app.request('/api/public', { headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gzip.arrayBuffer())).toString()).toBe(plain);
    expect(h.build).toHaveBeenCalledTimes(1);
  });
});

describe('the public view in the composed server', () => {
  const temp = mkdtempSync(join(tmpdir(), 'occupancy-public-test-'));
  afterAll(() => rmSync(temp, { recursive: true, force: true }));
  const dist = join(temp, 'dist');
  mkdirSync(join(dist, 'assets'), { recursive: true });
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Occupancy Live</title><div id="root"></div>');
  writeFileSync(
    join(dist, 'public.html'),
    '<!doctype html><title>How busy is it now</title><main id="public-view" data-state="loading"><!--view--><p>Loading the live count…</p><!--/view--></main>',
  );

  /** The composed server; the public view from the site file, or saved in the store beforehand. */
  function server(publicBlock: unknown, saved?: unknown) {
    const file = join(temp, `site-${crypto.randomUUID()}.json`);
    writeFileSync(file, JSON.stringify({ siteName: 'Harbour Gym', ...(publicBlock === undefined ? {} : { public: publicBlock }) }));
    const sim = newSimulator();
    const store = memoryStore();
    if (saved !== undefined) {
      store.sqlite
        .prepare('insert into settings (key, value, updated_at, updated_by) values (?, ?, ?, ?)')
        .run('public', JSON.stringify(saved), new Date().toISOString(), 'admin@example.org');
    }
    return compose(loadEnv({ SITE_TIMEZONE: 'Europe/Budapest', LOG_LEVEL: 'silent', SITE_CONFIG_FILE: file }), {
      clientDist: dist,
      simulator: { clock: sim.clock },
      store,
    }).app;
  }

  const csp = (res: Response) =>
    new Map(
      (res.headers.get('content-security-policy') ?? '').split(';').map((d) => {
        const [name = '', ...values] = d.trim().split(/\s+/);
        return [name, values.join(' ')];
      }),
    );

  it('provisioned on: /api/public answers the file’s choice; /public may be framed by the allowed origins only', async () => {
    const app = server({ enabled: true, spaces: ['site'], allowOrigins: [ALLOWED, 'http://localhost:8080/'] });
    const api = await app.request('/api/public', { headers: { origin: ALLOWED } });
    expect(api.status).toBe(200);
    expect(api.headers.get('cache-control')).toBe('public, max-age=10');
    expect(api.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    const body = publicOccupancySchema.parse(await api.json());
    expect(body.siteName).toBe('Harbour Gym');
    expect(body.spaces.map((s) => s.id)).toEqual(['site']);
    // The site's language, for the page to speak it (English until an admin chooses another).
    expect(body.locale).toBe('en');

    const page = await app.request('/public');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Loading the live count');
    // The origin as a browser sends it (the file's trailing slash dropped).
    expect(csp(page).get('frame-ancestors')).toBe(`${ALLOWED} http://localhost:8080`);
    expect(page.headers.get('x-frame-options')).toBeNull();
    expect(csp(page).get('script-src')).toBe("'self'");

    // Every other page keeps refusing every frame.
    for (const path of ['/', '/kiosk', '/public/', '/api/config']) {
      const other = await app.request(path);
      expect(csp(other).get('frame-ancestors'), path).toBe("'none'");
      expect(other.headers.get('x-frame-options'), path).toBe('DENY');
    }
    const post = await app.request('/api/public', { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET');

    const file = await app.request('/public.html');
    expect(file.status).toBe(301);
    expect(file.headers.get('location')).toBe('/public');
  });

  it('a build without public.html: /public is a 404, never the SPA’s page', async () => {
    const bare = join(temp, 'bare');
    mkdirSync(bare, { recursive: true });
    writeFileSync(join(bare, 'index.html'), '<!doctype html><title>Occupancy Live</title><div id="root"></div>');
    const file = join(temp, `site-${crypto.randomUUID()}.json`);
    writeFileSync(file, JSON.stringify({ public: { enabled: true, spaces: ['site'], allowOrigins: [ALLOWED] } }));
    const app = compose(loadEnv({ SITE_TIMEZONE: 'Europe/Budapest', LOG_LEVEL: 'silent', SITE_CONFIG_FILE: file }), {
      clientDist: bare,
      simulator: { clock: newSimulator().clock },
      store: memoryStore(),
    }).app;
    const page = await app.request('/public');
    expect(page.status).toBe(404);
    expect(await page.text()).not.toContain('id="root"');
  });

  it('on without allowed origins: /public is shown but framed by nobody', async () => {
    const page = await server({ enabled: true, spaces: ['site'] }).request('/public');
    expect(page.status).toBe(200);
    expect(csp(page).get('frame-ancestors')).toBe("'none'");
    expect(page.headers.get('x-frame-options')).toBe('DENY');
  });

  it('off (no public block): /public is a 404 page that says so, framed by nobody; /api/public 404', async () => {
    const app = server(undefined);
    const page = await app.request('/public');
    expect(page.status).toBe(404);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const text = await page.text();
    expect(text).toContain('The public view is turned off.');
    expect(text).not.toContain('Loading the live count');
    expect(csp(page).get('frame-ancestors')).toBe("'none'");
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect((await app.request('/api/public')).status).toBe(404);
  });

  it('saved by an admin (the store): on, with its origins', async () => {
    const app = server(undefined, { enabled: true, spaces: ['site'], allowOrigins: [ALLOWED] });
    const api = await app.request('/api/public', { headers: { origin: ALLOWED } });
    expect(api.status).toBe(200);
    expect(api.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    const page = await app.request('/public');
    expect(page.status).toBe(200);
    expect(csp(page).get('frame-ancestors')).toBe(ALLOWED);
  });

  it('an admin’s change reaches /public at once: off, then on and framed by the new origin, then off again', async () => {
    // Demo mode without an account: the open demo acts as an admin.
    const app = server(undefined);
    expect((await app.request('/public')).status).toBe(404);
    const save = (body: unknown) =>
      app.request('http://localhost/api/admin/settings/public', {
        method: 'PUT',
        headers: { origin: 'http://localhost', 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await save({ enabled: true, spaces: ['site'], allowOrigins: [REFUSED] })).status).toBe(200);
    const page = await app.request('/public');
    expect(page.status).toBe(200);
    expect(csp(page).get('frame-ancestors')).toBe(REFUSED);
    expect((await save({ enabled: false, allowOrigins: [REFUSED] })).status).toBe(200);
    const off = await app.request('/public');
    expect(off.status).toBe(404);
    expect(csp(off).get('frame-ancestors')).toBe("'none'");
  });

  it('with accounts, nobody signed in reads /api/public but not the dashboard’s config', async () => {
    const file = join(temp, `site-${crypto.randomUUID()}.json`);
    writeFileSync(file, JSON.stringify({ public: { enabled: true, spaces: ['site'] } }));
    const { app } = keyedBff(DEMO_ACCESS_KEY, {
      assume: null,
      env: { SITE_CONFIG_FILE: file, ADMIN_EMAIL: 'admin@example.org', ADMIN_PASSWORD: 'a long enough password 123' },
    });
    expect((await app.request('/api/public')).status).toBe(200);
    expect((await app.request('/api/config')).status).toBe(401);
  });

  it('the demo without a site file keeps it off', async () => {
    const { app } = keyedBff(DEMO_ACCESS_KEY);
    expect((await app.request('/api/public')).status).toBe(404);
  });
});
