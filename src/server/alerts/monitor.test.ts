// The monitor on a fake clock and a fake occupancy service: it runs only while a rule exists,
// judges answers others asked for, and keeps its state in the store across a restart.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Occupancy } from '@/shared/api-schema';
import { createLogger } from '../logger';
import { createSettingsService } from '../settings/settings-service';
import { openStore, type Store } from '../store/store';
import { TEST_ADMIN } from '../test/support';
import { createAlertStore } from './alert-store';
import { createAlertMonitor } from './monitor';

const silent = createLogger({ level: 'silent', secrets: [], destination: new Writable({ write: (_c, _e, cb) => cb() }) });
const T0 = Date.parse('2026-11-26T10:00:00Z');

/** The parts of an answer the monitor reads. */
function body(occupancy: number, stale = false, capacity = 40): Occupancy {
  return {
    stale,
    spaces: [
      {
        id: 'site',
        name: 'Riverside',
        parent: null,
        capacity,
        nearlyFull: 0.8,
        doors: [],
        in: occupancy,
        out: 0,
        raw: occupancy,
        occupancy,
        state: 'available',
        drift: null,
      },
    ],
    devices: [{ id: 91, name: 'Main entrance', in: occupancy, out: 0 }],
  } as unknown as Occupancy;
}

function setUp(store: Store, clock: { readonly ms: number }) {
  const settings = createSettingsService({
    store,
    file: { devices: [] },
    fileGiven: false,
    env: {},
    defaults: { site: { devices: [] }, timezone: 'Europe/Budapest', dayStart: '00:00', locale: 'en' },
  });
  let fresh: ((answer: Occupancy) => void) | null = null;
  let next: Occupancy | Error = body(0);
  const occupancy = {
    answer: vi.fn(() => (next instanceof Error ? Promise.reject(next) : Promise.resolve({ body: next, json: '' }))),
    onFresh: (listener: (answer: Occupancy) => void) => {
      fresh = listener;
      return () => {
        fresh = null;
      };
    },
  };
  const alertStore = createAlertStore(store, () => 'Europe/Budapest');
  const enqueued: { id: number; text: string; channels: readonly string[] }[] = [];
  const monitor = createAlertMonitor({
    occupancy,
    settings,
    displays: { all: () => [] },
    alertStore,
    deliveries: { enqueue: (id, event, channels) => enqueued.push({ id, text: event.text, channels }) },
    isOpen: () => true,
    now: () => new Date(clock.ms),
    periodMs: 10_000,
    logger: silent,
  });
  return {
    settings,
    occupancy,
    monitor,
    alertStore,
    enqueued,
    setNext: (answer: Occupancy | Error) => (next = answer),
    fresh: (answer: Occupancy) => fresh?.(answer),
  };
}

