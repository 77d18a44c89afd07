// Display links through the real app: an admin makes, lists and revokes them; a link's token is
// swapped for the HttpOnly cookie and never kept; a display reads only its own spaces' live counts
// and description, gets 403 everywhere else, is seen when it polls, and is told within one poll
// that its link was revoked.
import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { configSchema, meSchema, occupancySchema } from '@/shared/api-schema';
import { createdDisplaySchema, displayListSchema } from '@/shared/display-schema';
import { createClock } from '@/simulator';
import { compose } from '../compose';
import { DISPLAY_COOKIE_MAX_AGE_SECONDS } from '../displays/display-cookie';
import { loadEnv } from '../env';
import { apiError, collectLogs, memoryStore, NOW } from '../test/support';
import { DISPLAY_TOKEN_FAILURES } from './display-session';

const ORIGIN = 'http://localhost';
const ADMIN = { email: 'admin@example.org', password: 'an admin password for tests' };
const STAFF = { email: 'staff@example.org', password: 'a staff password for tests' };
const DAY_MS = 24 * 60 * 60 * 1000;

/** The demo site (spaces site, library, reading-room, cafe, pool, sauna, gym, studio) with accounts. */
async function site(env: Record<string, string> = {}) {
  const clock = createClock();
  clock.setFixed(NOW);
  const logs = collectLogs();
  const store = memoryStore();
  const composed = compose(
    loadEnv({ SITE_TIMEZONE: 'Europe/Budapest', LOG_LEVEL: 'debug', ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, ...env }),
    { clientDist: null, simulator: { authDelayMs: 5, clock }, logDestination: logs.destination, store },
  );
  await composed.ready;
  const app = composed.app;
  const call = (path: string, init: { method?: string; cookie?: string; body?: unknown; headers?: Record<string, string> } = {}) =>
    app.request(path, {
      method: init.method ?? 'GET',
      headers: {
        ...(init.method !== undefined && init.method !== 'GET' ? { origin: ORIGIN } : {}),
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(init.cookie === undefined ? {} : { cookie: init.cookie }),
        ...init.headers,
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
  const signIn = async (who: { email: string; password: string }) => {
    const res = await call('/api/session', { method: 'POST', body: who });
    expect(res.status, await res.clone().text()).toBe(200);
    return cookiesOf(res);
  };
  const admin = await signIn(ADMIN);
  const makeDisplay = async (body: Record<string, unknown>) => {
    const res = await call('/api/admin/displays', { method: 'POST', cookie: admin, body });
    expect(res.status, await res.clone().text()).toBe(201);
    const created = createdDisplaySchema.parse(await res.json());
    return { ...created, token: new URL(created.url).hash.replace('#display=', '') };
  };
  /** Opens a link as the wall screen does: the token for the cookie. */
  const open = async (token: string, headers: Record<string, string> = {}) => {
    const res = await call('/api/display/session', { method: 'POST', body: { token }, headers });
    return { res, cookie: cookiesOf(res) };
  };
  const list = async () => displayListSchema.parse(await (await call('/api/admin/displays', { cookie: admin })).json());
  return { app, call, store, clock, logs, admin, signIn, makeDisplay, open, list, accounts: composed.accounts };
}

function cookiesOf(res: Response): string {
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

describe('POST /api/admin/displays', () => {
  it('makes a link whose token is in the fragment of the page’s own origin and is kept only as its hash', async () => {
    const s = await site();
    const made = await s.makeDisplay({ name: 'Café wall', spaces: ['cafe'], mode: 'total', theme: 'light', lang: 'de' });
    expect(made.url).toMatch(/^http:\/\/localhost\/kiosk#display=[A-Za-z0-9_-]{43}$/);

    const rows = s.store.sqlite.prepare('select * from display').all() as Record<string, unknown>[];
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: made.id, name: 'Café wall', spaces: '["cafe"]', mode: 'total', theme: 'light', lang: 'de', revoked_at: null });
    expect(rows[0]!.token_hash).toBe(createHash('sha256').update(made.token).digest('hex'));
    const everything = JSON.stringify([rows, s.store.sqlite.prepare('select * from audit').all(), s.logs.text()]);
    expect(everything).not.toContain(made.token);
    expect(s.store.sqlite.prepare("select action, target from audit where action like 'display.%'").all()).toEqual([
      { action: 'display.created', target: 'Café wall' },
    ]);
  });

  it('refuses spaces the site does not have, several spaces for one number, and unknown modes, themes and languages', async () => {
    const s = await site();
    const cases: [Record<string, unknown>, string][] = [
      [{ name: 'Lobby', spaces: ['cafe', 'attic'] }, 'spaces.1'],
      [{ name: 'Lobby', spaces: ['cafe', 'gym'], mode: 'total' }, 'spaces'],
      [{ name: 'Lobby', spaces: [] }, 'spaces'],
      [{ name: 'Lobby', mode: 'cards' }, 'mode'],
      [{ name: 'Lobby', theme: 'blue' }, 'theme'],
      [{ name: 'Lobby', lang: 'fr' }, 'lang'],
      [{ name: 'Lobby', chime: 'yes' }, 'chime'],
      [{ name: '  ' }, 'name'],
      [{ name: 'Lobby', token: 'mine' }, ''],
    ];
    for (const [body, field] of cases) {
      const res = await s.call('/api/admin/displays', { method: 'POST', cookie: s.admin, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      const error = await apiError(res);
      expect(error.code).toBe('bad_request');
      expect(error.field ?? '').toBe(field);
    }
    expect(await s.list()).toEqual([]);
  });

  it('keeps the chime choice (off unless asked), lists it, and tells the display itself', async () => {
    const s = await site();
    const loud = await s.makeDisplay({ name: 'Café wall', spaces: ['cafe'], mode: 'total', chime: true });
    const quiet = await s.makeDisplay({ name: 'Lobby' });
    expect((await s.list()).map((d) => [d.name, d.chime])).toEqual([
      ['Café wall', true],
      ['Lobby', false],
    ]);
    expect(s.store.sqlite.prepare('select name, chime from display order by created_at, name').all()).toEqual([
      { name: 'Café wall', chime: 1 },
      { name: 'Lobby', chime: 0 },
    ]);
    for (const [made, chime] of [
      [loud, true],
      [quiet, false],
    ] as const) {
      const { res, cookie } = await s.open(made.token);
      expect(meSchema.parse(await res.json()).display?.chime).toBe(chime);
      expect(meSchema.parse(await (await s.call('/api/display', { cookie })).json()).display?.chime).toBe(chime);
    }
    expect(s.store.sqlite.prepare("select detail from audit where action = 'display.created' and target = 'Café wall'").get()).toEqual({
      detail: expect.stringContaining('"chime":true') as unknown,
    });
  });

  it('without configured spaces, takes the default ids: the site and a space per door', async () => {
    const s = await site();
    // The demo has spaces; a display of the site and one of them is taken, a door's default id is not.
    await s.makeDisplay({ name: 'Whole site', spaces: ['site'] });
    const res = await s.call('/api/admin/displays', { method: 'POST', cookie: s.admin, body: { name: 'Door', spaces: ['device-91'] } });
    expect(res.status).toBe(400);
    expect((await apiError(res)).message).toContain('its spaces: site, library, reading-room, cafe, pool, sauna, gym, studio');
  });

  it('is for admins only: staff get 403, nobody 401, and a page of another site 403', async () => {
    const s = await site();
    await s.accounts.createUser({ ...STAFF, name: 'Staff', role: 'staff' });
    const staff = await s.signIn(STAFF);
    const made = await s.makeDisplay({ name: 'Lobby' });
    for (const [method, path] of [
      ['GET', '/api/admin/displays'],
      ['POST', '/api/admin/displays'],
      ['DELETE', `/api/admin/displays/${made.id}`],
    ] as const) {
      const body = method === 'POST' ? { name: 'Mine' } : undefined;
      expect((await s.call(path, { method, cookie: staff, body })).status, `${method} ${path} as staff`).toBe(403);
      expect((await s.call(path, { method, body })).status, `${method} ${path} as nobody`).toBe(401);
    }
    const foreign = await s.call('/api/admin/displays', { method: 'POST', cookie: s.admin, body: { name: 'X' }, headers: { origin: 'https://evil.example' } });
    expect(foreign.status).toBe(403);
    expect((await s.list()).map((d) => d.name)).toEqual(['Lobby']);
  });
});

describe('POST /api/display/session', () => {
  it('swaps the token for an HttpOnly, SameSite=Lax cookie of 400 days and answers the display’s settings', async () => {
    const s = await site();
    const made = await s.makeDisplay({ name: 'Pool hall', spaces: ['pool', 'sauna'], theme: 'light', lang: 'hu' });
    const { res, cookie } = await s.open(made.token);
    expect(res.status).toBe(200);
    expect(meSchema.parse(await res.json())).toEqual({
      kind: 'display',
      display: { id: made.id, name: 'Pool hall', spaces: ['pool', 'sauna'], mode: null, theme: 'light', lang: 'hu', chime: false },
      demo: true,
    });
    const [setCookie] = res.headers.getSetCookie();
    expect(setCookie).toBe(`occupancy_display=${made.token}; Max-Age=${DISPLAY_COOKIE_MAX_AGE_SECONDS}; Path=/; HttpOnly; SameSite=Lax`);
    expect(cookie).toBe(`occupancy_display=${made.token}`);
    const me = meSchema.parse(await (await s.call('/api/me', { cookie })).json());
    expect(me.display?.name).toBe('Pool hall');
    expect(s.store.sqlite.prepare("select action, target from audit where action = 'display.opened'").all()).toEqual([
      { action: 'display.opened', target: 'Pool hall' },
    ]);
  });

  it('sets the cookie Secure over https behind a trusted proxy', async () => {
    const s = await site({ TRUST_PROXY: 'true' });
    const made = await s.makeDisplay({ name: 'Lobby' });
    const { res } = await s.open(made.token, { 'x-forwarded-proto': 'https' });
    expect(res.headers.getSetCookie()[0]).toMatch(/; Secure/);
  });

  it('refuses a wrong token (401), a revoked one (401 display_revoked), a foreign page (403), and too many wrong tokens (429)', async () => {
    const s = await site();
    const made = await s.makeDisplay({ name: 'Lobby' });
    const wrong = await s.open('x'.repeat(43));
    expect(wrong.res.status).toBe(401);
    expect((await apiError(wrong.res)).code).toBe('unauthorized');
    expect(wrong.res.headers.getSetCookie()).toEqual([]);

    const foreign = await s.call('/api/display/session', { method: 'POST', body: { token: made.token }, headers: { origin: 'https://evil.example' } });
    expect(foreign.status).toBe(403);

    for (let i = 1; i < DISPLAY_TOKEN_FAILURES - 1; i++) expect((await s.open(`wrong-${i}`)).res.status).toBe(401);
    const last = await s.open('wrong-last');
    expect(last.res.status).toBe(429);
    expect(Number(last.res.headers.get('retry-after'))).toBeGreaterThan(0);
    // Even the right token waits now: guessing is not worth it.
    expect((await s.open(made.token)).res.status).toBe(429);

    const other = await site();
    const revoked = await other.makeDisplay({ name: 'Old' });
    expect((await other.call(`/api/admin/displays/${revoked.id}`, { method: 'DELETE', cookie: other.admin })).status).toBe(204);
    const again = await other.open(revoked.token);
    expect(again.res.status).toBe(401);
    expect((await apiError(again.res)).code).toBe('display_revoked');
  });

  it('opens a new link on a screen whose old link was revoked', async () => {
    const s = await site();
    const old = await s.makeDisplay({ name: 'Old' });
    const { cookie } = await s.open(old.token);
    await s.call(`/api/admin/displays/${old.id}`, { method: 'DELETE', cookie: s.admin });
    const fresh = await s.makeDisplay({ name: 'New' });
    const res = await s.call('/api/display/session', { method: 'POST', cookie, body: { token: fresh.token } });
    expect(res.status).toBe(200);
    expect(cookiesOf(res)).toBe(`occupancy_display=${fresh.token}`);
  });

  it('a browser left with a revoked display cookie can still sign a person in, and is then that person', async () => {
    const s = await site();
    const old = await s.makeDisplay({ name: 'Old' });
    const { cookie } = await s.open(old.token);
    await s.call(`/api/admin/displays/${old.id}`, { method: 'DELETE', cookie: s.admin });
    expect((await s.call('/api/me', { cookie })).status).toBe(401);
    const signedIn = await s.call('/api/session', { method: 'POST', cookie, body: ADMIN });
    expect(signedIn.status).toBe(200);
    const both = `${cookie}; ${cookiesOf(signedIn)}`;
    const me = await s.call('/api/me', { cookie: both });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ kind: 'user', user: { email: ADMIN.email } });
    expect((await s.call('/api/admin/displays', { cookie: both })).status).toBe(200);
  });

  it('is refused in a browser signed in as a person, so their Settings stay within reach', async () => {
    const s = await site();
    const made = await s.makeDisplay({ name: 'Lobby' });
    const res = await s.call('/api/display/session', { method: 'POST', cookie: s.admin, body: { token: made.token } });
    expect(res.status).toBe(409);
    expect(res.headers.getSetCookie()).toEqual([]);
  });
});

describe('a display’s scope', () => {
  it('reads only its spaces’ live counts: their doors, and the first chosen space as the total', async () => {
    const s = await site();
    const made = await s.makeDisplay({ name: 'Pool hall', spaces: ['sauna', 'pool'] });
    const { cookie } = await s.open(made.token);
    const full = occupancySchema.parse(await (await s.call('/api/occupancy', { cookie: s.admin })).json());
    const res = await s.call('/api/occupancy', { cookie });
    expect(res.status).toBe(200);
    const scoped = occupancySchema.strict().parse(await res.json());
    expect(scoped.spaces.map((sp) => sp.id)).toEqual(['pool', 'sauna']);
    expect(scoped.devices.map((d) => d.id)).toEqual([97, 98, 110]);
    const sauna = full.spaces.find((sp) => sp.id === 'sauna')!;
    expect(scoped.total).toEqual({ in: sauna.in, out: sauna.out, occupancy: sauna.occupancy, capacity: sauna.capacity });
    expect(scoped.spaces).toEqual(full.spaces.filter((sp) => sp.id === 'pool' || sp.id === 'sauna'));
    expect(scoped.generatedUtc).toBe(full.generatedUtc);
  });

  it('with the root among its spaces, the total is the site’s', async () => {
    const s = await site();
    const made = await s.makeDisplay({ name: 'Entrance', spaces: ['cafe', 'site'] });
    const { cookie } = await s.open(made.token);
    const full = occupancySchema.parse(await (await s.call('/api/occupancy', { cookie: s.admin })).json());
    // Compressed as every browser asks, from the display's own memo.
    const res = await s.call('/api/occupancy', { cookie, headers: { 'accept-encoding': 'gzip' } });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    const scoped = occupancySchema.parse(JSON.parse(gunzipSync(Buffer.from(await res.arrayBuffer())).toString('utf8')));
    expect(scoped.total).toEqual(full.total);
    expect(scoped.spaces.map((sp) => sp.id)).toEqual(['site', 'cafe']);
    expect(scoped.devices.map((d) => d.id)).toEqual([91, 92, 95, 101, 103]);
  });

  it('a display of every space reads the whole answer', async () => {
    const s = await site();
    const made = await s.makeDisplay({ name: 'Everything' });
    const { cookie } = await s.open(made.token);
    const full = (await (await s.call('/api/occupancy', { cookie: s.admin })).json()) as unknown;
    expect(await (await s.call('/api/occupancy', { cookie })).json()).toEqual(full);
  });

  it('reads a config of its own spaces’ names and doors, with the poll interval, zone and build id', async () => {
    const s = await site({ POLL_INTERVAL_SECONDS: '4' });
    const made = await s.makeDisplay({ name: 'Library', spaces: ['library', 'reading-room'] });
    const { cookie } = await s.open(made.token);
    const res = await s.call('/api/config', { cookie });
    expect(res.status).toBe(200);
    const config = configSchema.strict().parse(await res.json());
    expect(config).toMatchObject({ pollIntervalMs: 4000, timezone: 'Europe/Budapest', buildId: 'dev', siteCapacity: null });
    expect(config.spaces?.map((sp) => sp.id)).toEqual(['library', 'reading-room']);
    expect(config.devices).toEqual([{ id: 94, label: 'Reading room door', capacity: null, timezone: null }]);
    const staffView = configSchema.parse(await (await s.call('/api/config', { cookie: s.admin })).json());
    expect(staffView.spaces).toHaveLength(8);
  });

  it('gets 403 for everything else: history, export, settings and the admin API', async () => {
    const s = await site();
    const made = await s.makeDisplay({ name: 'Lobby', spaces: ['cafe'] });
    const { cookie } = await s.open(made.token);
    for (const path of [
      '/api/history?resolution=day&from=2026-11-01&to=2026-11-02',
      '/api/export?resolution=day&from=2026-11-01&to=2026-11-02',
      '/api/admin/displays',
    ]) {
      const res = await s.call(path, { cookie });
      expect(res.status, path).toBe(403);
      expect((await apiError(res)).code).toBe('forbidden');
    }
    expect((await s.call('/api/admin/displays', { method: 'POST', cookie, body: { name: 'Mine' } })).status).toBe(403);
    expect((await s.call(`/api/admin/displays/${made.id}`, { method: 'DELETE', cookie })).status).toBe(403);
    expect((await s.call('/api/display', { cookie })).status).toBe(200);
    expect((await s.call('/api/display', { cookie: s.admin })).status).toBe(403);
  });
});

describe('last seen and revoking', () => {
  it('notes each poll as last seen, and sends the cookie again once a day', async () => {
    const s = await site();
    const made = await s.makeDisplay({ name: 'Lobby', spaces: ['cafe'] });
    expect((await s.list())[0]?.lastSeen).toBeNull();
    const { cookie } = await s.open(made.token);
    const later = new Date(NOW.getTime() + 90_000);
    s.clock.setFixed(later);
    const poll = await s.call('/api/occupancy', { cookie });
    expect(poll.status).toBe(200);
    expect(poll.headers.getSetCookie()).toEqual([]);
    expect((await s.list())[0]?.lastSeen).toBe(later.toISOString());

    s.clock.setFixed(new Date(NOW.getTime() + DAY_MS + 1000));
    const nextDay = await s.call('/api/occupancy', { cookie });
    expect(nextDay.headers.getSetCookie()).toEqual([
      `occupancy_display=${made.token}; Max-Age=${DISPLAY_COOKIE_MAX_AGE_SECONDS}; Path=/; HttpOnly; SameSite=Lax`,
    ]);
    expect((await s.call('/api/occupancy', { cookie })).headers.getSetCookie()).toEqual([]);
  });

  it('revoked: the next poll gets 401 display_revoked, the list says when, the audit log who', async () => {
    const s = await site();
    const made = await s.makeDisplay({ name: 'Lobby', spaces: ['cafe'] });
    const { cookie } = await s.open(made.token);
    expect((await s.call('/api/occupancy', { cookie })).status).toBe(200);

    expect((await s.call(`/api/admin/displays/${made.id}`, { method: 'DELETE', cookie: s.admin })).status).toBe(204);
    for (const path of ['/api/occupancy', '/api/config', '/api/me']) {
      const res = await s.call(path, { cookie });
      expect(res.status, path).toBe(401);
      expect((await apiError(res)).code).toBe('display_revoked');
    }
    const [listed] = await s.list();
    expect(listed).toMatchObject({ id: made.id, revokedAt: NOW.toISOString() });
    // Revoking again changes nothing; an unknown id is 404.
    expect((await s.call(`/api/admin/displays/${made.id}`, { method: 'DELETE', cookie: s.admin })).status).toBe(204);
    expect((await s.call('/api/admin/displays/nope', { method: 'DELETE', cookie: s.admin })).status).toBe(404);
    expect(s.store.sqlite.prepare("select action, actor from audit where action like 'display.%' order by id").all()).toEqual([
      { action: 'display.created', actor: ADMIN.email },
      { action: 'display.opened', actor: 'display: Lobby' },
      { action: 'display.revoked', actor: ADMIN.email },
    ]);
  });
});
