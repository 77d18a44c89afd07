// `npx tsx scripts/handoff-lockout.ts [port]`: issue 10 item 6, measured. One client (127.0.0.1)
// asks for 4 hand-off links and never fetches them; another (127.0.0.2) then asks every 250 ms
// until it gets one. Prints the answers and the wait; it asserts nothing. Demo mode, 4 slots.
import { get } from 'node:http';
import { performance } from 'node:perf_hooks';
import { serve } from '@hono/node-server';
import { compose } from '@/server/compose';
import { openStore } from '@/server/store/store';
import { loadEnv } from '@/server/env';

const port = Number(process.argv[2] ?? 9201);
const { app, simulator } = compose(loadEnv({ SITE_TIMEZONE: 'Europe/Budapest', LOG_LEVEL: 'silent', EXPORT_CONCURRENCY: '4' }), {
  clientDist: null,
  store: openStore({ file: ':memory:' }),
});
const server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' });
await new Promise((r) => setTimeout(r, 200));
const path = '/api/export?from=2026-11-01&to=2026-11-26&resolution=hour&handoff=1';

function ask(localAddress: string): Promise<{ status: number; retryAfter: string | undefined }> {
  return new Promise((resolve, reject) => {
    get({ host: '127.0.0.1', port, path, localAddress, agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, retryAfter: res.headers['retry-after'] }));
    }).on('error', reject);
  });
}

const first = [];
for (let i = 0; i < 4; i++) first.push(await ask('127.0.0.1'));
console.log(`client A, 4 links never fetched: ${first.map((a) => a.status + (a.retryAfter ? ` (Retry-After ${a.retryAfter})` : '')).join(', ')}`);
console.log(`vendor streams held open: ${simulator?.streams.open}`);
const started = performance.now();
let tries = 0;
for (;;) {
  tries += 1;
  const b = await ask('127.0.0.2');
  if (b.status === 200) break;
  if (performance.now() - started > 60_000) {
    console.log('client B: still refused after 60 s');
    break;
  }
  await new Promise((r) => setTimeout(r, 250));
}
console.log(`client B got a link after ${((performance.now() - started) / 1000).toFixed(1)} s (${tries} tries)`);
const lapse = performance.now();
while ((simulator?.streams.open ?? 0) > 1 && performance.now() - lapse < 60_000) await new Promise((r) => setTimeout(r, 100));
console.log(`client A's vendor streams closed ${((performance.now() - lapse) / 1000).toFixed(1)} s later (open now: ${simulator?.streams.open})`);
server.close();
process.exit(0);
