// Settings ▸ People through the whole server: real sign-ins (cookies), the one-time link from
// adding to signing in, its day of validity, removal ending sessions, the last-admin rules and
// the audit log. Access itself is resolved from each request as in production.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type Me, meSchema } from '@/shared/api-schema';
import { peopleSchema, type PersonLink, personLinkSchema, personSchema } from '@/shared/people-schema';
import { createClock } from '@/simulator';
import { PASSWORD_LINK_SECONDS } from '../auth/accounts';
import type { Principal } from '../auth/principal';
import { compose } from '../compose';
import { loadEnv } from '../env';
import { listAudit } from '../store/audit';
import type { Store } from '../store/store';
import { apiError, collectLogs, type LogCollector, memoryStore, NOW, newSimulator, TEST_ADMIN, VENDOR_URL } from '../test/support';

const ADMIN = { email: 'boss@example.org', password: 'the boss password 1' };
const ORIGIN = 'http://localhost';
const NEW_PASSWORD = 'a brand new password';

interface PeopleBff {
  app: ReturnType<typeof compose>['app'];
  store: Store;
  logs: LogCollector;
}

/** The server with a store the test can read (the audit log); keyed with ADMIN_EMAIL unless `demo`. */
function peopleBff({ demo = false, env = {}, assume }: { demo?: boolean; env?: Record<string, string>; assume?: Principal } = {}): PeopleBff {
  const store = memoryStore();
  const logs = collectLogs();
  const base = { SITE_TIMEZONE: 'Europe/Budapest', LOG_LEVEL: 'debug', ...env };
  if (demo) {
    const clock = createClock();
    clock.setFixed(NOW);
    const composed = compose(loadEnv(base), {
      clientDist: null,
      simulator: { authDelayMs: 5, clock },
      logDestination: logs.destination,
      store,
      assumePrincipal: assume,
    });
    return { app: composed.app, store, logs };
  }
  const sim = newSimulator();
  const composed = compose(
    loadEnv({ ...base, WELLPOINT_ACCESS_KEY: 'test-key-people', WELLPOINT_BASE_URL: VENDOR_URL, ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password }),
    {
      clientDist: null,
      fetch: (input, init) => sim.fetch(input, init),
      now: () => sim.clock.now(),
      logDestination: logs.destination,
      store,
      assumePrincipal: assume,
    },
  );
  return { app: composed.app, store, logs };
}

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

