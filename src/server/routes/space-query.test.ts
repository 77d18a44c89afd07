// `space=<id>` on /api/history and /api/export through app.request(): the space's boundary doors
// are exactly the devices asked of the vendor; an unknown space, a malformed id, or a space with
// devices is a 400 that asks the vendor nothing; history adds the space's counts per period.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type History, historySchema } from '@/shared/api-schema';
import { DEMO_ACCESS_KEY } from '@/simulator';
import { apiError, keyedBff, newSimulator, urlOf } from '../test/support';
import type { FetchLike } from '../upstream/wellpoint-client';

/** A site whose pool has an entrance counter and an exit counter mounted the other way round. */
const SITE = {
  siteName: 'Riverside Centre',
  devices: [{ id: 94, label: 'Pool exit' }],
  spaces: [
    {
      id: 'site',
      name: 'Whole building',
      doors: [
        { device: 91, side: 'in' },
        { device: 92, side: 'in' },
      ],
    },
    {
      id: 'pool',
      name: 'Pool hall',
      parent: 'site',
      capacity: 60,
      doors: [
        { device: 93, side: 'in' },
        { device: 94, side: 'out' },
      ],
    },
    { id: 'gym', name: 'Gym', parent: 'site', doors: [{ device: 95, side: 'in' }] },
    { id: 'store', name: 'Store room', parent: 'site' },
  ],
};

function siteFile(config: unknown): string {
  const path = join(mkdtempSync(join(tmpdir(), 'space-query-')), 'site.json');
  writeFileSync(path, JSON.stringify(config));
  return path;
}

/** Hourly rows from 2026-11-25 00:00 for devices 91–95: device d counts [in, out] = rows(d, hour). */
function csvRows(rows: (device: number, hour: number) => [number, number], hours = 30): string[] {
  const lines: string[] = [];
  for (const device of [91, 92, 93, 94, 95]) {
    for (let h = 0; h < hours; h++) {
      const day = h < 24 ? '2026-11-25' : '2026-11-26';
      const [i, o] = rows(device, h);
      lines.push(`${device},Door ${device},${day} ${String(h % 24).padStart(2, '0')}:00,${i},${o}`);
    }
  }
  return lines;
}

const HEADER = 'device_id,device_name,period_start,in,out';

/** A vendor that answers downloadcsv with these rows (only the devices asked for, as the vendor does), recording every URL. */
function csvVendor(lines: string[]) {
  const urls: URL[] = [];
  const fetch: FetchLike = (input) => {
    const url = urlOf(input);
    urls.push(url);
    const list = url.searchParams.get('devicelist');
    const wanted = list === null ? null : new Set(list.split(',').map(Number));
    const body = [HEADER, ...lines.filter((l) => wanted === null || wanted.has(Number(l.split(',')[0])))].join('\n');
    return Promise.resolve(new Response(`${body}\n`, { headers: { 'content-type': 'text/csv' } }));
  };
  return { urls, fetch };
}

function bff(env: Record<string, string>, lines = csvRows(() => [1, 0])) {
  const vendor = csvVendor(lines);
  const { app } = keyedBff('space-test-key', { sim: newSimulator(), fetch: vendor.fetch, env });
  const csvCalls = () => vendor.urls.filter((u) => u.searchParams.get('action') === 'downloadcsv');
  return { app, vendor, csvCalls };
}

const configured = () => ({ SITE_CONFIG_FILE: siteFile(SITE) });

async function history(app: ReturnType<typeof bff>['app'], query: string): Promise<History> {
  const res = await app.request(`/api/history?${query}`);
  expect(res.status, await res.clone().text()).toBe(200);
  return historySchema.strict().parse(await res.json());
}

