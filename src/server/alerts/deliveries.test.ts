// Deliveries against real receivers started here on 127.0.0.1: webhooks (one failing once, one
// hanging) and an SMTP server (smtp-server). The clock of the retries is a fake one.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { SMTPServer } from 'smtp-server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AlertEvent, ChannelConfig } from '@/shared/alerts-schema';
import { createLogger } from '../logger';
import { openStore } from '../store/store';
import { createAlertStore } from './alert-store';
import type { AlertSite } from './alert-words';
import { createSender, webhookBody, webhookUrlProblem } from './channels';
import { createDeliveries, RETRY_DELAYS_MS } from './deliveries';

const logLines: string[] = [];
const logger = createLogger({
  level: 'info',
  secrets: [],
  destination: new Writable({
    write: (chunk: Buffer, _e, cb) => {
      logLines.push(chunk.toString());
      cb();
    },
  }),
});

const EVENT: AlertEvent = {
  rule: 'full',
  ruleId: 'cafe-full',
  space: 'cafe',
  spaceName: 'Café',
  occupancy: 40,
  capacity: 40,
  state: 'full',
  at: '2026-11-26T11:15:03+01:00',
  text: 'Café is full: 40 of 40.',
  resolved: false,
};

const SITE = (): AlertSite => ({ lang: 'en', timeZone: 'Europe/Budapest' });

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

/** A webhook receiver on loopback answering with `statuses` in turn (the last one after that; 0 = never answers). */
async function receiver(statuses: number[]) {
  const bodies: unknown[] = [];
  const hanging: ServerResponse[] = [];
  let n = 0;
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let text = '';
    req.on('data', (c: Buffer) => (text += c.toString()));
    req.on('end', () => {
      bodies.push(JSON.parse(text));
      const status = statuses[Math.min(n++, statuses.length - 1)]!;
      if (status === 0) hanging.push(res);
      else res.writeHead(status).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  closers.push(
    () =>
      new Promise<void>((r) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => r());
      }),
  );
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, bodies };
}

function setUp(channels: ChannelConfig[], sender = createSender({ allowHttp: false, smtp: null, timeoutMs: 500, site: SITE })) {
  const store = openStore({ file: ':memory:' });
  const clock = { ms: Date.parse('2026-11-26T10:15:03Z') };
  const alertStore = createAlertStore(store, () => 'Europe/Budapest');
  const deliveries = createDeliveries({ alertStore, sender, channels: () => channels, now: () => new Date(clock.ms), logger });
  closers.push(() => {
    deliveries.stop();
    store.close();
    return Promise.resolve();
  });
  const eventId = alertStore.addEvent(EVENT, new Date(clock.ms));
  return { store, clock, alertStore, deliveries, eventId };
}

