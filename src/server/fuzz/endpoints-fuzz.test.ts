// Property-based tests of every endpoint in demo mode (the embedded simulator as the vendor):
// arbitrary paths, methods, headers and query strings, valid-looking and hostile. Each case runs
// on a fresh server, so a failure replays from fast-check's seed alone.
import fc from 'fast-check';
import { afterAll, describe, it } from 'vitest';
import { DEMO_ACCESS_KEY } from '@/simulator';
import { type Bff, demoBff } from '../test/support';
import {
  ENDPOINTS,
  type GeneratedQuery,
  anyQuery,
  body,
  filenameValue,
  headers,
  hostileQuery,
  markersIn,
  markersInText,
  markersInHeaders,
  method,
  oddApiPath,
  rangeQuery,
  resolutionValue,
  withQuery,
} from './arbitraries';
import { Violation, checkAnswer, checkNoEcho, checkNoKey, errorOf, routeOf, send, type Observed } from './checks';
import { counted, params, reportCounts, timeoutFor } from './fuzz-settings';

afterAll(reportCounts);

const DEMO_KEY_FORMS = [DEMO_ACCESS_KEY];

const vendorCalls = (bff: Bff) => bff.sim.calls.getoccupancy + bff.sim.calls.downloadcsv;

/**
 * Sends one request to a fresh demo server and checks what must hold for it. Hostile input coming
 * back (`markers`) is checked only where asked: one property owns that invariant, so a finding
 * there does not hide the others.
 */
async function exercise(
  bff: Bff,
  path: string,
  init: RequestInit & { headers?: Record<string, string> },
  markers: ReturnType<typeof markersIn> = [],
): Promise<Observed> {
  const before = vendorCalls(bff);
  const o = await send(bff.app, path, init);
  const route = routeOf(path);
  checkAnswer(o, route, { vendorFailing: false });
  checkNoEcho(o, markers);
  checkNoKey(o, DEMO_KEY_FORMS);
  if (o.status === 400 && vendorCalls(bff) !== before) throw new Violation(`a 400 answer that asked the vendor: ${o.method} ${path}`);
  if (o.method !== 'GET' && o.method !== 'HEAD' && vendorCalls(bff) !== before) throw new Violation(`${o.method} ${path} asked the vendor`);
  return o;
}

/** Fetches a handoff link once (a CSV), then again (gone: 404 not_found). */
async function claim(bff: Bff, o: Observed, markers: ReturnType<typeof markersIn> = []) {
  if (routeOf(o.path) !== '/api/export' || o.status !== 200 || !o.headers.some(([k, v]) => k === 'content-type' && v.startsWith('application/json'))) return;
  const { download } = JSON.parse(o.body) as { download: string };
  await exercise(bff, download, {}, markers);
  const again = await exercise(bff, download, {}, markers);
  if (again.status !== 404 || errorOf(again).code !== 'not_found') throw new Violation(`a download link that worked twice: ${download} -> ${again.status}`);
}