describe('GET /api/history?space=', () => {
  it('asks the vendor for exactly the space’s doors and answers their series and the space per period (an `out` door counted the other way)', async () => {
    // The entrance (93) lets in 3 and out 1 each hour; the reversed exit counter (94) counts 2 IN (people leaving) and 0 OUT.
    const { app, csvCalls } = bff(
      configured(),
      csvRows((d) => (d === 93 ? [3, 1] : d === 94 ? [2, 0] : [9, 9])),
    );
    const body = await history(app, 'from=2026-11-25&to=2026-11-25&resolution=hour&space=pool');
    expect(csvCalls().map((u) => u.searchParams.get('devicelist'))).toEqual(['93,94']);
    expect(body.series.map((s) => [s.id, s.name])).toEqual([
      [93, 'Door 93'],
      [94, 'Pool exit'],
    ]);
    expect(body.space?.id).toBe('pool');
    expect(body.space?.name).toBe('Pool hall');
    const points = body.space!.points;
    expect(points[0]).toEqual({ start: '2026-11-25T00:00:00+01:00', in: 3, out: 1 + 2, occupancy: 0 });
    expect(points[23]).toEqual({ start: '2026-11-25T23:00:00+01:00', in: 3, out: 3, occupancy: 0 });
  });

  it('occupancy accumulates through the day and starts again at the day start (DAY_START 04:00)', async () => {
    const { app } = bff(
      { ...configured(), DAY_START: '04:00' },
      csvRows((d) => (d === 93 ? [2, 1] : [0, 0])),
    );
    const body = await history(app, 'from=2026-11-25&to=2026-11-26&resolution=hour&space=pool');
    const at = (start: string) => body.space!.points.find((p) => p.start === start)?.occupancy;
    expect(at('2026-11-25T03:00:00+01:00')).toBeNull(); // its day began on the 24th
    expect(at('2026-11-25T04:00:00+01:00')).toBe(1);
    expect(at('2026-11-25T12:00:00+01:00')).toBe(9);
    expect(at('2026-11-26T03:00:00+01:00')).toBe(24);
    expect(at('2026-11-26T04:00:00+01:00')).toBe(1);
  });

  it('day resolution: in and out per day, occupancy null', async () => {
    const lines = ['93,Door 93,2026-11-25,40,35', '94,Door 94,2026-11-25,5,0'];
    const { app } = bff(configured(), lines);
    const body = await history(app, 'from=2026-11-25&to=2026-11-25&resolution=day&space=pool');
    expect(body.space?.points).toEqual([{ start: '2026-11-25T00:00:00+01:00', in: 40, out: 40, occupancy: null }]);
  });

  it.each([
    ['an unknown space', 'space=gym2', 'There is no space "gym2".'],
    ['a default-tree id while spaces are configured', 'space=device-93', 'There is no space "device-93".'],
    ['a malformed id', 'space=Pool%20Hall', 'A space id is 1–40 lower-case letters'],
    ['markup for an id', 'space=%3Cscript%3E', 'A space id is 1–40 lower-case letters'],
    ['a space and devices', 'space=pool&devices=93', 'Give either a space or devices, not both'],
  ])('%s: 400 bad_request naming `space`, the vendor not asked (GET and HEAD)', async (_label, param, message) => {
    const { app, vendor } = bff(configured());
    const res = await app.request(`/api/history?from=2026-11-20&to=2026-11-25&${param}`);
    expect(res.status).toBe(400);
    const error = await apiError(res);
    expect(error).toMatchObject({ code: 'bad_request', field: 'space' });
    expect(error.message).toContain(message);
    expect((await app.request(`/api/history?from=2026-11-20&to=2026-11-25&${param}`, { method: 'HEAD' })).status).toBe(400);
    expect(vendor.urls).toEqual([]);
  });

  it('caches per space: the same range for another space, or for the same doors without a space, is its own answer', async () => {
    const { app, csvCalls } = bff(configured());
    const range = 'from=2026-11-20&to=2026-11-25&resolution=hour';
    const pool = await history(app, `${range}&space=pool`);
    await history(app, `${range}&space=pool`);
    expect(csvCalls()).toHaveLength(1);
    const gym = await history(app, `${range}&space=gym`);
    expect(csvCalls()).toHaveLength(2);
    expect([pool.space?.id, gym.space?.id]).toEqual(['pool', 'gym']);
    const doors = await history(app, `${range}&devices=93,94`);
    expect(doors.space).toBeUndefined();
    expect(csvCalls()).toHaveLength(3);
  });

  it('a space without doors: an empty answer without a vendor call', async () => {
    const { app, vendor } = bff(configured());
    const body = await history(app, 'from=2026-11-20&to=2026-11-25&space=store');
    expect(body.series).toEqual([]);
    expect(body.space).toEqual({ id: 'store', name: 'Store room', points: [] });
    expect(vendor.urls).toEqual([]);
  });

  it('without configured spaces: `site` is every device (no device list), `device-<id>` that device, named as the vendor names it', async () => {
    const { app, csvCalls } = bff(
      {},
      csvRows((d) => (d === 93 ? [4, 1] : [1, 0]), 2),
    );
    const site = await history(app, 'from=2026-11-25&to=2026-11-25&resolution=hour&space=site');
    expect(csvCalls()[0]!.searchParams.has('devicelist')).toBe(false);
    expect(site.space?.name).toBe('Occupancy');
    expect(site.space?.points[0]).toEqual({ start: '2026-11-25T00:00:00+01:00', in: 4 + 4 * 1, out: 1, occupancy: 7 });
    const door = await history(app, 'from=2026-11-25&to=2026-11-25&resolution=hour&space=device-93');
    expect(csvCalls()[1]!.searchParams.get('devicelist')).toBe('93');
    expect(door.series.map((s) => s.id)).toEqual([93]);
    expect(door.space).toMatchObject({ id: 'device-93', name: 'Door 93' });
    expect(door.space?.points.map((p) => p.occupancy)).toEqual([3, 6]);
    const res = await app.request('/api/history?from=2026-11-25&to=2026-11-25&space=pool');
    expect(await apiError(res)).toMatchObject({ code: 'bad_request', field: 'space', message: 'There is no space "pool".' });
    expect(csvCalls()).toHaveLength(2);
  });
});

