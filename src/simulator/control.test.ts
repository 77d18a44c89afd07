// The access-key check, bad requests, call counters and the /__sim control routes, over HTTP.
import { describe, expect, it } from 'vitest';
import { DEMO_ACCESS_KEY } from './accounts';
import { createSimulator } from './simulator';
import { NOV_26, type OccupancyBody, csvParams, eventually, occupancyParams, serveSimulator, startTestServer, timed } from './test-server';
import { sharedTestServer } from './test/shared-server';

const shared = sharedTestServer();

const control = (path: string, method: string, body?: unknown) =>
  fetch(new URL(`__sim/${path}`, shared.server.base), {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });

describe('access key', () => {
  it('answers a wrong or missing key after the delay with HTTP 200 and an HTML page, never data', async () => {
    const slow = await startTestServer({ authDelayMs: 250 });
    try {
      const attempts = ['sim-wrong-key', '', undefined, `${DEMO_ACCESS_KEY} `].flatMap((key) =>
        [occupancyParams({ user_access_key: key }), csvParams({ user_access_key: key })].map((params) => {
          if (key === undefined) delete params.user_access_key;
          return timed(async () => {
            const res = await slow.get(params);
            return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
          });
        }),
      );
      for (const { ms, value } of await Promise.all(attempts)) {
        expect(value.status).toBe(200);
        expect(value.type).toMatch(/^text\/html/);
        expect(value.text).toMatch(/^<!DOCTYPE html>/);
        expect(value.text).not.toContain('sim-');
        expect(ms).toBeGreaterThanOrEqual(240);
      }
      expect(slow.sim.calls).toEqual({ getoccupancy: 4, downloadcsv: 4, auth_failures: 8 });
    } finally {
      await slow.close();
    }
  });

  it('stops waiting when the caller gives up (in-process, with an abort signal)', async () => {
    const sim = createSimulator({ authDelayMs: 10_000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const started = performance.now();
    // Like fetch: the pending request rejects with the abort reason.
    await expect(sim.fetch('/?action=getoccupancy&user_access_key=nope', { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
    expect(performance.now() - started).toBeLessThan(2000);
    expect(sim.calls.auth_failures).toBe(1);
  });

  it('answers an unknown or missing action with the HTML error page at once', async () => {
    for (const action of ['getOccupancy', 'list', '', undefined]) {
      const params: Record<string, string | undefined> = { action, user_access_key: DEMO_ACCESS_KEY };
      const { ms, value: res } = await timed(() => shared.server.get(params));
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await res.text()).toContain('unknown action');
      expect(ms).toBeLessThan(1000);
    }
  });

  it('answers other paths with a 404 page, as nginx would', async () => {
    const res = await fetch(new URL('api/occupancy', shared.server.base));
    expect(res.status).toBe(404);
  });
});

describe('call counters', () => {
  it('count each vendor request per action and each wrong key, never the control routes', async () => {
    expect((await control('calls', 'DELETE')).status).toBe(200);
    await shared.server.get(occupancyParams());
    await shared.server.get(occupancyParams());
    await (await shared.server.get(csvParams({ date_start: '2026-11-25', date_end: '2026-11-25' }))).text();
    await shared.server.get(occupancyParams({ user_access_key: 'sim-wrong-key' }));
    await shared.server.get({ action: 'nothing', user_access_key: DEMO_ACCESS_KEY });
    await control('state', 'GET');
    await control('faults', 'PUT', { latencyMs: 0 });
    expect(shared.server.sim.calls).toEqual({ getoccupancy: 3, downloadcsv: 1, auth_failures: 1 });
    const state = (await (await control('state', 'GET')).json()) as { calls: unknown };
    expect(state.calls).toEqual({ getoccupancy: 3, downloadcsv: 1, auth_failures: 1 });
    expect(await (await control('calls', 'DELETE')).json()).toEqual({ calls: { getoccupancy: 0, downloadcsv: 0, auth_failures: 0 } });
    expect(shared.server.sim.calls).toEqual({ getoccupancy: 0, downloadcsv: 0, auth_failures: 0 });
  });

  it('count concurrent requests one by one, as they arrive', async () => {
    shared.server.sim.resetCalls();
    shared.server.sim.setFaults({ latencyMs: 1500 });
    try {
      let answered = 0;
      const pending = Array.from({ length: 5 }, () => shared.server.get(occupancyParams()).then(() => answered++));
      expect(await eventually(() => shared.server.sim.calls.getoccupancy === 5, 1200)).toBe(true);
      expect(answered).toBe(0);
      await Promise.all(pending);
    } finally {
      shared.server.sim.clearFaults();
    }
  });
});

describe('control routes', () => {
  it('report the state: clock, faults, shape, calls and streams', async () => {
    shared.server.sim.clock.setFixed(NOV_26);
    const state = (await (await control('state', 'GET')).json()) as Record<string, unknown>;
    expect(Object.keys(state)).toEqual(['clock', 'faults', 'shape', 'calls', 'streams']);
    expect(state.clock).toEqual({ mode: 'fixed', now: '2026-11-26T10:15:03.000Z', offsetMs: 0 });
    expect(state.faults).toEqual({
      latencyMs: 0,
      status: null,
      retryAfterSeconds: null,
      reset: false,
      truncate: false,
      nonJson: false,
      html: false,
      htmlMidway: false,
      actions: ['getoccupancy', 'downloadcsv'],
    });
    expect(state.shape).toMatchObject({ envelope: 'data', keyStyle: 'canonical', csv: { delimiter: ',' } });
  });

  it('drive the clock: fixed, advanced, offset and back to real', async () => {
    const generated = async () => ((await (await shared.server.get(occupancyParams())).json()) as OccupancyBody).meta.generated_utc;
    expect((await control('clock', 'PUT', { fixed: '2026-03-29T01:30:00+02:00' })).status).toBe(200);
    expect(await generated()).toBe('2026-03-28 23:30:00');
    await control('clock', 'PUT', { advanceMs: 90_000 });
    expect(await generated()).toBe('2026-03-28 23:31:30');
    const offset = (await (await control('clock', 'PUT', { offsetMs: -86_400_000 })).json()) as { clock: { mode: string; offsetMs: number; now: string } };
    expect(offset.clock.mode).toBe('offset');
    expect(Math.abs(Date.parse(offset.clock.now) - (Date.now() - 86_400_000))).toBeLessThan(5000);
    const real = (await (await control('clock', 'PUT', { real: true })).json()) as { clock: { mode: string; now: string } };
    expect(real.clock.mode).toBe('real');
    expect(Math.abs(Date.parse(real.clock.now) - Date.now())).toBeLessThan(5000);
    shared.server.sim.clock.setFixed(NOV_26);
  });

  it('switch faults on (merged) and off', async () => {
    const on = (await (await control('faults', 'PUT', { status: 503 })).json()) as { faults: Record<string, unknown> };
    expect(on.faults.status).toBe(503);
    await control('faults', 'PUT', { actions: ['downloadcsv'] });
    expect(shared.server.sim.faults).toMatchObject({ status: 503, actions: ['downloadcsv'] });
    expect((await shared.server.get(occupancyParams())).status).toBe(200);
    expect((await shared.server.get(csvParams())).status).toBe(503);
    expect((await control('faults', 'DELETE')).status).toBe(200);
    expect(shared.server.sim.faults.status).toBeNull();
    expect((await shared.server.get(csvParams({ date_start: '2026-11-25', date_end: '2026-11-25' }))).status).toBe(200);
  });

  it('switch shapes (merged, also inside csv) and reset them', async () => {
    await control('shape', 'PUT', { envelope: 'bare', csv: { delimiter: ';' } });
    await control('shape', 'PUT', { csv: { bom: true } });
    expect(shared.server.sim.shape).toMatchObject({ envelope: 'bare', csv: { delimiter: ';', bom: true, crlf: false } });
    expect(Array.isArray(await (await shared.server.get(occupancyParams())).json())).toBe(true);
    await control('shape', 'DELETE');
    expect(shared.server.sim.shape).toMatchObject({ envelope: 'data', csv: { delimiter: ',', bom: false } });
  });

  it('refuse bad bodies with a 400 JSON error and change nothing', async () => {
    const before = JSON.stringify({ faults: shared.server.sim.faults, shape: shared.server.sim.shape, clock: shared.server.sim.clock.describe() });
    const bad: [string, unknown][] = [
      ['clock', { fixed: 'yesterday' }],
      ['clock', { offsetMs: 1, real: true }],
      ['clock', {}],
      ['faults', { status: 200 }],
      ['faults', { latencyMs: -1 }],
      ['faults', { actions: ['everything'] }],
      ['faults', { surprise: true }],
      ['shape', { envelope: 'payload' }],
      ['shape', { csv: { delimiter: '|' } }],
      ['faults', 'not json'],
    ];
    for (const [path, body] of bad) {
      const res = await control(path, 'PUT', body);
      expect({ path, body, status: res.status }).toEqual({ path, body, status: 400 });
      const json = (await res.json()) as { error: { code: string; message: string } };
      expect(json.error.code).toBe('bad_request');
    }
    expect(JSON.stringify({ faults: shared.server.sim.faults, shape: shared.server.sim.shape, clock: shared.server.sim.clock.describe() })).toBe(before);
  });

  it('are absent when control is off', async () => {
    const closed = await startTestServer({ control: false });
    try {
      expect((await fetch(new URL('__sim/state', closed.base))).status).toBe(404);
      expect((await closed.get(occupancyParams())).status).toBe(200);
    } finally {
      await closed.close();
    }
  });
});

describe('defaults', () => {
  it('keeps a wrong key waiting about 3 seconds with the default options', async () => {
    const real = await serveSimulator(createSimulator());
    try {
      const { ms, value: res } = await timed(() => real.get(occupancyParams({ user_access_key: 'sim-wrong-key' })));
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(ms).toBeGreaterThanOrEqual(2950);
      expect(ms).toBeLessThan(4500);
    } finally {
      await real.close();
    }
  }, 10_000);
});
