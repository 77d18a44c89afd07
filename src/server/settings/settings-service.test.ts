import { describe, expect, it } from 'vitest';
import { DEMO_SITE } from '../demo-site';
import type { SiteConfig } from '../site-config';
import { memoryStore, TEST_ADMIN } from '../test/support';
import { createSettingsService, type SettingsSources } from './settings-service';

const defaults: SettingsSources['defaults'] = { site: DEMO_SITE, timezone: 'Europe/Budapest', dayStart: '00:00', locale: 'en' };

function service(overrides: Partial<SettingsSources> = {}) {
  const store = overrides.store ?? memoryStore();
  return { store, settings: createSettingsService({ store, file: { devices: [] }, fileGiven: false, env: {}, defaults, ...overrides }) };
}

describe('settings: environment > file > store > defaults', () => {
  it('without a file or saved settings: the defaults (the demo building), nothing locked', () => {
    const { settings } = service();
    expect(settings.current()).toMatchObject({ site: DEMO_SITE, timezone: 'Europe/Budapest', dayStart: '00:00', locale: 'en', public: { enabled: false } });
    expect(settings.locked()).toEqual({});
  });

  it('a saved change applies at once, tells subscribers, is in the audit log, and is still there after a restart', async () => {
    const { store, settings } = service();
    const seen: string[] = [];
    settings.subscribe((s) => seen.push(s.site.siteName ?? ''));
    await settings.put('site', { siteName: 'Riverside', timezone: 'Europe/Vienna', dayStart: '04:00', locale: 'de' }, TEST_ADMIN);
    expect(settings.current()).toMatchObject({ site: { siteName: 'Riverside' }, timezone: 'Europe/Vienna', dayStart: '04:00', locale: 'de' });
    expect(seen).toEqual(['Riverside']);
    const audit = await store.db.selectFrom('audit').selectAll().execute();
    expect(audit).toMatchObject([{ actor: 'admin@example.org', action: 'settings.site' }]);
    const restarted = createSettingsService({ store, file: { devices: [] }, fileGiven: false, env: {}, defaults });
    expect(restarted.current()).toMatchObject({ site: { siteName: 'Riverside' }, timezone: 'Europe/Vienna' });
  });

  it('the file wins over the store and locks its fields; the environment wins over both', async () => {
    const file: SiteConfig = {
      siteName: 'From the file',
      timezone: 'Europe/London',
      devices: [{ id: 91 }],
      public: { enabled: true, spaces: ['site'], showNumbers: false, allowOrigins: [] },
    };
    const { settings } = service({ file, fileGiven: true, env: { timezone: 'Europe/Paris' } });
    expect(settings.locked()).toEqual({ siteName: 'file', timezone: 'env', spaces: 'file', public: 'file' });
    expect(settings.current()).toMatchObject({ site: { siteName: 'From the file', devices: [{ id: 91 }] }, timezone: 'Europe/Paris' });
    await expect(settings.put('site', { siteName: 'Mine' }, TEST_ADMIN)).rejects.toMatchObject({ status: 409, code: 'locked', field: 'siteName' });
    await expect(settings.put('site', { timezone: 'Europe/Rome' }, TEST_ADMIN)).rejects.toMatchObject({ status: 409, field: 'timezone' });
    await expect(settings.put('spaces', { devices: [] }, TEST_ADMIN)).rejects.toMatchObject({ status: 409, field: 'spaces' });
    // A field the file leaves alone can still be saved.
    await settings.put('site', { dayStart: '05:00' }, TEST_ADMIN);
    expect(settings.current().dayStart).toBe('05:00');
  });

  it('the same validation as the file: a bad tree is refused naming the field, and nothing is saved', async () => {
    const { store, settings } = service();
    const bad = {
      devices: [],
      spaces: [
        { id: 'site', name: 'Site', doors: [] },
        { id: 'room', name: 'Room', parent: 'nowhere', doors: [] },
      ],
    };
    await expect(settings.put('spaces', bad, TEST_ADMIN)).rejects.toMatchObject({ status: 400, code: 'bad_request' });
    await expect(settings.put('site', { timezone: 'Mars/Olympus' }, TEST_ADMIN)).rejects.toMatchObject({ status: 400, field: 'timezone' });
    await expect(settings.put('public', { enabled: true, allowOrigins: ['ftp://x'] }, TEST_ADMIN)).rejects.toMatchObject({
      status: 400,
      field: 'allowOrigins.0',
    });
    expect(await store.db.selectFrom('settings').selectAll().execute()).toEqual([]);
    expect(settings.current().site).toEqual(DEMO_SITE);
  });

  it('a saved value this version cannot read is kept in the store, reported, and not applied', () => {
    const store = memoryStore();
    store.sqlite.prepare('insert into settings (key, value, updated_at) values (?, ?, ?)').run('site', '{"timezone":"Not/AZone"}', '2026-11-29T10:00:00Z');
    const problems: string[] = [];
    const settings = createSettingsService({
      store,
      file: { devices: [] },
      fileGiven: false,
      env: {},
      defaults,
      onLoadProblem: (key, m) => problems.push(`${key}: ${m}`),
    });
    expect(settings.current().timezone).toBe('Europe/Budapest');
    expect(problems).toEqual([expect.stringMatching(/^site: timezone: is not an IANA time zone/)]);
    expect(store.sqlite.prepare('select value from settings').get()).toEqual({ value: '{"timezone":"Not/AZone"}' });
  });
});
