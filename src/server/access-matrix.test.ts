// Who may see what, as a table: every endpoint × (admin, staff, display, public, nobody) → the
// status the real app answers. "public" is a visitor without any credentials while the admin has
// the public view on; "nobody" is the same visitor with it off.
import { describe, expect, it } from 'vitest';
import { createClock } from '@/simulator';
import { DISPLAY_COOKIE, hashToken, newToken } from './displays/display-directory';
import { compose } from './compose';
import { loadEnv } from './env';
import { memoryStore, NOW, TEST_ADMIN } from './test/support';

const ADMIN = { email: 'ada@example.org', password: 'an admin password' };
const STAFF = { email: 'sam@example.org', password: 'a staff password' };
const ORIGIN = 'http://localhost';
const WHO = ['admin', 'staff', 'display', 'public', 'nobody'] as const;
type Who = (typeof WHO)[number];

interface Row {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  /** A JSON body, or one made per principal. */
  body?: unknown;
  expect: Record<Who, number>;
}

const all = (status: number): Record<Who, number> => ({ admin: status, staff: status, display: status, public: status, nobody: status });
const RANGE = 'from=2026-11-20&to=2026-11-20&resolution=day';

const MATRIX: Row[] = [
  { method: 'GET', path: '/healthz', expect: all(200) },
  { method: 'GET', path: '/readyz', expect: all(200) },
  { method: 'GET', path: '/api/occupancy', expect: { admin: 200, staff: 200, display: 200, public: 401, nobody: 401 } },
  { method: 'GET', path: '/api/config', expect: { admin: 200, staff: 200, display: 200, public: 401, nobody: 401 } },
  { method: 'GET', path: `/api/history?${RANGE}`, expect: { admin: 200, staff: 200, display: 403, public: 401, nobody: 401 } },
  // A one-time download link (a made-up one: 404 once past the guard).
  { method: 'GET', path: '/api/export/file/made-up-token', expect: { admin: 404, staff: 404, display: 403, public: 401, nobody: 401 } },
  { method: 'GET', path: `/api/export?${RANGE}`, expect: { admin: 200, staff: 200, display: 403, public: 401, nobody: 401 } },
  // Settings ▸ People: administrators only (404: nobody has that id).
  { method: 'GET', path: '/api/admin/people', expect: { admin: 200, staff: 403, display: 403, public: 401, nobody: 401 } },
  {
    method: 'POST',
    path: '/api/admin/people',
    body: (who: Who) => ({ email: `new-${who}@example.org`, name: 'New', role: 'staff' }),
    expect: { admin: 201, staff: 403, display: 403, public: 401, nobody: 401 },
  },
  { method: 'PATCH', path: '/api/admin/people/nobody', body: { role: 'staff' }, expect: { admin: 404, staff: 403, display: 403, public: 401, nobody: 401 } },
  { method: 'DELETE', path: '/api/admin/people/nobody', expect: { admin: 404, staff: 403, display: 403, public: 401, nobody: 401 } },
  { method: 'POST', path: '/api/admin/people/nobody/link', expect: { admin: 404, staff: 403, display: 403, public: 401, nobody: 401 } },
  { method: 'GET', path: '/api/me', expect: { admin: 200, staff: 200, display: 200, public: 401, nobody: 401 } },
  // Settings ▸ Site and spaces, and the audit log: admins only.
  { method: 'GET', path: '/api/admin/settings', expect: { admin: 200, staff: 403, display: 403, public: 401, nobody: 401 } },
  {
    method: 'PUT',
    path: '/api/admin/settings/site',
    body: { siteName: 'Matrix Hall' },
    expect: { admin: 200, staff: 403, display: 403, public: 401, nobody: 401 },
  },
  // A body the server refuses: an admin hears why (400), anyone else never gets that far.
  { method: 'PUT', path: '/api/admin/settings/spaces', body: { devices: 'none' }, expect: { admin: 400, staff: 403, display: 403, public: 401, nobody: 401 } },
  { method: 'GET', path: '/api/admin/audit', expect: { admin: 200, staff: 403, display: 403, public: 401, nobody: 401 } },
  // A wrong current password: 400 for a person, 403 for a display, 401 for nobody.
  {
    method: 'POST',
    path: '/api/me/password',
    body: { currentPassword: 'not the current one', newPassword: 'some new password' },
    expect: { admin: 400, staff: 400, display: 403, public: 401, nobody: 401 },
  },
  // One's own language: a person (a bad value: 400 for them), not a display.
  { method: 'PUT', path: '/api/me/locale', body: { locale: 'de' }, expect: { admin: 200, staff: 200, display: 403, public: 401, nobody: 401 } },
  { method: 'PUT', path: '/api/me/locale', body: { locale: 'fr' }, expect: { admin: 400, staff: 400, display: 403, public: 401, nobody: 401 } },
  // Signing in is for anyone (a wrong password here); signing out too.
  { method: 'POST', path: '/api/session', body: (who: Who) => ({ email: `${who}@example.org`, password: 'wrong password' }), expect: all(401) },
  { method: 'POST', path: '/api/set-password', body: { token: 'made-up', newPassword: 'some new password' }, expect: all(400) },
  // The public view: anyone while it is on (the "nobody" column has it off); its settings for admins.
  { method: 'GET', path: '/api/public', expect: { admin: 200, staff: 200, display: 200, public: 200, nobody: 404 } },
  {
    method: 'PUT',
    path: '/api/admin/settings/public',
    body: { enabled: true, spaces: ['site'], showNumbers: false, allowOrigins: [] },
    expect: { admin: 200, staff: 403, display: 403, public: 401, nobody: 401 },
  },
  // Opening hours and alerts: admins only.
  {
    method: 'PUT',
    path: '/api/admin/settings/hours',
    body: { weekly: { mon: [['07:00', '22:00']] }, closed: ['2026-12-25'] },
    expect: { admin: 200, staff: 403, display: 403, public: 401, nobody: 401 },
  },
  {
    method: 'PUT',
    path: '/api/admin/settings/alerts',
    body: { channels: [], rules: [{ type: 'full', space: 'site' }] },
    expect: { admin: 200, staff: 403, display: 403, public: 401, nobody: 401 },
  },
  // PUT alerts also checks what the schema cannot: a space that does not exist is a 400 for an admin.
  {
    method: 'PUT',
    path: '/api/admin/settings/alerts',
    body: { rules: [{ type: 'full', space: 'no-such-space' }] },
    expect: { admin: 400, staff: 403, display: 403, public: 401, nobody: 401 },
  },
  // Recent alerts: people and the open demo, not displays; the alert log and test sends: admins.
  { method: 'GET', path: '/api/alerts/recent', expect: { admin: 200, staff: 200, display: 403, public: 401, nobody: 401 } },
  { method: 'GET', path: '/api/admin/alerts/log', expect: { admin: 200, staff: 403, display: 403, public: 401, nobody: 401 } },
  // Plain http to another host: refused before anything is sent (400), by anyone else never reached.
  {
    method: 'POST',
    path: '/api/admin/alerts/test',
    body: { channel: { id: 'ops', type: 'webhook', url: 'http://hooks.example.org/x' } },
    expect: { admin: 400, staff: 403, display: 403, public: 401, nobody: 401 },
  },
  // Set up already (an account exists): 409 for anyone.
  { method: 'POST', path: '/api/setup', body: { code: '1234-5678', name: 'X', email: 'x@example.org', password: 'some new password' }, expect: all(409) },
  // Display links: admins make, list and revoke them (an unknown id here: 404); a display reads its own settings.
  { method: 'GET', path: '/api/admin/displays', expect: { admin: 200, staff: 403, display: 403, public: 401, nobody: 401 } },
  {
    method: 'POST',
    path: '/api/admin/displays',
    body: { name: 'Matrix', spaces: ['cafe'] },
    expect: { admin: 201, staff: 403, display: 403, public: 401, nobody: 401 },
  },
  { method: 'DELETE', path: '/api/admin/displays/unknown', expect: { admin: 404, staff: 403, display: 403, public: 401, nobody: 401 } },
  { method: 'GET', path: '/api/display', expect: { admin: 403, staff: 403, display: 200, public: 401, nobody: 401 } },
  // Opening a link (a wrong token here) needs no session; a person's browser is refused (409).
  { method: 'POST', path: '/api/display/session', body: { token: 'made-up' }, expect: { admin: 409, staff: 409, display: 401, public: 401, nobody: 401 } },
  { method: 'DELETE', path: '/api/display/session', expect: all(204) },
  // Last: signing out ends the admin's and the staff member's sessions for the rows after it.
  { method: 'DELETE', path: '/api/session', expect: all(204) },
];

