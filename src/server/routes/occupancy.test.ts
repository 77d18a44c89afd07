// GET /api/occupancy through app.request(), with the BFF composed against the WELLPOINT simulator:
// the normalized answer, every vendor failure as our error shape, every answer shape the
// simulator can serve, stale-if-error, the auth back-off and single-flight, counted in vendor calls.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Occupancy, occupancySchema } from '@/shared/api-schema';
import { spaceCounts } from '@/shared/spaces';
import { DEMO_ACCESS_KEY, NO_PRO_ACCESS_KEY, type ShapePatch, type Simulator } from '@/simulator';
import type { OccupancyRow } from '@/simulator/test-server';
import { DEMO_SITE } from '../demo-site';
import { loadEnv } from '../env';
import { type Listening, NOW, VENDOR_URL, apiError, demoBff, keyedBff, listen, newSimulator, switchableKeyBff } from '../test/support';
import type { FetchLike } from '../upstream/wellpoint-client';

async function occupancy(app: { request: (path: string) => Response | Promise<Response> }): Promise<Occupancy> {
  const res = await app.request('/api/occupancy');
  expect(res.status).toBe(200);
  return occupancySchema.strict().parse(await res.json());
}

/** The simulator's own canonical answer, asked directly with the parameters a Budapest winter day needs. */
async function vendorAnswer(sim: Simulator, key = DEMO_ACCESS_KEY) {
  const res = await sim.fetch(`${VENDOR_URL}?action=getoccupancy&user_access_key=${key}&timezoneshift_start=1`);
  return (await res.json()) as { meta: { datetime_start: string; generated_utc: string }; data: OccupancyRow[] };
}

/** What must not change between answer shapes: everything but the name. */
const numbers = (body: Occupancy) => ({
  total: body.total,
  dayStart: body.dayStart,
  generatedUtc: body.generatedUtc,
  devices: body.devices.map(({ name: _name, ...rest }) => rest),
});

describe('GET /api/occupancy (demo mode)', () => {
  it('answers the 12 PRO devices in our shape, total = the building’s boundary, the simulator’s numbers for this moment', async () => {
    const { app, sim } = demoBff();
    const body = await occupancy(app);
    const vendor = await vendorAnswer(sim);

    expect(body.devices.map((d) => d.id)).toEqual([91, 92, 93, 94, 95, 97, 98, 101, 103, 105, 108, 110]);
    expect(body.devices.map((d) => [d.id, d.in, d.out, d.raw, d.corrected])).toEqual(
      vendor.data.map((r) => [r.device_id, r.IN, r.OUT, r.Occupancy, r.CorrectedOccupancy]),
    );
    // The demo configures spaces: the total is the building (the root), counted at its own doors.
    const root = DEMO_SITE.spaces![0]!;
    const site = spaceCounts(root.doors, new Map(vendor.data.map((r) => [r.device_id, { in: r.IN, out: r.OUT }])));
    expect(site.in).toBeGreaterThan(0);
    expect(body.total).toEqual({ in: site.in, out: site.out, occupancy: site.occupancy, capacity: root.capacity });
    // Some doors count more OUT than IN: Σ corrected would overcount the people inside.
    expect(body.devices.some((d) => d.raw < 0)).toBe(true);
    expect(body.total.occupancy).toBeLessThan(body.devices.reduce((n, d) => n + d.corrected, 0));

    // Labels from the demo site config; the vendor's names elsewhere.
    expect(body.devices.find((d) => d.id === 94)).toMatchObject({ name: 'Reading room door', capacity: null });
    expect(body.devices.find((d) => d.id === 91)).toMatchObject({ name: 'Main entrance', capacity: null });

    expect(body.dayStart).toEqual({ utc: '2026-11-25T23:00:00.000Z', local: '2026-11-26T00:00:00+01:00', timezone: 'Europe/Budapest' });
    expect(vendor.meta.datetime_start).toBe('2026-11-25 23:00:00');
    expect(body.generatedUtc).toBe(NOW.toISOString());
    expect(body.fetchedAt).toBe(NOW.toISOString());
    expect(body).toMatchObject({ stale: false, staleReason: null, ageSeconds: 0, notice: null });
  });

  it('asks the vendor once per cache period however often it is polled', async () => {
    const { app, sim, logs } = demoBff({ CACHE_SECONDS: '10' });
    for (let second = 0; second < 60; second++) {
      await Promise.all(Array.from({ length: 10 }, () => occupancy(app)));
      // A refresh runs in the background: let it land before the clock moves on, as it would on a
      // vendor answering within a second (on a busy machine it may take several real seconds).
      await vi.waitFor(async () => expect((await occupancy(app)).ageSeconds).toBeLessThan(10), { timeout: 30_000 });
      sim.clock.advance(1000);
    }
    expect(sim.calls.getoccupancy).toBe(6);
    expect(logs.text()).not.toContain('vendor start differs');
  });

  it('coalesces 200 concurrent requests during one slow vendor call into exactly one call', async () => {
    const { app, sim } = demoBff();
    sim.setFaults({ latencyMs: 300, actions: ['getoccupancy'] });
    const started = performance.now();
    const responses = await Promise.all(Array.from({ length: 200 }, async () => app.request('/api/occupancy')));
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    expect(responses.map((r) => r.status)).toEqual(Array.from({ length: 200 }, () => 200));
    const bodies = await Promise.all(responses.map((r) => r.text()));
    expect(new Set(bodies).size).toBe(1);
    expect(sim.calls.getoccupancy).toBe(1);
  });

  const variants: [string, ShapePatch][] = [
    ...(['devices', 'rows', 'result', 'bare'] as const).map((envelope): [string, ShapePatch] => [`envelope ${envelope}`, { envelope }]),
    ...(['lower', 'upper', 'nounderscore', 'alias'] as const).map((keyStyle): [string, ShapePatch] => [`keys ${keyStyle}`, { keyStyle }]),
    ['numbers as strings', { numbersAsStrings: true }],
    ['no raw occupancy', { omitRaw: true }],
    ['no corrected occupancy', { omitCorrected: true }],
    ['no meta', { omitMeta: true }],
    ['no names', { omitName: true }],
    ['all at once', { envelope: 'bare', keyStyle: 'alias', numbersAsStrings: true, omitRaw: true, omitCorrected: true, omitName: true }],
  ];

  it.each(variants)('reads the %s variant into the same numbers as the canonical answer', async (_label, patch) => {
    const canonical = await occupancy(demoBff().app);
    const { app, sim } = demoBff();
    sim.setShape(patch);
    const body = await occupancy(app);
    expect(numbers(body)).toEqual(numbers(canonical));
    if (patch.omitName === true) {
      // No name from the vendor: our label where the config has one, else "Device <id>".
      expect(body.devices.find((d) => d.id === 91)?.name).toBe('Device 91');
      expect(body.devices.find((d) => d.id === 94)?.name).toBe('Reading room door');
    } else {
      expect(body.devices.map((d) => d.name)).toEqual(canonical.devices.map((d) => d.name));
    }
  });
});

