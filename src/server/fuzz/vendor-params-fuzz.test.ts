// Property-based tests of what reaches the vendor, with a configured (distinctive) key and every
// vendor URL recorded: a request that failed validation asks nothing, and every vendor call carries
// exactly the validated values in the vendor's own well-formed terms, never the raw input.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, it } from 'vitest';
import { VENDOR_URL } from '../test/support';
import { type GeneratedQuery, anyQuery, headers, queryString, rangeQuery, spaceValue, withQuery } from './arbitraries';
import { Violation, checkAnswer, checkNoKey, checkVendorUrl, errorOf, expectedCsvParams, routeOf, send } from './checks';
import { counted, params, reportCounts, timeoutFor } from './fuzz-settings';
import { FUZZ_KEY, KEY_FORMS, recordingVendor } from './vendor-stub';

afterAll(reportCounts);

/** A site file with spaces, and the doors of each as the vendor must be asked for them (null: no such space). */
const SPACES = [
  {
    id: 'site',
    name: 'Building',
    doors: [
      { device: 91, side: 'in' },
      { device: 92, side: 'in' },
    ],
  },
  {
    id: 'pool',
    name: 'Pool hall',
    parent: 'site',
    doors: [
      { device: 93, side: 'in' },
      { device: 94, side: 'out' },
    ],
  },
  { id: 'gym', name: 'Gym', parent: 'site', doors: [{ device: 110, side: 'out' }] },
  { id: 'store', name: 'Store room', parent: 'site' },
];
const configuredDevicelist = (space: string): string | null | undefined => {
  const found = SPACES.find((s) => s.id === space);
  return found === undefined ? undefined : (found.doors ?? []).map((d) => d.device).join(',');
};
const defaultDevicelist = (space: string): string | null | undefined =>
  space === 'site' ? null : /^device-[1-9]\d{0,8}$/.test(space) ? space.slice('device-'.length) : undefined;
const siteDir = mkdtempSync(join(tmpdir(), 'fuzz-spaces-'));
const SITE_FILE = join(siteDir, 'site.json');
writeFileSync(SITE_FILE, JSON.stringify({ spaces: SPACES }));
afterAll(() => rmSync(siteDir, { recursive: true, force: true }));

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

  it(
    'space=: a space asks the vendor for exactly its doors; an unknown or malformed id, or a space with devices, is a 400 naming `space` that asks nothing',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom('/api/history', '/api/export'),
          fc.boolean(),
          spaceValue,
          fc.constantFrom(null, '93', '91,92', 'all', ''),
          fc.constantFrom('day', 'hour'),
          async (p, configured, space, devices, resolution) => {
            counted('spaceQueries');
            const bff = recordingVendor(() => ({ kind: 'healthy' }), { ...HEALTHY_LIMITS, ...(configured ? { SITE_CONFIG_FILE: SITE_FILE } : {}) });
            const q: GeneratedQuery = {
              pairs: [
                { key: 'from', value: '2026-11-24', encoding: 'standard' },
                { key: 'to', value: '2026-11-25', encoding: 'standard' },
                { key: 'resolution', value: resolution, encoding: 'standard' },
                { key: 'space', value: space, encoding: 'standard' },
                ...(devices === null ? [] : [{ key: 'devices', value: devices, encoding: 'standard' as const }]),
              ],
              separator: '&',
              filler: 0,
            };
            const path = withQuery(p, q);
            const o = await send(bff.app, path);
            checkAnswer(o, routeOf(path), { vendorFailing: false });
            // The id as the server reads it: the sent value (lone surrogates sent as U+FFFD), trimmed.
            const id = new URLSearchParams(queryString(q)).get('space')!.trim();
            const listed = devices !== null && devices !== '' && devices !== 'all';
            const doors = configured ? configuredDevicelist(id) : defaultDevicelist(id);
            const refused = (message: (m: string) => boolean, why: string) => {
              if (o.status !== 400) throw new Violation(`${why}: ${path} -> ${o.status}`);
              const error = errorOf(o);
              if (error.field !== 'space' || !message(error.message)) throw new Violation(`${why}: ${path} -> ${JSON.stringify(error)}`);
              if (bff.urls.length > 0) throw new Violation(`${why}: a 400 that asked the vendor: ${path}`);
            };
            if (id === '') return; // no space: the devices filter as before (the generic properties check it)
            if (!/^[a-z0-9][a-z0-9_-]{0,39}$/.test(id)) return refused((m) => m.startsWith('A space id is'), 'a malformed space id');
            if (listed) return refused((m) => m.includes('not both'), 'a space with devices');
            if (doors === undefined) return refused((m) => m === `There is no space "${id}".`, 'an unknown space');
            const csv = bff.urls.filter((u) => u.searchParams.get('action') === 'downloadcsv');
            if (doors === '') {
              // A space without doors: nothing to ask (an empty list would mean every device).
              if (csv.length > 0) throw new Violation(`a space without doors asked the vendor: ${path}`);
              const expected = p === '/api/history' ? 200 : 404;
              if (o.status !== expected) throw new Violation(`a space without doors: ${path} -> ${o.status}`);
              return;
            }
            if (csv.length !== 1) throw new Violation(`a known space: ${csv.length} CSV downloads from the vendor: ${path} -> ${o.status}`);
            const sent = csv[0]!.searchParams.get('devicelist');
            if (sent !== doors) throw new Violation(`space ${id}: the vendor got devicelist=${JSON.stringify(sent)}, its doors are ${JSON.stringify(doors)}`);
            if (o.status === 200 && p === '/api/history' && (JSON.parse(o.body) as { space?: { id: string } }).space?.id !== id) {
              throw new Violation(`history for space ${id} without that space in the answer`);
            }
          },
        ),
        params('spaceQueries'),
      );
    },
    timeoutFor('spaceQueries', 80),
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
