// The vendor client on its own: the URLs it builds (and that request input cannot change), how it
// classifies answers the route tests cannot easily provoke, its timeouts over a real socket, and
// the key-free samples it logs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCESS_KEY } from '@/simulator';
import { createLogger } from '../logger';
import { type Listening, VENDOR_URL, collectLogs, keyedBff, listen, newSimulator, urlOf } from '../test/support';
import { type FetchLike, createWellpointClient } from './wellpoint-client';

const KEY = `test-key-${crypto.randomUUID()}`;
const CANONICAL = JSON.stringify({
  meta: { datetime_start: '2026-11-25 23:00:00', generated_utc: '2026-11-26 10:15:03' },
  data: [{ device_id: 91, device_name: 'Main entrance', IN: 412, OUT: 398, Occupancy: 14, CorrectedOccupancy: 14 }],
});

function client(fetchImpl: FetchLike, options: { timeoutMs?: number; exportTimeoutMs?: number; baseUrl?: string } = {}) {
  const logs = collectLogs();
  const logger = createLogger({ level: 'debug', secrets: [], destination: logs.destination }); // no scrubber: the client itself must keep the key out
  const c = createWellpointClient({
    baseUrl: new URL(options.baseUrl ?? VENDOR_URL),
    accessKey: KEY,
    fetch: fetchImpl,
    timeoutMs: options.timeoutMs ?? 1000,
    exportTimeoutMs: options.exportTimeoutMs ?? 1000,
    logger,
  });
  return { client: c, logs };
}

const answer = (body: string, contentType: string | null = 'application/json') =>
  (() => Promise.resolve(new Response(body, { headers: contentType === null ? {} : { 'content-type': contentType } }))) satisfies FetchLike;

const flush = () => new Promise((r) => setImmediate(r));

describe('vendor URLs', () => {
  it('getoccupancy: the base URL, the action, our start parameters and the key, nothing else', async () => {
    const urls: URL[] = [];
    const { client: c } = client((input) => {
      urls.push(urlOf(input));
      return answer(CANONICAL)();
    });
    await c.getOccupancy({ timezoneshift_start: '1' });
    await c.getOccupancy({ date_start: '2026-11-25', time_start: '183000', timezoneshift_start: '5' }, [91, 92]);
    expect(urls.map((u) => `${u.origin}${u.pathname}`)).toEqual([VENDOR_URL, VENDOR_URL]);
    expect(urls.map((u) => Object.fromEntries(u.searchParams))).toEqual([
      { action: 'getoccupancy', timezoneshift_start: '1', user_access_key: KEY },
      { action: 'getoccupancy', date_start: '2026-11-25', time_start: '183000', timezoneshift_start: '5', devicelist: '91,92', user_access_key: KEY },
    ]);
  });

  it('request input cannot add vendor parameters or change the vendor host', async () => {
    const sim = newSimulator();
    const urls: URL[] = [];
    const { app } = keyedBff(DEMO_ACCESS_KEY, {
      sim,
      fetch: (input, init) => {
        urls.push(urlOf(input));
        return sim.fetch(input, init);
      },
    });
    const hostile = { host: 'attacker.test', 'x-forwarded-host': 'attacker.test', forwarded: 'host=attacker.test' };
    await app.request('/api/occupancy?user_access_key=stolen&action=downloadcsv&devicelist=1&date_start=2000-01-01', { headers: hostile });
    const res = await app.request(
      '/api/export?from=2026-11-20&to=2026-11-26&devices=91&user_access_key=stolen&action=getoccupancy&date_start=2000-01-01&devicelist=1',
      { headers: hostile },
    );
    await res.body?.cancel();
    expect(urls.map((u) => `${u.origin}${u.pathname}`)).toEqual([VENDOR_URL, VENDOR_URL]);
    expect(urls.map((u) => Object.fromEntries(u.searchParams))).toEqual([
      { action: 'getoccupancy', timezoneshift_start: '1', user_access_key: DEMO_ACCESS_KEY },
      { action: 'downloadcsv', date_start: '2026-11-20', date_end: '2026-11-26', resolution: 'day', devicelist: '91', user_access_key: DEMO_ACCESS_KEY },
    ]);
    expect(urls.every((u) => u.searchParams.getAll('user_access_key').length === 1)).toBe(true);
  });
});