async function setUp() {
  const clock = createClock();
  clock.setFixed(NOW);
  const composed = compose(loadEnv({ SITE_TIMEZONE: 'Europe/Budapest', LOG_LEVEL: 'silent', ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password }), {
    clientDist: null,
    simulator: { authDelayMs: 5, clock },
    store: memoryStore(),
  });
  await composed.ready;
  await composed.accounts.createUser({ email: STAFF.email, name: 'Sam', role: 'staff', password: STAFF.password });
  const token = newToken();
  composed.store.sqlite
    .prepare('insert into display (id, name, token_hash, spaces, mode, theme, lang, created_at) values (?, ?, ?, ?, null, null, null, ?)')
    .run('d1', 'Lobby', hashToken(token), JSON.stringify(['cafe']), NOW.toISOString());
  composed.displays.reload();
  const signIn = async (who: { email: string; password: string }) => {
    const res = await composed.app.request('/api/session', {
      method: 'POST',
      headers: { origin: ORIGIN, 'content-type': 'application/json' },
      body: JSON.stringify(who),
    });
    expect(res.status).toBe(200);
    return res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
  };
  const cookies: Record<Who, string | null> = {
    admin: await signIn(ADMIN),
    staff: await signIn(STAFF),
    display: `${DISPLAY_COOKIE}=${token}`,
    public: null,
    nobody: null,
  };
  const publicView = (enabled: boolean) => composed.settings.put('public', { enabled, spaces: ['site'], showNumbers: false, allowOrigins: [] }, TEST_ADMIN);
  return { app: composed.app, cookies, publicView };
}

