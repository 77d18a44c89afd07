// Property-based tests of what reaches the vendor, with a configured (distinctive) key and every
// vendor URL recorded: a request that failed validation asks nothing, and every vendor call carries
// exactly the validated values in the vendor's own well-formed terms, never the raw input.
import fc from 'fast-check';
import { afterAll, describe, it } from 'vitest';
import { VENDOR_URL } from '../test/support';
import { anyQuery, headers, rangeQuery, withQuery } from './arbitraries';
import { Violation, checkAnswer, checkNoKey, checkVendorUrl, expectedCsvParams, routeOf, send } from './checks';
import { counted, params, reportCounts, timeoutFor } from './fuzz-settings';
import { FUZZ_KEY, KEY_FORMS, recordingVendor } from './vendor-stub';

afterAll(reportCounts);

/** A healthy vendor is never too slow, however busy the machine: only a failing one may time out. */
const HEALTHY_LIMITS = { UPSTREAM_TIMEOUT_MS: '60000', EXPORT_TIMEOUT_MS: '60000' };

describe('fuzz: the vendor is asked only what passed validation', () => {
  it(
    'a 400 asks the vendor nothing; every vendor URL is well-formed and carries exactly the validated values',
    async () => {
      const endpoint = fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom('/api/history', '/api/export') },
        { weight: 1, arbitrary: fc.constantFrom('/api/occupancy', '/readyz') },
      );
      await fc.assert(
        fc.asyncProperty(endpoint, fc.oneof({ weight: 4, arbitrary: rangeQuery }, { weight: 1, arbitrary: anyQuery }), headers, async (p, q, h) => {
          counted('vendorParams');
          const bff = recordingVendor(() => ({ kind: 'healthy' }), HEALTHY_LIMITS);
          const path = withQuery(p, q);
          const o = await send(bff.app, path, { headers: h });
          checkAnswer(o, routeOf(path), { vendorFailing: false });
          checkNoKey(o, KEY_FORMS);
          if (o.status === 400 && bff.urls.length > 0) throw new Violation(`a 400 answer that asked the vendor ${bff.urls.length} time(s): ${path}`);
          for (const url of bff.urls) checkVendorUrl(url, VENDOR_URL, FUZZ_KEY);
          const csv = bff.urls.filter((u) => u.searchParams.get('action') === 'downloadcsv');
          if (csv.length > 1) throw new Violation(`one request, ${csv.length} CSV downloads from the vendor: ${path}`);
          const [url] = csv;
          if (url === undefined) return;
          const expected = expectedCsvParams(q);
          for (const [name, value] of Object.entries(expected)) {
            const sent = url.searchParams.get(name);
            if (sent !== value) throw new Violation(`the vendor got ${name}=${JSON.stringify(sent)}, validated ${JSON.stringify(value)}: ${path}`);
          }
        }),
        params('vendorParams'),
      );
    },
    timeoutFor('vendorParams', 80),
  );

  // Hono answers HEAD by running the GET handler: the routes must check the query and stop there.
  it(
    'HEAD on /api/history or /api/export never asks the vendor',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.constantFrom('/api/history', '/api/export'), rangeQuery, async (p, q) => {
          counted('headNoVendor');
          const bff = recordingVendor(() => ({ kind: 'healthy' }), HEALTHY_LIMITS);
          const path = withQuery(p, q);
          const o = await send(bff.app, path, { method: 'HEAD' });
          checkAnswer(o, routeOf(path), { vendorFailing: false });
          if (bff.urls.length > 0) throw new Violation(`HEAD ${path} -> ${o.status} asked the vendor ${bff.urls.length} time(s)`);
        }),
        params('headNoVendor'),
      );
    },
    timeoutFor('headNoVendor', 80),
  );
});