describe('classifying getoccupancy answers', () => {
  it.each([
    ['an HTML page sent as text/plain', '<!DOCTYPE html>\n<html><body>Access denied</body></html>', 'text/plain', 'upstream_auth'],
    ['an HTML page sent as JSON', '\uFEFF  <html lang="en"><body>Access denied</body></html>', 'application/json', 'upstream_auth'],
    ['an empty text/html answer', '', 'text/html; charset=UTF-8', 'upstream_auth'],
    ['a PHP warning sent as JSON', '<br />\n<b>Warning</b>:  mysqli_connect(): Connection refused', 'application/json', 'upstream_format'],
    ['an empty body', '', 'application/json', 'upstream_format'],
    ['JSON of another shape', '{"status":"ok"}', 'application/json', 'upstream_format'],
    ['a row without an id', '[{"IN":1,"OUT":2}]', null, 'upstream_format'],
  ])('%s: %s', async (_label, body, contentType, code) => {
    const { client: c } = client(answer(body, contentType));
    await expect(c.getOccupancy({ timezoneshift_start: '1' })).rejects.toMatchObject({ code });
  });

  it('logs a short sample of an unexpected answer, with the key taken out even where the sample cuts it', async () => {
    for (const at of [0, 130, 140]) {
      // the sample is 160 characters; the body starts with 10 more
      const body = `{"error":"${'x'.repeat(at)}${KEY} is not a device"}`;
      const { client: c, logs } = client(answer(body));
      await expect(c.getOccupancy({ timezoneshift_start: '1' })).rejects.toMatchObject({ code: 'upstream_format' });
      await flush();
      const warning = logs.entries().find((e) => e.level === 40);
      expect(warning).toBeDefined();
      const sample = String(warning?.sample);
      expect(sample.length).toBeLessThanOrEqual(200);
      expect(logs.text()).not.toContain(KEY);
      expect(logs.text()).not.toContain(KEY.slice(0, 9 + 4)); // not even the start of the random part
    }
  });

  it('redacts the key in any text, plain, URL-encoded or JSON-escaped', () => {
    const odd = 'k/3+y "é"';
    const options = {
      baseUrl: new URL(VENDOR_URL),
      accessKey: odd,
      fetch: answer(CANONICAL),
      timeoutMs: 1000,
      exportTimeoutMs: 1000,
      logger: createLogger({ level: 'silent', secrets: [], destination: collectLogs().destination }),
    };
    const c = createWellpointClient(options);
    const url = new URL(VENDOR_URL);
    url.searchParams.set('user_access_key', odd);
    const text = `${odd} | ${encodeURIComponent(odd)} | ${JSON.stringify(odd)}`;
    expect(c.redact(text)).toBe('[REDACTED] | [REDACTED] | "[REDACTED]"');
    // Our URLs are written by URLSearchParams, which encodes a space as "+" (not "%20"): that form too.
    expect(c.redact(url.href)).toBe(`${VENDOR_URL}?user_access_key=[REDACTED]`);
    const tilde = createWellpointClient({ ...options, accessKey: 'abc~def!' });
    const tildeUrl = new URL(VENDOR_URL);
    tildeUrl.searchParams.set('user_access_key', 'abc~def!');
    expect(tilde.redact(tildeUrl.href)).toBe(`${VENDOR_URL}?user_access_key=[REDACTED]`);
  });
});