describe('fuzz: every endpoint, demo mode', () => {
  it(
    'any endpoint or /api path, any query string and headers: a documented status, our error shape, nothing echoed, no key',
    async () => {
      const path = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...ENDPOINTS) }, { weight: 1, arbitrary: oddApiPath });
      await fc.assert(
        fc.asyncProperty(path, anyQuery, headers, async (p, q, h) => {
          counted('anyEndpointDemo');
          const bff = demoBff({ LOG_LEVEL: 'warn' });
          const o = await exercise(bff, withQuery(p, q), { headers: h });
          await claim(bff, o);
        }),
        params('anyEndpointDemo'),
      );
    },
    timeoutFor('anyEndpointDemo', 60),
  );

  it(
    'history and export queries: 400 (naming a field) before any vendor call, or a valid answer',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.constantFrom('/api/history', '/api/export'), rangeQuery, async (p, q) => {
          counted('rangeQueriesDemo');
          const bff = demoBff({ LOG_LEVEL: 'warn' });
          const o = await exercise(bff, withQuery(p, q), {});
          if (o.status === 400) {
            const { field } = errorOf(o);
            if (field === undefined || !['from', 'to', 'resolution', 'devices', 'space', 'filename', 'form'].includes(field))
              throw new Violation(`a 400 naming ${JSON.stringify(field)}`);
          }
          await claim(bff, o);
        }),
        params('rangeQueriesDemo'),
      );
    },
    timeoutFor('rangeQueriesDemo', 80),
  );

  it(
    'export handoff: a one-time link that streams the CSV once, then 404; made-up links are 404',
    async () => {
      const days = fc.integer({ min: 0, max: 5 });
      const start = fc.integer({ min: 0, max: 60 });
      await fc.assert(
        fc.asyncProperty(
          start,
          days,
          fc.option(resolutionValue, { nil: null }),
          fc.option(filenameValue, { nil: null }),
          method,
          async (back, len, resolution, filename, linkMethod) => {
            counted('handoffDemo');
            const bff = demoBff({ LOG_LEVEL: 'warn' });
            const day = (n: number) => new Date(Date.parse('2026-11-26T00:00:00Z') - n * 86_400_000).toISOString().slice(0, 10);
            const q: GeneratedQuery = {
              pairs: [
                { key: 'from', value: day(back + len), encoding: 'standard' },
                { key: 'to', value: day(back), encoding: 'standard' },
                { key: 'handoff', value: '1', encoding: 'standard' },
                ...(resolution === null ? [] : [{ key: 'resolution', value: resolution, encoding: 'standard' as const }]),
                ...(filename === null ? [] : [{ key: 'filename', value: filename, encoding: 'standard' as const }]),
              ],
              separator: '&',
              filler: 0,
            };
            const o = await exercise(bff, withQuery('/api/export', q), {});
            if (o.status !== 200) return;
            const { download } = JSON.parse(o.body) as { download: string };
            // Another method on the link first: it must neither serve nor spend it.
            const upper = linkMethod.toUpperCase();
            if (upper !== 'GET') {
              const other = await exercise(bff, download, { method: linkMethod });
              if (other.status < 400) throw new Violation(`${linkMethod} ${download} -> ${other.status}`);
            }
            await claim(bff, o);
            const madeUp = await exercise(bff, `/api/export/file/${crypto.randomUUID()}`, {});
            if (madeUp.status !== 404) throw new Violation(`a made-up link -> ${madeUp.status}`);
          },
        ),
        params('handoffDemo'),
      );
    },
    timeoutFor('handoffDemo', 100),
  );

  it(
    'any method on any path: never a 5xx or a crash, wrong methods 404/405 in our shape without a vendor call',
    async () => {
      const path = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...ENDPOINTS) }, { weight: 1, arbitrary: oddApiPath });
      await fc.assert(
        fc.asyncProperty(method, path, anyQuery, body, headers, async (m, p, q, b, h) => {
          counted('methodsDemo');
          const bff = demoBff({ LOG_LEVEL: 'warn' });
          const upper = m.toUpperCase();
          const init: RequestInit & { headers: Record<string, string> } = {
            method: m,
            headers: h,
            ...(b === null || upper === 'GET' || upper === 'HEAD' ? {} : { body: b }),
          };
          const o = await exercise(bff, withQuery(p, q), init);
          if (upper !== 'GET' && upper !== 'HEAD' && o.status < 400) throw new Violation(`${m} ${p} -> ${o.status}`);
        }),
        params('methodsDemo'),
      );
    },
    timeoutFor('methodsDemo', 60),
  );

  // Found by this suite: a 400 about `devices` used to quote the item as sent, so markup, bidi
  // overrides and U+2028 came back raw inside the JSON message; it now quotes plain text only.
  it(
    'no input echoed unescaped: no hostile fragment of a query or header comes back raw in a body or header',
    async () => {
      const path = fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom('/api/history', '/api/export') },
        { weight: 2, arbitrary: fc.constantFrom(...ENDPOINTS) },
        { weight: 1, arbitrary: oddApiPath },
      );
      await fc.assert(
        fc.asyncProperty(method, path, fc.oneof({ weight: 3, arbitrary: hostileQuery }, { weight: 1, arbitrary: anyQuery }), headers, async (m, p, q, h) => {
          counted('echoDemo');
          const bff = demoBff({ LOG_LEVEL: 'warn' });
          const markers = [...markersIn(q), ...markersInHeaders(h), ...markersInText(routeOf(p))];
          const o = await exercise(bff, withQuery(p, q), { method: m, headers: h }, markers);
          await claim(bff, o, markers);
        }),
        params('echoDemo'),
      );
    },
    timeoutFor('echoDemo', 60),
  );
});
