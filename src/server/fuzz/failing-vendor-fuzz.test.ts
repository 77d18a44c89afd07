// Property-based tests against a vendor that fails in every way (error statuses, 429 with
// Retry-After, its HTML page, garbage, truncated bodies, refused connections, hangs past the time
// limit), in generated sequences with healthy answers between them and the clock moving on: only
// the documented upstream errors, never a crash, never the key, never a call for a rejected request.
import fc from 'fast-check';
import { afterAll, describe, it } from 'vitest';
import { VENDOR_URL } from '../test/support';
import { ENDPOINTS, anyQuery, rangeQuery, withQuery } from './arbitraries';
import { Violation, asksFor, checkAnswer, checkNoKey, checkVendorUrl, expectedCsvParams, routeOf, send } from './checks';
import { counted, params, reportCounts, timeoutFor } from './fuzz-settings';
import { FUZZ_KEY, KEY_FORMS, type RecordingVendor, type VendorMode, fastFailure, recordingVendor, slowFailure } from './vendor-stub';

afterAll(reportCounts);

const endpoint = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('/api/occupancy', '/api/history', '/api/export', '/readyz') },
  { weight: 1, arbitrary: fc.constantFrom(...ENDPOINTS) },
);
const query = fc.oneof({ weight: 3, arbitrary: rangeQuery }, { weight: 1, arbitrary: anyQuery });

/** One request with its checks; returns its status. */
async function request(bff: RecordingVendor, path: string): Promise<number> {
  const o = await send(bff.app, path);
  checkAnswer(o, routeOf(path), { vendorFailing: true });
  checkNoKey(o, KEY_FORMS);
  return o.status;
}

/** One request alone, so the vendor URLs it caused are its own: none for a 400, each well-formed. */
async function step(bff: RecordingVendor, path: string): Promise<void> {
  const before = bff.urls.length;
  const status = await request(bff, path);
  const made = bff.urls.slice(before);
  if (status === 400 && made.length > 0) throw new Violation(`a 400 answer that asked the vendor: ${path}`);
  for (const url of made) checkVendorUrl(url, VENDOR_URL, FUZZ_KEY);
}

describe('fuzz: a vendor that fails in every way', () => {
  it(
    'sequences of fast failures and good answers: only upstream_* 5xx, our error shape, no key, no call for a 400',
    async () => {
      const mode = fc.oneof({ weight: 4, arbitrary: fastFailure }, { weight: 1, arbitrary: fc.constant<VendorMode>({ kind: 'healthy' }) });
      const steps = fc.array(fc.record({ mode, endpoint, query, advanceMs: fc.constantFrom(0, 0, 1_000, 11_000, 61_000, 901_000) }), {
        minLength: 1,
        maxLength: 4,
      });
      await fc.assert(
        fc.asyncProperty(steps, async (plan) => {
          counted('fastFailures');
          let current: VendorMode = { kind: 'healthy' };
          const bff = recordingVendor(() => current, { CACHE_SECONDS: '10', STALE_MAX_SECONDS: '900', AUTH_BACKOFF_SECONDS: '60' });
          for (const s of plan) {
            current = s.mode;
            bff.sim.clock.advance(s.advanceMs);
            await step(bff, withQuery(s.endpoint, s.query));
          }
        }),
        params('fastFailures'),
      );
    },
    timeoutFor('fastFailures', 120),
  );

  it(
    'a vendor that hangs, or stalls after the first bytes: 504/502/503 at the time limit, concurrent requests all answered',
    async () => {
      const batch = fc.array(fc.tuple(endpoint, query), { minLength: 8, maxLength: 16 });
      await fc.assert(
        fc.asyncProperty(slowFailure, batch, async (mode, requests) => {
          counted('slowFailures');
          const bff = recordingVendor(() => mode, { EXPORT_CONCURRENCY: '4' });
          // All at once: each waits for the (one-second) time limit, so the batch takes about one.
          const statuses = await Promise.all(requests.map(([p, q]) => request(bff, withQuery(p, q))));
          // Calls cannot be told apart by request here: each CSV call must be one that passed validation.
          const valid = requests.filter(
            ([p], i) => statuses[i] !== 400 && p !== '/api/occupancy' && p !== '/readyz' && p !== '/api/config' && p !== '/healthz',
          );
          for (const url of bff.urls) {
            checkVendorUrl(url, VENDOR_URL, FUZZ_KEY);
            if (url.searchParams.get('action') === 'downloadcsv' && !valid.some(([, q]) => asksFor(url, expectedCsvParams(q)))) {
              throw new Violation(`a CSV call for no request that passed validation: ${url.search.replace(/user_access_key=[^&]*/, 'user_access_key=<key>')}`);
            }
          }
        }),
        // Each case waits a second: report the first failure as found, without shrinking.
        params('slowFailures', { endOnFailure: true }),
      );
    },
    timeoutFor('slowFailures', 5_000),
  );
});