describe('webhooks', () => {
  it('a receiver answering 500 then 200: retried after the back-off, then sent, the json body exactly the event', async () => {
    const hook = await receiver([500, 200]);
    const t = setUp([{ id: 'ops', type: 'webhook', url: hook.url, format: 'json' }]);
    t.deliveries.enqueue(t.eventId, EVENT, ['ops']);
    await t.deliveries.settled();
    expect(t.alertStore.log(100)).toMatchObject([
      { channel: 'ops', channelType: 'webhook', status: 'retrying', attempts: 1, reason: 'HTTP 500', nextAttemptAt: '2026-11-26T11:15:33+01:00' },
    ]);
    t.clock.ms += RETRY_DELAYS_MS[0] - 1000;
    await t.deliveries.pump();
    expect(hook.bodies).toHaveLength(1); // not yet due
    t.clock.ms += 1000;
    await t.deliveries.pump();
    expect(t.alertStore.log(100)).toMatchObject([{ status: 'sent', attempts: 2, reason: null, nextAttemptAt: null, attemptedAt: '2026-11-26T11:15:33+01:00' }]);
    expect(hook.bodies).toEqual([EVENT, EVENT]);
  });

  it('a hanging channel does not delay another: the other is sent while it waits, then it times out and is retried', async () => {
    const hang = await receiver([0]);
    const ok = await receiver([204]);
    const t = setUp([
      { id: 'slow', type: 'webhook', url: hang.url, format: 'json' },
      { id: 'fast', type: 'webhook', url: ok.url, format: 'slack' },
    ]);
    t.deliveries.enqueue(t.eventId, EVENT, ['slow', 'fast']);
    await vi.waitFor(() => expect(t.alertStore.log(100).find((e) => e.channel === 'fast')?.status).toBe('sent'));
    expect(t.alertStore.log(100).find((e) => e.channel === 'slow')).toMatchObject({ status: 'retrying', attempts: 0 });
    await t.deliveries.settled();
    expect(t.alertStore.log(100).find((e) => e.channel === 'slow')).toMatchObject({ status: 'retrying', attempts: 1, reason: 'timed out after 1 s' });
    expect(ok.bodies).toEqual([{ text: ':warning: *Café is full: 40 of 40.*' }]);
  });

  it('gives up after the last back-off and says why', async () => {
    const hook = await receiver([503]);
    const t = setUp([{ id: 'ops', type: 'webhook', url: hook.url, format: 'teams' }]);
    t.deliveries.enqueue(t.eventId, EVENT, ['ops']);
    await t.deliveries.settled();
    for (const delay of RETRY_DELAYS_MS) {
      t.clock.ms += delay;
      await t.deliveries.pump();
    }
    expect(t.alertStore.log(100)).toMatchObject([{ status: 'failed', attempts: RETRY_DELAYS_MS.length + 1, reason: 'HTTP 503', nextAttemptAt: null }]);
    expect(hook.bodies).toHaveLength(5);
    expect(logLines.join('')).not.toContain(hook.url);
  });

  it('carries on with the retries a previous run left in the store', async () => {
    const hook = await receiver([200]);
    const t = setUp([{ id: 'ops', type: 'webhook', url: hook.url, format: 'json' }]);
    t.alertStore.addDelivery({
      eventId: t.eventId,
      event: EVENT,
      channelId: 'ops',
      channelType: 'webhook',
      status: 'retrying',
      attempts: 2,
      reason: 'HTTP 500',
      attemptedAt: new Date(t.clock.ms - 60_000),
      nextAttemptAt: new Date(t.clock.ms - 1000),
    });
    t.deliveries.start();
    await vi.waitFor(() => expect(t.alertStore.log(100)[0]).toMatchObject({ status: 'sent', attempts: 3 }));
  });

  it('refuses plain http to another host unless allowed, and says so in the log', async () => {
    expect(webhookUrlProblem('http://127.0.0.1:9/x', false)).toBeNull();
    expect(webhookUrlProblem('http://[::1]:9/x', false)).toBeNull();
    expect(webhookUrlProblem('https://hooks.example.org/x', false)).toBeNull();
    expect(webhookUrlProblem('http://hooks.example.org/x', true)).toBeNull();
    expect(webhookUrlProblem('http://hooks.example.org/x', false)).toMatch(/must use https/);
    const t = setUp([{ id: 'ops', type: 'webhook', url: 'http://hooks.example.org/x', format: 'json' }]);
    const result = await t.deliveries.test({ id: 'ops', type: 'webhook', url: 'http://hooks.example.org/x', format: 'json' }, EVENT);
    expect(result.ok).toBe(false);
    expect(result.reason).toMatch(/^the URL must use https/);
    expect(t.alertStore.log(100)).toMatchObject([{ status: 'failed', attempts: 1, channel: 'ops' }]);
  });

  it('teams gets an Adaptive Card message', () => {
    expect(webhookBody('teams', EVENT, SITE())).toMatchObject({
      type: 'message',
      attachments: [
        { contentType: 'application/vnd.microsoft.card.adaptive', content: { type: 'AdaptiveCard', body: [{ type: 'TextBlock', text: EVENT.text }, {}] } },
      ],
    });
    expect(webhookBody('slack', { ...EVENT, text: 'A <b> & c', resolved: true }, SITE())).toEqual({ text: ':white_check_mark: A &lt;b&gt; &amp; c' });
    // The card's time line in the site's words; the JSON webhook keeps the ISO `at` and English keys.
    const hungarian = { lang: 'hu' as const, timeZone: 'Europe/Budapest' };
    expect(JSON.stringify(webhookBody('teams', EVENT, hungarian))).toContain('"2026. november 26., csütörtök 11:15"');
    expect(webhookBody('json', EVENT, hungarian)).toEqual(EVENT);
  });
});

