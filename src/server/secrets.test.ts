// The access key never leaves the server: not in any response body or header, not in any log line,
// not in an error message, not in the built client bundle. Every scenario of the route tests is
// run here with one distinctive key, collecting everything the server says, and even a vendor
// that echoes the key back (in an HTML page, in JSON, in a transport error) must not make it leak.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT, NO_PRO_ACCOUNT, type Simulator } from '@/simulator';
import { type Bff, keyedBff, newSimulator, readAll, urlOf } from './test/support';
import type { FetchLike } from './upstream/wellpoint-client';

const RANDOM = crypto.randomUUID().replaceAll('-', '');
/** Distinctive, and with characters that URL encoders write differently (`/`, `+`, `~`, `!`). */
const KEY = `test-key-${RANDOM}/+~!`;
const NO_PRO_KEY = `test-key-nopro-${RANDOM.slice(0, 16)}`;

/** Every way the key could show up, whole or in a telling part. */
function leaks(text: string): string[] {
  const forms = new Set<string>();
  for (const key of [KEY, NO_PRO_KEY]) {
    forms.add(key);
    for (const encoded of [encodeURIComponent(key), new URLSearchParams({ k: key }).toString().slice(2)]) {
      forms.add(encoded);
      forms.add(encoded.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase())); // the same in lower-case hex
    }
    forms.add(JSON.stringify(key).slice(1, -1));
  }
  forms.add(RANDOM.slice(0, 12));
  forms.add(RANDOM.slice(-12));
  return [...forms].filter((f) => text.includes(f));
}

type Mode = 'normal' | 'rejected' | 'echo-html' | 'echo-json' | 'echo-csv-html' | 'throw-with-url';

/** The simulator behind a transport that can also behave like a careless vendor echoing the key. */
function vendor(sim: Simulator) {
  const state = { mode: 'normal' as Mode };
  const transport: FetchLike = (input, init) => {
    const url = urlOf(input);
    const key = url.searchParams.get('user_access_key') ?? '';
    switch (state.mode) {
      case 'normal':
        return sim.fetch(url, init);
      case 'rejected':
        url.searchParams.set('user_access_key', 'revoked');
        return sim.fetch(url, init);
      case 'echo-html':
        return Promise.resolve(
          new Response(`<!DOCTYPE html><p>Invalid user_access_key ${key} (${url.href})</p>`, { headers: { 'content-type': 'text/html' } }),
        );
      case 'echo-json':
        return Promise.resolve(Response.json({ error: `no devices for ${key}`, request: url.href }));
      case 'echo-csv-html':
        return Promise.resolve(new Response(`<html><body>Key ${key} expired</body></html>`, { headers: { 'content-type': 'text/csv' } }));
      case 'throw-with-url':
        return Promise.reject(new TypeError(`fetch failed for ${url.href}`, { cause: new Error(`connect ECONNREFUSED (key ${key})`) }));
    }
  };
  return { state, transport };
}

