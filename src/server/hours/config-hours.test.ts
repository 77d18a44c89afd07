// /api/config carries the opening hours (displays too), and a change of them changes the settings
// version, so long-running screens fetch the config again and turn "Closed" by the new hours.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configSchema, occupancySchema } from '@/shared/api-schema';
import { DEMO_ACCESS_KEY } from '@/simulator';
import type { Principal } from '../auth/principal';
import { keyedBff } from '../test/support';

const HOURS = {
  weekly: { mon: [['07:00', '22:00']], sat: [['22:00', '02:00']] },
  closed: ['2026-12-25'],
  special: [{ date: '2026-12-24', spans: [['07:00', '14:00']] }],
};
const headers = { origin: 'http://localhost', host: 'localhost', 'content-type': 'application/json' };

describe('/api/config: openingHours', () => {
  it('is null without hours, then the saved hours; the settings version follows them', async () => {
    const { app } = keyedBff(DEMO_ACCESS_KEY);
    const config = async () => configSchema.parse(await (await app.request('/api/config')).json());
    const before = await config();
    expect(before.openingHours).toBeNull();

    const put = await app.request('/api/admin/settings/hours', { method: 'PUT', headers, body: JSON.stringify(HOURS) });
    expect(put.status, await put.clone().text()).toBe(200);
    const after = await config();
    expect(after.openingHours).toEqual(HOURS);
    expect(after.settingsVersion).not.toBe(before.settingsVersion);
    // The occupancy answer names the same version: that is how a screen notices the change.
    const occupancy = occupancySchema.parse(await (await app.request('/api/occupancy')).json());
    expect(occupancy.settingsVersion).toBe(after.settingsVersion);

    await app.request('/api/admin/settings/hours', { method: 'PUT', headers, body: 'null' });
    const cleared = await config();
    expect(cleared.openingHours).toBeNull();
    expect(cleared.settingsVersion).toBe(before.settingsVersion);
  });

  it('is given to a display link scoped to some spaces', async () => {
    const display: Principal = { kind: 'display', id: 'd1', name: 'Wall', spaces: ['site'], mode: null, theme: null, lang: null, chime: false };
    // Hours from the provisioning file (a display may not PUT them).
    const { app } = keyedBff(DEMO_ACCESS_KEY, { assume: display, env: { SITE_CONFIG_FILE: siteFile({ openingHours: HOURS }) } });
    const config = configSchema.parse(await (await app.request('/api/config')).json());
    expect(config.openingHours).toEqual(HOURS);
  });
});

function siteFile(content: unknown): string {
  const file = join(mkdtempSync(join(tmpdir(), 'config-hours-test-')), 'site.json');
  writeFileSync(file, JSON.stringify(content));
  return file;
}
