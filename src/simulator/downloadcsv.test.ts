// Conformance of action=downloadcsv, over real HTTP, against wellpoint-api.md.
import { describe, expect, it } from 'vitest';
import { type Account, DEMO_DEVICES, LARGE_ACCESS_KEY, LARGE_ACCOUNT, NO_PRO_ACCESS_KEY, SINGLE_ACCESS_KEY, SINGLE_ACCOUNT } from './accounts';
import {
  NOV_26,
  type CsvRow,
  bodiesAcrossSeeds,
  type TestServer,
  csvParams,
  csvText,
  occupancyJson,
  parseCanonicalCsv,
  startTestServer,
  sumByDevice,
} from './test-server';
import { sharedTestServer } from './test/shared-server';
import { countsForMinute } from './traffic';

const PRO_IDS = [91, 92, 93, 94, 95, 97, 98, 101, 103, 105, 108, 110];
// The demo building is in Budapest; the large account's last five doors are in London.
const LONDON_IDS = [1046, 1047, 1048, 1049, 1050];
const LONDON = 1046;

const shared = sharedTestServer();

const at = (iso: string) => shared.server.sim.clock.setFixed(new Date(iso));

async function rows(extra: Record<string, string | undefined>): Promise<CsvRow[]> {
  return parseCanonicalCsv(await csvText(shared.server, extra)).rows;
}

function modelSum(id: number, fromIso: string, toIso: string) {
  const d = [...DEMO_DEVICES, ...SINGLE_ACCOUNT.devices, ...LARGE_ACCOUNT.devices].find((x) => x.id === id);
  if (d === undefined) throw new Error(`no device ${id}`);
  let sumIn = 0;
  let sumOut = 0;
  for (let t = Date.parse(fromIso) / 60_000; t < Date.parse(toIso) / 60_000; t++) {
    const c = countsForMinute(d, t, 1);
    sumIn += c.in;
    sumOut += c.out;
  }
  return { in: sumIn, out: sumOut };
}

const periodsOf = (list: CsvRow[], id: number) => list.filter((r) => r.id === id).map((r) => r.period);

describe('downloadcsv: the canonical file', () => {
  it('is a CSV attachment with a header row, one row per device per day, for the last 30 days by default', async () => {
    at(NOV_26.toISOString());
    const res = await shared.server.get(csvParams());
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="wellpoint_2026-10-28_2026-11-26.csv"');
    const { header, rows: list } = parseCanonicalCsv(await res.text());
    expect(header).toBe('device_id,device_name,period_start,IN,OUT');
    expect(list).toHaveLength(30 * 12);
    expect(list.slice(0, 12).map((r) => r.id)).toEqual(PRO_IDS);
    expect(new Set(list.map((r) => r.period)).size).toBe(30);
    expect(list[0]?.period).toBe('2026-10-28');
    expect(list.at(-1)?.period).toBe('2026-11-26');
    expect(list.find((r) => r.id === 93)?.name).toBe('Library door, ground floor');
    expect(list.find((r) => r.id === 94)?.name).toBe('Reading room "Quiet" door');
  });

  it('quotes names that hold the delimiter or quotes, doubling the quotes', async () => {
    at(NOV_26.toISOString());
    const text = await csvText(shared.server, { date_start: '2026-11-25', date_end: '2026-11-25', devicelist: '93,94,95' });
    const lines = text.split('\n');
    expect(lines[0]).toBe('device_id,device_name,period_start,IN,OUT');
    expect(lines[1]).toMatch(/^93,"Library door, ground floor",2026-11-25,\d+,\d+$/);
    expect(lines[2]).toMatch(/^94,"Reading room ""Quiet"" door",2026-11-25,\d+,\d+$/);
    expect(lines[3]).toMatch(/^95,Café door,2026-11-25,\d+,\d+$/);
    expect(lines).toHaveLength(5);
    expect(lines[4]).toBe('');
  });

  it('is deterministic: same seed, same bytes; another seed, other counts', async () => {
    at(NOV_26.toISOString());
    const params = csvParams({ date_start: '2026-11-20', date_end: '2026-11-26', resolution: 'hour' });
    const [a, b, c] = await bodiesAcrossSeeds(shared.server, params, { twin: 1, other: 99 });
    expect(a?.length ?? 0).toBeGreaterThan(10_000);
    expect(b).toBe(a);
    expect(c).not.toBe(a);
  });
});

