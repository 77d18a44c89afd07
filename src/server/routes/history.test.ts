// GET /api/history through app.request(), against the simulator: the vendor's CSV as series per
// device in the site's zone, strict validation before the vendor is asked, one vendor call for
// many askers, a cache that keeps past ranges, and every CSV variant read into the same numbers.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { type History, historySchema } from '@/shared/api-schema';
import { DEMO_ACCESS_KEY, LARGE_ACCESS_KEY, type Simulator } from '@/simulator';
import { VENDOR_URL, apiError, demoBff, keyedBff, newSimulator, switchableKeyBff } from '../test/support';
import type { FetchLike } from '../upstream/wellpoint-client';
import { HISTORY_BUSY_RETRY_SECONDS } from './history';

async function history(app: ReturnType<typeof demoBff>['app'], query: string): Promise<History> {
  const res = await app.request(`/api/history?${query}`);
  expect(res.status).toBe(200);
  return historySchema.strict().parse(await res.json());
}

/** Σ IN and Σ OUT per device from the simulator's own CSV for the same parameters. */
async function vendorSums(sim: Simulator, params: Record<string, string>): Promise<Map<number, [number, number]>> {
  const url = new URL(VENDOR_URL);
  for (const [k, v] of Object.entries({ action: 'downloadcsv', user_access_key: DEMO_ACCESS_KEY, ...params })) url.searchParams.set(k, v);
  const text = await (await sim.fetch(url)).text();
  const sums = new Map<number, [number, number]>();
  for (const line of text.trim().split('\n').slice(1)) {
    const fields = line.split(',');
    const id = Number(fields[0]);
    const [i, o] = sums.get(id) ?? [0, 0];
    sums.set(id, [i + Number(fields.at(-2)), o + Number(fields.at(-1))]);
  }
  return sums;
}

const sumsOf = (body: History) =>
  new Map(body.series.map((s) => [s.id, [s.points.reduce((n, p) => n + p.in, 0), s.points.reduce((n, p) => n + p.out, 0)] as [number, number]]));