describe('the access matrix', async () => {
  const { app, cookies, publicView } = await setUp();

  it('lists every route the app answers (a new endpoint cannot be left out)', () => {
    const pattern = (path: string) => new RegExp(`^${path.replace(/:[^/]+/g, '[^/]+').replace(/\*$/, '.*')}$`);
    const routes = app.routes.filter((r) => r.method !== 'ALL' && (r.path.startsWith('/api/') || r.path === '/healthz' || r.path === '/readyz'));
    const missing = routes.filter((r) => !MATRIX.some((row) => row.method === r.method && pattern(r.path).test(row.path.split('?')[0] ?? '')));
    expect(missing.map((r) => `${r.method} ${r.path}`)).toEqual([]);
  });

  for (const row of MATRIX) {
    for (const who of WHO) {
      it(`${row.method} ${row.path.split('?')[0]} as ${who} → ${row.expect[who]}`, async () => {
        await publicView(who !== 'nobody');
        const cookie = cookies[who];
        const res = await app.request(row.path, {
          method: row.method,
          headers: {
            ...(cookie === null ? {} : { cookie }),
            ...(row.method === 'GET' ? {} : { origin: ORIGIN, 'content-type': 'application/json' }),
          },
          body: row.body === undefined ? undefined : JSON.stringify(typeof row.body === 'function' ? (row.body as (w: Who) => unknown)(who) : row.body),
        });
        expect(res.status).toBe(row.expect[who]);
        if (res.status >= 400) expect(((await res.json()) as { error: { code: string } }).error.code).toMatch(/^[a-z_]+$/);
      });
    }
  }
});
