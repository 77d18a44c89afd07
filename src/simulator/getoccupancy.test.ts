// Conformance of action=getoccupancy, over real HTTP, against wellpoint-api.md.
import { describe, expect, it } from 'vitest';
import { DEMO_DEVICES, LARGE_ACCESS_KEY, NO_PRO_ACCESS_KEY, SINGLE_ACCESS_KEY } from './accounts';
import { NOV_26, type OccupancyBody, bodiesAcrossSeeds, occupancyJson, occupancyParams } from './test-server';
import { sharedTestServer } from './test/shared-server';
import { countsForMinute } from './traffic';

const PRO_IDS = [91, 92, 93, 94, 95, 97, 98, 101, 103, 105, 108, 110];

const shared = sharedTestServer();

const at = (iso: string) => shared.server.sim.clock.setFixed(new Date(iso));

function device(id: number) {
  const d = DEMO_DEVICES.find((x) => x.id === id);
  if (d === undefined) throw new Error(`no device ${id}`);
  return d;
}

/** IN/OUT by summing the pure per-minute model over [from, to) minutes. */
function modelSum(id: number, fromIso: string, toIso: string, seed = 1) {
  let sumIn = 0;
  let sumOut = 0;
  for (let t = Date.parse(fromIso) / 60_000; t < Date.parse(toIso) / 60_000; t++) {
    const c = countsForMinute(device(id), t, seed);
    sumIn += c.in;
    sumOut += c.out;
  }
  return { in: sumIn, out: sumOut };
}

describe('getoccupancy: the canonical answer', () => {
  it('serves JSON with meta and one row per active PRO device, counted since Budapest midnight (shift 2)', async () => {
    at(NOV_26.toISOString());
    const res = await shared.server.get(occupancyParams());
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await res.json()) as OccupancyBody;
    expect(Object.keys(body)).toEqual(['meta', 'data']);
    // Vendor's today is 2026-11-26; 00:00:00 minus the default shift of 2 hours.
    expect(body.meta).toEqual({ datetime_start: '2026-11-25 22:00:00', generated_utc: '2026-11-26 10:15:03' });
    expect(body.data.map((r) => r.device_id)).toEqual(PRO_IDS);
    for (const row of body.data) {
      expect(Object.keys(row)).toEqual(['device_id', 'device_name', 'IN', 'OUT', 'Occupancy', 'CorrectedOccupancy']);
      expect(row.device_name).toBe(device(row.device_id).name);
      expect(row.Occupancy).toBe(row.IN - row.OUT);
      expect(row.CorrectedOccupancy).toBe(Math.max(0, row.IN - row.OUT));
    }
    expect(body.data.find((r) => r.device_id === 91)?.IN).toBeGreaterThan(50);
  });

  it('counts exactly the minutes that have ended inside the window', async () => {
    at('2026-11-26T10:15:03Z');
    const body = await occupancyJson(shared.server, { timezoneshift_start: '1' });
    // Budapest midnight in winter (shift 1) until 10:15:00; the minute 10:15 is not over yet.
    for (const id of [91, 95, 108]) {
      const row = body.data.find((r) => r.device_id === id);
      const want = modelSum(id, '2026-11-25T23:00:00Z', '2026-11-26T10:15:00Z');
      expect({ id, in: row?.IN, out: row?.OUT }).toEqual({ id, ...want });
    }
    // A start at hh:mm:15 leaves that minute out.
    const late = await occupancyJson(shared.server, { date_start: '2026-11-26', time_start: '093015', timezoneshift_start: '1', devicelist: '91' });
    expect(late.meta.datetime_start).toBe('2026-11-26 08:30:15');
    const want = modelSum(91, '2026-11-26T08:31:00Z', '2026-11-26T10:15:00Z');
    expect({ in: late.data[0]?.IN, out: late.data[0]?.OUT }).toEqual(want);
  });

  it('answers zeros when the start lies in the future', async () => {
    at(NOV_26.toISOString());
    const body = await occupancyJson(shared.server, { date_start: '2026-11-27' });
    expect(body.meta.datetime_start).toBe('2026-11-26 22:00:00');
    expect(body.data).toHaveLength(12);
    for (const r of body.data) expect([r.IN, r.OUT, r.Occupancy, r.CorrectedOccupancy]).toEqual([0, 0, 0, 0]);
  });

  it('is deterministic: same seed, same bytes; another seed, other counts', async () => {
    at(NOV_26.toISOString());
    const params = occupancyParams({ timezoneshift_start: '1' });
    const [a, b, c] = await bodiesAcrossSeeds(shared.server, params, { twin: 1, other: 2 });
    expect(b).toBe(a);
    expect(c).not.toBe(a);
  });
});