describe('GET /api/occupancy: vendor failures with no good answer to fall back on', () => {
  const fresh = (faults: Parameters<Simulator['setFaults']>[0], env: Record<string, string> = {}) => {
    const bff = demoBff(env);
    bff.sim.setFaults(faults);
    return bff;
  };

  it('a wrong key: 502 upstream_auth after the vendor’s auth delay, not a timeout', async () => {
    const sim = newSimulator({ authDelayMs: 300 });
    // A limit far beyond the auth delay: a timeout would be 504 upstream_timeout, not this.
    const { app } = keyedBff('not-a-key', { sim, env: { UPSTREAM_TIMEOUT_MS: '60000' } });
    const started = performance.now();
    const res = await app.request('/api/occupancy');
    expect(res.status).toBe(502);
    expect((await apiError(res)).code).toBe('upstream_auth');
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    expect(sim.calls).toEqual({ getoccupancy: 1, downloadcsv: 0, auth_failures: 1 });
  });

  it.each([500, 502, 503, 504, 429])('vendor HTTP %i: 503 upstream_unavailable, saying when the server asks again (the cache period)', async (status) => {
    const { app } = fresh({ status });
    const res = await app.request('/api/occupancy');
    expect(res.status).toBe(503);
    // The first back-off is the cache period (10 s) plus up to 20 % jitter.
    const retry = Number(res.headers.get('retry-after'));
    expect(retry).toBeGreaterThanOrEqual(10);
    expect(retry).toBeLessThanOrEqual(12);
    expect(await apiError(res)).toEqual({ code: 'upstream_unavailable', message: 'The WELLPOINT cloud is not answering right now.', retryInSeconds: retry });
  });

  it.each([
    ['vendor HTTP 401', { status: 401 }, 502, 'upstream_auth'],
    ['vendor HTTP 403', { status: 403 }, 502, 'upstream_auth'],
    ['vendor HTTP 404', { status: 404 }, 502, 'upstream_format'],
    ['a connection reset', { reset: true }, 503, 'upstream_unavailable'],
    // The body breaks off mid-JSON with a broken connection: a transport failure, which may well
    // succeed on the next try, so "unavailable" rather than "format".
    ['a body cut off half-way', { truncate: true }, 503, 'upstream_unavailable'],
    ['the vendor’s HTML page instead of JSON', { html: true }, 502, 'upstream_auth'],
  ] as const)('%s: %i %s', async (_name, fault, status, code) => {
    const res = await fresh(fault).app.request('/api/occupancy');
    expect(res.status).toBe(status);
    expect((await apiError(res)).code).toBe(code);
  });

  it('an answer later than UPSTREAM_TIMEOUT_MS: 504 upstream_timeout at the limit, not zero counts', async () => {
    // The vendor would answer after a minute: an answer within the test's time can only be the limit's.
    const { app } = fresh({ latencyMs: 60_000 }, { UPSTREAM_TIMEOUT_MS: '1000' });
    const started = performance.now();
    const res = await app.request('/api/occupancy');
    expect(res.status).toBe(504);
    expect(await apiError(res)).toEqual({
      code: 'upstream_timeout',
      message: 'The WELLPOINT cloud took too long to answer.',
      retryInSeconds: Number(res.headers.get('retry-after')),
    });
    // Not before the limit (a timer never fires early, however busy the machine).
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('a PHP warning instead of JSON: 502 upstream_format (not an auth error, no auth back-off)', async () => {
    const { app, sim } = fresh({ nonJson: true });
    const res = await app.request('/api/occupancy');
    expect(res.status).toBe(502);
    expect((await apiError(res)).code).toBe('upstream_format');
    sim.clearFaults();
    // The back-off of any failure (the cache period, up to 20 % more), not the longer one of a rejected key.
    sim.clock.advance(12_000);
    expect((await occupancy(app)).stale).toBe(false);
    expect(sim.calls.getoccupancy).toBe(2);
  });

  it('an account without PRO devices: 200 with the no_pro_devices notice and zero totals', async () => {
    const body = await occupancy(keyedBff(NO_PRO_ACCESS_KEY).app);
    expect(body).toMatchObject({ devices: [], notice: 'no_pro_devices', stale: false, total: { in: 0, out: 0, occupancy: 0 } });
  });
});

describe('GET /api/occupancy over a real socket to the vendor', () => {
  let vendor: Listening;
  const sim = newSimulator();
  const viaHttp: FetchLike = (input, init) => fetch(input, init);
  const bff = () => keyedBff(DEMO_ACCESS_KEY, { sim, fetch: viaHttp, env: { WELLPOINT_BASE_URL: `${vendor.base}/` } });

  beforeAll(async () => {
    vendor = await listen(sim.app.fetch);
  });
  afterAll(() => vendor.close());

  it('answers the same numbers as in-process', async () => {
    sim.clearFaults();
    const overHttp = await occupancy(bff().app);
    const inProcess = await occupancy(keyedBff(DEMO_ACCESS_KEY, { sim }).app);
    expect(overHttp).toEqual(inProcess);
  });

  it.each([
    ['a reset connection', { reset: true }],
    ['a body cut off half-way', { truncate: true }],
  ])('%s: 503 upstream_unavailable', async (_label, faults) => {
    sim.clearFaults();
    sim.setFaults(faults);
    const res = await bff().app.request('/api/occupancy');
    sim.clearFaults();
    expect(res.status).toBe(503);
    expect((await apiError(res)).code).toBe('upstream_unavailable');
  });
});

describe('GET /api/occupancy: stale-if-error', () => {
  it.each([
    ['HTTP 503', { status: 503 }, 'upstream_unavailable'],
    ['a reset', { reset: true }, 'upstream_unavailable'],
    ['a PHP warning', { nonJson: true }, 'upstream_format'],
    ['the HTML page', { html: true }, 'upstream_auth'],
  ] as const)(
    '%s: the last good answer, marked stale with its age and reason, for STALE_MAX_SECONDS; then the error; then fresh again',
    async (_label, faults, code) => {
      const { app, sim } = demoBff({ CACHE_SECONDS: '10', STALE_MAX_SECONDS: '60', AUTH_BACKOFF_SECONDS: '30' });
      const good = await occupancy(app);
      sim.setFaults(faults);

      sim.clock.advance(15_000);
      // Answered at once from the last good answer while the refresh fails behind it.
      expect(await occupancy(app)).toMatchObject({ stale: false, ageSeconds: 15 });
      await vi.waitFor(async () => expect((await occupancy(app)).stale).toBe(true));
      const stale = await occupancy(app);
      expect(sim.calls.getoccupancy).toBe(2);
      expect(stale).toMatchObject({ stale: true, ageSeconds: 15, staleReason: { code } });
      expect(stale.staleReason?.message).not.toBe('');
      expect(numbers(stale)).toEqual(numbers(good));
      expect(stale.fetchedAt).toBe(good.fetchedAt);

      sim.clock.advance(45_000); // 60 s old: still within the bound
      expect(await occupancy(app)).toMatchObject({ stale: true, ageSeconds: 60 });

      sim.clock.advance(1_000);
      const res = await app.request('/api/occupancy');
      expect(res.status).toBe(code === 'upstream_unavailable' ? 503 : 502);
      expect((await apiError(res)).code).toBe(code);

      sim.clearFaults();
      sim.clock.advance(30_000); // past any auth back-off
      const back = await occupancy(app);
      expect(back).toMatchObject({ stale: false, staleReason: null, ageSeconds: 0, fetchedAt: sim.clock.now().toISOString() });
      const vendor = await vendorAnswer(sim);
      expect(back.devices.map((d) => [d.id, d.in, d.out])).toEqual(vendor.data.map((r) => [r.device_id, r.IN, r.OUT]));
      expect(back.total.in).toBeGreaterThan(good.total.in); // the clock moved on 91 s: new counts, not the cache
    },
  );
});

describe('GET /api/occupancy: a rejected key', () => {
  const switchableKey = () => switchableKeyBff(false, { AUTH_BACKOFF_SECONDS: '30', CACHE_SECONDS: '10' });

  it('is never cached as data, and the vendor is not asked again for 30 s', async () => {
    const { app, sim, state } = switchableKey();
    const first = await app.request('/api/occupancy');
    expect(first.status).toBe(502);
    expect((await apiError(first)).code).toBe('upstream_auth');
    expect(sim.calls).toMatchObject({ getoccupancy: 1, auth_failures: 1 });

    for (let i = 0; i < 29; i++) {
      sim.clock.advance(1000);
      const results = await Promise.all([app.request('/api/occupancy'), app.request('/api/occupancy'), app.request('/readyz')]);
      expect(results.map((r) => r.status)).toEqual([502, 502, 503]);
    }
    state.accepted = true;
    sim.clock.advance(999);
    expect((await app.request('/api/occupancy')).status).toBe(502);
    expect(sim.calls).toMatchObject({ getoccupancy: 1, auth_failures: 1 });

    sim.clock.advance(1); // 30 s after the failure
    const body = await occupancy(app);
    expect(body).toMatchObject({ stale: false, ageSeconds: 0, notice: null });
    expect(body.devices).toHaveLength(12);
    expect(sim.calls).toMatchObject({ getoccupancy: 2, auth_failures: 1 });
  });

  it('after a good answer: served stale with reason upstream_auth during the back-off, without asking the vendor', async () => {
    const { app, sim, state } = switchableKey();
    state.accepted = true;
    const good = await occupancy(app);
    state.accepted = false;
    sim.clock.advance(10_000);
    await occupancy(app); // at once, while the refresh is rejected behind it
    await vi.waitFor(async () =>
      expect(await occupancy(app)).toMatchObject({
        stale: true,
        ageSeconds: 10,
        staleReason: { code: 'upstream_auth', retryInSeconds: 30 },
        total: good.total,
      }),
    );
    expect(sim.calls).toMatchObject({ getoccupancy: 2, auth_failures: 1 });
    state.accepted = true;
    sim.clock.advance(29_000);
    expect(await occupancy(app)).toMatchObject({ stale: true, ageSeconds: 39, staleReason: { code: 'upstream_auth', retryInSeconds: 1 } });
    expect(sim.calls.getoccupancy).toBe(2);
    sim.clock.advance(1_000);
    // The retry goes out; until it answers, the last good answer stays marked stale.
    expect(await occupancy(app)).toMatchObject({ stale: true, ageSeconds: 40, staleReason: { code: 'upstream_auth', retryInSeconds: 0 } });
    await vi.waitFor(async () => expect(await occupancy(app)).toMatchObject({ stale: false, ageSeconds: 0 }));
    expect(sim.calls).toMatchObject({ getoccupancy: 3, auth_failures: 1 });
  });

  it('the back-off cannot be configured below 30 s, and defaults to more', () => {
    expect(() => loadEnv({ AUTH_BACKOFF_SECONDS: '29' })).toThrow('AUTH_BACKOFF_SECONDS');
    expect(loadEnv({}).AUTH_BACKOFF_SECONDS).toBeGreaterThanOrEqual(30);
  });
});