describe('timeouts over a real socket', () => {
  let vendor: Listening;
  const sim = newSimulator();
  beforeAll(async () => {
    vendor = await listen(sim.app.fetch);
  });
  afterAll(() => vendor.close());

  it('getoccupancy: upstream_timeout when the whole answer takes longer than timeoutMs', async () => {
    // The vendor would answer after a minute: a rejection within the test's time can only be the limit's.
    sim.setFaults({ latencyMs: 60_000 });
    const { client: c } = client((input, init) => fetch(input, init), { baseUrl: `${vendor.base}/`, timeoutMs: 150 });
    const started = performance.now();
    await expect(c.getOccupancy({ timezoneshift_start: '1' })).rejects.toMatchObject({ code: 'upstream_timeout', status: 504 });
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    sim.clearFaults();
  });

  it('downloadcsv: upstream_timeout when no first byte comes within timeoutMs', async () => {
    sim.setFaults({ latencyMs: 1000 });
    const { client: c } = client((input, init) => fetch(input, init), { baseUrl: `${vendor.base}/`, timeoutMs: 150 });
    await expect(c.openCsv({ from: '2026-11-01', to: '2026-11-26', resolution: 'day', devices: null }, new AbortController().signal)).rejects.toMatchObject({
      code: 'upstream_timeout',
    });
    sim.clearFaults();
  });
});

describe('a CSV download that goes silent half-way', () => {
  it('fails after exportTimeoutMs of silence and ends the vendor request', async () => {
    let vendorSignal: AbortSignal | undefined;
    // Like fetch: the body errors when the request's signal aborts.
    const stalling: FetchLike = (_input, init) => {
      vendorSignal = init?.signal ?? undefined;
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('device_id,device_name,period_start,IN,OUT\n91,Main entrance,2026-11-25,37,29\n'));
          vendorSignal?.addEventListener('abort', () => controller.error(vendorSignal?.reason));
        },
      });
      return Promise.resolve(new Response(body, { headers: { 'content-type': 'text/csv' } }));
    };
    const { client: c } = client(stalling, { exportTimeoutMs: 150 });
    const download = await c.openCsv({ from: '2026-11-25', to: '2026-11-26', resolution: 'day', devices: null }, new AbortController().signal);
    const reader = download.body.getReader();
    expect((await reader.read()).value?.byteLength).toBeGreaterThan(0);
    const started = performance.now();
    await expect(reader.read()).rejects.toBeDefined();
    expect(performance.now() - started).toBeGreaterThanOrEqual(100);
    expect(vendorSignal?.aborted).toBe(true);
  });
});

describe('a CSV download that our own client reads slowly', () => {
  it('is not cut: the idle limit counts only time spent waiting for the vendor', async () => {
    let vendorSignal: AbortSignal | undefined;
    const rows = [
      'device_id,device_name,period_start,IN,OUT\n',
      '91,Main entrance,2026-11-25,37,29\n',
      '92,North door,2026-11-25,3,40\n',
      '93,Café,2026-11-25,5,5\n',
    ];
    const prompt: FetchLike = (_input, init) => {
      vendorSignal = init?.signal ?? undefined;
      let i = 0;
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (i < rows.length) controller.enqueue(new TextEncoder().encode(rows[i++]));
          else controller.close();
        },
      });
      return Promise.resolve(new Response(body, { headers: { 'content-type': 'text/csv' } }));
    };
    const { client: c } = client(prompt, { exportTimeoutMs: 100 });
    const download = await c.openCsv({ from: '2026-11-25', to: '2026-11-26', resolution: 'day', devices: null }, new AbortController().signal);
    const reader = download.body.getReader();
    let text = '';
    for (;;) {
      // A browser download paused for three idle limits between reads.
      await new Promise((r) => setTimeout(r, 300));
      const { value, done } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
    }
    expect(text).toBe(rows.join(''));
    expect(vendorSignal?.aborted).toBe(false);
  });
});

