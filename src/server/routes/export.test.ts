// GET /api/export through app.request(), against the WELLPOINT simulator: strict validation before
// the vendor is asked, RFC 6266 filenames, vendor failures as JSON errors before any byte, a
// failure half-way as a failed download, and the vendor's bytes passed through unchanged.
import { get as httpGet } from 'node:http';
import { describe, expect, it, vi } from 'vitest';
import { DEMO_ACCESS_KEY, LARGE_ACCESS_KEY, NO_PRO_ACCESS_KEY, SINGLE_ACCESS_KEY, type Simulator } from '@/simulator';
import { MAX_FILENAME_INPUT, safeFilename } from '@/shared/export-query';
import { VENDOR_URL, apiError, demoBff, keyedBff, listen, newSimulator, readAll } from '../test/support';
import { HANDOFF_TTL_MS, MAX_UNCLAIMED_PER_CLIENT, defaultExportFilename } from './export';

const decoder = new TextDecoder();

/** The simulator's own bytes for these downloadcsv parameters. */
async function vendorBytes(sim: Simulator, params: Record<string, string>, key = DEMO_ACCESS_KEY): Promise<Uint8Array> {
  const url = new URL(VENDOR_URL);
  for (const [k, v] of Object.entries({ action: 'downloadcsv', user_access_key: key, ...params })) url.searchParams.set(k, v);
  const res = await sim.fetch(url);
  expect(res.status).toBe(200);
  const { bytes, error } = await readAll(res);
  expect(error).toBeNull();
  return bytes;
}

describe('GET /api/export: validation before the vendor is asked', () => {
  // Today in Budapest is 2026-11-26.
  const cases: [string, string, string, string][] = [
    ['no parameters', '', 'from', 'Start date is required (YYYY-MM-DD).'],
    ['no end date', 'from=2026-11-01', 'to', 'End date is required (YYYY-MM-DD).'],
    ['an empty start date', 'from=&to=2026-11-02', 'from', 'Start date is required (YYYY-MM-DD).'],
    ['a word for a date', 'from=yesterday&to=2026-11-02', 'from', 'Start date must be a real date written as YYYY-MM-DD.'],
    ['a European date', 'from=01.11.2026&to=2026-11-02', 'from', 'Start date must be a real date written as YYYY-MM-DD.'],
    ['a date with a time', 'from=2026-11-01T00:00&to=2026-11-02', 'from', 'Start date must be a real date written as YYYY-MM-DD.'],
    ['30 February', 'from=2026-02-30&to=2026-03-02', 'from', 'Start date must be a real date written as YYYY-MM-DD.'],
    ['31 November', 'from=2026-11-01&to=2026-11-31', 'to', 'End date must be a real date written as YYYY-MM-DD.'],
    ['month 13', 'from=2026-13-01&to=2026-11-02', 'from', 'Start date must be a real date written as YYYY-MM-DD.'],
    ['from after to', 'from=2026-11-20&to=2026-11-10', 'to', 'End date is before the start date.'],
    ['a start in the future', 'from=2026-11-27&to=2026-11-28', 'from', 'Start date is in the future (today is 2026-11-26).'],
    ['367 days of 5-minute rows', 'from=2025-11-25&to=2026-11-26&resolution=5min', 'to', 'A 5-minute export covers at most 366 days; this range has 367.'],
    ['1097 days of hourly rows', 'from=2023-11-25&to=2026-11-25&resolution=hour', 'to', 'A hourly export covers at most 1096 days; this range has 1097.'],
    ['an unknown resolution', 'from=2026-11-01&to=2026-11-02&resolution=week', 'resolution', 'Resolution must be one of day, hour, 5min or month.'],
    ['a resolution in capitals', 'from=2026-11-01&to=2026-11-02&resolution=DAY', 'resolution', 'Resolution must be one of day, hour, 5min or month.'],
    [
      'a device name',
      'from=2026-11-01&to=2026-11-02&devices=abc',
      'devices',
      'Device ids must be positive whole numbers separated by commas; "abc" is not one.',
    ],
    ['device id zero', 'from=2026-11-01&to=2026-11-02&devices=91,0', 'devices', '"0" is not one.'],
    ['a negative device id', 'from=2026-11-01&to=2026-11-02&devices=-91', 'devices', '"-91" is not one.'],
    ['a fractional device id', 'from=2026-11-01&to=2026-11-02&devices=91.5', 'devices', '"91.5" is not one.'],
    ['an empty item in the list', 'from=2026-11-01&to=2026-11-02&devices=91,,92', 'devices', '"" is not one.'],
    ['another separator', 'from=2026-11-01&to=2026-11-02&devices=91;92', 'devices', '"91;92" is not one.'],
    ['a ten-digit id', 'from=2026-11-01&to=2026-11-02&devices=1234567890', 'devices', '"1234567890" is not one.'],
    [
      '501 devices',
      `from=2026-11-01&to=2026-11-02&devices=${Array.from({ length: 501 }, (_, i) => i + 1).join(',')}`,
      'devices',
      'At most 500 devices can be exported at once.',
    ],
  ];

  const { app, sim } = demoBff();

  it.each(cases)('%s: 400 bad_request naming the field, the vendor not asked', async (_label, query, field, message) => {
    const before = { ...sim.calls };
    const res = await app.request(`/api/export?${query}`);
    expect(res.status).toBe(400);
    const error = await apiError(res);
    expect(error).toMatchObject({ code: 'bad_request', field });
    expect(error.message).toContain(message);
    expect(res.headers.get('content-disposition')).toBeNull();
    expect(sim.calls).toEqual(before);
  });

  it('never asked the vendor for any of them', () => {
    expect(sim.calls.downloadcsv).toBe(0);
  });

  it.each([
    ['366 days of 5-minute rows', 'from=2025-11-26&to=2026-11-26&resolution=5min'],
    ['1096 days of hourly rows', 'from=2023-11-26&to=2026-11-25&resolution=hour'],
    ['a range ending in the future', 'from=2026-11-26&to=2026-12-31'],
  ])('accepts %s', async (_label, query) => {
    const res = await app.request(`/api/export?${query}`);
    expect(res.status).toBe(200);
    await res.body?.cancel();
  });
});