describe('getoccupancy: time parameters and their silent defaults', () => {
  it('moves datetime_start by the shift, hour for hour, within −12…14', async () => {
    at(NOV_26.toISOString());
    const cases: [string, string][] = [
      ['2', '2026-11-25 22:00:00'],
      ['1', '2026-11-25 23:00:00'],
      ['0', '2026-11-26 00:00:00'],
      ['-5', '2026-11-26 05:00:00'],
      ['+3', '2026-11-25 21:00:00'],
      ['14', '2026-11-25 10:00:00'],
      ['-12', '2026-11-26 12:00:00'],
    ];
    for (const [shift, start] of cases) {
      const body = await occupancyJson(shared.server, { timezoneshift_start: shift, devicelist: '91' });
      expect({ shift, start: body.meta.datetime_start }).toEqual({ shift, start });
    }
  });

  it('falls back to a shift of 2 for a missing, malformed or out-of-range shift', async () => {
    at(NOV_26.toISOString());
    for (const shift of [undefined, '', 'abc', '1.5', '15', '-13', '2h', '100']) {
      const body = await occupancyJson(shared.server, { timezoneshift_start: shift, devicelist: '91' });
      expect({ shift, start: body.meta.datetime_start }).toEqual({ shift, start: '2026-11-25 22:00:00' });
    }
  });

  it('combines date_start and time_start as a naive local time minus the shift', async () => {
    at(NOV_26.toISOString());
    const body = await occupancyJson(shared.server, { date_start: '2026-11-20', time_start: '083015', timezoneshift_start: '1' });
    expect(body.meta.datetime_start).toBe('2026-11-20 07:30:15');
    const summer = await occupancyJson(shared.server, { date_start: '2026-07-01', time_start: '000000' });
    expect(summer.meta.datetime_start).toBe('2026-06-30 22:00:00');
  });

  it('replaces an invalid date_start with today and an invalid time_start with 000000', async () => {
    at(NOV_26.toISOString());
    for (const date of ['2026-02-30', '26-11-2026', '2026-13-01', '2026/11/20', '', 'yesterday']) {
      const body = await occupancyJson(shared.server, { date_start: date, time_start: '120000', timezoneshift_start: '1' });
      expect({ date, start: body.meta.datetime_start }).toEqual({ date, start: '2026-11-26 11:00:00' });
    }
    for (const time of ['246000', '1200', '12:00:00', 'noon', '236000', '235960', '']) {
      const body = await occupancyJson(shared.server, { date_start: '2026-11-20', time_start: time, timezoneshift_start: '1' });
      expect({ time, start: body.meta.datetime_start }).toEqual({ time, start: '2026-11-19 23:00:00' });
    }
  });

  it("takes today from the vendor's Budapest calendar, not from UTC", async () => {
    // 23:30 UTC on the 26th is already 00:30 on the 27th in Budapest.
    at('2026-11-26T23:30:00Z');
    expect((await occupancyJson(shared.server, { timezoneshift_start: '1' })).meta.datetime_start).toBe('2026-11-26 23:00:00');
    // 22:30 UTC is still the 26th there.
    at('2026-11-26T22:30:00Z');
    expect((await occupancyJson(shared.server, { timezoneshift_start: '1' })).meta.datetime_start).toBe('2026-11-25 23:00:00');
    // Summer: Budapest is UTC+2, so 22:30 UTC is already tomorrow.
    at('2026-07-15T22:30:00Z');
    expect((await occupancyJson(shared.server, {})).meta.datetime_start).toBe('2026-07-15 22:00:00');
    // A New York evening (22:30 on the 26th) is the 27th in Budapest: "today" is the vendor's.
    at('2026-11-27T03:30:00Z');
    const ny = await occupancyJson(shared.server, { user_access_key: SINGLE_ACCESS_KEY, timezoneshift_start: '-5' });
    expect(ny.meta.datetime_start).toBe('2026-11-27 05:00:00');
    expect(ny.data.map((r) => r.device_id)).toEqual([301]);
    expect(ny.data[0]?.IN).toBe(0);
  });
});