describe('an HTML page inside a CSV download', () => {
  const HEADER_AND_ROWS = 'device_id,device_name,period_start,IN,OUT\n91,Main entrance,2026-11-25,37,29\n92,North door,2026-11-25,3,40\n';
  const PAGE = '<!DOCTYPE html>\n<html><body>Your session has expired.</body></html>\n';
  const csvIn =
    (...chunks: string[]): FetchLike =>
    () => {
      const encoder = new TextEncoder();
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          for (const c of chunks) controller.enqueue(encoder.encode(c));
          controller.close();
        },
      });
      return Promise.resolve(new Response(body, { headers: { 'content-type': 'text/csv' } }));
    };
  const open = (fetchImpl: FetchLike) =>
    client(fetchImpl).client.openCsv({ from: '2026-11-25', to: '2026-11-26', resolution: 'day', devices: null }, new AbortController().signal);

  it('in the first read, after a few rows: upstream_auth before anything is sent', async () => {
    await expect(open(csvIn(HEADER_AND_ROWS + PAGE))).rejects.toMatchObject({ code: 'upstream_auth' });
  });

  // A page with a single marker (nginx's pages start with `<html>` and have no doctype), cut
  // inside that marker by the way the bytes happened to arrive.
  it.each([1, 3, 5])('split inside its only marker between two later reads (%i bytes before the cut): the body fails', async (cut) => {
    const page = '<html>\n<body>Your session has expired.</body>\n</html>\n';
    const download = await open(csvIn(HEADER_AND_ROWS, `93,Café,2026-11-25,1,1\n${page.slice(0, cut)}`, page.slice(cut)));
    const reader = download.body.getReader();
    const chunks: string[] = [];
    const decoder = new TextDecoder();
    await expect(
      (async () => {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
          chunks.push(decoder.decode(value));
        }
      })(),
    ).rejects.toThrow();
    expect(chunks.join('')).not.toContain('<html');
  });
});

describe("the vendor's Retry-After", () => {
  const status =
    (code: number, headers: Record<string, string>): FetchLike =>
    () =>
      Promise.resolve(new Response('busy', { status: code, headers }));
  const params = { timezoneshift_start: '1' } as const;

  it.each([
    ['seconds, on a 429', 429, { 'retry-after': '120' }, 120_000],
    ['seconds, on a 503', 503, { 'retry-after': ' 7 ' }, 7_000],
    ['an HTTP-date, against the answer’s Date header', 503, { 'retry-after': 'Thu, 26 Nov 2026 10:17:03 GMT', date: 'Thu, 26 Nov 2026 10:16:03 GMT' }, 60_000],
    ['a date in the past', 429, { 'retry-after': 'Thu, 26 Nov 2026 09:00:00 GMT', date: 'Thu, 26 Nov 2026 10:16:03 GMT' }, 0],
    ['none', 429, {}, null],
    ['unreadable', 503, { 'retry-after': 'soon' }, null],
    ['negative', 503, { 'retry-after': '-5' }, null],
  ] as const)('%s: carried on the UpstreamError', async (_label, code, headers, expected) => {
    const { client: c } = client(status(code, headers));
    await expect(c.getOccupancy(params)).rejects.toMatchObject({ code: 'upstream_unavailable', retryAfterMs: expected });
  });

  it('an HTTP-date without a Date header is measured against our clock; downloadcsv carries it too', async () => {
    const logs = collectLogs();
    const c = createWellpointClient({
      baseUrl: new URL(VENDOR_URL),
      accessKey: KEY,
      fetch: status(503, { 'retry-after': 'Thu, 26 Nov 2026 10:20:00 GMT' }),
      timeoutMs: 1000,
      exportTimeoutMs: 1000,
      logger: createLogger({ level: 'silent', secrets: [], destination: logs.destination }),
      now: () => new Date('2026-11-26T10:15:00Z'),
    });
    await expect(c.getOccupancy(params)).rejects.toMatchObject({ retryAfterMs: 300_000 });
    await expect(c.openCsv({ from: '2026-11-25', to: '2026-11-25', resolution: 'hour', devices: null }, new AbortController().signal)).rejects.toMatchObject({
      code: 'upstream_unavailable',
      retryAfterMs: 300_000,
    });
  });
});
