import { describe, expect, it } from 'vitest';
import { parseHistoryCsv, parsePeriod } from './history-csv';
import { UpstreamError } from './upstream-error';

const TZ = 'Europe/Budapest';

function streamOf(text: string | Uint8Array, chunkSize = 7): ReadableStream<Uint8Array> {
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  let offset = 0;
  // Small chunks: rows, quotes and the BOM are split across reads, as on a real socket.
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(offset, offset + chunkSize));
      offset += chunkSize;
    },
  });
}

const parseText = (text: string, resolution: 'day' | 'hour' | '5min' | 'month' = 'hour') => parseHistoryCsv(streamOf(text), { timezone: TZ, resolution });

const expected = [
  {
    id: 91,
    name: 'Main entrance',
    points: [
      { start: '2026-11-25T14:00:00+01:00', in: 37, out: 29 },
      { start: '2026-11-25T15:00:00+01:00', in: 40, out: 41 },
    ],
  },
  { id: 92, name: 'Café, ground floor', points: [{ start: '2026-11-25T14:00:00+01:00', in: 3, out: 5 }] },
];

describe('parseHistoryCsv', () => {
  it('reads the canonical layout', async () => {
    const csv =
      'device_id,device_name,period_start,IN,OUT\n91,Main entrance,2026-11-25 14:00,37,29\n92,"Café, ground floor",2026-11-25 14:00,3,5\n91,Main entrance,2026-11-25 15:00,40,41\n';
    expect(await parseText(csv)).toEqual(expected);
  });

  it.each([
    [
      'semicolons, with an unquoted comma in a name',
      'device_id;device_name;period_start;IN;OUT\n91;Main entrance;2026-11-25 14:00;37;29\n92;Café, ground floor;2026-11-25 14:00;3;5\n91;Main entrance;2026-11-25 15:00;40;41\n',
    ],
    [
      'a BOM and CRLF line ends',
      '\uFEFFdevice_id,device_name,period_start,IN,OUT\r\n91,Main entrance,2026-11-25 14:00,37,29\r\n92,"Café, ground floor",2026-11-25 14:00,3,5\r\n91,Main entrance,2026-11-25 15:00,40,41\r\n',
    ],
    [
      'every field quoted, upper-case header',
      '"DEVICE_ID","DEVICE_NAME","PERIOD_START","IN","OUT"\n"91","Main entrance","2026-11-25 14:00","37","29"\n"92","Café, ground floor","2026-11-25 14:00","3","5"\n"91","Main entrance","2026-11-25 15:00","40","41"\n',
    ],
    [
      'lower-case header, time column called timestamp',
      'device_id,device_name,timestamp,in,out\n91,Main entrance,2026-11-25 14:00,37,29\n92,"Café, ground floor",2026-11-25 14:00,3,5\n91,Main entrance,2026-11-25 15:00,40,41\n',
    ],
    [
      'split date + time columns with dotted dates',
      'Device_ID;Device_Name;Date;Time;In;Out\n91;Main entrance;2026.11.25;14:00;37;29\n92;"Café, ground floor";2026.11.25;14:00;3;5\n91;Main entrance;2026.11.25;15:00;40;41\n',
    ],
    [
      'column order changed, quotes doubled inside',
      'IN,OUT,datetime,id,name\n37,29,2026-11-25 14:00,91,Main entrance\n3,5,2026-11-25 14:00,92,"Café, ground floor"\n40,41,2026-11-25 15:00,91,Main entrance\n',
    ],
  ])('reads %s', async (_label, csv) => {
    expect(await parseText(csv)).toEqual(expected);
  });

  it.each(['period', 'date', 'datetime', 'timestamp', 'time', 'period_start'])('accepts the time column named %s', async (col) => {
    const csv = `device_id,device_name,${col},IN,OUT\n91,Main entrance,2026-11-25 14:00,37,29\n`;
    expect((await parseText(csv))[0]?.points[0]?.start).toBe('2026-11-25T14:00:00+01:00');
  });

  it('reads day and month periods as the local start of the day or month', async () => {
    expect((await parseText('device_id,device_name,date,IN,OUT\n91,A,2026-07-01,1,2\n', 'day'))[0]?.points[0]?.start).toBe('2026-07-01T00:00:00+02:00');
    expect((await parseText('device_id,device_name,period,IN,OUT\n91,A,2026-11,1,2\n', 'month'))[0]?.points[0]?.start).toBe('2026-11-01T00:00:00+01:00');
  });

  it('keeps the 25 hours of the day DST ends, the repeated hour as two instants', async () => {
    const rows = ['device_id,device_name,period_start,IN,OUT'];
    const hours = ['00', '01', '02', '02', ...Array.from({ length: 21 }, (_, i) => String(i + 3).padStart(2, '0'))];
    for (const h of hours) rows.push(`91,A,2026-10-25 ${h}:00,1,1`);
    const [series] = await parseText(rows.join('\n'));
    expect(series?.points).toHaveLength(25);
    expect(series?.points.slice(2, 4).map((p) => p.start)).toEqual(['2026-10-25T02:00:00+02:00', '2026-10-25T02:00:00+01:00']);
    const instants = series!.points.map((p) => Date.parse(p.start));
    expect(instants.every((t, i) => i === 0 || t - instants[i - 1]! === 3_600_000)).toBe(true);
  });

  it('has 23 hours on the day DST starts', async () => {
    const rows = ['device_id,device_name,period_start,IN,OUT'];
    for (let h = 0; h < 24; h++) if (h !== 2) rows.push(`91,A,2026-03-29 ${String(h).padStart(2, '0')}:00,1,1`);
    const [series] = await parseText(rows.join('\n'));
    expect(series?.points).toHaveLength(23);
    expect(series?.points[2]?.start).toBe('2026-03-29T03:00:00+02:00');
  });

  it('gives no series for an empty file or a header alone', async () => {
    expect(await parseText('')).toEqual([]);
    expect(await parseText('device_id,device_name,period_start,IN,OUT\r\n')).toEqual([]);
  });

  it.each([
    ['no IN column', 'device_id,device_name,period_start,ENTERED,OUT\n91,A,2026-11-25 14:00,1,1\n', /IN/],
    ['no period column', 'device_id,device_name,IN,OUT\n91,A,1,1\n', /period/],
    ['a count that is not a number', 'device_id,device_name,period_start,IN,OUT\n91,A,2026-11-25 14:00,many,1\n', /line 2: IN or OUT/],
    ['a negative count', 'device_id,device_name,period_start,IN,OUT\n91,A,2026-11-25 14:00,-1,1\n', /IN or OUT/],
    ['an id that is not a number', 'device_id,device_name,period_start,IN,OUT\nabc,A,2026-11-25 14:00,1,1\n', /device id/],
    ['a period that is not a date', 'device_id,device_name,period_start,IN,OUT\n91,A,yesterday,1,1\n', /period/],
    ['an impossible date', 'device_id,device_name,period_start,IN,OUT\n91,A,2026-02-30 10:00,1,1\n', /real date/],
    ['a row with too few fields', 'device_id,device_name,period_start,IN,OUT\n91,A,2026-11-25 14:00,1\n', /not a CSV/],
    ['an unclosed quote', 'device_id,device_name,period_start,IN,OUT\n91,"A,2026-11-25 14:00,1,1\n', /not a CSV/],
  ])('rejects %s as upstream_format', async (_label, csv, detail) => {
    const error = await parseText(csv).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamError);
    expect((error as UpstreamError).code).toBe('upstream_format');
    expect((error as UpstreamError).detail).toMatch(detail);
  });
});