describe('getoccupancy: which devices', () => {
  it('serves only active PRO root/linked devices: 12 of the demo account’s 18, not the lapsed or shared one', async () => {
    const activeRootLinked = DEMO_DEVICES.filter((d) => d.planActive && (d.relation === 'root' || d.relation === 'linked'));
    expect(activeRootLinked).toHaveLength(18);
    expect(activeRootLinked.filter((d) => d.plan === 'LITE')).toHaveLength(2);
    expect(activeRootLinked.filter((d) => d.plan === 'PLUS')).toHaveLength(4);
    const lapsed = DEMO_DEVICES.find((d) => d.plan === 'PRO' && !d.planActive);
    const viewerOnly = DEMO_DEVICES.find((d) => d.plan === 'PRO' && d.relation === 'viewer');
    expect(lapsed?.id).toBe(107);
    expect(viewerOnly?.id).toBe(109);

    at(NOV_26.toISOString());
    const ids = (await occupancyJson(shared.server)).data.map((r) => r.device_id);
    expect(ids).toEqual(PRO_IDS);
    for (const excluded of [96, 99, 100, 102, 104, 106, 107, 109]) expect(ids).not.toContain(excluded);
  });

  it('drops unknown, forbidden and malformed ids from devicelist silently', async () => {
    at(NOV_26.toISOString());
    const some = await occupancyJson(shared.server, { devicelist: '110,91,96,107,109,999,abc,-93' });
    expect(some.data.map((r) => r.device_id)).toEqual([91, 110]);
    const spaced = await occupancyJson(shared.server, { devicelist: ' 93 , 92 ' });
    expect(spaced.data.map((r) => r.device_id)).toEqual([92, 93]);
    const all = await occupancyJson(shared.server, { devicelist: '' });
    expect(all.data.map((r) => r.device_id)).toEqual(PRO_IDS);
  });

  it('answers a bare [] when no requested device remains, or the account has no PRO device', async () => {
    at(NOV_26.toISOString());
    for (const params of [
      occupancyParams({ devicelist: '96,107,109' }),
      occupancyParams({ devicelist: '1001' }),
      occupancyParams({ user_access_key: NO_PRO_ACCESS_KEY }),
    ]) {
      const res = await shared.server.get(params);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(await res.text()).toBe('[]');
    }
  });

  it('serves the 50 devices of the large account', async () => {
    at(NOV_26.toISOString());
    const body = await occupancyJson(shared.server, { user_access_key: LARGE_ACCESS_KEY });
    expect(body.data).toHaveLength(50);
    expect(body.data[0]?.device_id).toBe(1001);
  });
});

describe('getoccupancy: OUT-heavy doors', () => {
  it('lets the side doors go negative during the day while CorrectedOccupancy stays at 0 or above', async () => {
    // A Wednesday afternoon, 14:00 in Budapest.
    at('2026-11-25T13:00:00Z');
    const body = await occupancyJson(shared.server, { timezoneshift_start: '1' });
    const row = (id: number) => body.data.find((r) => r.device_id === id);
    for (const side of [92, 98]) {
      expect(row(side)?.Occupancy).toBeLessThan(-20);
      expect(row(side)?.CorrectedOccupancy).toBe(0);
    }
    for (const main of [91, 97]) expect(row(main)?.Occupancy).toBeGreaterThan(20);
    for (const r of body.data) expect(r.CorrectedOccupancy).toBeGreaterThanOrEqual(0);
    // The lobby's two busiest doors together hold a believable crowd (the building's other doors aside).
    const store = (row(91)?.Occupancy ?? 0) + (row(92)?.Occupancy ?? 0);
    expect(store).toBeGreaterThan(20);
    expect(store).toBeLessThan(row(91)?.Occupancy ?? 0);
  });
});

