import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adminSettingsSchema, auditPageSchema } from '@/shared/admin-settings-schema';
import { configSchema, occupancySchema } from '@/shared/api-schema';
import { DEMO_ACCESS_KEY } from '@/simulator';
import type { Principal } from '../auth/principal';
import { apiError, keyedBff, newSimulator, urlOf } from '../test/support';

const STAFF: Principal = { kind: 'user', id: 'staff-1', email: 'staff@example.org', name: 'Staff', role: 'staff', sessionId: 's' };
const ORIGIN = 'http://localhost';

const SPACES = {
  devices: [{ id: 91, label: 'Main entrance' }],
  spaces: [
    { id: 'site', name: 'Riverside', capacity: 400, doors: [{ device: 91, side: 'in' }] },
    { id: 'cafe', name: 'Cafe', parent: 'site', capacity: 40, doors: [{ device: 93, side: 'in' }] },
  ],
};

function siteFile(content: unknown): string {
  const file = join(mkdtempSync(join(tmpdir(), 'admin-settings-test-')), 'site.json');
  writeFileSync(file, JSON.stringify(content));
  return file;
}

/** A keyed BFF on the simulator that counts its getoccupancy calls. */
function bff(options: { env?: Record<string, string>; assume?: Principal } = {}) {
  const sim = newSimulator();
  const urls: URL[] = [];
  const { app } = keyedBff(DEMO_ACCESS_KEY, {
    sim,
    env: options.env,
    assume: options.assume,
    fetch: (input, init) => {
      urls.push(urlOf(input));
      return sim.fetch(input, init);
    },
  });
  const vendorCalls = () => urls.filter((u) => u.searchParams.get('action') === 'getoccupancy').length;
  const put = (key: string, body: unknown) =>
    app.request(`/api/admin/settings/${key}`, {
      method: 'PUT',
      headers: { origin: ORIGIN, host: 'localhost', 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const json = async (path: string) => {
    const res = await app.request(path);
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as unknown;
  };
  return {
    app,
    sim,
    put,
    vendorCalls,
    settings: async () => adminSettingsSchema.strict().parse(await json('/api/admin/settings')),
    occupancy: async () => occupancySchema.parse(await json('/api/occupancy')),
    config: async () => configSchema.parse(await json('/api/config')),
    audit: async (query = '') => auditPageSchema.parse(await json(`/api/admin/audit${query}`)),
  };
}

describe('GET /api/admin/settings', () => {
  it('answers the values in use and what the environment and the file lock', async () => {
    const b = bff({ env: { SITE_CONFIG_FILE: siteFile({ siteName: 'Riverside Centre', ...SPACES }) } });
    const body = await b.settings();
    expect(body.values).toMatchObject({ siteName: 'Riverside Centre', shownName: 'Riverside Centre', timezone: 'Europe/Budapest', locale: 'en' });
    expect(body.values.spaces.spaces?.map((s) => s.id)).toEqual(['site', 'cafe']);
    expect(body.values.public.enabled).toBe(false);
    // SITE_TIMEZONE is set for every test BFF: the environment wins and locks the field.
    expect(body.locked).toEqual({ siteName: 'file', timezone: 'env', spaces: 'file' });
  });

  it('is for admins: staff get 403', async () => {
    const b = bff({ assume: STAFF });
    for (const res of [await b.app.request('/api/admin/settings'), await b.put('site', { siteName: 'X' }), await b.app.request('/api/admin/audit')]) {
      expect(res.status).toBe(403);
      expect((await apiError(res)).code).toBe('forbidden');
    }
  });
});

describe('PUT /api/admin/settings/*: a change reaches every screen at the next poll', () => {
  it('renames a space and changes a capacity: the next /api/occupancy and /api/config show it, without another vendor call', async () => {
    const b = bff();
    const first = await b.occupancy();
    expect(first.spacesConfigured).toBe(false);
    const calls = b.vendorCalls();

    const res = await b.put('spaces', SPACES);
    expect(res.status, await res.clone().text()).toBe(200);
    expect(adminSettingsSchema.parse(await res.json()).values.spaces.spaces?.[1]?.name).toBe('Cafe');

    const occupancy = await b.occupancy();
    expect(occupancy.spacesConfigured).toBe(true);
    expect(occupancy.spaces.map((s) => [s.id, s.name, s.capacity])).toEqual([
      ['site', 'Riverside', 400],
      ['cafe', 'Cafe', 40],
    ]);
    expect(occupancy.fetchedAt).toBe(first.fetchedAt);
    expect(occupancy.settingsVersion).not.toBe(first.settingsVersion);
    expect(b.vendorCalls()).toBe(calls);

    const config = await b.config();
    expect(config.spaces?.map((s) => s.name)).toEqual(['Riverside', 'Cafe']);
    expect(config.settingsVersion).toBe(occupancy.settingsVersion);

    const renamed = structuredClone(SPACES);
    renamed.spaces[1]!.name = 'Café';
    renamed.spaces[1]!.capacity = 45;
    expect((await b.put('spaces', renamed)).status).toBe(200);
    const again = await b.occupancy();
    expect(again.spaces[1]).toMatchObject({ name: 'Café', capacity: 45 });
    expect(b.vendorCalls()).toBe(calls);
  });

  it('renames the site: /api/config and the default tree’s root say the new name', async () => {
    const b = bff();
    await b.occupancy();
    const res = await b.put('site', { siteName: 'Hall of Fame', dayStart: '00:00' });
    expect(res.status, await res.clone().text()).toBe(200);
    expect((await b.config()).siteName).toBe('Hall of Fame');
    expect((await b.occupancy()).spaces[0]?.name).toBe('Hall of Fame');
  });

  it('a new day start is planned at once: the next answer is for the new window (the vendor is asked again)', async () => {
    const b = bff();
    expect((await b.occupancy()).dayStart.local).toBe('2026-11-26T00:00:00+01:00');
    const calls = b.vendorCalls();
    expect((await b.put('site', { dayStart: '04:00' })).status).toBe(200);
    expect((await b.config()).dayStart).toBe('04:00');
    expect((await b.occupancy()).dayStart.local).toBe('2026-11-26T04:00:00+01:00');
    expect(b.vendorCalls()).toBe(calls + 1);
  });

  it('a history answer cached under the old settings is not served under the new ones (labels)', async () => {
    const b = bff();
    const names = async () => {
      const res = await b.app.request('/api/history?from=2026-11-25&to=2026-11-25&resolution=day&devices=91');
      expect(res.status).toBe(200);
      return ((await res.json()) as { series: { name: string }[] }).series.map((s) => s.name);
    };
    expect(await names()).not.toEqual(['Front door']);
    expect((await b.put('spaces', { devices: [{ id: 91, label: 'Front door' }] })).status).toBe(200);
    expect(await names()).toEqual(['Front door']);
  });

  it('history and export use the new spaces', async () => {
    const b = bff();
    expect((await b.app.request('/api/history?from=2026-11-25&to=2026-11-25&resolution=day&space=cafe')).status).toBe(400);
    expect((await b.put('spaces', SPACES)).status).toBe(200);
    const res = await b.app.request('/api/history?from=2026-11-25&to=2026-11-25&resolution=day&space=cafe');
    expect(res.status, await res.clone().text()).toBe(200);
    expect(((await res.json()) as { space: { name: string } }).space.name).toBe('Cafe');
  });
});

describe('PUT /api/admin/settings/*: refused changes', () => {
  it('a field the file sets is locked: 409 naming it, and nothing changes', async () => {
    const b = bff({ env: { SITE_CONFIG_FILE: siteFile({ siteName: 'Riverside Centre', ...SPACES }) } });
    const site = await b.put('site', { siteName: 'Elsewhere' });
    expect(site.status).toBe(409);
    expect(await apiError(site)).toMatchObject({ code: 'locked', field: 'siteName' });
    const spaces = await b.put('spaces', { devices: [] });
    expect(spaces.status).toBe(409);
    const refused = await apiError(spaces);
    expect(refused).toMatchObject({ code: 'locked', field: 'spaces' });
    expect(refused.message).toContain('SITE_CONFIG_FILE');
    expect((await b.config()).siteName).toBe('Riverside Centre');
    expect((await b.audit()).entries).toEqual([]);
  });

  it('a field the environment sets is locked: 409 saying so', async () => {
    const b = bff();
    const res = await b.put('site', { timezone: 'Europe/London' });
    expect(res.status).toBe(409);
    const error = await apiError(res);
    expect(error).toMatchObject({ code: 'locked', field: 'timezone' });
    expect(error.message).toContain('environment variable');
  });

  it.each([
    [
      'spaces',
      {
        devices: [],
        spaces: [
          { id: 'site', name: 'S', doors: [] },
          { id: 'b', name: 'B', parent: 'site', doors: [{ device: -3, side: 'in' }] },
        ],
      },
      'spaces.1.doors.0.device',
    ],
    [
      'spaces',
      {
        devices: [],
        spaces: [
          { id: 'site', name: 'S', doors: [] },
          { id: 'site', name: 'T', parent: 'site', doors: [] },
        ],
      },
      'spaces.1.id',
    ],
    ['spaces', { devices: [], spaces: [{ id: 'site', name: 'S', doors: [{ device: 1, side: 'up' }] }] }, 'spaces.0.doors.0.side'],
    [
      'spaces',
      {
        devices: [],
        spaces: [
          { id: 'site', name: 'S', doors: [] },
          { id: 'a', name: 'A', parent: 'nowhere', doors: [] },
        ],
      },
      'spaces.1.parent',
    ],
    ['spaces', { siteCapacity: 10, devices: [], spaces: [{ id: 'site', name: 'S', doors: [] }] }, 'siteCapacity'],
    ['site', { dayStart: '25:00' }, 'dayStart'],
    ['site', { siteName: '' }, 'siteName'],
    ['site', { locale: 'fr' }, 'locale'],
    ['public', { allowOrigins: ['ftp://x'] }, 'allowOrigins.0'],
  ])('%s %j → 400 naming %s', async (key, body, field) => {
    const b = bff();
    const res = await b.put(key, body);
    expect(res.status).toBe(400);
    const error = await apiError(res);
    expect(error).toMatchObject({ code: 'bad_request', field });
    expect(error.message.startsWith(field)).toBe(true);
  });

  it('a body that is not JSON is a 400', async () => {
    const res = await bff().put('site', '{nope');
    expect(res.status).toBe(400);
    expect((await apiError(res)).code).toBe('bad_request');
  });
});

describe('GET /api/admin/audit', () => {
  it('lists who changed what, in words, newest first, paged by id', async () => {
    const b = bff();
    expect((await b.put('site', { siteName: 'One' })).status).toBe(200);
    expect((await b.put('site', { siteName: 'Two' })).status).toBe(200);
    expect((await b.put('spaces', SPACES)).status).toBe(200);
    const renamed = structuredClone(SPACES);
    renamed.spaces[1]!.name = 'Café';
    renamed.spaces[1]!.capacity = 45;
    expect((await b.put('spaces', renamed)).status).toBe(200);

    const all = await b.audit();
    expect(all.next).toBeNull();
    expect(all.entries.map((e) => [e.actor, e.action, e.detail])).toEqual([
      ['admin@example.org', 'settings.spaces', { changes: ['Space “Cafe” renamed “Café”', 'Space “Café” capacity 40 → 45'] }],
      [
        'admin@example.org',
        'settings.spaces',
        { changes: [expect.stringMatching(/^Device 91 label none → “Main entrance”/), expect.stringContaining('Spaces configured')] },
      ],
      ['admin@example.org', 'settings.site', { changes: ['Site name “One” → “Two”'] }],
      ['admin@example.org', 'settings.site', { changes: ['Site name none → “One”'] }],
    ]);

    const first = await b.audit('?limit=3');
    expect(first.entries).toHaveLength(3);
    expect(first.next).toBe(first.entries[2]!.id);
    const rest = await b.audit(`?limit=3&before=${first.next}`);
    expect(rest.entries.map((e) => e.detail)).toEqual([{ changes: ['Site name none → “One”'] }]);
    expect(rest.next).toBeNull();
  });

  it('refuses a bad page with 400 naming the parameter', async () => {
    const res = await bff().app.request('/api/admin/audit?limit=0');
    expect(res.status).toBe(400);
    expect((await apiError(res)).field).toBe('limit');
  });

  it('an export writes who exported which range', async () => {
    const b = bff();
    expect((await b.put('spaces', SPACES)).status).toBe(200);
    const res = await b.app.request('/api/export?from=2026-11-20&to=2026-11-25&resolution=hour&space=cafe');
    expect(res.status).toBe(200);
    await res.text();
    const failed = await b.app.request('/api/export?from=2026-11-25&to=2026-11-20&resolution=hour');
    expect(failed.status).toBe(400);
    const [latest, ...older] = (await b.audit()).entries;
    expect(latest).toMatchObject({
      actor: 'admin@example.org',
      action: 'export',
      target: 'cafe',
      detail: { from: '2026-11-20', to: '2026-11-25', resolution: 'hour', devices: [93], space: { id: 'cafe', name: 'Cafe' } },
    });
    expect(older.map((e) => e.action)).toEqual(['settings.spaces']);
  });
});
