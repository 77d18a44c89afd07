import { Writable } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { createLogger } from './logger';
import { createOccupancyService, type OccupancyServiceOptions } from './occupancy-service';
import type { VendorOccupancy } from './upstream/occupancy-adapter';
import { UpstreamError } from './upstream/upstream-error';

const silent = createLogger({ level: 'silent', secrets: [], destination: new Writable({ write: (_c, _e, cb) => cb() }) });

const answer = (extra = 0): VendorOccupancy => ({
  datetimeStart: null,
  generatedUtc: new Date('2026-11-26T10:15:00Z'),
  devices: [
    { id: 92, name: 'Side door', in: 10, out: 30 + extra, raw: -20 - extra, corrected: 0 },
    { id: 91, name: 'Main entrance', in: 100, out: 40, raw: 60, corrected: 60 },
  ],
});

function setup(getOccupancy: OccupancyServiceOptions['client']['getOccupancy'], overrides: Partial<OccupancyServiceOptions> = {}) {
  let nowMs = Date.parse('2026-11-26T10:15:03Z');
  const client = { getOccupancy: vi.fn(getOccupancy) };
  const service = createOccupancyService({
    client,
    now: () => new Date(nowMs),
    timezone: 'Europe/Budapest',
    dayStart: '00:00',
    cacheMs: 10_000,
    staleMaxMs: 60_000,
    authBackoffMs: 30_000,
    site: { siteName: 'Test', siteCapacity: 80, devices: [{ id: 91, label: 'Front door', capacity: 50 }] },
    logger: silent,
    ...overrides,
  });
  return { service, client, advance: (ms: number) => (nowMs += ms) };
}

describe('occupancy service', () => {
  it('normalizes the answer: labels and capacities from config, total = max(0, ΣIN − ΣOUT), day start', async () => {
    const { service, client } = setup(() => Promise.resolve(answer()));
    const body = await service.current();
    expect(client.getOccupancy).toHaveBeenCalledWith({ timezoneshift_start: '1' });
    expect(body.devices.map((d) => [d.id, d.name, d.capacity, d.occupancy, d.corrected])).toEqual([
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
    const stale = await service.current();
    expect(stale.stale).toBe(true);
    expect(stale.ageSeconds).toBe(15);
    expect(stale.staleReason?.code).toBe('upstream_unavailable');
    expect(stale.total.occupancy).toBe(40);
    advance(46_000);
    await expect(service.current()).rejects.toMatchObject({ code: 'upstream_unavailable', status: 503 });
    fail = false;
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
});