describe('parsePeriod', () => {
  it.each([
    ['2026-11-25 14:05', { date: '2026-11-25', time: '14:05' }],
    ['2026.11.25 9:05', { date: '2026-11-25', time: '09:05' }],
    ['2026-11-25T14:05:00', { date: '2026-11-25', time: '14:05' }],
    ['2026-11-25', { date: '2026-11-25', time: '00:00' }],
    ['2026-11', { date: '2026-11-01', time: '00:00' }],
    ['25/11/2026', null],
  ])('%s', (text, result) => {
    expect(parsePeriod(text)).toEqual(result);
  });
});

describe('parseHistoryCsv with devices in other zones', () => {
  it('reads each device’s periods in its own zone and writes every start in the site’s', async () => {
    const csv = 'device_id,device_name,period_start,IN,OUT\n91,Budapest door,2026-11-25 14:00,1,1\n108,London shop,2026-11-25 14:00,2,2\n';
    const series = await parseHistoryCsv(streamOf(csv), { timezone: TZ, resolution: 'hour', zoneOf: (id) => (id === 108 ? 'Europe/London' : TZ) });
    expect(series.map((s) => [s.id, s.points[0]?.start])).toEqual([
      [91, '2026-11-25T14:00:00+01:00'],
      [108, '2026-11-25T15:00:00+01:00'],
    ]);
  });
});
