// The alert routes on the composed demo server (who may ask: access-matrix.test.ts): recent alerts,
// the alert log, test sends to a receiver on loopback, and PUT alerts' own checks.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { type AlertEvent, alertLogSchema, alertTestResultSchema, recentAlertsSchema } from '@/shared/alerts-schema';
import { createClock } from '@/simulator';
import { compose } from '../compose';
import { loadEnv } from '../env';
import { apiError, memoryStore, NOW, TEST_ADMIN } from '../test/support';

const ORIGIN = 'http://localhost';

function server(env: Record<string, string> = {}) {
  const clock = createClock();
  clock.setFixed(NOW);
  const composed = compose(loadEnv({ SITE_TIMEZONE: 'Europe/Budapest', LOG_LEVEL: 'silent', ...env }), {
    clientDist: null,
    simulator: { authDelayMs: 5, clock },
    store: memoryStore(),
    assumePrincipal: TEST_ADMIN,
  });
  closers.push(() => {
    composed.alerts.stop();
    return Promise.resolve();
  });
  const send = (method: string, path: string, body?: unknown) =>
    composed.app.request(path, {
      method,
      headers: body === undefined ? {} : { origin: ORIGIN, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  return { composed, send };
}

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

const event = (n: number): AlertEvent => ({
  rule: 'full',
  space: 'cafe',
  spaceName: 'Café',
  occupancy: 60,
  capacity: 60,
  state: 'full',
  at: '2026-11-26T11:15:03+01:00',
  text: `Alert ${n}`,
  resolved: false,
});

describe('GET /api/alerts/recent', () => {
  it('answers the newest first, at most 50, and those after an id when asked', async () => {
    const { composed, send } = server();
    for (let n = 1; n <= 60; n++) composed.alerts.alertStore.addEvent(event(n), NOW);
    const all = recentAlertsSchema.parse(await (await send('GET', '/api/alerts/recent')).json());
    expect(all.alerts).toHaveLength(50);
    expect(all.alerts[0]).toEqual({ ...event(60), id: 60 });
    expect(all.alerts.at(-1)?.id).toBe(11);
    const after = recentAlertsSchema.parse(await (await send('GET', '/api/alerts/recent?after=57')).json());
    expect(after.alerts.map((a) => a.id)).toEqual([60, 59, 58]);
    const bad = await send('GET', '/api/alerts/recent?after=-1');
    expect(bad.status).toBe(400);
    expect((await apiError(bad)).field).toBe('after');
  });
});

describe('POST /api/admin/alerts/test and the alert log', () => {
  it('sends a test through the channel as given, answers ok, and logs it', async () => {
    const bodies: unknown[] = [];
    const receiver: Server = createServer((req, res) => {
      let text = '';
      req.on('data', (c: Buffer) => (text += c.toString()));
      req.on('end', () => {
        bodies.push(JSON.parse(text));
        res.writeHead(req.url === '/broken' ? 500 : 200).end();
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    closers.push(() => new Promise<void>((r) => receiver.close(() => r())));
    const base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
    const { send } = server();

    const ok = await send('POST', '/api/admin/alerts/test', { channel: { id: 'ops', type: 'webhook', url: `${base}/hook`, format: 'json' } });
    expect(ok.status).toBe(200);
    expect(alertTestResultSchema.parse(await ok.json())).toEqual({ ok: true, reason: null });
    expect(bodies[0]).toMatchObject({ rule: 'test', state: 'test', resolved: false, at: '2026-11-26T11:15:03+01:00' });
    expect((bodies[0] as AlertEvent).text).toMatch(/^Test message from Occupancy Live/);

    const broken = await send('POST', '/api/admin/alerts/test', { channel: { id: 'chat', type: 'webhook', url: `${base}/broken`, format: 'slack' } });
    expect(await broken.json()).toEqual({ ok: false, reason: 'HTTP 500' });

    const log = alertLogSchema.parse(await (await send('GET', '/api/admin/alerts/log')).json());
    expect(log.entries.map((e) => [e.channel, e.rule, e.status, e.attempts, e.reason])).toEqual([
      ['chat', 'test', 'failed', 1, 'HTTP 500'],
      ['ops', 'test', 'sent', 1, null],
    ]);

    // A German site: the test message and a Teams card's time in German, the site's zone, 24-hour.
    expect((await send('PUT', '/api/admin/settings/site', { locale: 'de' })).status).toBe(200);
    await send('POST', '/api/admin/alerts/test', { channel: { id: 'team', type: 'webhook', url: `${base}/hook`, format: 'teams' } });
    const card = JSON.stringify(bodies.at(-1));
    expect(card).toContain('Testnachricht von Occupancy Live');
    expect(card).toContain('Donnerstag, 26. November 2026 um 11:15');
  });

  it('refuses email without SMTP_URL and plain http to another host, naming the field', async () => {
    const { send } = server();
    const email = await send('POST', '/api/admin/alerts/test', { channel: { id: 'desk', type: 'email', to: ['desk@example.org'] } });
    expect(email.status).toBe(400);
    expect(await apiError(email)).toMatchObject({ code: 'bad_request', field: 'channel.type', message: expect.stringContaining('SMTP_URL') as unknown });
    const http = await send('POST', '/api/admin/alerts/test', { channel: { id: 'ops', type: 'webhook', url: 'http://hooks.example.org/x' } });
    expect(await apiError(http)).toMatchObject({ field: 'channel.url' });
    const notChannel = await send('POST', '/api/admin/alerts/test', { channel: { id: 'ops', type: 'pager' } });
    expect(notChannel.status).toBe(400);
  });
});

describe('PUT /api/admin/settings/alerts checks', () => {
  const put = (send: ReturnType<typeof server>['send'], body: unknown) => send('PUT', '/api/admin/settings/alerts', body);

  it('refuses a rule naming a space or a display that does not exist', async () => {
    const { send } = server();
    const space = await put(send, {
      rules: [
        { type: 'full', space: 'cafe' },
        { type: 'nearly_full', space: 'attic' },
      ],
    });
    expect(space.status).toBe(400);
    expect(await apiError(space)).toMatchObject({
      field: 'rules.1.space',
      message: expect.stringMatching(/^rules\.1\.space names "attic", which is not a space/) as unknown,
    });
    const display = await put(send, { rules: [{ type: 'display_offline', display: 'nowhere', minutes: 5 }] });
    expect(await apiError(display)).toMatchObject({ field: 'rules.0.display' });
    expect(
      (
        await put(send, {
          rules: [
            { type: 'full', space: 'cafe' },
            { type: 'display_offline', minutes: 5 },
          ],
        })
      ).status,
    ).toBe(200);
  });

  it('refuses email without SMTP_URL and plain http unless ALERT_WEBHOOK_ALLOW_HTTP', async () => {
    const strict = server();
    const email = await put(strict.send, { channels: [{ id: 'desk', type: 'email', to: ['desk@example.org'] }] });
    expect(await apiError(email)).toMatchObject({ field: 'channels.0.type' });
    const http = await put(strict.send, { channels: [{ id: 'ops', type: 'webhook', url: 'http://hooks.example.org/x' }] });
    expect(await apiError(http)).toMatchObject({ field: 'channels.0.url' });
    expect((await put(strict.send, { channels: [{ id: 'ops', type: 'webhook', url: 'http://127.0.0.1:9/x' }] })).status).toBe(200);

    const relaxed = server({ ALERT_WEBHOOK_ALLOW_HTTP: 'true', SMTP_URL: 'smtp://127.0.0.1:2525', ALERT_EMAIL_FROM: 'alerts@example.org' });
    const both = await put(relaxed.send, {
      channels: [
        { id: 'ops', type: 'webhook', url: 'http://hooks.example.org/x' },
        { id: 'desk', type: 'email', to: ['desk@example.org'] },
      ],
    });
    expect(both.status).toBe(200);
  });

  it('a body the schema refuses gets the settings route’s own answer', async () => {
    const { send } = server();
    const res = await put(send, { rules: [{ type: 'full', space: 'cafe', channels: ['nope'] }] });
    expect(res.status).toBe(400);
    expect((await apiError(res)).field).toBe('rules.0.channels.0');
  });
});