function call(
  bff: PeopleBff,
  method: Method,
  path: string,
  { cookie, body, headers = {} }: { cookie?: string; body?: unknown; headers?: Record<string, string> } = {},
) {
  return bff.app.request(path, {
    method,
    headers: {
      origin: ORIGIN,
      ...(cookie === undefined ? {} : { cookie }),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

/** Signs in and returns the cookie header the browser would send from now on. */
async function signIn(bff: PeopleBff, who: { email: string; password: string }): Promise<string> {
  const res = await call(bff, 'POST', '/api/session', { body: who });
  expect(res.status, await res.clone().text()).toBe(200);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

async function me(bff: PeopleBff, cookie: string): Promise<{ status: number; me?: Me }> {
  const res = await call(bff, 'GET', '/api/me', { cookie });
  return res.status === 200 ? { status: 200, me: meSchema.parse(await res.json()) } : { status: res.status };
}

async function add(bff: PeopleBff, cookie: string | undefined, person: { email: string; name: string; role: 'admin' | 'staff' }): Promise<PersonLink> {
  const res = await call(bff, 'POST', '/api/admin/people', { cookie, body: person });
  expect(res.status, await res.clone().text()).toBe(201);
  return personLinkSchema.parse(await res.json());
}

const tokenOf = (link: PersonLink) => new URL(link.setPasswordUrl).hash.replace('#token=', '');

function setPassword(bff: PeopleBff, token: string, newPassword = NEW_PASSWORD) {
  return call(bff, 'POST', '/api/set-password', { body: { token, newPassword } });
}

async function list(bff: PeopleBff, cookie?: string) {
  const res = await call(bff, 'GET', '/api/admin/people', { cookie });
  expect(res.status).toBe(200);
  return peopleSchema.parse(await res.json());
}

/** A person with a password of their own, signed in. */
async function onboard(bff: PeopleBff, adminCookie: string, person: { email: string; name: string; role: 'admin' | 'staff' }) {
  const link = await add(bff, adminCookie, person);
  expect((await setPassword(bff, tokenOf(link))).status).toBe(204);
  const cookie = await signIn(bff, { email: person.email, password: NEW_PASSWORD });
  return { id: link.id, cookie, link };
}

const ANNA = { email: 'anna@example.org', name: 'Anna Staff', role: 'staff' } as const;
const BELA = { email: 'bela@example.org', name: 'Béla Admin', role: 'admin' } as const;

afterEach(() => {
  vi.useRealTimers();
});

describe('who may use /api/admin/people', () => {
  it('answers nobody with 401, staff with 403 on every route, and a cross-site page with 403', async () => {
    const bff = peopleBff();
    expect((await apiError(await call(bff, 'GET', '/api/admin/people'))).code).toBe('unauthorized');
    const admin = await signIn(bff, ADMIN);
    const anna = await onboard(bff, admin, ANNA);
    const routes: [Method, string, unknown][] = [
      ['GET', '/api/admin/people', undefined],
      ['POST', '/api/admin/people', { email: 'x@example.org', name: 'X', role: 'staff' }],
      ['PATCH', `/api/admin/people/${anna.id}`, { role: 'admin' }],
      ['DELETE', `/api/admin/people/${anna.id}`, undefined],
      ['POST', `/api/admin/people/${anna.id}/link`, undefined],
    ];
    for (const [method, path, body] of routes) {
      const res = await call(bff, method, path, { cookie: anna.cookie, body });
      expect(res.status, `${method} ${path}`).toBe(403);
      expect((await apiError(res)).code).toBe('forbidden');
    }
    const crossSite = await call(bff, 'POST', '/api/admin/people', { cookie: admin, body: ANNA, headers: { origin: 'https://evil.example' } });
    expect(crossSite.status).toBe(403);
    expect((await list(bff, admin)).map((p) => p.role)).toEqual(['staff', 'admin']);
  });
});

describe('GET /api/admin/people', () => {
  it('lists everyone with their role, and marks the one asking', async () => {
    const bff = peopleBff();
    const admin = await signIn(bff, ADMIN);
    await add(bff, admin, ANNA);
    const people = await list(bff, admin);
    expect(people.map(({ email, name, role, you }) => ({ email, name, role, you }))).toEqual([
      { email: 'anna@example.org', name: 'Anna Staff', role: 'staff', you: false },
      { email: 'boss@example.org', name: 'boss', role: 'admin', you: true },
    ]);
    for (const p of people) expect(personSchema.parse(p).createdAt).toMatch(/Z$/);
  });
});

describe('POST /api/admin/people', () => {
  it('adds a person whose one-time link sets a password that then signs in, and works only once', async () => {
    const bff = peopleBff();
    const admin = await signIn(bff, ADMIN);
    const before = Date.now();
    const link = await add(bff, admin, { ...ANNA, email: '  Anna@Example.org ' });
    expect(link).toMatchObject({ email: 'anna@example.org', name: 'Anna Staff', role: 'staff', signInRequired: false });
    expect(link.setPasswordUrl).toMatch(/^http:\/\/localhost\/set-password#token=[\w-]{20,}$/);
    const expires = Date.parse(link.expiresAt);
    expect(expires - before).toBeGreaterThanOrEqual(PASSWORD_LINK_SECONDS * 1000);
    expect(expires - Date.now()).toBeLessThanOrEqual(PASSWORD_LINK_SECONDS * 1000);

    // Before the link is used nobody knows a password for the account.
    const guess = await call(bff, 'POST', '/api/session', { body: { email: ANNA.email, password: NEW_PASSWORD } });
    expect(guess.status).toBe(401);

    expect((await setPassword(bff, tokenOf(link))).status).toBe(204);
    const cookie = await signIn(bff, { email: ANNA.email, password: NEW_PASSWORD });
    expect((await me(bff, cookie)).me).toMatchObject({ kind: 'user', user: { email: ANNA.email, role: 'staff' } });

    const again = await setPassword(bff, tokenOf(link), 'someone else password');
    expect(again.status).toBe(400);
    expect(await apiError(again)).toMatchObject({ code: 'bad_request', field: 'token' });
    // The token went to the admin only: never into the log.
    expect(bff.logs.text()).not.toContain(tokenOf(link));
  });

  it('makes the link on the address the browser used; behind a trusted proxy on the forwarded one', async () => {
    const direct = peopleBff({ assume: TEST_ADMIN });
    const spoofed = await call(direct, 'POST', '/api/admin/people', {
      body: ANNA,
      headers: { host: 'occupancy.lan:8080', origin: 'http://occupancy.lan:8080', 'x-forwarded-proto': 'https', 'x-forwarded-host': 'evil.example' },
    });
    expect(spoofed.status).toBe(201);
    expect(personLinkSchema.parse(await spoofed.json()).setPasswordUrl).toMatch(/^http:\/\/occupancy\.lan:8080\/set-password#token=/);

    const proxied = peopleBff({ assume: TEST_ADMIN, env: { TRUST_PROXY: 'true' } });
    const res = await call(proxied, 'POST', '/api/admin/people', {
      body: ANNA,
      headers: { host: '127.0.0.1:3000', origin: 'https://occupancy.example.org', 'x-forwarded-proto': 'https', 'x-forwarded-host': 'occupancy.example.org' },
    });
    expect(res.status).toBe(201);
    expect(personLinkSchema.parse(await res.json()).setPasswordUrl).toMatch(/^https:\/\/occupancy\.example\.org\/set-password#token=/);
  });

  it.each([
    [{ email: 'not an email', name: 'X', role: 'staff' }, 'email'],
    [{ email: 'x@example.org', name: '   ', role: 'staff' }, 'name'],
    [{ email: 'x@example.org', name: 'X', role: 'owner' }, 'role'],
    [{ email: 'x@example.org', name: 'X'.repeat(121), role: 'staff' }, 'name'],
  ])('refuses %j naming the field', async (body, field) => {
    const bff = peopleBff({ assume: TEST_ADMIN });
    const res = await call(bff, 'POST', '/api/admin/people', { body });
    expect(res.status).toBe(400);
    expect(await apiError(res)).toMatchObject({ code: 'bad_request', field });
  });

  it('refuses an email that already has an account (in any case) with 409 naming email', async () => {
    const bff = peopleBff({ assume: TEST_ADMIN });
    const res = await call(bff, 'POST', '/api/admin/people', { body: { email: 'BOSS@example.org', name: 'Again', role: 'staff' } });
    expect(res.status).toBe(409);
    expect(await apiError(res)).toMatchObject({ code: 'conflict', field: 'email', message: 'Someone with this email already has an account.' });
  });
});

describe('the one-time link', () => {
  it('works for a whole day and not a moment longer', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-26T13:05:00Z') });
    const bff = peopleBff({ assume: TEST_ADMIN });
    const early = await add(bff, undefined, ANNA);
    const late = await add(bff, undefined, { ...ANNA, email: 'late@example.org' });
    expect(late.expiresAt).toBe('2026-11-27T13:05:00.000Z');

    vi.setSystemTime(new Date('2026-11-27T13:04:59Z'));
    expect((await setPassword(bff, tokenOf(early))).status).toBe(204);
    vi.setSystemTime(new Date('2026-11-27T13:05:01Z'));
    const expired = await setPassword(bff, tokenOf(late));
    expect(expired.status).toBe(400);
    expect(await apiError(expired)).toMatchObject({ field: 'token', message: expect.stringMatching(/expired/) as unknown });
  });

  it('a new link replaces the older one', async () => {
    const bff = peopleBff();
    const admin = await signIn(bff, ADMIN);
    const first = await add(bff, admin, ANNA);
    const res = await call(bff, 'POST', `/api/admin/people/${first.id}/link`, { cookie: admin });
    expect(res.status).toBe(200);
    const second = personLinkSchema.parse(await res.json());
    expect(second).toMatchObject({ id: first.id, email: ANNA.email, signInRequired: false });
    expect(tokenOf(second)).not.toBe(tokenOf(first));

    const old = await setPassword(bff, tokenOf(first));
    expect(old.status).toBe(400);
    expect((await apiError(old)).field).toBe('token');
    expect((await setPassword(bff, tokenOf(second))).status).toBe(204);
    await signIn(bff, { email: ANNA.email, password: NEW_PASSWORD });
  });

  it('of a removed person no longer works (and is not a server error)', async () => {
    const bff = peopleBff({ assume: TEST_ADMIN });
    const link = await add(bff, undefined, ANNA);
    expect((await call(bff, 'DELETE', `/api/admin/people/${link.id}`)).status).toBe(204);
    const res = await setPassword(bff, tokenOf(link));
    expect(res.status).toBe(400);
    expect((await apiError(res)).field).toBe('token');
  });
});

describe('DELETE /api/admin/people/:id', () => {
  it('removes the person and their very next request is refused', async () => {
    const bff = peopleBff();
    const admin = await signIn(bff, ADMIN);
    const anna = await onboard(bff, admin, ANNA);
    // Polled once: the session lookup is now cached.
    expect((await me(bff, anna.cookie)).status).toBe(200);
    expect((await call(bff, 'GET', '/api/config', { cookie: anna.cookie })).status).toBe(200);

    const res = await call(bff, 'DELETE', `/api/admin/people/${anna.id}`, { cookie: admin });
    expect(res.status).toBe(204);
    expect((await me(bff, anna.cookie)).status).toBe(401);
    expect((await call(bff, 'GET', '/api/config', { cookie: anna.cookie })).status).toBe(401);
    expect((await call(bff, 'POST', '/api/session', { body: { email: ANNA.email, password: NEW_PASSWORD } })).status).toBe(401);
    expect((await list(bff, admin)).map((p) => p.email)).toEqual([ADMIN.email]);
  });

  it('refuses removing yourself, and the only administrator', async () => {
    const bff = peopleBff();
    const admin = await signIn(bff, ADMIN);
    const [boss] = await list(bff, admin);
    const self = await call(bff, 'DELETE', `/api/admin/people/${boss?.id ?? ''}`, { cookie: admin });
    expect(self.status).toBe(409);
    expect(await apiError(self)).toMatchObject({ code: 'conflict', message: expect.stringMatching(/cannot remove yourself/) as unknown });

    // Asked by someone else (an admin not in the list, as route tests assume), the last admin stays too.
    const other = peopleBff({ assume: TEST_ADMIN });
    const [only] = await list(other);
    const last = await call(other, 'DELETE', `/api/admin/people/${only?.id ?? ''}`);
    expect(last.status).toBe(409);
    expect((await apiError(last)).message).toMatch(/only administrator/);
    expect(await list(other)).toHaveLength(1);
  });

  it('answers 404 for someone who is not there', async () => {
    const bff = peopleBff({ assume: TEST_ADMIN });
    for (const [method, path] of [
      ['DELETE', '/api/admin/people/nobody'],
      ['PATCH', '/api/admin/people/nobody'],
      ['POST', '/api/admin/people/nobody/link'],
    ] as const) {
      const res = await call(bff, method, path, { body: method === 'PATCH' ? { role: 'staff' } : undefined });
      expect(res.status, `${method} ${path}`).toBe(404);
      expect((await apiError(res)).code).toBe('not_found');
    }
  });
});

describe('PATCH /api/admin/people/:id', () => {
  it('demoting ends their sessions; they sign in again as staff; promoting keeps them signed in', async () => {
    const bff = peopleBff();
    const admin = await signIn(bff, ADMIN);
    const bela = await onboard(bff, admin, BELA);
    expect((await list(bff, bela.cookie)).length).toBe(2);

    const res = await call(bff, 'PATCH', `/api/admin/people/${bela.id}`, { cookie: admin, body: { role: 'staff' } });
    expect(res.status).toBe(200);
    expect(personSchema.parse(await res.json())).toMatchObject({ id: bela.id, role: 'staff', you: false });
    expect((await me(bff, bela.cookie)).status).toBe(401);

    const again = await signIn(bff, { email: BELA.email, password: NEW_PASSWORD });
    expect((await me(bff, again)).me?.user?.role).toBe('staff');
    expect((await call(bff, 'GET', '/api/admin/people', { cookie: again })).status).toBe(403);

    expect((await call(bff, 'PATCH', `/api/admin/people/${bela.id}`, { cookie: admin, body: { role: 'admin' } })).status).toBe(200);
    expect((await me(bff, again)).me?.user?.role).toBe('admin');
    expect((await call(bff, 'GET', '/api/admin/people', { cookie: again })).status).toBe(200);
  });

  it('never demotes the last administrator, even when two admins demote each other at once', async () => {
    const bff = peopleBff();
    const admin = await signIn(bff, ADMIN);
    const [boss] = await list(bff, admin);
    const alone = await call(bff, 'PATCH', `/api/admin/people/${boss?.id ?? ''}`, { cookie: admin, body: { role: 'staff' } });
    expect(alone.status).toBe(409);
    expect(await apiError(alone)).toMatchObject({ code: 'conflict', field: 'role', message: expect.stringMatching(/only administrator/) as unknown });

    // Two requests at once, each seeing two administrators before either has changed anything.
    const other = peopleBff({ assume: TEST_ADMIN });
    const bela = await add(other, undefined, BELA);
    const first = (await list(other)).find((p) => p.email === ADMIN.email);
    const [a, b] = await Promise.all([
      call(other, 'PATCH', `/api/admin/people/${bela.id}`, { body: { role: 'staff' } }),
      call(other, 'PATCH', `/api/admin/people/${first?.id ?? ''}`, { body: { role: 'staff' } }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const admins = await other.store.db.selectFrom('user').select('email').where('role', '=', 'admin').execute();
    expect(admins).toHaveLength(1);
  });

  it('refuses a role other than admin or staff', async () => {
    const bff = peopleBff({ assume: TEST_ADMIN });
    const [only] = await list(bff);
    const res = await call(bff, 'PATCH', `/api/admin/people/${only?.id ?? ''}`, { body: { role: 'root' } });
    expect(res.status).toBe(400);
    expect((await apiError(res)).field).toBe('role');
  });
});

describe('the audit log', () => {
  it('records adding, a role change, a new link and a removal, by whom and of whom, never the link', async () => {
    const bff = peopleBff();
    const admin = await signIn(bff, ADMIN);
    const link = await add(bff, admin, ANNA);
    await call(bff, 'PATCH', `/api/admin/people/${link.id}`, { cookie: admin, body: { role: 'admin' } });
    await call(bff, 'PATCH', `/api/admin/people/${link.id}`, { cookie: admin, body: { role: 'admin' } });
    await call(bff, 'POST', `/api/admin/people/${link.id}/link`, { cookie: admin });
    await call(bff, 'DELETE', `/api/admin/people/${link.id}`, { cookie: admin });
    const entries = (await listAudit(bff.store)).filter((e) => e.action.startsWith('person.')).reverse();
    expect(entries.map(({ actor, action, target, detail }) => ({ actor, action, target, detail }))).toEqual([
      { actor: ADMIN.email, action: 'person.added', target: ANNA.email, detail: { role: 'staff' } },
      { actor: ADMIN.email, action: 'person.role_changed', target: ANNA.email, detail: { from: 'staff', to: 'admin' } },
      { actor: ADMIN.email, action: 'person.link_made', target: ANNA.email, detail: null },
      { actor: ADMIN.email, action: 'person.removed', target: ANNA.email, detail: { role: 'admin' } },
    ]);
    expect(JSON.stringify(await listAudit(bff.store))).not.toContain(tokenOf(link));
  });
});

describe('the open demo', () => {
  it('wants an administrator first, and then requires sign-in, which the link gives', async () => {
    const bff = peopleBff({ demo: true });
    expect(await list(bff)).toEqual([]);
    const staff = await call(bff, 'POST', '/api/admin/people', { body: ANNA });
    expect(staff.status).toBe(400);
    expect(await apiError(staff)).toMatchObject({
      code: 'bad_request',
      field: 'role',
      message: expect.stringMatching(/first person .* administrator/) as unknown,
    });

    const link = await add(bff, undefined, BELA);
    expect(link.signInRequired).toBe(true);
    expect((await apiError(await call(bff, 'GET', '/api/admin/people'))).code).toBe('unauthorized');
    expect((await me(bff, '')).status).toBe(401);

    expect((await setPassword(bff, tokenOf(link))).status).toBe(204);
    const cookie = await signIn(bff, { email: BELA.email, password: NEW_PASSWORD });
    expect((await list(bff, cookie)).map((p) => ({ email: p.email, role: p.role, you: p.you }))).toEqual([{ email: BELA.email, role: 'admin', you: true }]);
    // The next person is an ordinary addition.
    expect((await add(bff, cookie, ANNA)).signInRequired).toBe(false);

    const [added] = await listAudit(bff.store).then((all) => all.filter((e) => e.action === 'person.added').reverse());
    expect(added).toMatchObject({ actor: 'open demo (no accounts yet)', target: BELA.email });
  });
});
