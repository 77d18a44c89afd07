import { Writable } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { createLogger } from './logger';
import { createOccupancyService, type OccupancyServiceOptions } from './occupancy-service';
import type { VendorOccupancy } from './upstream/occupancy-adapter';
import { UpstreamError } from './upstream/upstream-error';
import { createVendorBackoff } from './upstream/vendor-backoff';

const silent = createLogger({ level: 'silent', secrets: [], destination: new Writable({ write: (_c, _e, cb) => cb() }) });

const answer = (extra = 0): VendorOccupancy => ({
  datetimeStart: null,
  generatedUtc: new Date('2026-11-26T10:15:00Z'),
  devices: [
    { id: 92, name: 'Side door', in: 10, out: 30 + extra, raw: -20 - extra, corrected: 0 },
    { id: 91, name: 'Main entrance', in: 100, out: 40, raw: 60, corrected: 60 },
  ],
});

function setup(getOccupancy: OccupancyServiceOptions['client']['getOccupancy'], overrides: Partial<OccupancyServiceOptions> = {}, random = () => 0.5) {
  let nowMs = Date.parse('2026-11-26T10:15:03Z');
  const client = { getOccupancy: vi.fn(getOccupancy) };
  const now = () => new Date(nowMs);
  const backoff = createVendorBackoff({ now, baseMs: 10_000, maxMs: 300_000, authMs: 30_000, random });
  const service = createOccupancyService({
    client,
    now,
    timezone: 'Europe/Budapest',
    dayStart: '00:00',
    cacheMs: 10_000,
    staleMaxMs: 60_000,
    backoff,
    site: { siteName: 'Test', siteCapacity: 80, devices: [{ id: 91, label: 'Front door', capacity: 50 }] },
    siteName: 'Test',
    logger: silent,
    ...overrides,
  });
  return { service, client, backoff, advance: (ms: number) => (nowMs += ms) };
}

/** Lets settled vendor calls run their callbacks. */
const flush = () => new Promise<void>((r) => setImmediate(r));