describe('email', () => {
  async function smtp(reject = false) {
    const messages: { from: string; to: string[]; data: string }[] = [];
    const server = new SMTPServer({
      authOptional: true,
      hideSTARTTLS: true,
      logger: false,
      onRcptTo(address, _session, callback) {
        if (reject) callback(Object.assign(new Error('No such mailbox'), { responseCode: 550 }));
        else callback();
      },
      onData(stream, session, callback) {
        let data = '';
        stream.on('data', (c: Buffer) => (data += c.toString()));
        stream.on('end', () => {
          messages.push({
            from: session.envelope.mailFrom === false ? '' : session.envelope.mailFrom.address,
            to: session.envelope.rcptTo.map((r) => r.address),
            data,
          });
          callback();
        });
      },
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    closers.push(() => new Promise<void>((r) => server.close(() => r())));
    return { url: `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`, messages };
  }

  it('sends through a real SMTP server on loopback', async () => {
    const server = await smtp();
    const sender = createSender({ allowHttp: false, smtp: { url: server.url, from: 'Occupancy Live <alerts@example.org>' }, site: SITE });
    closers.push(() => Promise.resolve(sender.close()));
    const t = setUp([{ id: 'desk', type: 'email', to: ['desk@example.org', 'boss@example.org'] }], sender);
    t.deliveries.enqueue(t.eventId, EVENT, ['desk']);
    await t.deliveries.settled();
    expect(t.alertStore.log(100)).toMatchObject([{ channel: 'desk', channelType: 'email', status: 'sent', attempts: 1 }]);
    expect(server.messages).toHaveLength(1);
    expect(server.messages[0]).toMatchObject({ from: 'alerts@example.org', to: ['desk@example.org', 'boss@example.org'] });
    // Quoted-printable: "[Occupancy Live] Café is full…" and "Café is full: 40 of 40.".
    expect(server.messages[0]!.data).toContain('Subject: =?UTF-8?Q?=5BOccupancy_Live=5D_Caf=C3=A9_is_full');
    expect(server.messages[0]!.data).toContain('Caf=C3=A9 is full: 40 of 40.');
    // The moment in the site's zone, 24-hour, in its language.
    expect(server.messages[0]!.data).toContain('When: Thursday, 26 November 2026 at 11:15');
  });

  it('a German site’s email: subject and body in German, the time in German words', async () => {
    const server = await smtp();
    const sender = createSender({
      allowHttp: false,
      smtp: { url: server.url, from: 'alerts@example.org' },
      site: () => ({ lang: 'de', timeZone: 'Europe/Berlin' }),
    });
    closers.push(() => Promise.resolve(sender.close()));
    const german = { ...EVENT, text: 'Café ist voll: 1.083 von 1.083.' };
    const t = setUp([{ id: 'desk', type: 'email', to: ['desk@example.org'] }], sender);
    expect(await t.deliveries.test({ id: 'desk', type: 'email', to: ['desk@example.org'] }, german)).toMatchObject({ ok: true });
    // Quoted-printable: soft line breaks unfolded.
    const data = server.messages[0]!.data.replace(/=\r\n/g, '');
    expect(data).toContain('Subject: =?UTF-8?Q?=5BOccupancy_Live=5D_Caf=C3=A9_ist_voll');
    expect(data).toContain('Caf=C3=A9 ist voll: 1.083 von 1.083.');
    expect(data).toContain('Zeitpunkt: Donnerstag, 26. November 2026 um 11:15');
    expect(data).toContain('Gesendet von Occupancy Live.');
  });

  it('a refusal by the server is the reason in the log', async () => {
    const server = await smtp(true);
    const sender = createSender({ allowHttp: false, smtp: { url: server.url, from: 'alerts@example.org' }, site: SITE });
    closers.push(() => Promise.resolve(sender.close()));
    const t = setUp([{ id: 'desk', type: 'email', to: ['nobody@example.org'] }], sender);
    const result = await t.deliveries.test({ id: 'desk', type: 'email', to: ['nobody@example.org'] }, EVENT);
    expect(result.ok).toBe(false);
    expect(result.reason).toMatch(/^SMTP 550 No such mailbox/);
  });
});
