import { getMigrations } from 'better-auth/db/migration';
import pino from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { meSchema } from '@/shared/api-schema';
import { DEMO_ACCESS_KEY } from '@/simulator';
import { authOptions } from '../auth/accounts';
import { ACCOUNT_FAILURES, THROTTLE_SECONDS } from '../auth/sign-in-throttle';
import { apiError, type Bff, demoBff, keyedBff, memoryStore } from '../test/support';

const ADMIN = { email: 'ada@example.org', password: 'a long enough password' };
const ORIGIN = 'http://localhost';

type App = Bff['app'];

/** A browser on this site: it sends our Origin on every change and keeps its cookies. */
function browser(app: App) {
  const jar = new Map<string, string>();
  const send = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await app.request(path, {
      method,
      headers: {
        ...(method === 'GET' ? {} : { origin: ORIGIN, 'content-type': 'application/json' }),
        ...(jar.size === 0 ? {} : { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const [name = '', value = ''] = pair.split('=');
      if (/Max-Age=0/i.test(line) || value === '') jar.delete(name);
      else jar.set(name, value);
    }
    return res;
  };
  return { send, jar, signIn: (who = ADMIN) => send('POST', '/api/session', who) };
}

const withAdmin = () => keyedBff(DEMO_ACCESS_KEY, { assume: null, env: { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password } });

afterEach(() => {
  vi.useRealTimers();
});

describe('accounts in the store', () => {
  it('our migration holds every table and column better-auth expects', async () => {
    const store = memoryStore();
    const options = authOptions(store, 'a-test-secret-long-enough-for-better-auth', false, pino({ level: 'silent' }), new Map());
    const { toBeCreated, toBeAdded } = await getMigrations(options);
    expect(toBeCreated).toEqual([]);
    expect(toBeAdded).toEqual([]);
  });
});

describe('signing in and out', () => {
  it('ADMIN_EMAIL / ADMIN_PASSWORD: that admin signs in; the cookie is HttpOnly and SameSite=Lax; /api/me says who', async () => {
    const { app } = withAdmin();
    const b = browser(app);
    const res = await b.signIn();
    expect(res.status).toBe(200);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('occupancy.session_token='));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
    const me = meSchema.parse(await (await b.send('GET', '/api/me')).json());
    expect(me).toMatchObject({ kind: 'user', user: { email: ADMIN.email, role: 'admin' } });
    expect((await b.send('GET', '/api/occupancy')).status).toBe(200);
  });

  it('over https behind a trusted proxy, the session cookie is Secure', async () => {
    const { app } = keyedBff(DEMO_ACCESS_KEY, { assume: null, env: { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, TRUST_PROXY: 'true' } });
    const res = await browser(app).send('POST', '/api/session', ADMIN, { 'x-forwarded-proto': 'https' });
    expect(res.status).toBe(200);
    expect(res.headers.getSetCookie().find((c) => c.includes('session_token='))).toMatch(/^__Secure-occupancy\.session_token=.*; Secure/);
  });

  it('nobody signed in: 401 unauthorized on the data, the dashboard’s poll and /api/me', async () => {
    const { app } = withAdmin();
    const b = browser(app);
    await b.signIn(); // an account exists: sign-in is required from now on
    const stranger = browser(app);
    for (const path of ['/api/occupancy', '/api/config', '/api/me', '/api/history?from=2026-11-20&to=2026-11-20&resolution=day']) {
      const res = await stranger.send('GET', path);
      expect(res.status, path).toBe(401);
      expect((await apiError(res)).code).toBe('unauthorized');
    }
  });

  it('a wrong password: 401 bad_credentials, the same words as an unknown email', async () => {
    const { app } = withAdmin();
    const wrong = await browser(app).signIn({ email: ADMIN.email, password: 'not the password' });
    const unknown = await browser(app).signIn({ email: 'nobody@example.org', password: 'not the password' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await apiError(wrong)).toEqual(await apiError(unknown));
    expect(wrong.headers.getSetCookie()).toEqual([]);
  });

  it(`${ACCOUNT_FAILURES} wrong passwords lock that account's sign-in for ${THROTTLE_SECONDS / 60} minutes, even with the right one, from any client`, async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'] });
    vi.setSystemTime(new Date('2026-11-29T10:00:00Z'));
    const { app } = keyedBff(DEMO_ACCESS_KEY, { assume: null, env: { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, TRUST_PROXY: 'true' } });
    const from = (address: string) => ({ 'x-forwarded-for': address });
    const b = browser(app);
    for (let i = 1; i < ACCOUNT_FAILURES; i++) {
      expect((await b.send('POST', '/api/session', { ...ADMIN, password: `wrong ${i}` }, from(`10.0.0.${i}`))).status).toBe(401);
    }
    const last = await b.send('POST', '/api/session', { ...ADMIN, password: 'wrong again' }, from('10.0.0.99'));
    expect(last.status).toBe(429);
    expect(Number(last.headers.get('retry-after'))).toBe(THROTTLE_SECONDS);
    expect((await apiError(last)).message).toBe('Too many failed attempts. Try again in 15 minutes.');
    const right = await b.send('POST', '/api/session', ADMIN, from('10.0.0.100'));
    expect(right.status).toBe(429);
    vi.advanceTimersByTime(THROTTLE_SECONDS * 1000 + 1000);
    expect((await b.send('POST', '/api/session', ADMIN, from('10.0.0.100'))).status).toBe(200);
  });

  it('one client guessing across many accounts is stopped too', async () => {
    const { app } = withAdmin();
    const b = browser(app);
    let status = 0;
    let tries = 0;
    while (status !== 429 && tries < 50) {
      tries++;
      status = (await b.signIn({ email: `guess${tries}@example.org`, password: 'a guessed password' })).status;
    }
    expect(status).toBe(429);
    expect(tries).toBe(20);
  });

  it('sign-out ends the session on the server: the old cookie no longer works', async () => {
    const { app } = withAdmin();
    const b = browser(app);
    await b.signIn();
    const stolen = new Map(b.jar);
    expect((await b.send('DELETE', '/api/session')).status).toBe(204);
    expect((await b.send('GET', '/api/me')).status).toBe(401);
    const replay = await app.request('/api/me', { headers: { cookie: [...stolen].map(([k, v]) => `${k}=${v}`).join('; ') } });
    expect(replay.status).toBe(401);
  });

  it('a change from another site (or without Origin) is refused with 403, before anything happens', async () => {
    const { app } = withAdmin();
    for (const origin of ['https://evil.example', 'null', undefined]) {
      const res = await app.request('/api/session', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(origin === undefined ? {} : { origin }) },
        body: JSON.stringify(ADMIN),
      });
      expect(res.status, String(origin)).toBe(403);
      expect((await apiError(res)).code).toBe('forbidden');
      expect(res.headers.getSetCookie()).toEqual([]);
    }
  });

  it('changing one’s own password: the old one stops working, the new one signs in; a wrong current password is named', async () => {
    const { app } = withAdmin();
    const b = browser(app);
    await b.signIn();
    const wrong = await b.send('POST', '/api/me/password', { currentPassword: 'not it at all', newPassword: 'a brand new password' });
    expect(wrong.status).toBe(400);
    expect(await apiError(wrong)).toMatchObject({ field: 'currentPassword' });
    const short = await b.send('POST', '/api/me/password', { currentPassword: ADMIN.password, newPassword: 'short' });
    expect(await apiError(short)).toMatchObject({ code: 'bad_request', field: 'newPassword', message: 'newPassword needs at least 10 characters.' });
    expect((await b.send('POST', '/api/me/password', { currentPassword: ADMIN.password, newPassword: 'a brand new password' })).status).toBe(204);
    expect((await browser(app).signIn()).status).toBe(401);
    expect((await browser(app).signIn({ email: ADMIN.email, password: 'a brand new password' })).status).toBe(200);
  });
});