describe('occupancy service', () => {
  it('a burst of polls within one tenth of a second shares one answer; the next tenth, or a stale answer, is made anew', async () => {
    let fail = false;
    const { service, advance } = setup(() => (fail ? Promise.reject(new UpstreamError('upstream_unavailable', 'down')) : Promise.resolve(answer())));
    const first = await service.answer();
    advance(40);
    const again = await service.answer();
    // The same object and text: the compression memo and every display's filter reuse them.
    expect(again).toBe(first);
    advance(100);
    const later = await service.answer();
    expect(later).not.toBe(first);
    expect(later.body.ageSeconds).toBeGreaterThan(first.body.ageSeconds);
    expect(JSON.parse(later.json)).toEqual(later.body);

    // Past the cache period with the vendor failing: the kept answer is stale, and each is its own.
    fail = true;
    advance(10_000);
    const stale = await service.answer();
    await flush();
    const staleAgain = await service.answer();
    expect(staleAgain.body.stale).toBe(true);
    expect(staleAgain).not.toBe(stale);
    expect(JSON.parse(staleAgain.json)).toEqual(staleAgain.body);
  });

  it('normalizes the answer: labels and capacities from config, total = max(0, ΣIN − ΣOUT), day start', async () => {
    const { service, client } = setup(() => Promise.resolve(answer()));
    const body = await service.current();
    expect(client.getOccupancy).toHaveBeenCalledWith({ timezoneshift_start: '1' });
    expect(body.devices.map((d) => [d.id, d.name, d.capacity, d.raw, d.corrected])).toEqual([
      [91, 'Front door', 50, 60, 60],
      [92, 'Side door', null, -20, 0],
    ]);
    // Σ corrected would say 60; the people who left by the side door came in by the front.
    expect(body.total).toEqual({ in: 110, out: 70, occupancy: 40, capacity: 80 });
    expect(body.dayStart).toEqual({ utc: '2026-11-25T23:00:00.000Z', local: '2026-11-26T00:00:00+01:00', timezone: 'Europe/Budapest' });
    expect(body.stale).toBe(false);
    expect(body.staleReason).toBeNull();
    expect(body.notice).toBeNull();
  });

  it('asks the vendor once per cache period, and once for many concurrent callers', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const { service, client, advance } = setup(async () => {
      await gate;
      return answer();
    });
    const all = Promise.all(Array.from({ length: 200 }, () => service.current()));
    release();
    expect((await all).every((b) => !b.stale)).toBe(true);
    expect(client.getOccupancy).toHaveBeenCalledTimes(1);
    advance(9_000);
    await service.current();
    expect(client.getOccupancy).toHaveBeenCalledTimes(1);
    advance(1_000);
    await service.current();
    expect(client.getOccupancy).toHaveBeenCalledTimes(2);
  });

  it('serves the last good answer as stale, with its age and reason, for a bounded time', async () => {
    let fail = false;
    const { service, advance } = setup(() => (fail ? Promise.reject(new UpstreamError('upstream_unavailable', 'HTTP 503')) : Promise.resolve(answer())));
    await service.current();
    fail = true;
    advance(15_000);
    // Answered at once from the last good answer while the refresh runs (and fails) behind it.
    await service.current();
    await flush();
    const stale = await service.current();
    expect(stale.stale).toBe(true);
    expect(stale.ageSeconds).toBe(15);
    expect(stale.staleReason).toMatchObject({ code: 'upstream_unavailable', retryInSeconds: 10 });
    expect(stale.total.occupancy).toBe(40);
    advance(46_000);
    await expect(service.current()).rejects.toMatchObject({ code: 'upstream_unavailable', status: 503 });
    fail = false;
    advance(300_000); // past any back-off
    const back = await service.current();
    expect(back.stale).toBe(false);
    expect(back.ageSeconds).toBe(0);
  });

  it('never caches an auth failure as data and leaves the vendor alone during the back-off', async () => {
    let rejectKey = true;
    const { service, client, advance } = setup(() =>
      rejectKey ? Promise.reject(new UpstreamError('upstream_auth', 'HTML answer')) : Promise.resolve(answer()),
    );
    await expect(service.current()).rejects.toMatchObject({ code: 'upstream_auth', status: 502 });
    for (let i = 0; i < 29; i++) {
      advance(1_000);
      await expect(service.current()).rejects.toMatchObject({ code: 'upstream_auth' });
    }
    expect(client.getOccupancy).toHaveBeenCalledTimes(1);
    rejectKey = false;
    advance(1_000);
    expect((await service.current()).stale).toBe(false);
    expect(client.getOccupancy).toHaveBeenCalledTimes(2);
  });

  it('does not serve an answer from the future when the clock steps back', async () => {
    const { service, client, advance } = setup(() => Promise.resolve(answer()));
    await service.current();
    advance(-3_000);
    await service.current();
    expect(client.getOccupancy).toHaveBeenCalledTimes(2);
  });

  it('reports the PRO-plan notice for an empty answer', async () => {
    const { service } = setup(() => Promise.resolve({ datetimeStart: null, generatedUtc: null, devices: [] }));
    const body = await service.current();
    expect(body.notice).toBe('no_pro_devices');
    expect(body.total).toEqual({ in: 0, out: 0, occupancy: 0, capacity: 80 });
    expect(body.generatedUtc).toBe(body.fetchedAt);
  });

  it('asks again at a new day start instead of serving yesterday from the cache', async () => {
    const { service, client, advance } = setup(() => Promise.resolve(answer()));
    await service.current();
    advance(Date.parse('2026-11-26T23:00:01Z') - Date.parse('2026-11-26T10:15:03Z'));
    const body = await service.current();
    expect(client.getOccupancy).toHaveBeenCalledTimes(2);
    expect(body.dayStart.local).toBe('2026-11-27T00:00:00+01:00');
  });

  describe('back-off on every vendor failure', () => {
    /** 20 screens polling twice a second for `minutes` simulated minutes: vendor calls made. */
    async function poll(getOccupancy: OccupancyServiceOptions['client']['getOccupancy'], minutes: number, random?: () => number) {
      const { service, client, advance } = setup(getOccupancy, {}, random);
      for (let t = 0; t < minutes * 60_000; t += 500) {
        await Promise.all(Array.from({ length: 20 }, () => service.current().catch(() => null)));
        await flush();
        advance(500);
      }
      return client.getOccupancy.mock.calls.length;
    }

    const healthy = () => Promise.resolve(answer());
    const failing =
      (status: number, retryAfterMs: number | null = null) =>
      () =>
        Promise.reject(new UpstreamError('upstream_unavailable', `HTTP ${status}`, { retryAfterMs }));

    it.each([
      ['503 at once', failing(503)],
      ['429 at once', failing(429)],
      ['a timeout', () => Promise.reject(new UpstreamError('upstream_timeout', 'no answer'))],
      ['a network error', () => Promise.reject(new UpstreamError('upstream_unavailable', 'connection failed'))],
      ['an unreadable answer', () => Promise.reject(new UpstreamError('upstream_format', 'not JSON'))],
      ['a thrown non-vendor error', () => Promise.reject(new TypeError('boom'))],
    ])('%s: the vendor sees no more calls over 5 minutes than a healthy one, whatever the jitter', async (_label, vendor) => {
      const healthyCalls = await poll(healthy, 5);
      expect(healthyCalls).toBe(30);
      for (const r of [0, 0.5, 0.999]) {
        const calls = await poll(vendor, 5, () => r);
        expect(calls).toBeLessThanOrEqual(healthyCalls);
        // Exponential: 10, 20, 40, 80, 160 s: a handful of calls, not one per cache period.
        expect(calls).toBeLessThanOrEqual(6);
      }
    });

    it('a vendor failing after a good answer: every screen gets the last good answer, stale, saying when the server tries again', async () => {
      let fail = false;
      const { service, client, advance } = setup(() => (fail ? failing(503)() : Promise.resolve(answer())));
      await service.current();
      fail = true;
      advance(10_000);
      await service.current();
      await flush();
      expect(client.getOccupancy).toHaveBeenCalledTimes(2);
      // Back-off of 10 s (random 0.5: no jitter) from the failure.
      for (let s = 0; s < 10; s++) {
        const body = await service.current();
        expect(body).toMatchObject({ stale: true, staleReason: { code: 'upstream_unavailable', retryInSeconds: 10 - s } });
        advance(1_000);
      }
      expect(client.getOccupancy).toHaveBeenCalledTimes(2);
      // The retry goes out; the answer still says stale (the last call failed) and that a call is under way.
      expect(await service.current()).toMatchObject({ stale: true, staleReason: { retryInSeconds: 0 } });
      await flush();
      expect(client.getOccupancy).toHaveBeenCalledTimes(3);
      // Second failure in a row: 20 s.
      expect((await service.current()).staleReason?.retryInSeconds).toBe(20);
      fail = false;
      advance(20_000);
      await service.current();
      await flush();
      expect(await service.current()).toMatchObject({ stale: false, staleReason: null, ageSeconds: 0 });
    });

    it('with no good answer yet: the remembered error, with retryInSeconds, and no vendor call', async () => {
      const { service, client, advance } = setup(failing(503));
      await expect(service.current()).rejects.toMatchObject({ code: 'upstream_unavailable', retryInSeconds: 10 });
      advance(4_000);
      await expect(service.current()).rejects.toMatchObject({ code: 'upstream_unavailable', retryInSeconds: 6 });
      expect(client.getOccupancy).toHaveBeenCalledTimes(1);
    });

    it("honours the vendor's Retry-After when it asks for longer than the back-off", async () => {
      const { service, client, advance } = setup(failing(429, 120_000));
      await expect(service.current()).rejects.toMatchObject({ retryInSeconds: 120 });
      advance(119_999);
      await expect(service.current()).rejects.toMatchObject({ retryInSeconds: 1 });
      expect(client.getOccupancy).toHaveBeenCalledTimes(1);
      advance(1);
      await expect(service.current()).rejects.toMatchObject({ code: 'upstream_unavailable' });
      expect(client.getOccupancy).toHaveBeenCalledTimes(2);
    });
  });

  describe('never waits on a slow vendor when there is an answer to give', () => {
    it('answers at once from the last good answer while the refresh hangs, live at first, stale once the refresh is overdue', async () => {
      const vendor = { hang: false, release: (_v: VendorOccupancy) => undefined as void };
      const { service, client, advance } = setup(() =>
        vendor.hang ? new Promise<VendorOccupancy>((resolve) => (vendor.release = resolve)) : Promise.resolve(answer()),
      );
      await service.current();
      vendor.hang = true;
      advance(10_000);
      const waited = Symbol('waited');
      // A resolved answer wins the race against a macrotask; awaiting the vendor would lose it.
      const first = await Promise.race([service.current(), flush().then(() => waited)]);
      expect(first).not.toBe(waited);
      expect(first).toMatchObject({ stale: false, ageSeconds: 10 });
      expect(client.getOccupancy).toHaveBeenCalledTimes(2);
      advance(2_999);
      expect(await service.current()).toMatchObject({ stale: false, ageSeconds: 13 });
      advance(1);
      expect(await service.current()).toMatchObject({ stale: true, ageSeconds: 13, staleReason: { code: 'upstream_timeout', retryInSeconds: 0 } });
      expect(client.getOccupancy).toHaveBeenCalledTimes(2);
      vendor.release(answer(1));
      await flush();
      expect(await service.current()).toMatchObject({ stale: false, ageSeconds: 0, total: { out: 71 } });
    });
  });
});

