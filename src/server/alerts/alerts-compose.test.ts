// The alert server as compose.ts builds it: a rule saved by an admin makes the monitor run, and
// the alert reaches a webhook on loopback with no screen open. The SMTP password stays out of logs.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type AlertEvent, alertLogSchema, recentAlertsSchema } from '@/shared/alerts-schema';
import { type Occupancy, occupancySchema } from '@/shared/api-schema';
import { createClock } from '@/simulator';
import { compose } from '../compose';
import { loadEnv } from '../env';
import { collectLogs, memoryStore, NOW, TEST_ADMIN } from '../test/support';

const closers: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

function demo(env: Record<string, string> = {}) {
  const clock = createClock();
  clock.setFixed(NOW);
  const logs = collectLogs();
  const composed = compose(loadEnv({ SITE_TIMEZONE: 'Europe/Budapest', LOG_LEVEL: 'info', ...env }), {
    clientDist: null,
    simulator: { authDelayMs: 5, clock },
    store: memoryStore(),
    assumePrincipal: TEST_ADMIN,
    logDestination: logs.destination,
  });
  closers.push(() => composed.alerts.stop());
  return { composed, logs };
}

describe('alerts in the composed server', () => {
  it('a full space is told to a webhook with no screen open', async () => {
    const bodies: AlertEvent[] = [];
    const receiver = createServer((req, res) => {
      let text = '';
      req.on('data', (c: Buffer) => (text += c.toString()));
      req.on('end', () => {
        bodies.push(JSON.parse(text) as AlertEvent);
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    closers.push(() => new Promise<void>((r) => receiver.close(() => r())));
    const { composed } = demo();

    // A root space as large as the count now: full.
    const now: Occupancy = occupancySchema.parse(await (await composed.app.request('/api/occupancy')).json());
    const root = now.spaces[0]!;
    expect(root.occupancy).toBeGreaterThan(0);
    await composed.settings.put('spaces', { devices: [], spaces: [{ id: 'site', name: 'Hall', capacity: root.occupancy, doors: root.doors }] }, TEST_ADMIN);
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    await composed.settings.put(
      'alerts',
      { channels: [{ id: 'ops', type: 'webhook', url }], rules: [{ type: 'full', space: 'site', channels: ['ops'] }] },
      TEST_ADMIN,
    );

    await vi.waitFor(() => expect(bodies).toHaveLength(1));
    expect(bodies[0]).toMatchObject({ rule: 'full', space: 'site', spaceName: 'Hall', state: 'full', resolved: false, at: '2026-11-26T11:15:03+01:00' });
    await vi.waitFor(async () => {
      const log = alertLogSchema.parse(await (await composed.app.request('/api/admin/alerts/log')).json());
      expect(log.entries.map((e) => [e.channel, e.status])).toEqual([['ops', 'sent']]);
    });
    expect(composed.alerts.monitor.running()).toBe(true);
    await composed.settings.put('alerts', { channels: [], rules: [] }, TEST_ADMIN);
    expect(composed.alerts.monitor.running()).toBe(false);
  });

  it('outside the opening hours a full space is not told; once the site opens, it is', async () => {
    const { composed } = demo();
    const now: Occupancy = occupancySchema.parse(await (await composed.app.request('/api/occupancy')).json());
    const root = now.spaces[0]!;
    await composed.settings.put('spaces', { devices: [], spaces: [{ id: 'site', name: 'Hall', capacity: root.occupancy, doors: root.doors }] }, TEST_ADMIN);
    // The simulator's clock says Thursday 26 November, 11:15 in Budapest: open on Fridays only.
    await composed.settings.put('hours', { weekly: { fri: [['07:00', '22:00']] } }, TEST_ADMIN);
    await composed.settings.put('alerts', { channels: [], rules: [{ type: 'full', space: 'site' }] }, TEST_ADMIN);
    const recent = async () => recentAlertsSchema.parse(await (await composed.app.request('/api/alerts/recent')).json()).alerts;

    await composed.alerts.monitor.tick();
    expect(await recent()).toEqual([]);

    await composed.settings.put('hours', { weekly: { thu: [['00:00', '24:00']] } }, TEST_ADMIN);
    await composed.alerts.monitor.tick();
    expect((await recent()).map((a) => [a.rule, a.space, a.resolved])).toEqual([['full', 'site', false]]);
  });

  it('says at start what in the provisioned alerts cannot work', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'alerts-file-')), 'site.json');
    writeFileSync(
      file,
      JSON.stringify({
        spaces: [{ id: 'site', name: 'Hall', capacity: 10, doors: [{ device: 91, side: 'in' }] }],
        alerts: {
          channels: [
            { id: 'desk', type: 'email', to: ['desk@example.org'] },
            { id: 'ops', type: 'webhook', url: 'http://hooks.example.org/x' },
          ],
          rules: [{ type: 'full', space: 'attic', channels: ['desk', 'ops'] }],
        },
      }),
    );
    const { logs } = demo({ SITE_CONFIG_FILE: file });
    // The log's stream takes one line a turn.
    for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
    const problems = logs
      .entries()
      .filter((e) => e.msg === 'an alert setting cannot work')
      .map((e) => e.problem);
    expect(problems).toEqual([
      'alerts.channels.0 is email, but SMTP_URL is not set: nothing is sent through it',
      expect.stringMatching(/^alerts\.channels\.1\.url must use https/),
      'alerts.rules.0.space names "attic", which is not a space: the rule never fires',
    ]);
  });

  it('never writes the SMTP password into the log', async () => {
    const password = 'pw-8c1f0e2b-smtp';
    const { composed, logs } = demo({ SMTP_URL: `smtp://alerts:${password}@127.0.0.1:2525`, ALERT_EMAIL_FROM: 'alerts@example.org' });
    composed.logger.warn({ detail: `smtp://alerts:${password}@127.0.0.1:2525` }, `mail server said ${password}`);
    await new Promise((r) => setImmediate(r));
    expect(logs.text()).toContain('mail server said');
    expect(logs.text()).not.toContain(password);
  });
});