describe('a person’s own language', () => {
  it('GET /api/me says null (the site’s) until they choose; PUT /api/me/locale keeps their choice on the server, for every session of theirs', async () => {
    const { app } = withAdmin();
    const b = browser(app);
    await b.signIn();
    const before = meSchema.parse(await (await b.send('GET', '/api/me')).json());
    expect(before.user?.locale).toBeNull();

    const chosen = await b.send('PUT', '/api/me/locale', { locale: 'de' });
    expect(chosen.status).toBe(200);
    expect(meSchema.parse(await chosen.json()).user?.locale).toBe('de');
    // At once, although sessions are cached for a few seconds.
    expect(meSchema.parse(await (await b.send('GET', '/api/me')).json()).user?.locale).toBe('de');
    // Another browser of the same person: from the server, not from this browser.
    const other = browser(app);
    const signedIn = await other.signIn();
    expect(meSchema.parse(await signedIn.json()).user?.locale).toBe('de');
    expect(meSchema.parse(await (await other.send('GET', '/api/me')).json()).user?.locale).toBe('de');

    expect((await b.send('PUT', '/api/me/locale', { locale: 'hu' })).status).toBe(200);
    expect(meSchema.parse(await (await other.send('GET', '/api/me')).json()).user?.locale).toBe('hu');
    // null: back to the site's language.
    expect((await b.send('PUT', '/api/me/locale', { locale: null })).status).toBe(200);
    expect(meSchema.parse(await (await b.send('GET', '/api/me')).json()).user?.locale).toBeNull();
  });

  it('a language the app does not speak, or no locale at all: 400 naming the field, nothing kept', async () => {
    const { app } = withAdmin();
    const b = browser(app);
    await b.signIn();
    for (const body of [{ locale: 'fr' }, { locale: 'DE' }, {}, { locale: 3 }]) {
      const res = await b.send('PUT', '/api/me/locale', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(await apiError(res)).toMatchObject({ code: 'bad_request', field: 'locale' });
    }
    expect(meSchema.parse(await (await b.send('GET', '/api/me')).json()).user?.locale).toBeNull();
  });

  it('nobody signed in: 401; the open demo: 403 with a reason; another site: 403 before anything changes', async () => {
    const { app } = withAdmin();
    expect((await browser(app).send('PUT', '/api/me/locale', { locale: 'de' })).status).toBe(401);
    const open = await browser(demoBff().app).send('PUT', '/api/me/locale', { locale: 'de' });
    expect(open.status).toBe(403);
    const refusal = await apiError(open);
    expect(refusal.code).toBe('forbidden');
    expect(refusal.message).toMatch(/signed-in person/);

    const b = browser(app);
    await b.signIn();
    const forged = await b.send('PUT', '/api/me/locale', { locale: 'hu' }, { origin: 'https://evil.example' });
    expect(forged.status).toBe(403);
    expect(meSchema.parse(await (await b.send('GET', '/api/me')).json()).user?.locale).toBeNull();
  });
});

describe('the open demo and the first run', () => {
  it('demo mode without any account: open to everyone, and /api/me says so', async () => {
    const { app } = demoBff();
    const me = meSchema.parse(await (await app.request('/api/me')).json());
    expect(me).toEqual({ kind: 'open', demo: true });
    expect((await app.request('/api/occupancy')).status).toBe(200);
  });

  it('a real key and no account: 401 setup_required everywhere but the setup; the right code makes the first admin and signs them in', async () => {
    const { app, logs } = keyedBff(DEMO_ACCESS_KEY, { assume: null });
    for (const path of ['/api/occupancy', '/api/config', '/api/me']) {
      const res = await app.request(path);
      expect(res.status, path).toBe(401);
      expect((await apiError(res)).code).toBe('setup_required');
    }
    const b = browser(app);
    const wrong = await b.send('POST', '/api/setup', { code: '0000-0000', name: 'Ada', email: 'ada@example.org', password: 'a long enough password' });
    // The right code is only in the log; a wrong one is named, nothing is made.
    expect(wrong.status).toBe(400);
    expect(await apiError(wrong)).toMatchObject({ field: 'code' });
    expect((await app.request('/api/me')).status).toBe(401);

    const code = logs.entries().find((e) => typeof e.setupCode === 'string')?.setupCode as string;
    expect(code).toMatch(/^\d{4}-\d{4}$/);
    const made = await b.send('POST', '/api/setup', { code, name: 'Ada', email: 'Ada@Example.org', password: 'a long enough password' });
    expect(made.status).toBe(201);
    expect(meSchema.parse(await made.json())).toMatchObject({ kind: 'user', user: { email: 'ada@example.org', role: 'admin', name: 'Ada' } });
    expect((await b.send('GET', '/api/occupancy')).status).toBe(200);
    // Once set up, the code is spent: the setup answers 409 and others must sign in.
    const again = await browser(app).send('POST', '/api/setup', { code, name: 'Eve', email: 'eve@example.org', password: 'a long enough password' });
    expect(again.status).toBe(409);
    expect((await apiError(await app.request('/api/occupancy'))).code).toBe('unauthorized');
  });
});