describe('occupancy service: spaces, computed once per vendor answer', () => {
  const vendor = (withAnnex = false): VendorOccupancy => ({
    ...answer(),
    devices: [
      ...answer().devices,
      // A counter that saw 35 people go out and nobody come in: it may be missing people.
      { id: 93, name: 'Yard gate', in: 0, out: 35, raw: -35, corrected: 0 },
      ...(withAnnex ? [{ id: 4242, name: 'Annex', in: 4, out: 1, raw: 3, corrected: 3 }] : []),
    ],
  });

  /** The building (doors 91 and 92, nearly full at half its capacity), a café behind door 92 (mounted the other way round), an annex the account does not serve. */
  const site: OccupancyServiceOptions['site'] = {
    siteName: 'Riverside',
    devices: [{ id: 92, label: 'Café door' }],
    spaces: [
      {
        id: 'site',
        name: 'Building',
        capacity: 70,
        nearlyFull: 0.5,
        doors: [
          { device: 91, side: 'in' },
          { device: 92, side: 'in' },
        ],
      },
      { id: 'cafe', name: 'Café', parent: 'site', capacity: 20, doors: [{ device: 92, side: 'out' }] },
      { id: 'annex', name: 'Annex', parent: 'site', capacity: 10, doors: [{ device: 4242, side: 'in' }] },
    ],
  };

  function collecting() {
    const lines: string[] = [];
    const logger = createLogger({ level: 'info', secrets: [], destination: new Writable({ write: (c: Buffer, _e, cb) => (lines.push(c.toString()), cb()) }) });
    const warnings = () =>
      lines.map((l) => JSON.parse(l) as { msg: string; devices?: number[] }).filter((l) => /names devices the vendor does not serve/.test(l.msg));
    return { logger, warnings };
  }

  it('without configured spaces: the default tree (the site of every device, a space per device), total equal to the root', async () => {
    const { service } = setup(() => Promise.resolve(vendor()));
    const body = await service.current();
    expect(body.spacesConfigured).toBe(false);
    expect(body.unknownDevices).toEqual([]);
    expect(body.spaces.map((s) => [s.id, s.name, s.parent, s.capacity, s.occupancy, s.state])).toEqual([
      // ΣIN 110 − ΣOUT 105 (the yard gate's 35 leaving among them).
      ['site', 'Test', null, 80, 5, 'available'],
      ['device-91', 'Front door', 'site', 50, 60, 'full'],
      ['device-92', 'Side door', 'site', null, 0, 'unknown'],
      ['device-93', 'Yard gate', 'site', null, 0, 'unknown'],
    ]);
    const root = body.spaces[0]!;
    expect(body.total).toEqual({ in: root.in, out: root.out, occupancy: root.occupancy, capacity: root.capacity });
  });

  it('configured spaces: root first then depth-first, a reversed door counted the other way, nearlyFull from the configuration, total equal to the root', async () => {
    const { service } = setup(() => Promise.resolve(vendor()), { site, siteName: 'Riverside', logger: collecting().logger });
    const body = await service.current();
    expect(body.spacesConfigured).toBe(true);
    const [root, cafe] = body.spaces;
    // 40 of 70 is under the default 80 % but over the configured half: nearly full.
    expect(root).toMatchObject({ id: 'site', in: 110, out: 70, raw: 40, occupancy: 40, nearlyFull: 0.5, state: 'nearly_full' });
    expect(body.total).toEqual({ in: 110, out: 70, occupancy: 40, capacity: 70 });
    // Door 92's IN (10) is people leaving the café, its OUT (30) people entering it.
    expect(cafe).toMatchObject({ id: 'cafe', parent: 'site', in: 30, out: 10, raw: 20, occupancy: 20, nearlyFull: 0.8, state: 'full', drift: null });
  });

  it('a space whose doors are all unknown to the vendor is `unknown`, not empty; the devices are listed and logged once per change', async () => {
    const { logger, warnings } = collecting();
    let annex = false;
    const { service, advance } = setup(() => Promise.resolve(vendor(annex)), { site, siteName: 'Riverside', logger });
    const body = await service.current();
    expect(body.spaces.find((s) => s.id === 'annex')).toMatchObject({ in: 0, out: 0, occupancy: 0, state: 'unknown', drift: null });
    expect(body.unknownDevices).toEqual([4242]);
    expect(body.devices.map((d) => d.id)).toEqual([91, 92, 93]);
    advance(10_000);
    expect((await service.current()).unknownDevices).toEqual([4242]);
    await flush();
    expect(warnings()).toEqual([expect.objectContaining({ devices: [4242] })]);

    annex = true;
    advance(10_000);
    await service.current();
    await flush();
    const served = await service.current();
    expect(served.unknownDevices).toEqual([]);
    expect(served.spaces.find((s) => s.id === 'annex')).toMatchObject({ occupancy: 3, state: 'available' });
    annex = false;
    advance(10_000);
    await service.current();
    await flush();
    expect((await service.current()).unknownDevices).toEqual([4242]);
    expect(warnings()).toHaveLength(2);
  });

  it('door health: a door that has counted one way only for two hours says so; the others are null', async () => {
    let yardIn = 0;
    const { service, advance } = setup(() =>
      Promise.resolve({ ...vendor(), devices: vendor().devices.map((d) => (d.id === 93 ? { ...d, in: yardIn, raw: yardIn - d.out } : d)) }),
    );
    // The answer after this moment's vendor call (a kept answer is served while it runs).
    const health = async () => {
      await service.current();
      await flush();
      return (await service.current()).devices.map((d) => [d.id, d.health]);
    };
    // First seen counting only OUT: not yet a sign, a morning may begin that way.
    expect(await health()).toEqual([
      [91, null],
      [92, null],
      [93, null],
    ]);
    advance(119 * 60_000);
    expect((await health())[2]).toEqual([93, null]);
    advance(60_000);
    expect(await health()).toEqual([
      [91, null],
      [92, null],
      [93, { kind: 'one_way', direction: 'out', count: 35 }],
    ]);
    // One person counted coming in: the door counts both ways, and the clock starts again.
    yardIn = 1;
    advance(60_000);
    expect((await health())[2]).toEqual([93, null]);
    yardIn = 0;
    advance(2 * 60 * 60_000 - 60_000);
    expect((await health())[2]).toEqual([93, null]);
  });

  it('computes the spaces once per vendor answer, not per request', async () => {
    const { service } = setup(() => Promise.resolve(vendor()), { site, siteName: 'Riverside', logger: collecting().logger });
    const first = await service.answer();
    const second = await service.answer();
    expect(second.body.spaces).toBe(first.body.spaces);
  });

  it('new settings rebuild the cached answer from the last vendor answer at once: names, capacities, spaces, the version (door health kept)', async () => {
    const { service, client, advance } = setup(() => Promise.resolve(answer()), { settingsVersion: 'v1' });
    const before = await service.current();
    expect(before.settingsVersion).toBe('v1');
    advance(2_000);
    service.reconfigure({
      site: {
        devices: [{ id: 92, label: 'Yard gate' }],
        spaces: [
          {
            id: 'site',
            name: 'Hall',
            capacity: 300,
            doors: [
              { device: 91, side: 'in' },
              { device: 92, side: 'in' },
            ],
          },
          { id: 'yard', name: 'Yard', parent: 'site', capacity: 20, doors: [{ device: 92, side: 'in' }] },
        ],
      },
      siteName: 'Hall',
      timezone: 'Europe/Budapest',
      dayStart: '00:00',
      settingsVersion: 'v2',
    });
    const after = await service.current();
    expect(client.getOccupancy).toHaveBeenCalledTimes(1);
    expect(after.fetchedAt).toBe(before.fetchedAt);
    expect(after.ageSeconds).toBe(2);
    expect(after.settingsVersion).toBe('v2');
    expect(after.devices.map((d) => [d.id, d.name, d.capacity, d.health])).toEqual([
      [91, 'Main entrance', null, before.devices[0]!.health],
      [92, 'Yard gate', null, before.devices[1]!.health],
    ]);
    expect(after.spaces.map((s) => [s.id, s.name, s.capacity, s.occupancy])).toEqual([
      ['site', 'Hall', 300, 40],
      ['yard', 'Yard', 20, 0],
    ]);
    expect(after.total.capacity).toBe(300);
  });

  it('a new zone or day start makes the next answer wait for the vendor’s count of the new window', async () => {
    const { service, client } = setup(() => Promise.resolve(answer()));
    expect((await service.current()).dayStart.local).toBe('2026-11-26T00:00:00+01:00');
    service.reconfigure({ site: { devices: [] }, siteName: 'Test', timezone: 'Europe/London', dayStart: '04:00' });
    const after = await service.current();
    expect(client.getOccupancy).toHaveBeenCalledTimes(2);
    expect(after.dayStart).toMatchObject({ local: '2026-11-26T04:00:00+00:00', timezone: 'Europe/London' });
  });
});

describe('fresh answers', () => {
  it('tells every listener once per vendor answer, whoever asked; a failing listener breaks nothing', async () => {
    const { service, client, advance } = setup(() => Promise.resolve(answer()));
    const seen: number[] = [];
    service.onFresh(() => {
      throw new Error('listener bug');
    });
    const stop = service.onFresh((body) => seen.push(body.total.occupancy));
    await service.current();
    await service.current(); // cached: no new answer
    advance(10_000);
    await service.current(); // stale-while-revalidate: the refresh runs in the background
    await flush();
    expect(client.getOccupancy).toHaveBeenCalledTimes(2);
    expect(seen).toEqual([40, 40]);
    stop();
    advance(10_000);
    await service.current();
    await flush();
    expect(seen).toHaveLength(2);
  });
});