describe('downloadcsv: parameters and their silent defaults', () => {
  it('replaces invalid dates with the defaults and an unknown resolution with day', async () => {
    at(NOV_26.toISOString());
    const reference = await csvText(shared.server);
    for (const extra of [
      { date_start: '2026-02-30', date_end: '2026-11-31' },
      { date_start: '28/10/2026', date_end: 'today' },
      { date_start: '', date_end: '' },
      { resolution: 'minute' },
      { resolution: 'HOUR' },
      { resolution: '' },
    ]) {
      expect({ extra, same: (await csvText(shared.server, extra)) === reference }).toEqual({ extra, same: true });
    }
    const onlyEnd = await rows({ date_end: '2026-11-20' });
    expect(onlyEnd[0]?.period).toBe('2026-10-28');
    expect(onlyEnd.at(-1)?.period).toBe('2026-11-20');
  });

  it("takes today (and so the default range) from the vendor's Budapest calendar", async () => {
    at('2026-11-26T23:30:00Z');
    const res = await shared.server.get(csvParams());
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="wellpoint_2026-10-29_2026-11-27.csv"');
    await res.body?.cancel();
  });

  it('answers the header only when date_start is after date_end', async () => {
    at(NOV_26.toISOString());
    expect(await csvText(shared.server, { date_start: '2026-11-20', date_end: '2026-11-19' })).toBe('device_id,device_name,period_start,IN,OUT\n');
  });

  it('keeps a safe filename: no line breaks or quotes, .csv added, non-ASCII via filename*', async () => {
    at(NOV_26.toISOString());
    const disposition = async (filename: string) => {
      const res = await shared.server.get(csvParams({ date_start: '2026-11-25', date_end: '2026-11-25', filename }));
      await res.body?.cancel();
      return { disposition: res.headers.get('content-disposition'), cookie: res.headers.get('set-cookie') };
    };
    expect(await disposition('report.csv')).toEqual({ disposition: 'attachment; filename="report.csv"', cookie: null });
    expect(await disposition('report')).toEqual({ disposition: 'attachment; filename="report.csv"', cookie: null });
    expect(await disposition('x"\r\nSet-Cookie: a=1\\.csv')).toEqual({ disposition: 'attachment; filename="xSet-Cookie: a=1.csv"', cookie: null });
    expect(await disposition('Kimutatás')).toEqual({ disposition: `attachment; filename="Kimutat_s.csv"; filename*=UTF-8''Kimutat%C3%A1s.csv`, cookie: null });
    expect(await disposition('"\r\n')).toEqual({ disposition: 'attachment; filename="wellpoint_2026-11-25_2026-11-25.csv"', cookie: null });
  });

  it('keeps only allowed devices from devicelist, and sends an empty file when none remain', async () => {
    at(NOV_26.toISOString());
    const list = await rows({ date_start: '2026-11-25', date_end: '2026-11-25', devicelist: '108,91,96,107,109,999' });
    expect(list.map((r) => r.id)).toEqual([91, 108]);
    const res = await shared.server.get(csvParams({ devicelist: '96,107,109' }));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(await res.text()).toBe('');
  });

  it('answers HEAD with the headers and starts no body', async () => {
    at(NOV_26.toISOString());
    const res = await fetch(shared.server.url(csvParams()), { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="wellpoint_2026-10-28_2026-11-26.csv"');
    expect(shared.server.sim.streams.open).toBe(0);
  });

  it('sends an empty CSV (0 bytes, still an attachment) to an account without PRO devices', async () => {
    at(NOV_26.toISOString());
    const res = await shared.server.get(csvParams({ user_access_key: NO_PRO_ACCESS_KEY }));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="wellpoint_.*\.csv"$/);
    expect((await res.arrayBuffer()).byteLength).toBe(0);
  });
});

describe('downloadcsv: resolutions and local periods', () => {
  it('writes day, hour, 5min and month periods in each device’s local time, ordered by period then device', async () => {
    at(NOV_26.toISOString());
    const day = await rows({ date_start: '2026-11-25', date_end: '2026-11-25', resolution: 'day' });
    expect(day.map((r) => [r.id, r.period])).toEqual(PRO_IDS.map((id) => [id, '2026-11-25']));

    const hour = await rows({ date_start: '2026-11-25', date_end: '2026-11-25', resolution: 'hour' });
    expect(hour).toHaveLength(24 * 12);
    expect(periodsOf(hour, 91)).toEqual(Array.from({ length: 24 }, (_, h) => `2026-11-25 ${String(h).padStart(2, '0')}:00`));
    expect(hour.slice(0, 12).map((r) => r.id)).toEqual(PRO_IDS);

    const fine = await rows({ date_start: '2026-11-25', date_end: '2026-11-25', resolution: '5min' });
    expect(fine).toHaveLength(288 * 12);
    const londonFine = await rows({
      user_access_key: LARGE_ACCESS_KEY,
      date_start: '2026-11-25',
      date_end: '2026-11-25',
      resolution: '5min',
      devicelist: `${LONDON}`,
    });
    expect(periodsOf(londonFine, LONDON).slice(0, 3)).toEqual(['2026-11-25 00:00', '2026-11-25 00:05', '2026-11-25 00:10']);
    expect(periodsOf(londonFine, LONDON).at(-1)).toBe('2026-11-25 23:55');
    expect(londonFine.find((r) => r.period === '2026-11-25 12:00')).toMatchObject(modelSum(LONDON, '2026-11-25T12:00:00Z', '2026-11-25T12:05:00Z'));

    const month = await rows({ date_start: '2026-09-15', date_end: '2026-11-26', resolution: 'month' });
    expect(month.map((r) => r.period)).toEqual([
      ...Array<string>(12).fill('2026-09'),
      ...Array<string>(12).fill('2026-10'),
      ...Array<string>(12).fill('2026-11'),
    ]);
    // A month row covers only the requested days of that month.
    const days = await rows({ date_start: '2026-09-15', date_end: '2026-09-30', resolution: 'day' });
    expect(month.find((r) => r.id === 91 && r.period === '2026-09')).toMatchObject(sumByDevice(days).get(91) ?? {});
  });

  it('counts each local period over its own UTC span (Budapest, London and New York in summer)', async () => {
    at(NOV_26.toISOString());
    const hour = await rows({ date_start: '2026-07-01', date_end: '2026-07-01', resolution: 'hour' });
    const at7 = hour.find((r) => r.id === 91 && r.period === '2026-07-01 07:00');
    expect(at7).toMatchObject(modelSum(91, '2026-07-01T05:00:00Z', '2026-07-01T06:00:00Z'));
    expect(at7?.in).toBeGreaterThan(0);
    const london = parseCanonicalCsv(
      await csvText(shared.server, {
        user_access_key: LARGE_ACCESS_KEY,
        date_start: '2026-07-01',
        date_end: '2026-07-01',
        resolution: 'hour',
        devicelist: `1001,${LONDON}`,
      }),
    ).rows;
    const budapestNoon = london.find((r) => r.id === 1001 && r.period === '2026-07-01 12:00');
    const londonNoon = london.find((r) => r.id === LONDON && r.period === '2026-07-01 12:00');
    expect(budapestNoon).toMatchObject(modelSum(1001, '2026-07-01T10:00:00Z', '2026-07-01T11:00:00Z'));
    expect(londonNoon).toMatchObject(modelSum(LONDON, '2026-07-01T11:00:00Z', '2026-07-01T12:00:00Z'));
    expect(londonNoon?.in).toBeGreaterThan(0);
    const ny = parseCanonicalCsv(
      await csvText(shared.server, { user_access_key: SINGLE_ACCESS_KEY, date_start: '2026-07-01', date_end: '2026-07-01', resolution: 'hour' }),
    ).rows;
    expect(ny[0]).toMatchObject({ id: 301, period: '2026-07-01 00:00', ...modelSum(301, '2026-07-01T04:00:00Z', '2026-07-01T05:00:00Z') });
    expect(ny[13]).toMatchObject({ id: 301, period: '2026-07-01 13:00', ...modelSum(301, '2026-07-01T17:00:00Z', '2026-07-01T18:00:00Z') });
  });

  it('omits periods that start after now; the current one holds what has counted so far', async () => {
    at(NOV_26.toISOString()); // 11:15:03 in Budapest, 10:15:03 in London
    const hour = await rows({ date_start: '2026-11-26', date_end: '2026-11-30', resolution: 'hour' });
    expect(periodsOf(hour, 91).at(-1)).toBe('2026-11-26 11:00');
    expect(periodsOf(hour, 91)).toHaveLength(12);
    const london = await rows({
      user_access_key: LARGE_ACCESS_KEY,
      date_start: '2026-11-26',
      date_end: '2026-11-30',
      resolution: 'hour',
      devicelist: `${LONDON}`,
    });
    expect(periodsOf(london, LONDON).at(-1)).toBe('2026-11-26 10:00');
    expect(hour.find((r) => r.id === 91 && r.period === '2026-11-26 11:00')).toMatchObject(modelSum(91, '2026-11-26T10:00:00Z', '2026-11-26T10:15:00Z'));
    const fine = await rows({ date_start: '2026-11-26', date_end: '2026-11-26', resolution: '5min', devicelist: '91' });
    expect(fine.at(-1)).toMatchObject({ period: '2026-11-26 11:15', in: 0, out: 0 });
  });

  it('has 23 hourly rows on the spring-forward day and 25 on the fall-back day', async () => {
    at(NOV_26.toISOString());
    const spring = await rows({ date_start: '2026-03-29', date_end: '2026-03-29', resolution: 'hour' });
    for (const id of PRO_IDS) expect(periodsOf(spring, id)).toHaveLength(23);
    expect(periodsOf(spring, 91)).not.toContain('2026-03-29 02:00');
    const londonSpring = await rows({
      user_access_key: LARGE_ACCESS_KEY,
      date_start: '2026-03-29',
      date_end: '2026-03-29',
      resolution: 'hour',
      devicelist: `${LONDON}`,
    });
    expect(periodsOf(londonSpring, LONDON)).toHaveLength(23);
    expect(periodsOf(londonSpring, LONDON)).not.toContain('2026-03-29 01:00');

    const autumn = await rows({ date_start: '2026-10-25', date_end: '2026-10-25', resolution: 'hour' });
    for (const id of PRO_IDS) expect(periodsOf(autumn, id)).toHaveLength(25);
    expect(periodsOf(autumn, 91).filter((p) => p === '2026-10-25 02:00')).toHaveLength(2);
    const londonAutumn = await rows({
      user_access_key: LARGE_ACCESS_KEY,
      date_start: '2026-10-25',
      date_end: '2026-10-25',
      resolution: 'hour',
      devicelist: `${LONDON}`,
    });
    expect(periodsOf(londonAutumn, LONDON).filter((p) => p === '2026-10-25 01:00')).toHaveLength(2);
    // The repeated hour: the summer-time one first, then the winter-time one.
    const twice = autumn.filter((r) => r.id === 95 && r.period === '2026-10-25 02:00');
    expect(twice[0]).toMatchObject(modelSum(95, '2026-10-25T00:00:00Z', '2026-10-25T01:00:00Z'));
    expect(twice[1]).toMatchObject(modelSum(95, '2026-10-25T01:00:00Z', '2026-10-25T02:00:00Z'));

    const fine = await rows({ date_start: '2026-10-25', date_end: '2026-10-25', resolution: '5min', devicelist: '91' });
    expect(fine).toHaveLength(25 * 12);
    const day = await rows({ date_start: '2026-10-25', date_end: '2026-10-25', resolution: 'day' });
    expect(sumByDevice(autumn)).toEqual(sumByDevice(day));
  });
});

describe('downloadcsv agrees with getoccupancy', () => {
  async function compare(opts: { key?: string; ids: number[]; shift: string; dateStart: string; csvStart: string; csvEnd: string }) {
    const occ = await occupancyJson(shared.server, {
      user_access_key: opts.key,
      date_start: opts.dateStart,
      timezoneshift_start: opts.shift,
      devicelist: opts.ids.join(','),
    });
    const want = new Map(occ.data.map((r) => [r.device_id, { in: r.IN, out: r.OUT }]));
    expect(want.size).toBe(opts.ids.length);
    for (const resolution of ['5min', 'hour', 'day', 'month']) {
      const text = await csvText(shared.server, {
        user_access_key: opts.key,
        date_start: opts.csvStart,
        date_end: opts.csvEnd,
        resolution,
        devicelist: opts.ids.join(','),
      });
      expect({ resolution, sums: sumByDevice(parseCanonicalCsv(text).rows) }).toEqual({ resolution, sums: want });
    }
  }

  it('for Budapest devices from local midnight (shift 1 in winter) until now', async () => {
    at(NOV_26.toISOString());
    await compare({ ids: PRO_IDS, shift: '1', dateStart: '2026-11-25', csvStart: '2026-11-25', csvEnd: '2026-11-26' });
  });

  it('for London devices (shift 0) and for New York (shift −5)', async () => {
    at(NOV_26.toISOString());
    await compare({ key: LARGE_ACCESS_KEY, ids: LONDON_IDS, shift: '0', dateStart: '2026-11-24', csvStart: '2026-11-24', csvEnd: '2026-11-30' });
    await compare({ key: SINGLE_ACCESS_KEY, ids: [301], shift: '-5', dateStart: '2026-11-25', csvStart: '2026-11-25', csvEnd: '2026-11-26' });
  });

  it('in summer, across the month boundary (shift 2)', async () => {
    at('2026-08-01T09:41:00Z');
    await compare({ ids: [91, 92, 95, 105], shift: '2', dateStart: '2026-07-30', csvStart: '2026-07-30', csvEnd: '2026-08-01' });
  });
});

describe('downloadcsv: file shapes', () => {
  const one = { date_start: '2026-11-25', date_end: '2026-11-25', resolution: 'hour', devicelist: '93,94' };

  async function shaped(patch: Parameters<TestServer['sim']['setShape']>[0], extra = one): Promise<string> {
    shared.server.sim.resetShape();
    shared.server.sim.setShape(patch);
    try {
      return await csvText(shared.server, extra);
    } finally {
      shared.server.sim.resetShape();
    }
  }

  it('can use ; as the delimiter (quoting only what then needs it)', async () => {
    at(NOV_26.toISOString());
    const lines = (await shaped({ csv: { delimiter: ';' } })).split('\n');
    expect(lines[0]).toBe('device_id;device_name;period_start;IN;OUT');
    expect(lines[1]).toMatch(/^93;Library door, ground floor;2026-11-25 00:00;\d+;\d+$/);
    expect(lines[2]).toMatch(/^94;"Reading room ""Quiet"" door";2026-11-25 00:00;\d+;\d+$/);
  });

  it('can lead with a UTF-8 BOM and end lines with CRLF', async () => {
    at(NOV_26.toISOString());
    shared.server.sim.setShape({ csv: { bom: true, crlf: true } });
    try {
      const bytes = new Uint8Array(await (await shared.server.get(csvParams(one))).arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
      expect(text.startsWith('\uFEFFdevice_id,device_name,period_start,IN,OUT\r\n')).toBe(true);
      expect(text.split('\r\n')).toHaveLength(2 * 24 + 2);
      expect(text.replaceAll('\r\n', '')).not.toContain('\n');
    } finally {
      shared.server.sim.resetShape();
    }
  });

  it('can quote every field', async () => {
    at(NOV_26.toISOString());
    const lines = (await shaped({ csv: { quoteAll: true } })).split('\n');
    expect(lines[0]).toBe('"device_id","device_name","period_start","IN","OUT"');
    expect(lines[1]).toMatch(/^"93","Library door, ground floor","2026-11-25 00:00","\d+","\d+"$/);
  });

  it('can write the header in lower or upper case and name the time column differently', async () => {
    at(NOV_26.toISOString());
    expect((await shaped({ csv: { headerCase: 'lower' } })).split('\n')[0]).toBe('device_id,device_name,period_start,in,out');
    expect((await shaped({ csv: { headerCase: 'upper' } })).split('\n')[0]).toBe('DEVICE_ID,DEVICE_NAME,PERIOD_START,IN,OUT');
    for (const timeColumn of ['period', 'date', 'datetime', 'timestamp', 'time'] as const) {
      expect((await shaped({ csv: { timeColumn } })).split('\n')[0]).toBe(`device_id,device_name,${timeColumn},IN,OUT`);
    }
  });

  it('can split the period into date and time columns, and write dotted dates', async () => {
    at(NOV_26.toISOString());
    const split = (await shaped({ csv: { splitDateTime: true } })).split('\n');
    expect(split[0]).toBe('device_id,device_name,date,time,IN,OUT');
    expect(split[3]).toMatch(/^93,"Library door, ground floor",2026-11-25,01:00,\d+,\d+$/);
    const daily = (await shaped({ csv: { splitDateTime: true } }, { ...one, resolution: 'day' })).split('\n');
    expect(daily[1]).toMatch(/^93,"Library door, ground floor",2026-11-25,00:00,\d+,\d+$/);
    const dotted = (await shaped({ csv: { dottedDate: true } })).split('\n');
    expect(dotted[3]).toMatch(/^93,"Library door, ground floor",2026\.11\.25 01:00,\d+,\d+$/);
    const monthly = (await shaped({ csv: { dottedDate: true } }, { ...one, resolution: 'month' })).split('\n');
    expect(monthly[1]).toMatch(/^93,"Library door, ground floor",2026\.11,\d+,\d+$/);
  });

  it('quotes a name holding ; when ; is the delimiter', async () => {
    const account: Account = {
      key: 'sim-test-key',
      label: 'test',
      devices: [{ ...SINGLE_ACCOUNT.devices[0], id: 7, name: 'Hall; east', timeZone: 'Europe/Budapest' } as Account['devices'][number]],
    };
    const own = await startTestServer({ accounts: [account] });
    try {
      own.sim.setShape({ csv: { delimiter: ';' } });
      const text = await csvText(own, { user_access_key: 'sim-test-key', date_start: '2026-11-25', date_end: '2026-11-25' });
      expect(text.split('\n')[1]).toMatch(/^7;"Hall; east";2026-11-25;\d+;\d+$/);
    } finally {
      await own.close();
    }
  });
});
