// Every switchable fault, over real HTTP, plus the in-process variants the BFF sees in demo mode.
import { afterEach, describe, expect, it } from 'vitest';
import { type TestServer, csvParams, eventually, occupancyParams, readAll, timed } from './test-server';
import { sharedTestServer } from './test/shared-server';

const shared = sharedTestServer();
afterEach(() => {
  shared.server.sim.clearFaults();
  shared.server.sim.resetShape();
});

const day = { date_start: '2026-11-25', date_end: '2026-11-25', resolution: 'hour' };

/** The day's CSV as it is, then the answer under `faults`, which must still start as a CSV. */
async function csvUnderFault(faults: Parameters<TestServer['sim']['setFaults']>[0]): Promise<{ whole: string; res: Response }> {
  const whole = await (await shared.server.get(csvParams(day))).text();
  shared.server.sim.setFaults(faults);
  const res = await shared.server.get(csvParams(day));
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  return { whole, res };
}

describe('latency', () => {
  it('delays the answer by latencyMs, and only for the actions it applies to', async () => {
    const before = await timed(() => shared.server.get(occupancyParams()).then((r) => r.text()));
    shared.server.sim.setFaults({ latencyMs: 1000, actions: ['getoccupancy'] });
    const [slow, csv] = await Promise.all([
      timed(() => shared.server.get(occupancyParams()).then((r) => r.text())),
      timed(() => shared.server.get(csvParams(day)).then((r) => r.text())),
    ]);
    expect(slow.ms).toBeGreaterThanOrEqual(990);
    expect(slow.ms).toBeLessThan(before.ms + 2500);
    expect(csv.ms).toBeLessThan(700);
    expect(JSON.parse(slow.value)).toEqual(JSON.parse(before.value));
  });
});

describe('error statuses', () => {
  it.each([500, 502, 503, 504])('answers %i with a short HTML body', async (status) => {
    shared.server.sim.setFaults({ status });
    for (const params of [occupancyParams(), csvParams(day)]) {
      const res = await shared.server.get(params);
      expect(res.status).toBe(status);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      const body = await res.text();
      expect(body).toContain(String(status));
      expect(body.length).toBeLessThan(500);
    }
  });

  it('a rate-limiting vendor: 429 with Retry-After in seconds, only when asked for', async () => {
    shared.server.sim.setFaults({ status: 429, retryAfterSeconds: 30, actions: ['getoccupancy'] });
    const limited = await shared.server.get(occupancyParams());
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('30');
    shared.server.sim.setFaults({ retryAfterSeconds: null });
    expect((await shared.server.get(occupancyParams())).headers.get('retry-after')).toBeNull();
    shared.server.sim.clearFaults();
  });

  it('spares the actions not listed', async () => {
    shared.server.sim.setFaults({ status: 503, actions: ['downloadcsv'] });
    expect((await shared.server.get(occupancyParams())).status).toBe(200);
    expect((await shared.server.get(csvParams(day))).status).toBe(503);
    shared.server.sim.setFaults({ actions: [] });
    expect((await shared.server.get(csvParams(day))).status).toBe(200);
  });
});

describe('connection reset', () => {
  it('breaks the connection without an answer, and still counts the call', async () => {
    shared.server.sim.resetCalls();
    shared.server.sim.setFaults({ reset: true });
    await expect(shared.server.get(occupancyParams())).rejects.toThrow(TypeError);
    await expect(shared.server.get(csvParams(day))).rejects.toThrow(TypeError);
    expect(shared.server.sim.calls).toMatchObject({ getoccupancy: 1, downloadcsv: 1 });
    shared.server.sim.clearFaults();
    expect((await shared.server.get(occupancyParams())).status).toBe(200);
  });

  it('rejects the in-process fetch the way fetch rejects on a reset', async () => {
    shared.server.sim.setFaults({ reset: true });
    const failure: unknown = await shared.server.sim.fetch(shared.server.url(occupancyParams())).then(
      () => null,
      (e: unknown) => e,
    );
    expect(failure).toBeInstanceOf(TypeError);
    expect((failure as TypeError).message).toBe('fetch failed');
  });
});

describe('truncated bodies', () => {
  it('cuts the JSON half-way after a correct status and headers', async () => {
    const whole = await (await shared.server.get(occupancyParams())).text();
    shared.server.sim.setFaults({ truncate: true });
    const res = await shared.server.get(occupancyParams());
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const { bytes, error } = await readAll(res);
    expect(error).toBeInstanceOf(Error);
    const text = new TextDecoder().decode(bytes);
    expect(text.length).toBeGreaterThan(0);
    expect(text.length).toBeLessThan(whole.length);
    expect(whole.startsWith(text)).toBe(true);
    expect(() => JSON.parse(text) as unknown).toThrow(SyntaxError);
    expect(await eventually(() => shared.server.sim.streams.open === 0)).toBe(true);
  });

  it('cuts the CSV in the middle of a row', async () => {
    const { whole, res } = await csvUnderFault({ truncate: true });
    const { bytes, error } = await readAll(res);
    expect(error).toBeInstanceOf(Error);
    const text = new TextDecoder().decode(bytes);
    expect(text.startsWith('device_id,device_name,period_start,IN,OUT\n')).toBe(true);
    expect(whole.startsWith(text)).toBe(true);
    expect(text.length).toBeLessThan(whole.length);
    expect(text.endsWith('\n')).toBe(false);
    expect(await eventually(() => shared.server.sim.streams.open === 0)).toBe(true);
  });

  it('errors the body in-process too', async () => {
    shared.server.sim.setFaults({ truncate: true });
    const res = await shared.server.sim.fetch(shared.server.url(occupancyParams()));
    expect(res.status).toBe(200);
    const { bytes, error } = await readAll(res);
    expect(error).toBeInstanceOf(TypeError);
    expect(bytes.byteLength).toBeGreaterThan(0);
    expect(shared.server.sim.streams.open).toBe(0);
  });
});

describe('non-JSON and HTML answers', () => {
  it('answers getoccupancy with a PHP warning under a JSON content type', async () => {
    shared.server.sim.setFaults({ nonJson: true });
    const res = await shared.server.get(occupancyParams());
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const text = await res.text();
    expect(text).toContain('mysqli_connect()');
    expect(() => JSON.parse(text) as unknown).toThrow(SyntaxError);
    // Not a getoccupancy fault: the CSV is unaffected.
    expect((await shared.server.get(csvParams(day))).headers.get('content-type')).toBe('text/csv; charset=utf-8');
  });

  it('answers the HTML error page at once, with status 200, instead of JSON or CSV', async () => {
    shared.server.sim.setFaults({ html: true });
    for (const params of [occupancyParams(), csvParams(day)]) {
      const { ms, value: res } = await timed(() => shared.server.get(params));
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await res.text()).toMatch(/^<!DOCTYPE html>/);
      expect(ms).toBeLessThan(1000);
    }
  });

  it('starts a normal CSV and switches to the HTML error page half-way', async () => {
    const { whole, res } = await csvUnderFault({ htmlMidway: true });
    const text = await res.text();
    const at = text.indexOf('<!DOCTYPE html>');
    expect(at).toBeGreaterThan(0);
    const csvPart = text.slice(0, at);
    expect(whole.startsWith(csvPart)).toBe(true);
    expect(csvPart.split('\n').filter((l) => l !== '')).toHaveLength(21);
    expect(text.trimEnd().endsWith('</html>')).toBe(true);
  });
});
