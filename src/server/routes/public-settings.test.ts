// PUT /api/admin/settings/public through the composed server: an admin's change reaches
// /api/public at once; everyone else, a bad value, another site's page and a provisioned
// setting are refused in our error shape.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { publicOccupancySchema } from '@/shared/public-schema';
import { DEMO_ACCESS_KEY } from '@/simulator';
import type { Principal } from '../auth/principal';
import { apiError, keyedBff } from '../test/support';

const STAFF: Principal = { kind: 'user', id: 'test-staff', email: 'staff@example.org', name: 'Staff', role: 'staff', sessionId: 'test' };
const DISPLAY: Principal = { kind: 'display', id: 'd1', name: 'Hall', spaces: null, mode: null, theme: null, lang: null, chime: false };
const ON = { enabled: true, spaces: ['site'], showNumbers: true, allowOrigins: ['https://www.example.org'] };

const temp = mkdtempSync(join(tmpdir(), 'occupancy-public-settings-test-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const put = (app: ReturnType<typeof keyedBff>['app'], body: unknown, origin = 'http://localhost') =>
  app.request('http://localhost/api/admin/settings/public', {
    method: 'PUT',
    headers: { origin, 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

describe('PUT /api/admin/settings/public', () => {
  it('an admin turns the public view on: saved, and /api/public answers at once with the new choice', async () => {
    const { app } = keyedBff(DEMO_ACCESS_KEY);
    expect((await app.request('/api/public')).status).toBe(404);
    const res = await put(app, { ...ON, allowOrigins: ['https://www.example.org/'] });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(ON);

    const api = await app.request('/api/public', { headers: { origin: 'https://www.example.org' } });
    expect(api.status).toBe(200);
    expect(api.headers.get('access-control-allow-origin')).toBe('https://www.example.org');
    const body = publicOccupancySchema.parse(await api.json());
    expect(body.spaces).toEqual([expect.objectContaining({ id: 'site', occupancy: expect.any(Number) as number })]);

    expect((await put(app, { enabled: false })).status).toBe(200);
    expect((await app.request('/api/public')).status).toBe(404);
  });

  it.each([
    ['staff', STAFF, 403, 'forbidden'],
    ['a display', DISPLAY, 403, 'forbidden'],
    // Nobody signed in, on a server that has an account (without one it asks for the setup).
    ['nobody', null, 401, 'unauthorized'],
  ] as const)('refuses %s', async (_who, principal, status, code) => {
    const { app } = keyedBff(DEMO_ACCESS_KEY, {
      assume: principal,
      env: { ADMIN_EMAIL: 'admin@example.org', ADMIN_PASSWORD: 'a long enough password 123' },
    });
    const res = await put(app, ON);
    expect(res.status).toBe(status);
    expect((await apiError(res)).code).toBe(code);
  });

  it('refuses a page of another site (the same-origin rule)', async () => {
    const { app } = keyedBff(DEMO_ACCESS_KEY);
    const res = await put(app, ON, 'https://www.example.org');
    expect(res.status).toBe(403);
    expect((await apiError(res)).code).toBe('forbidden');
    expect((await app.request('/api/public')).status).toBe(404);
  });

  it.each([
    ['an origin over http', { ...ON, allowOrigins: ['http://example.org'] }, 'allowOrigins.0'],
    ['an origin with a path', { ...ON, allowOrigins: ['https://example.org/busy'] }, 'allowOrigins.0'],
    ['an unknown field', { ...ON, frame: true }, undefined],
    ['no JSON', '{ enabled', undefined],
  ])('refuses %s with 400 naming the field', async (_what, body, field) => {
    const { app } = keyedBff(DEMO_ACCESS_KEY);
    const res = await put(app, body);
    expect(res.status).toBe(400);
    const error = await apiError(res);
    expect(error.code).toBe('bad_request');
    expect(error.field).toBe(field);
  });

  it('refuses a public view the provisioning file sets: 409 locked, naming the file', async () => {
    const file = join(temp, 'site.json');
    writeFileSync(file, JSON.stringify({ public: { enabled: false } }));
    const { app } = keyedBff(DEMO_ACCESS_KEY, { env: { SITE_CONFIG_FILE: file } });
    const res = await put(app, ON);
    expect(res.status).toBe(409);
    const error = await apiError(res);
    expect(error).toMatchObject({ code: 'locked', field: 'public' });
    expect(error.message).toContain('SITE_CONFIG_FILE');
    expect((await app.request('/api/public')).status).toBe(404);
  });
});