describe('the access key never leaves the server', () => {
  /** Everything one server said: status, every header, the body (read to its end or failure), the failure. */
  function observe(bff: Bff) {
    const seen: string[] = [];
    return {
      seen,
      get: async (path: string): Promise<number> => {
        const res = await bff.app.request(path);
        const headers = [...res.headers.entries()].map(([k, v]) => `${k}: ${v}`).join('\n');
        const { bytes, error } = await readAll(res);
        const failure = error instanceof Error ? `${error.name}: ${error.message} ${error.cause instanceof Error ? error.cause.message : ''}` : '';
        seen.push(`${path} -> ${res.status}\n${headers}\n\n${Buffer.from(bytes).toString('utf8')}\n${failure}`);
        return res.status;
      },
      /** Nothing the server answered or logged holds the key. */
      expectNoLeak: async () => {
        await new Promise((r) => setImmediate(r));
        expect(seen.length).toBeGreaterThan(0);
        for (const text of seen) expect(leaks(text), text.slice(0, 200)).toEqual([]);
        expect(bff.logs.lines.length).toBeGreaterThan(0);
        expect(leaks(bff.logs.text())).toEqual([]);
      },
    };
  }

  function setup() {
    const sim = newSimulator({
      accounts: [
        { ...DEMO_ACCOUNT, key: KEY },
        { ...NO_PRO_ACCOUNT, key: NO_PRO_KEY },
      ],
    });
    const { state, transport } = vendor(sim);
    const bff = keyedBff(KEY, {
      sim,
      fetch: transport,
      env: { LOG_LEVEL: 'trace', UPSTREAM_TIMEOUT_MS: '1000', CACHE_SECONDS: '10', AUTH_BACKOFF_SECONDS: '30' },
    });
    return { ...bff, state, ...observe(bff) };
  }

  const EXPORT = '/api/export?from=2026-11-20&to=2026-11-26&resolution=hour';
  const probes = ['/api/occupancy', '/readyz', EXPORT];

  it('success, configuration, probes, an account without PRO devices', async () => {
    const { get, expectNoLeak, logs } = setup();
    expect(await get('/api/occupancy')).toBe(200);
    for (const path of ['/api/config', '/healthz', '/readyz', '/api/nope']) await get(path);
    expect(await get(EXPORT)).toBe(200);
    expect(await get(`/api/export?from=2026-11-20&to=2026-11-26&devices=91,92&filename=${encodeURIComponent('Résumé "x"')}`)).toBe(200);
    await expectNoLeak();
    expect(logs.text()).toContain('"level":20'); // debug and up: everything the server says was written

    const noPro = keyedBff(NO_PRO_KEY, { sim: newSimulator({ accounts: [{ ...NO_PRO_ACCOUNT, key: NO_PRO_KEY }] }), env: { LOG_LEVEL: 'trace' } });
    const observed = observe(noPro);
    expect(await observed.get('/api/occupancy')).toBe(200);
    expect(await observed.get(EXPORT)).toBe(404);
    await observed.expectNoLeak();
  });

  it('bad export requests, one of them with the key typed into it', async () => {
    const { get, sim, expectNoLeak } = setup();
    for (const query of [
      '',
      'from=2026-02-30&to=2026-03-01',
      'from=2026-11-27&to=2026-11-28',
      'from=2026-11-01&to=2026-11-02&devices=0',
      'from=2026-11-01&to=2026-11-02&resolution=week',
    ]) {
      expect(await get(`/api/export?${query}`)).toBe(400);
    }
    expect(sim.calls.downloadcsv).toBe(0);
    await expectNoLeak();
  });

  it.each([
    ['HTTP 500', { status: 500 }],
    ['HTTP 503', { status: 503 }],
    ['a reset', { reset: true }],
    ['a cut-off body', { truncate: true }],
    ['a PHP warning', { nonJson: true }],
    ['the HTML page', { html: true }],
    ['an HTML page half-way through the CSV', { htmlMidway: true }],
    ['an answer too late', { latencyMs: 1100 }],
  ] as const)('the vendor fails with %s, with no good answer and then with a stale one', async (_label, faults) => {
    const { get, sim, expectNoLeak } = setup();
    sim.setFaults(faults);
    await Promise.all(probes.map((p) => get(p)));
    sim.clearFaults();
    sim.clock.advance(31_000); // past any auth back-off
    expect(await get('/api/occupancy')).toBe(200);
    sim.setFaults(faults);
    sim.clock.advance(11_000);
    await Promise.all(probes.map((p) => get(p)));
    await expectNoLeak();
  });

  it.each(['rejected', 'echo-html', 'echo-json', 'echo-csv-html', 'throw-with-url'] as const)('a vendor that %s', async (mode) => {
    const { get, state, sim, logs, expectNoLeak } = setup();
    state.mode = mode;
    for (const p of probes) expect(await get(p)).toBeGreaterThanOrEqual(400);
    state.mode = 'normal';
    sim.clock.advance(31_000);
    expect(await get('/api/occupancy')).toBe(200);
    state.mode = mode;
    sim.clock.advance(11_000);
    for (const p of probes) await get(p);
    await expectNoLeak();
    if (mode.startsWith('echo') || mode === 'throw-with-url') expect(logs.text()).toContain('[REDACTED]'); // the key was there to take out
  });
});

describe('the built client bundle', () => {
  it('holds no trace of the key, even when the build runs with the key in its environment', async () => {
    const root = resolve(import.meta.dirname, '../..');
    const outDir = mkdtempSync(join(tmpdir(), 'occupancy-bundle-'));
    const saved = process.env.WELLPOINT_ACCESS_KEY;
    process.env.WELLPOINT_ACCESS_KEY = KEY;
    try {
      const { build } = await import('vite');
      await build({ root, configFile: join(root, 'vite.config.ts'), logLevel: 'silent', build: { outDir, emptyOutDir: true } });
      const files = readdirSync(outDir, { recursive: true, withFileTypes: true }).filter((f) => f.isFile());
      expect(files.some((f) => f.name.endsWith('.js'))).toBe(true);
      expect(files.some((f) => f.name === 'index.html')).toBe(true);
      for (const f of files) expect(leaks(readFileSync(join(f.parentPath, f.name)).toString('latin1')), f.name).toEqual([]);
    } finally {
      if (saved === undefined) delete process.env.WELLPOINT_ACCESS_KEY;
      else process.env.WELLPOINT_ACCESS_KEY = saved;
      rmSync(outDir, { recursive: true, force: true });
    }
  }, 60_000);
});