const dirs: string[] = [];
afterEach(() => {
  vi.useRealTimers();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the alert monitor', () => {
  it('asks on its own once per period only while a rule exists, and judges answers others asked for', async () => {
    vi.useFakeTimers();
    const clock = { ms: T0 };
    const store = openStore({ file: ':memory:' });
    const t = setUp(store, clock);
    t.monitor.start();
    expect(t.monitor.running()).toBe(false);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(t.occupancy.answer).not.toHaveBeenCalled();

    await t.settings.put(
      'alerts',
      { channels: [{ id: 'ops', type: 'webhook', url: 'https://hooks.example.org/a' }], rules: [{ type: 'full', space: 'site', channels: ['ops'] }] },
      TEST_ADMIN,
    );
    expect(t.monitor.running()).toBe(true);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(t.occupancy.answer).toHaveBeenCalledTimes(4); // at once, then every 10 s

    // A screen's poll brought a fresh answer: judged without waiting for the monitor's own turn.
    clock.ms += 1000;
    t.fresh(body(40));
    expect(t.enqueued).toEqual([{ id: 1, text: 'Riverside is full: 40 of 40.', channels: ['ops'] }]);

    await t.settings.put('alerts', { channels: [], rules: [] }, TEST_ADMIN);
    expect(t.monitor.running()).toBe(false);
    t.fresh(body(0));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(t.occupancy.answer).toHaveBeenCalledTimes(4);
    expect(t.enqueued).toHaveLength(1);
    expect(store.sqlite.prepare('select count(*) as n from alert_state').get()).toEqual({ n: 0 });
    t.monitor.stop();
  });

  it('asks again just after the newest answer leaves the cache, not on a fixed beat', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(T0);
    const clock = {
      get ms() {
        return Date.now();
      },
    };
    const t = setUp(openStore({ file: ':memory:' }), clock);
    // Fetched 3 s ago: it leaves the cache (10 s) in 7 s.
    t.setNext({ ...body(0), fetchedAt: new Date(T0 - 3000).toISOString() });
    await t.settings.put('alerts', { rules: [{ type: 'data_stale', minutes: 5 }] }, TEST_ADMIN);
    t.monitor.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(t.occupancy.answer).toHaveBeenCalledTimes(1);
    t.setNext({ ...body(0), fetchedAt: new Date(T0 + 7050).toISOString() });
    await vi.advanceTimersByTimeAsync(7000);
    expect(t.occupancy.answer).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(200); // 7.1 s: just expired
    expect(t.occupancy.answer).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(9900);
    expect(t.occupancy.answer).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(200); // 10 s after the answer fetched at 7.05 s
    expect(t.occupancy.answer).toHaveBeenCalledTimes(3);
    t.monitor.stop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(t.occupancy.answer).toHaveBeenCalledTimes(3);
  });

  it('keeps watching when the store fails to take an evaluation', async () => {
    vi.useFakeTimers();
    const clock = { ms: T0 };
    const store = openStore({ file: ':memory:' });
    const t = setUp(store, clock);
    await t.settings.put('alerts', { rules: [{ type: 'full', space: 'site' }] }, TEST_ADMIN);
    store.sqlite.exec('drop table alert_state');
    t.monitor.start();
    await vi.advanceTimersByTimeAsync(25_000);
    expect(t.occupancy.answer).toHaveBeenCalledTimes(3);
    expect(t.monitor.running()).toBe(true);
    t.monitor.stop();
  });

  it('judges a vendor failure with nothing to show as no live count', async () => {
    const clock = { ms: T0 };
    const t = setUp(openStore({ file: ':memory:' }), clock);
    await t.settings.put('alerts', { rules: [{ type: 'data_stale', minutes: 2 }] }, TEST_ADMIN);
    t.setNext(new Error('vendor down'));
    for (let i = 0; i <= 12; i++) {
      await t.monitor.tick();
      clock.ms += 10_000;
    }
    t.setNext(body(3));
    await t.monitor.tick();
    expect(t.enqueued.map((e) => e.text)).toEqual(['No live count for 2 minutes: the counting service is not answering.', 'Live counts are back.']);
  });

  it('after a restart neither repeats an alert nor forgets an open one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'alerts-restart-'));
    dirs.push(dir);
    const file = join(dir, 'store.db');
    const clock = { ms: T0 };

    const first = openStore({ file });
    const before = setUp(first, clock);
    await before.settings.put('alerts', { rules: [{ type: 'full', space: 'site', cooldownMinutes: 0 }] }, TEST_ADMIN);
    before.monitor.evaluate(body(40));
    expect(before.enqueued.map((e) => e.text)).toEqual(['Riverside is full: 40 of 40.']);
    first.close();

    clock.ms += 60_000;
    const second = openStore({ file });
    const after = setUp(second, clock);
    after.monitor.evaluate(body(40)); // still full: not told again
    expect(after.enqueued).toEqual([]);
    clock.ms += 60_000;
    after.monitor.evaluate(body(30)); // the alert it did not forget ends
    expect(after.enqueued.map((e) => e.text)).toEqual(['Riverside is no longer full: 30 of 40.']);
    expect(after.alertStore.recent(undefined, 50).map((a) => [a.id, a.text, a.resolved])).toEqual([
      [2, 'Riverside is no longer full: 30 of 40.', true],
      [1, 'Riverside is full: 40 of 40.', false],
    ]);
    expect(after.alertStore.recent(1, 50).map((a) => a.id)).toEqual([2]);
    second.close();
  });

  it('writes each alert in the site’s language as it is when the alert is made', async () => {
    const clock = { ms: T0 };
    const t = setUp(openStore({ file: ':memory:' }), clock);
    await t.settings.put('alerts', { rules: [{ type: 'full', space: 'site', cooldownMinutes: 0 }] }, TEST_ADMIN);
    await t.settings.put('site', { locale: 'de' }, TEST_ADMIN);
    t.monitor.evaluate(body(1083, false, 1083));
    await t.settings.put('site', { locale: 'hu' }, TEST_ADMIN);
    clock.ms += 60_000;
    t.monitor.evaluate(body(900, false, 1083));
    expect(t.enqueued.map((e) => e.text)).toEqual(['Riverside ist voll: 1.083 von 1.083.', 'Riverside: már nincs tele, 900 / 1\u00a0083 fő.']);
  });
});