describe('GET /api/export?space=', () => {
  it('streams the vendor’s CSV of the space’s doors unchanged, the space in the default file name', async () => {
    const lines = csvRows((d, h) => [d + h, h]);
    const { app, csvCalls } = bff(configured(), lines);
    const res = await app.request('/api/export?from=2026-11-01&to=2026-11-25&resolution=hour&space=pool');
    expect(res.status).toBe(200);
    expect(csvCalls().map((u) => u.searchParams.get('devicelist'))).toEqual(['93,94']);
    const expected = `${[HEADER, ...lines.filter((l) => l.startsWith('93,') || l.startsWith('94,'))].join('\n')}\n`;
    expect(await res.text()).toBe(expected);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="riverside-centre_pool_2026-11-01_2026-11-25_hour.csv"');

    const handoff = await app.request('/api/export?from=2026-11-01&to=2026-11-25&resolution=hour&space=pool&handoff=1');
    const { download, filename } = (await handoff.json()) as { download: string; filename: string };
    expect(filename).toBe('riverside-centre_pool_2026-11-01_2026-11-25_hour.csv');
    expect(await (await app.request(download)).text()).toBe(expected);
  });

  it('without a site name, the default file name starts with the root space’s name', async () => {
    const { siteName: _omitted, ...unnamed } = SITE;
    const { app } = bff({ SITE_CONFIG_FILE: siteFile(unnamed) });
    const res = await app.request('/api/export?from=2026-11-25&to=2026-11-25&space=gym');
    await res.body?.cancel();
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="whole-building_gym_2026-11-25_2026-11-25_day.csv"');
  });

  it('a chosen file name still wins over the default', async () => {
    const { app } = bff(configured());
    const res = await app.request('/api/export?from=2026-11-25&to=2026-11-25&space=gym&filename=gym.csv');
    await res.body?.cancel();
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="gym.csv"');
  });

  it.each([
    ['an unknown space', 'space=gym2', 400, 'bad_request', 'There is no space "gym2".'],
    ['a malformed id', 'space=..%2Fpool', 400, 'bad_request', 'A space id is 1–40 lower-case letters'],
    ['a space and devices', 'space=pool&devices=93,94', 400, 'bad_request', 'Give either a space or devices, not both'],
    ['a space without doors', 'space=store', 404, 'no_data', 'The space "Store room" has no doors'],
  ] as const)('%s: %i %s naming `space`, the vendor not asked', async (_label, param, status, code, message) => {
    const { app, vendor } = bff(configured());
    for (const handoff of ['', '&handoff=1']) {
      const res = await app.request(`/api/export?from=2026-11-20&to=2026-11-25&${param}${handoff}`);
      expect(res.status).toBe(status);
      const error = await apiError(res);
      expect(error).toMatchObject({ code, field: 'space' });
      expect(error.message).toContain(message);
    }
    expect(vendor.urls).toEqual([]);
  });

  it('doors the account does not have: 404 no_data about the space', async () => {
    const sim = newSimulator();
    const config = { spaces: [{ id: 'annex', name: 'Annex', doors: [{ device: 4242, side: 'in' }] }] };
    const { app } = keyedBff(DEMO_ACCESS_KEY, { sim, env: { SITE_CONFIG_FILE: siteFile(config) } });
    const res = await app.request('/api/export?from=2026-11-20&to=2026-11-25&space=annex');
    expect(res.status).toBe(404);
    expect(await apiError(res)).toMatchObject({ code: 'no_data', field: 'space' });
  });

  it('without configured spaces: `site` asks for every device and names the file after the site space', async () => {
    const { app, csvCalls } = bff({});
    const res = await app.request('/api/export?from=2026-11-25&to=2026-11-25&space=site');
    await res.text();
    expect(csvCalls()[0]!.searchParams.has('devicelist')).toBe(false);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="occupancy_site_2026-11-25_2026-11-25_day.csv"');
  });
});