describe('getoccupancy: answer shapes', () => {
  const canonical = async () => {
    shared.server.sim.resetShape();
    return occupancyJson(shared.server, { timezoneshift_start: '1' });
  };

  it('puts the rows under data, devices, rows or result, or serves a bare array', async () => {
    at(NOV_26.toISOString());
    const reference = await canonical();
    try {
      for (const envelope of ['devices', 'rows', 'result'] as const) {
        shared.server.sim.setShape({ envelope });
        const body = (await (await shared.server.get(occupancyParams({ timezoneshift_start: '1' }))).json()) as Record<string, unknown>;
        expect(Object.keys(body)).toEqual(['meta', envelope]);
        expect(body[envelope]).toEqual(reference.data);
        expect(body.meta).toEqual(reference.meta);
      }
      shared.server.sim.setShape({ envelope: 'bare' });
      const bare: unknown = await (await shared.server.get(occupancyParams({ timezoneshift_start: '1' }))).json();
      expect(bare).toEqual(reference.data);
    } finally {
      shared.server.sim.resetShape();
    }
  });

  it('renames the keys in every supported style', async () => {
    at(NOV_26.toISOString());
    const reference = await canonical();
    const styles = {
      lower: ['device_id', 'device_name', 'in', 'out', 'occupancy', 'correctedoccupancy'],
      upper: ['DEVICE_ID', 'DEVICE_NAME', 'IN', 'OUT', 'OCCUPANCY', 'CORRECTEDOCCUPANCY'],
      nounderscore: ['deviceid', 'devicename', 'In', 'Out', 'Occupancy', 'CorrectedOccupancy'],
      alias: ['id', 'label', 'count_in', 'count_out', 'occupancy', 'corrected_occupancy'],
    } as const;
    try {
      for (const [keyStyle, keys] of Object.entries(styles) as [keyof typeof styles, readonly string[]][]) {
        shared.server.sim.setShape({ keyStyle });
        const body = (await (await shared.server.get(occupancyParams({ timezoneshift_start: '1' }))).json()) as { data: Record<string, unknown>[] };
        body.data.forEach((row, i) => {
          expect(Object.keys(row)).toEqual(keys);
          const ref = reference.data[i];
          expect(Object.values(row)).toEqual([ref?.device_id, ref?.device_name, ref?.IN, ref?.OUT, ref?.Occupancy, ref?.CorrectedOccupancy]);
        });
      }
    } finally {
      shared.server.sim.resetShape();
    }
  });

  it('can send every number as a string', async () => {
    at(NOV_26.toISOString());
    const reference = await canonical();
    try {
      shared.server.sim.setShape({ numbersAsStrings: true });
      const body = (await (await shared.server.get(occupancyParams({ timezoneshift_start: '1' }))).json()) as { data: Record<string, unknown>[] };
      body.data.forEach((row, i) => {
        const ref = reference.data[i];
        expect(row).toEqual({
          device_id: String(ref?.device_id),
          device_name: ref?.device_name,
          IN: String(ref?.IN),
          OUT: String(ref?.OUT),
          Occupancy: String(ref?.Occupancy),
          CorrectedOccupancy: String(ref?.CorrectedOccupancy),
        });
      });
    } finally {
      shared.server.sim.resetShape();
    }
  });

  it('can leave out the name, the raw occupancy, the corrected one and the meta', async () => {
    at(NOV_26.toISOString());
    try {
      shared.server.sim.setShape({ omitName: true, omitRaw: true, omitCorrected: true, omitMeta: true });
      const body = (await (await shared.server.get(occupancyParams())).json()) as Record<string, unknown>;
      expect(Object.keys(body)).toEqual(['data']);
      const rows = body.data as Record<string, unknown>[];
      for (const row of rows) expect(Object.keys(row)).toEqual(['device_id', 'IN', 'OUT']);
      shared.server.sim.setShape({ omitName: false, omitMeta: false, omitCorrected: false });
      const some = (await (await shared.server.get(occupancyParams())).json()) as { data: Record<string, unknown>[] };
      expect(Object.keys(some.data[0] ?? {})).toEqual(['device_id', 'device_name', 'IN', 'OUT', 'CorrectedOccupancy']);
    } finally {
      shared.server.sim.resetShape();
    }
  });
});

describe('in-process', () => {
  it('answers sim.fetch and app.fetch exactly as over HTTP', async () => {
    at(NOV_26.toISOString());
    const params = occupancyParams({ timezoneshift_start: '1' });
    const overHttp = await (await shared.server.get(params)).text();
    const viaFetch = await shared.server.sim.fetch(`/${new URL(shared.server.url(params)).search}`);
    expect(viaFetch.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await viaFetch.text()).toBe(overHttp);
    const viaApp = await shared.server.sim.app.fetch(new Request(shared.server.url(params)));
    expect(await viaApp.text()).toBe(overHttp);
  });
});