describe('GET /api/history', () => {
  it('answers one series per PRO device, instants in the site zone, the same counts as the vendor’s CSV, our labels', async () => {
    const { app, sim } = demoBff();
    const body = await history(app, 'from=2026-11-25&to=2026-11-26&resolution=hour');
    expect(body).toMatchObject({ resolution: 'hour', timezone: 'Europe/Budapest', from: '2026-11-25', to: '2026-11-26' });
    expect(body.series.map((s) => s.id)).toEqual([91, 92, 93, 94, 95, 97, 98, 101, 103, 105, 108, 110]);
    expect(body.series.find((s) => s.id === 94)?.name).toBe('Reading room door');
    const main = body.series.find((s) => s.id === 91)!;
    expect(main.points[0]?.start).toBe('2026-11-25T00:00:00+01:00');
    // 2026-11-25 whole, and 2026-11-26 up to 11:00 (the period in progress at 11:15 Budapest).
    expect(main.points).toHaveLength(24 + 12);
    expect(sumsOf(body)).toEqual(await vendorSums(sim, { date_start: '2026-11-25', date_end: '2026-11-26', resolution: 'hour' }));
  });

  it('reads a London door in its own zone (the site configuration says so)', async () => {
    // The large account has doors in Budapest (1001) and London (1046).
    const dir = mkdtempSync(join(tmpdir(), 'occupancy-history-test-'));
    try {
      const file = join(dir, 'site.json');
      writeFileSync(file, JSON.stringify({ devices: [{ id: 1046, timezone: 'Europe/London' }] }));
      const { app } = keyedBff(LARGE_ACCESS_KEY, { env: { SITE_CONFIG_FILE: file } });
      const body = await history(app, 'from=2026-11-25&to=2026-11-25&resolution=hour&devices=1001,1046');
      expect(body.series.map((s) => [s.id, s.points[0]?.start])).toEqual([
        [1001, '2026-11-25T00:00:00+01:00'],
        [1046, '2026-11-25T01:00:00+01:00'],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps a 25-hour day as 25 hourly points, the repeated hour as two instants', async () => {
    const { app } = demoBff();
    const body = await history(app, 'from=2026-10-25&to=2026-10-25&resolution=hour&devices=93');
    const points = body.series[0]!.points;
    expect(points).toHaveLength(25);
    expect(points.slice(2, 4).map((p) => p.start)).toEqual(['2026-10-25T02:00:00+02:00', '2026-10-25T02:00:00+01:00']);
  });

  it.each([
    ['semicolons, BOM, CRLF, quotes', { delimiter: ';', bom: true, crlf: true, quoteAll: true }],
    ['upper-case header, split date and time, dotted dates', { headerCase: 'upper', splitDateTime: true, dottedDate: true }],
    ['time column called timestamp', { timeColumn: 'timestamp' }],
  ] as const)('reads the %s variant into the same series', async (_label, csv) => {
    const canonical = await history(demoBff().app, 'from=2026-11-24&to=2026-11-25&resolution=5min');
    const { app, sim } = demoBff();
    sim.setShape({ csv });
    expect(await history(app, 'from=2026-11-24&to=2026-11-25&resolution=5min')).toEqual(canonical);
  });

  it.each([
    ['no range', '', 'from'],
    ['an impossible date', 'from=2026-02-30&to=2026-03-01', 'from'],
    ['a start in the future', 'from=2026-11-27&to=2026-11-27', 'from'],
    ['four days of 5-minute points', 'from=2026-11-20&to=2026-11-23&resolution=5min', 'to'],
    ['63 days of hours', 'from=2026-09-01&to=2026-11-02&resolution=hour', 'to'],
    ['a bad device list', 'from=2026-11-20&to=2026-11-23&devices=91,x', 'devices'],
  ])('%s: 400 naming the field, the vendor not asked', async (_label, query, field) => {
    const { app, sim } = demoBff();
    const res = await app.request(`/api/history?${query}`);
    expect(res.status).toBe(400);
    expect(await apiError(res)).toMatchObject({ code: 'bad_request', field });
    expect(sim.calls.downloadcsv).toBe(0);
  });

  it('asks the vendor once for many concurrent askers, and keeps a past range while today’s expires after a minute', async () => {
    const { app, sim } = demoBff();
    sim.setFaults({ latencyMs: 100 });
    const past = 'from=2026-11-01&to=2026-11-20&resolution=day';
    const today = 'from=2026-11-26&to=2026-11-26&resolution=5min';
    await Promise.all(Array.from({ length: 20 }, () => history(app, past)));
    expect(sim.calls.downloadcsv).toBe(1);
    await history(app, today);
    expect(sim.calls.downloadcsv).toBe(2);
    sim.clock.advance(59_000);
    await history(app, past);
    await history(app, today);
    expect(sim.calls.downloadcsv).toBe(2);
    sim.clock.advance(2_000);
    await history(app, past);
    await history(app, today);
    expect(sim.calls.downloadcsv).toBe(3);
  });

  it('answers a range without rows as an empty series list', async () => {
    const nyAtNight = keyedBff('sim-single-key');
    nyAtNight.sim.clock.setFixed(new Date('2026-11-26T00:30:00Z'));
    const res = await nyAtNight.app.request('/api/history?from=2026-11-26&to=2026-11-26&resolution=hour');
    expect(res.status).toBe(200);
    expect(historySchema.parse(await res.json()).series).toEqual([]);
  });

  it.each([
    ['a rejected key', () => keyedBff('not-a-key'), 502, 'upstream_auth'],
    ['an account without PRO devices', () => keyedBff('sim-nopro-key'), 404, 'no_pro_devices'],
  ] as const)('%s: the error, with its status', async (_label, make, status, code) => {
    const { app } = make();
    const res = await app.request('/api/history?from=2026-11-20&to=2026-11-25');
    expect(res.status).toBe(status);
    expect((await apiError(res)).code).toBe(code);
  });

  it.each([
    ['the vendor down', { status: 503 }, 503, 'upstream_unavailable'],
    ['a connection cut half-way', { truncate: true }, 503, 'upstream_unavailable'],
    ['an HTML page half-way', { htmlMidway: true }, 503, 'upstream_unavailable'],
  ] as const)('%s: the error, with its status, and nothing cached', async (_label, faults, status, code) => {
    const { app, sim } = demoBff();
    sim.setFaults(faults);
    const res = await app.request('/api/history?from=2026-11-01&to=2026-11-25&resolution=hour');
    expect(res.status).toBe(status);
    expect((await apiError(res)).code).toBe(code);
    sim.clearFaults();
    sim.clock.advance(12_000); // past the first back-off (the cache period, up to 20 % more)
    await history(app, 'from=2026-11-01&to=2026-11-25&resolution=hour');
    expect(sim.calls.downloadcsv).toBe(2);
  });
});

describe('GET /api/history: rate-limited like the rest', () => {
  const hourly = (from: string, to: string) => `from=${from}&to=${to}&resolution=hour`;

  it('a failing vendor is left alone during the back-off: the error with retryInSeconds and Retry-After, no vendor call', async () => {
    const { app, sim } = demoBff();
    sim.setFaults({ status: 503 });
    const first = await app.request(`/api/history?${hourly('2026-11-01', '2026-11-20')}`);
    expect(first.status).toBe(503);
    const retry = Number(first.headers.get('retry-after'));
    expect(retry).toBeGreaterThanOrEqual(10);
    expect(retry).toBeLessThanOrEqual(12);
    expect(await apiError(first)).toMatchObject({ code: 'upstream_unavailable', retryInSeconds: retry });
    const others = await Promise.all(
      Array.from({ length: 20 }, async (_, i) => app.request(`/api/history?${hourly(`2026-10-${String(i + 1).padStart(2, '0')}`, '2026-11-20')}`)),
    );
    expect(others.map((r) => r.status)).toEqual(Array.from({ length: 20 }, () => 503));
    expect(sim.calls.downloadcsv).toBe(1);
  });

  it('shares the rejected-key back-off with the live screens, both ways', async () => {
    const { app, sim, state } = switchableKeyBff(true, { AUTH_BACKOFF_SECONDS: '30' });
    state.accepted = false;
    expect((await app.request('/api/occupancy')).status).toBe(502);
    const answers = await Promise.all(Array.from({ length: 20 }, async () => app.request(`/api/history?${hourly('2026-11-01', '2026-11-20')}`)));
    expect(answers.map((r) => r.status)).toEqual(Array.from({ length: 20 }, () => 502));
    expect(await apiError(answers[0]!)).toMatchObject({ code: 'upstream_auth', retryInSeconds: 30 });
    expect(answers[0]!.headers.get('retry-after')).toBe('30');
    expect(sim.calls).toMatchObject({ getoccupancy: 1, downloadcsv: 0 });

    sim.clock.advance(30_000);
    expect((await app.request(`/api/history?${hourly('2026-11-01', '2026-11-20')}`)).status).toBe(502);
    expect(sim.calls).toMatchObject({ getoccupancy: 1, downloadcsv: 1 });
    expect(await apiError(await app.request('/api/occupancy'))).toMatchObject({ code: 'upstream_auth', retryInSeconds: 30 });
    expect(sim.calls).toMatchObject({ getoccupancy: 1, downloadcsv: 1 });
  });

  it('caps distinct vendor downloads: one more gets 429 rate_limited with Retry-After; a request for a running download joins it', async () => {
    const sim = newSimulator();
    const held: (() => void)[] = [];
    const fetchImpl: FetchLike = (input, init) => new Promise((resolve) => held.push(() => resolve(sim.fetch(input, init))));
    const { app } = keyedBff(DEMO_ACCESS_KEY, { sim, fetch: fetchImpl, env: { HISTORY_CONCURRENCY: '2' } });
    const a = app.request(`/api/history?${hourly('2026-11-01', '2026-11-20')}`);
    const b = app.request(`/api/history?${hourly('2026-11-02', '2026-11-20')}`);
    const sameAsA = app.request(`/api/history?${hourly('2026-11-01', '2026-11-20')}`);
    const c = await app.request(`/api/history?${hourly('2026-11-03', '2026-11-20')}`);
    expect(c.status).toBe(429);
    expect(c.headers.get('retry-after')).toBe(String(HISTORY_BUSY_RETRY_SECONDS));
    expect(await apiError(c)).toMatchObject({ code: 'rate_limited' });
    expect(held).toHaveLength(2);
    for (const release of held.splice(0)) release();
    expect((await Promise.all([a, b, sameAsA])).map((r) => r.status)).toEqual([200, 200, 200]);
    // The slots are free again.
    const later = app.request(`/api/history?${hourly('2026-11-03', '2026-11-20')}`);
    await vi.waitFor(() => expect(held).toHaveLength(1));
    held[0]!();
    expect((await later).status).toBe(200);
  });

  it('HEAD: validated, answered without a vendor call', async () => {
    const { app, sim } = demoBff();
    expect((await app.request(`/api/history?${hourly('2026-11-01', '2026-11-20')}`, { method: 'HEAD' })).status).toBe(200);
    expect((await app.request('/api/history?from=2026-02-30&to=2026-03-01', { method: 'HEAD' })).status).toBe(400);
    expect(sim.calls.downloadcsv).toBe(0);
    await history(app, hourly('2026-11-01', '2026-11-20'));
    const cached = await app.request(`/api/history?${hourly('2026-11-01', '2026-11-20')}`, { method: 'HEAD' });
    expect(cached.status).toBe(200);
    expect(cached.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await cached.text()).toBe('');
    expect(sim.calls.downloadcsv).toBe(1);
  });

  it('the cache is bounded by bytes: large answers evict the least recently used', async () => {
    const ranges = [hourly('2026-10-01', '2026-10-25'), hourly('2026-10-02', '2026-10-26'), hourly('2026-10-03', '2026-10-27')];
    const size = (await (await demoBff().app.request(`/api/history?${ranges[0]}`)).text()).length;
    // Each answer is a few hundred kB: two fit in 1 MB, three do not.
    expect(size).toBeGreaterThan(350 * 1024);
    expect(size).toBeLessThan(500 * 1024);
    const small = demoBff({ HISTORY_CACHE_MB: '1' });
    const large = demoBff();
    for (const { app } of [small, large]) for (const q of [...ranges, ranges[0]!]) await history(app, q);
    expect(large.sim.calls.downloadcsv).toBe(3);
    expect(small.sim.calls.downloadcsv).toBe(4);
    // The most recently used two are kept.
    await history(small.app, ranges[2]!);
    await history(small.app, ranges[0]!);
    expect(small.sim.calls.downloadcsv).toBe(4);
  });
});
