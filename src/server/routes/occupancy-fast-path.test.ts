// The Node listener's fast path for GET /api/occupancy (serverWithFastPath): a real server on
// loopback, asked over HTTP. It must answer what the Hono route answers, byte for byte, and hand
// everything else (other methods, a query, every error) to Hono without asking the vendor twice.
import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_ACCESS_KEY } from '@/simulator';
import { serverWithFastPath } from '../app';
import { type Listening, keyedBff, listen, newSimulator } from '../test/support';

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function get(url: string, { method = 'GET', headers = {} }: { method?: string; headers?: Record<string, string> } = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** The headers that describe the answer (not the connection or the moment). */
function described(headers: Raw['headers'] | Headers): Record<string, string> {
  const skip = new Set(['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding']);
  const entries = headers instanceof Headers ? [...headers.entries()] : Object.entries(headers).map(([k, v]) => [k, String(v)] as const);
  return Object.fromEntries(entries.filter(([k]) => !skip.has(k)).sort(([a], [b]) => a.localeCompare(b)));
}

let server: Listening | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

/** The app served through the fast path; `hono` counts the requests that reached Hono. */
async function served(app: ReturnType<typeof keyedBff>['app']) {
  const counter = { hono: 0 };
  server = await listen((req, env) => {
    counter.hono++;
    return app.fetch(req, env);
  }, serverWithFastPath(app));
  return { base: server.base, counter };
}

describe('GET /api/occupancy in the Node listener', () => {
  it.each([['br'], ['gzip'], [undefined]])(
    'answers Accept-Encoding %s itself, with the bytes and headers of the Hono route and a Content-Length',
    async (encoding) => {
      const { app } = keyedBff(DEMO_ACCESS_KEY);
      const { base, counter } = await served(app);
      const headers: Record<string, string> = encoding === undefined ? {} : { 'accept-encoding': encoding };
      const fast = await get(`${base}/api/occupancy`, { headers });
      const viaHono = await app.request('/api/occupancy', { headers });

      expect(counter.hono).toBe(0);
      expect(fast.status).toBe(200);
      expect(fast.body.equals(Buffer.from(await viaHono.arrayBuffer()))).toBe(true);
      expect(described(fast.headers)).toEqual(described(viaHono.headers));
      expect(fast.headers['content-length']).toBe(String(fast.body.length));
      expect(fast.headers['transfer-encoding']).toBeUndefined();
      expect(fast.headers['content-encoding']).toBe(encoding);
    },
  );

  it('hands HEAD, a query string and other paths to Hono', async () => {
    const { app } = keyedBff(DEMO_ACCESS_KEY);
    const { base, counter } = await served(app);
    expect((await get(`${base}/api/occupancy`, { method: 'HEAD' })).status).toBe(200);
    expect((await get(`${base}/api/occupancy?x=1`)).status).toBe(200);
    expect((await get(`${base}/api/config`)).status).toBe(200);
    expect(counter.hono).toBe(3);
  });

  it('hands an error to Hono, which answers it in the one error shape with the security headers', async () => {
    // Access resolved from the request, as in production: no session, so nobody.
    const { app } = keyedBff(DEMO_ACCESS_KEY, { assume: null, env: { ADMIN_EMAIL: 'ada@example.org', ADMIN_PASSWORD: 'a long enough password' } });
    const { base, counter } = await served(app);
    const res = await get(`${base}/api/occupancy`);
    expect(res.status).toBe(401);
    expect(JSON.parse(res.body.toString('utf8'))).toEqual({ error: { code: 'unauthorized', message: 'Sign in to see the live counts.' } });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(counter.hono).toBe(1);
  });

  it('a failing vendor is asked once per request, not again by the Hono route that answers the error', async () => {
    const sim = newSimulator();
    sim.setFaults({ status: 500 });
    const { app } = keyedBff(DEMO_ACCESS_KEY, { sim });
    const { base, counter } = await served(app);
    const res = await get(`${base}/api/occupancy`);
    expect(res.status).toBe(503);
    expect((JSON.parse(res.body.toString('utf8')) as { error: { code: string } }).error.code).toBe('upstream_unavailable');
    expect(counter.hono).toBe(1);
    expect(sim.calls.getoccupancy).toBe(1);
  });
});