/**
 * RFC 6266 as we produce it: `attachment; filename="<printable ASCII, no quote or backslash>"`,
 * optionally `; filename*=UTF-8''<RFC 5987 attr-chars and %XX>`. Returns the name a browser saves.
 */
function parseAttachment(header: string | null): { fallback: string; name: string } {
  expect(header).not.toBeNull();
  const m = /^attachment; filename="([\x20\x21\x23-\x5b\x5d-\x7e]*)"(?:; filename\*=UTF-8''((?:[A-Za-z0-9!#$&+.^_`|~-]|%[0-9A-F]{2})+))?$/.exec(header ?? '');
  if (m === null) throw new Error(`malformed Content-Disposition: ${JSON.stringify(header)}`);
  const fallback = m[1] ?? '';
  return { fallback, name: m[2] === undefined ? fallback : decodeURIComponent(m[2]) };
}

/** A name no file system or browser can read as a path, a second parameter or a hidden file. */
function expectSafe(name: string) {
  expect(name).toMatch(/^[\p{L}\p{N}(][\p{L}\p{N} ._()-]*\.csv$/u);
  expect(Array.from(name).length).toBeLessThanOrEqual(100);
}

/** The plain-ASCII fallback for old clients: the same safe set, non-ASCII letters as `_`. */
function expectSafeFallback(name: string) {
  expect(name).toMatch(/^[A-Za-z0-9_(][A-Za-z0-9 ._()-]*\.csv$/);
  expect(name.length).toBeLessThanOrEqual(100);
}

describe('GET /api/export: the download filename (RFC 6266)', () => {
  const { app } = demoBff();
  const download = async (filename: string | null) => {
    const query = `from=2026-11-25&to=2026-11-26${filename === null ? '' : `&filename=${encodeURIComponent(filename)}`}`;
    const res = await app.request(`/api/export?${query}`);
    expect(res.status).toBe(200);
    await res.body?.cancel();
    return parseAttachment(res.headers.get('content-disposition'));
  };

  it('a plain name is used as it is, with no filename*', async () => {
    const plain = await app.request('/api/export?from=2026-11-25&to=2026-11-26&filename=november.csv');
    await plain.body?.cancel();
    expect(plain.headers.get('content-disposition')).toBe('attachment; filename="november.csv"');
    expect(await download('Occupancy report (November)')).toEqual({ fallback: 'Occupancy report (November).csv', name: 'Occupancy report (November).csv' });
  });

  it('without a name: the site, the range and the resolution', async () => {
    expect(await download(null)).toEqual({
      fallback: 'riverside-leisure-centre-demo_2026-11-25_2026-11-26_day.csv',
      name: 'riverside-leisure-centre-demo_2026-11-25_2026-11-26_day.csv',
    });
  });

  it.each([
    ['Résumé é', 'Resume e.csv', 'Résumé é.csv'],
    ['日本語レポート', '_______.csv', '日本語レポート.csv'],
    ['Zürich 2026 – Q4', 'Zurich 2026 _ Q4.csv', 'Zürich 2026 _ Q4.csv'],
  ])('non-ASCII %j: an ASCII fallback and the exact name in filename*', async (wish, fallback, name) => {
    const got = await download(wish);
    expect(got).toEqual({ fallback, name });
    expectSafe(got.name);
    expectSafeFallback(got.fallback);
  });

  it.each([
    ['quotes', 'my "best" report'],
    ['a second parameter', 'x.csv"; filename="evil.exe'],
    ['a semicolon', 'a;b'],
    ['CR/LF and a header', 'report\r\nSet-Cookie: session=1'],
    ['a Unix path', '../../etc/passwd'],
    ['a Windows path', '..\\..\\Windows\\win.ini'],
    ['an absolute path', '/var/log/x.csv'],
    ['only dots', '..'],
    ['a hidden file', '.bashrc'],
    ['percent escapes', '%2e%2e%2fetc%2fpasswd'],
    ['a right-to-left override', 'invoice\u202Efdp.exe'],
    ['NUL and control characters', 'a\u0000b\u0007c\u001b[31m'],
    ['a long name (the longest accepted)', 'x'.repeat(MAX_FILENAME_INPUT)],
    ['a long non-ASCII name', '日'.repeat(MAX_FILENAME_INPUT)],
    ['a long run of dots between letters', `a${'.'.repeat(MAX_FILENAME_INPUT - 2)}b`],
    ['an emoji', '📊 report'],
    ['HTML', '<script>alert(1)</script>'],
  ])('hostile (%s): a well-formed header and a safe name', async (_label, wish) => {
    const got = await download(wish);
    expectSafe(got.name);
    expectSafeFallback(got.fallback);
    expect(got.name).toBe(safeFilename(wish) ?? 'riverside-leisure-centre-demo_2026-11-25_2026-11-26_day.csv');
    expect(got.name).not.toMatch(/[/\\"';\p{Cc}\p{Cf}]/u);
  });
});

describe('defaultExportFilename', () => {
  it.each([
    ['Riverside Centre (demo)', 'riverside-centre-demo'],
    ['  --Zürich -- Nord--  ', 'zürich-nord'],
    ['!!!', 'occupancy'],
    [`a${'-'.repeat(5000)}b`, 'a-b'],
  ])('%j → %j', (site, slug) => {
    expect(defaultExportFilename(site, '2026-11-01', '2026-11-02', 'day')).toBe(`${slug}_2026-11-01_2026-11-02_day.csv`);
  });
});

describe('GET /api/export: an over-long filename is refused before any work on it', () => {
  const { app, sim } = demoBff();
  const run = (n: number, unit: string) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
  // 16 KB in the shapes that made a trimming regular expression backtrack: a run of characters
  // trimmed at the end with a letter on either side (see export-query.test.ts).
  const hostile: [string, string][] = [
    ['dots', `a${run(16_000, '.')}b`],
    ['spaces', `a${run(16_000, ' ')}b`],
    ['a -_. mix', `a${run(16_000, '-_.')}b`],
    ['dots and spaces', `a${run(16_000, '. ')}b`],
    ['combining marks', `a${run(16_000, '\u0301')}b`],
    ['marks between dots', `a${run(16_000, '.\u0301')}b`],
    ['one character over the limit', 'x'.repeat(MAX_FILENAME_INPUT + 1)],
  ];

  it.each(hostile)('%s: 400 bad_request on filename, naming the limit, the vendor not asked', async (_label, name) => {
    const res = await app.request(`/api/export?from=2026-11-20&to=2026-11-26&filename=${encodeURIComponent(name)}`);
    expect(res.status).toBe(400);
    expect(await apiError(res)).toEqual({
      code: 'bad_request',
      field: 'filename',
      message: `A file name may be at most ${MAX_FILENAME_INPUT} characters long.`,
    });
    expect(res.headers.get('content-disposition')).toBeNull();
    expect(sim.calls.downloadcsv).toBe(0);
  });

  it('the dates are checked first: a bad date is the answer, whatever the name', async () => {
    const res = await app.request(`/api/export?from=2026-02-30&to=2026-11-26&filename=a${'.'.repeat(16_000)}b`);
    expect(res.status).toBe(400);
    expect(await apiError(res)).toMatchObject({ code: 'bad_request', field: 'from' });
  });
});

describe('GET /api/export: vendor failures before the first byte', () => {
  const query = '/api/export?from=2026-11-01&to=2026-11-26';

  it('a wrong key: 502 upstream_auth', async () => {
    const { app, sim } = keyedBff('not-a-key');
    const res = await app.request(query);
    expect(res.status).toBe(502);
    expect((await apiError(res)).code).toBe('upstream_auth');
    expect(res.headers.get('content-disposition')).toBeNull();
    expect(sim.calls).toMatchObject({ downloadcsv: 1, auth_failures: 1 });
  });

  it('a wrong key is not asked again during the back-off, by an export or the history, and says when it will be', async () => {
    const { app, sim } = keyedBff('not-a-key');
    expect((await app.request(query)).status).toBe(502);
    const again = await app.request(query);
    expect(again.status).toBe(502);
    expect(await apiError(again)).toMatchObject({ code: 'upstream_auth', retryInSeconds: 60 });
    expect(again.headers.get('retry-after')).toBe('60');
    expect((await app.request('/api/history?from=2026-11-20&to=2026-11-26')).status).toBe(502);
    expect(sim.calls).toMatchObject({ downloadcsv: 1, auth_failures: 1 });
    sim.clock.setFixed(new Date(sim.clock.now().getTime() + 61_000));
    expect((await app.request(query)).status).toBe(502);
    expect(sim.calls).toMatchObject({ downloadcsv: 2 });
  });

  it('clearing the simulator’s faults in a test run also forgets the back-off (each test starts afresh)', async () => {
    const { app, sim } = demoBff({ SIMULATOR_CONTROL: 'true' });
    sim.setFaults({ status: 503 });
    expect((await app.request(query)).status).toBe(503);
    expect((await app.request(query)).status).toBe(503);
    expect(sim.calls.downloadcsv).toBe(1);
    expect((await app.request('/__sim/faults', { method: 'DELETE' })).status).toBe(200);
    const res = await app.request(query);
    expect(res.status).toBe(200);
    await res.body?.cancel();
    expect(sim.calls.downloadcsv).toBe(2);
  });

  it('a failing vendor is left alone for its back-off, then asked again and the export goes through', async () => {
    const { app, sim } = demoBff();
    sim.setFaults({ status: 503 });
    expect((await app.request(query)).status).toBe(503);
    const blocked = await app.request(query);
    expect(blocked.status).toBe(503);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(sim.calls.downloadcsv).toBe(1);
    sim.setFaults({ status: null });
    sim.clock.setFixed(new Date(sim.clock.now().getTime() + 5 * 60_000));
    const res = await app.request(query);
    expect(res.status).toBe(200);
    await res.body?.cancel();
    expect(sim.calls.downloadcsv).toBe(2);
  });

  it.each([
    ['vendor HTTP 500', { status: 500 }],
    ['vendor HTTP 502', { status: 502 }],
    ['vendor HTTP 503', { status: 503 }],
    ['a reset', { reset: true }],
  ])('%s: 503 upstream_unavailable', async (_name, fault) => {
    const { app, sim } = demoBff();
    sim.setFaults(fault);
    const res = await app.request(query);
    expect(res.status).toBe(503);
    expect((await apiError(res)).code).toBe('upstream_unavailable');
  });

  it('the vendor’s HTML page instead of CSV: 502 upstream_auth, no file', async () => {
    const { app, sim } = demoBff();
    sim.setFaults({ html: true });
    const res = await app.request(query);
    expect(res.status).toBe(502);
    expect((await apiError(res)).code).toBe('upstream_auth');
    expect(res.headers.get('content-disposition')).toBeNull();
  });

  it('no first byte within UPSTREAM_TIMEOUT_MS: 504 upstream_timeout', async () => {
    const { app, sim } = demoBff({ UPSTREAM_TIMEOUT_MS: '1000' });
    // The vendor would answer after a minute: an answer within the test's time can only be the limit's.
    sim.setFaults({ latencyMs: 60_000 });
    const started = performance.now();
    const res = await app.request(query);
    expect(res.status).toBe(504);
    expect((await apiError(res)).code).toBe('upstream_timeout');
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('an account without PRO devices (an empty CSV): 404 no_pro_devices', async () => {
    const { app, sim } = keyedBff(NO_PRO_ACCESS_KEY);
    expect((await vendorBytes(sim, { date_start: '2026-11-01', date_end: '2026-11-26' }, NO_PRO_ACCESS_KEY)).length).toBe(0);
    const res = await app.request(query);
    expect(res.status).toBe(404);
    expect(await apiError(res)).toEqual({
      code: 'no_pro_devices',
      message: 'The WELLPOINT account has no PRO-plan devices; only PRO devices are available through the WELLPOINT API.',
    });
  });

  it('chosen devices that are not PRO devices of the account: 404 no_data about the devices, not the plan of the account', async () => {
    const { app, sim } = demoBff();
    // 96 is a LITE device of the demo account, 999 unknown: the vendor drops both and answers an empty CSV.
    expect((await vendorBytes(sim, { date_start: '2026-11-01', date_end: '2026-11-26', devicelist: '96,999' })).length).toBe(0);
    const res = await app.request(`${query}&devices=96,999`);
    expect(res.status).toBe(404);
    expect(await apiError(res)).toEqual({
      code: 'no_data',
      field: 'devices',
      message: 'None of the chosen devices is a PRO-plan device of this WELLPOINT account, so there is nothing to export.',
    });
  });

  it('a JSON answer where CSV belongs: 502 upstream_auth (the vendor: anything but CSV means not allowed)', async () => {
    const json = (body: string) => () => Promise.resolve(new Response(body, { status: 200, headers: { 'content-type': 'application/json' } }));
    for (const body of ['{"error":"no access"}', '[]', '\uFEFF {"status":0}']) {
      const { app } = keyedBff('k', { fetch: json(body) });
      const res = await app.request(query);
      expect(res.status).toBe(502);
      expect((await apiError(res)).code).toBe('upstream_auth');
    }
  });

  it('a range with no rows yet (only the header): 404 no_data', async () => {
    // 01:30 in Budapest is 19:30 of the day before in New York: the New York store has no
    // period of "today" yet, so the vendor answers the header row only.
    const sim = newSimulator();
    sim.clock.setFixed(new Date('2026-11-26T00:30:00Z'));
    const { app } = keyedBff(SINGLE_ACCESS_KEY, { sim });
    const header = decoder.decode(await vendorBytes(sim, { date_start: '2026-11-26', date_end: '2026-11-26' }, SINGLE_ACCESS_KEY));
    expect(header).toBe('device_id,device_name,period_start,IN,OUT\n');
    const res = await app.request('/api/export?from=2026-11-26&to=2026-11-26');
    expect(res.status).toBe(404);
    expect((await apiError(res)).code).toBe('no_data');
  });
});

describe('GET /api/export: failures half-way fail the download', () => {
  it('an HTML page half-way: the body errors, and what arrived holds no HTML', async () => {
    const { app, sim } = demoBff();
    sim.setFaults({ htmlMidway: true });
    const res = await app.request('/api/export?from=2026-11-01&to=2026-11-26&resolution=hour');
    expect(res.status).toBe(200);
    const { bytes, error } = await readAll(res);
    expect(error).toBeInstanceOf(Error);
    const text = decoder.decode(bytes);
    expect(text.startsWith('device_id,device_name,period_start,IN,OUT\n')).toBe(true);
    expect(text).not.toMatch(/<!doctype|<html/i);
    expect(sim.streams.open).toBe(0);
  });

  it('a connection cut half-way: the body errors instead of ending as a short file', async () => {
    const { app, sim } = demoBff();
    sim.setFaults({ truncate: true });
    const res = await app.request('/api/export?from=2026-11-01&to=2026-11-26&resolution=hour');
    expect(res.status).toBe(200);
    const { error } = await readAll(res);
    expect(error).toBeInstanceOf(Error);
  });
});

describe('GET /api/export: the vendor’s bytes, unchanged', () => {
  it.each([
    ['daily, all devices', 'from=2026-10-01&to=2026-11-26', { date_start: '2026-10-01', date_end: '2026-11-26', resolution: 'day' }],
    [
      'hourly, two devices',
      'from=2026-10-20&to=2026-11-26&resolution=hour&devices=92,91',
      { date_start: '2026-10-20', date_end: '2026-11-26', resolution: 'hour', devicelist: '91,92' },
    ],
    ['monthly', 'from=2026-08-01&to=2026-11-26&resolution=month', { date_start: '2026-08-01', date_end: '2026-11-26', resolution: 'month' }],
    ['5-minute, across the DST end', 'from=2026-10-24&to=2026-10-26&resolution=5min', { date_start: '2026-10-24', date_end: '2026-10-26', resolution: '5min' }],
  ])('%s: byte for byte what the simulator sends', async (_label, query, params) => {
    const { app, sim } = demoBff();
    const res = await app.request(`/api/export?${query}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const { bytes, error } = await readAll(res);
    expect(error).toBeNull();
    const expected = await vendorBytes(sim, params);
    expect(expected.length).toBeGreaterThan(1000);
    expect(Buffer.from(bytes).equals(Buffer.from(expected))).toBe(true);
    expect(sim.calls.downloadcsv).toBe(2);
  });

  it('a BOM, semicolons, CRLF and quotes pass through untouched', async () => {
    const { app, sim } = demoBff();
    sim.setShape({ csv: { bom: true, delimiter: ';', crlf: true, quoteAll: true, headerCase: 'upper', splitDateTime: true } });
    const res = await app.request('/api/export?from=2026-11-20&to=2026-11-26&resolution=hour');
    const { bytes } = await readAll(res);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(Buffer.from(bytes).equals(Buffer.from(await vendorBytes(sim, { date_start: '2026-11-20', date_end: '2026-11-26', resolution: 'hour' })))).toBe(true);
  });
});

describe('GET /api/export: concurrency', () => {
  it('refuses one export more than EXPORT_CONCURRENCY with 429, and frees the slot when a download ends, fails or is cancelled', async () => {
    const { app, sim } = keyedBff(LARGE_ACCESS_KEY, { env: { EXPORT_CONCURRENCY: '1' } });
    const query = '/api/export?from=2026-11-01&to=2026-11-26&resolution=hour';

    const first = await app.request(query);
    expect(first.status).toBe(200);
    const busy = await app.request(query);
    expect(busy.status).toBe(429);
    expect((await apiError(busy)).code).toBe('rate_limited');
    expect(sim.calls.downloadcsv).toBe(1);

    await first.body?.cancel(); // the user gave up
    const second = await app.request(query);
    expect(second.status).toBe(200);
    expect((await readAll(second)).error).toBeNull(); // read to the end

    sim.setFaults({ truncate: true });
    const third = await app.request(query);
    expect((await readAll(third)).error).toBeInstanceOf(Error);
    sim.clearFaults();

    sim.setFaults({ status: 503 });
    expect((await app.request(query)).status).toBe(503);
    sim.clearFaults();
    // Past the vendor's back-off, so the next export asks the vendor again.
    sim.clock.setFixed(new Date(sim.clock.now().getTime() + 5 * 60_000));

    const fourth = await app.request(query);
    expect(fourth.status).toBe(200);
    await fourth.body?.cancel();
  });
});

describe('GET /api/export?handoff=1: a checked export handed to the browser as a one-time link', () => {
  const query = '/api/export?from=2026-11-20&to=2026-11-26&resolution=hour&devices=91,93&handoff=1';

  it('asks the vendor once: the link streams the same bytes the vendor sent, once', async () => {
    const { app, sim } = demoBff();
    const res = await app.request(query);
    expect(res.status).toBe(200);
    const { download, filename } = (await res.json()) as { download: string; filename: string };
    expect(download).toMatch(/^\/api\/export\/file\/[0-9a-f-]{36}$/);
    expect(filename).toBe('riverside-leisure-centre-demo_2026-11-20_2026-11-26_hour.csv');
    const file = await app.request(download);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toBe(`attachment; filename="${filename}"`);
    const { bytes, error } = await readAll(file);
    expect(error).toBeNull();
    expect(decoder.decode(bytes)).toBe(
      decoder.decode(await vendorBytes(sim, { date_start: '2026-11-20', date_end: '2026-11-26', resolution: 'hour', devicelist: '91,93' })),
    );
    expect(sim.calls.downloadcsv).toBe(2); // ours, and vendorBytes' own
    const again = await app.request(download);
    expect(again.status).toBe(404);
    expect((await apiError(again)).code).toBe('not_found');
  });

  it('answers errors as JSON before any link exists', async () => {
    const { app, sim } = demoBff();
    sim.setFaults({ status: 503 });
    const res = await app.request(query);
    expect(res.status).toBe(503);
    expect((await apiError(res)).code).toBe('upstream_unavailable');
  });

  it('drops a link nobody fetched within 10 s: the vendor stream ends and the export slot is free again', async () => {
    expect(HANDOFF_TTL_MS).toBeLessThanOrEqual(10_000);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const { app, sim, logs } = demoBff({ EXPORT_CONCURRENCY: '1' });
      // All devices: more than the first read, so the vendor stream stays open until dropped.
      const query = '/api/export?from=2026-11-20&to=2026-11-26&resolution=hour&handoff=1';
      const first = await app.request(query);
      expect(first.status).toBe(200);
      expect((await app.request(query)).status).toBe(429);
      vi.advanceTimersByTime(HANDOFF_TTL_MS - 1);
      expect(sim.streams.open).toBe(1); // still waiting for the browser
      vi.advanceTimersByTime(1);
      await vi.waitFor(() => expect(sim.streams.open).toBe(0));
      await vi.waitFor(() => expect(logs.entries().filter((e) => e.msg === 'download link lapsed unfetched; vendor stream closed')).toHaveLength(1));
      const { download } = (await first.json()) as { download: string };
      expect((await app.request(download)).status).toBe(404);
      const next = await app.request(query);
      expect(next.status).toBe(200);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('GET /api/export?handoff=1: one client cannot hold every export slot', () => {
  const query = '/api/export?from=2026-11-20&to=2026-11-26&resolution=hour&handoff=1';

  it('behind a trusted proxy (TRUST_PROXY), the client is the address the proxy forwarded', async () => {
    const { app } = demoBff({ EXPORT_CONCURRENCY: '4', TRUST_PROXY: 'true' });
    const from = (address: string) => app.request(query, { headers: { 'x-forwarded-for': `203.0.113.9, ${address}` } });
    for (let i = 0; i < MAX_UNCLAIMED_PER_CLIENT; i++) expect((await from('198.51.100.1')).status).toBe(200);
    expect((await from('198.51.100.1')).status).toBe(429);
    expect((await from('198.51.100.2')).status).toBe(200); // another client behind the same proxy
  });

  it(`refuses a client a link beyond ${MAX_UNCLAIMED_PER_CLIENT} unfetched ones (429, Retry-After), and gives it one again once a link is fetched or lapses`, async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const { app, sim } = demoBff({ EXPORT_CONCURRENCY: '4' });
      const links: string[] = [];
      for (let i = 0; i < MAX_UNCLAIMED_PER_CLIENT; i++) {
        const res = await app.request(query);
        expect(res.status).toBe(200);
        links.push(((await res.json()) as { download: string }).download);
      }
      const refused = await app.request(query);
      expect(refused.status).toBe(429);
      const retry = Number(refused.headers.get('retry-after'));
      expect(await apiError(refused)).toEqual({
        code: 'rate_limited',
        message: `2 downloads prepared from this address have not started yet; try again in ${retry} s.`,
      });
      expect(retry).toBeGreaterThanOrEqual(1);
      expect(retry).toBeLessThanOrEqual(Math.ceil(HANDOFF_TTL_MS / 1000));
      expect(sim.calls.downloadcsv).toBe(MAX_UNCLAIMED_PER_CLIENT); // the vendor was not asked
      expect(sim.streams.open).toBe(MAX_UNCLAIMED_PER_CLIENT);

      // Fetching a link frees its place at once.
      const file = await app.request(links[0]!);
      expect((await readAll(file)).error).toBeNull();
      const again = await app.request(query);
      expect(again.status).toBe(200);
      expect((await app.request(query)).status).toBe(429);

      // So does a link that lapses.
      vi.advanceTimersByTime(HANDOFF_TTL_MS);
      await vi.waitFor(() => expect(sim.streams.open).toBe(0));
      const afterLapse = await app.request(query);
      expect(afterLapse.status).toBe(200);
    } finally {
      vi.useRealTimers();
    }
  });

  it('counts links being prepared: parallel requests cannot slip past the limit', async () => {
    const { app, sim } = demoBff({ EXPORT_CONCURRENCY: '4' });
    const answers = await Promise.all(Array.from({ length: 4 }, async () => app.request(query)));
    expect(answers.map((r) => r.status).sort()).toEqual([200, 200, 429, 429]);
    expect(sim.calls.downloadcsv).toBe(MAX_UNCLAIMED_PER_CLIENT);
  });

  it('a failed preparation gives its place back', async () => {
    const { app, sim } = demoBff({ EXPORT_CONCURRENCY: '1' });
    sim.setFaults({ status: 503 });
    expect((await app.request(query)).status).toBe(503);
    expect(sim.calls.downloadcsv).toBe(1);
    sim.clearFaults();
    // Past the vendor's back-off: the one slot must be free again.
    sim.clock.setFixed(new Date(sim.clock.now().getTime() + 5 * 60_000));
    expect((await app.request(query)).status).toBe(200);
  });

  it('does not limit direct downloads or other clients (by socket address)', async () => {
    const { app } = demoBff({ EXPORT_CONCURRENCY: '4' });
    const bff = await listen(app.fetch);
    const from = (address: string) => getFrom(`${bff.base}${query}`, address);
    try {
      expect((await from('127.0.0.1')).status).toBe(200);
      expect((await from('127.0.0.1')).status).toBe(200);
      const third = await from('127.0.0.1');
      expect(third.status).toBe(429);
      expect(third.headers['retry-after']).toMatch(/^\d+$/);
      expect(JSON.parse(third.body)).toMatchObject({ error: { code: 'rate_limited' } });
      expect((await from('127.0.0.2')).status).toBe(200); // another client still gets one
      // A direct download is not a held link.
      const direct = await app.request('/api/export?from=2026-11-25&to=2026-11-26');
      expect(direct.status).toBe(200);
      await direct.body?.cancel();
    } finally {
      await bff.close();
    }
  });
});

/** A GET from a chosen loopback address (Linux routes all of 127.0.0.0/8 to lo). */
function getFrom(url: string, localAddress: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpGet(url, { localAddress, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
  });
}

describe('HEAD /api/export', () => {
  it('is refused without opening a vendor stream or taking an export slot', async () => {
    const { app, sim } = demoBff({ EXPORT_CONCURRENCY: '2' });
    for (let i = 0; i < 5; i++) {
      const res = await app.request('/api/export?from=2026-11-20&to=2026-11-26', { method: 'HEAD' });
      expect(res.status).toBe(405);
      expect(res.headers.get('allow')).toBe('GET');
    }
    expect(sim.calls.downloadcsv).toBe(0);
    const res = await app.request('/api/export?from=2026-11-20&to=2026-11-26');
    expect(res.status).toBe(200);
    await res.body?.cancel();
  });
});
