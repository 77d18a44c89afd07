// `npx tsx scripts/filename-redos.ts [port]`: issue 10 item 5, measured. Times safeFilename on
// hostile names, then serves the demo BFF and samples /healthz while 10 clients send the 15,900-dot
// name to /api/export. Prints figures only; it asserts nothing.
import { performance } from 'node:perf_hooks';
import { serve } from '@hono/node-server';
import autocannon from 'autocannon';
import { safeFilename } from '@/shared/export-query';
import { compose } from '@/server/compose';
import { openStore } from '@/server/store/store';
import { loadEnv } from '@/server/env';

const port = Number(process.argv[2] ?? 9200);
// A run of characters trimmed at the end, with a letter on each side: the quadratic shape.
const dots = `a${'.'.repeat(15_900)}b`;
const shapes: Record<string, string> = {
  'a + 15,900 dots + b': dots,
  'a + 15,900 spaces + b': `a${' '.repeat(15_900)}b`,
  'a + 15,900 of -_. + b': `a${'-_.'.repeat(5_300)}b`,
  'a + 15,900 combining marks': `a${'\u0301'.repeat(15_900)}`,
};

for (const [label, name] of Object.entries(shapes)) {
  safeFilename(name); // warm up
  const runs = 5;
  const started = performance.now();
  for (let i = 0; i < runs; i++) safeFilename(name);
  console.log(`safeFilename(${label}): ${((performance.now() - started) / runs).toFixed(2)} ms`);
}

const { app } = compose(loadEnv({ SITE_TIMEZONE: 'Europe/Budapest', LOG_LEVEL: 'silent', EXPORT_CONCURRENCY: '4' }), {
  clientDist: null,
  store: openStore({ file: ':memory:' }),
});
const server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' });
await new Promise((r) => setTimeout(r, 200));
const base = `http://127.0.0.1:${port}`;

async function healthz(ms: number): Promise<number[]> {
  const times: number[] = [];
  const until = performance.now() + ms;
  while (performance.now() < until) {
    const t = performance.now();
    await (await fetch(`${base}/healthz`)).arrayBuffer();
    times.push(performance.now() - t);
    await new Promise((r) => setTimeout(r, 50));
  }
  return times;
}
const summary = (t: number[]) => {
  const s = [...t].sort((a, b) => a - b);
  return `n=${s.length} median ${s[Math.floor(s.length / 2)]!.toFixed(1)} ms, max ${s[s.length - 1]!.toFixed(1)} ms`;
};

console.log(`/healthz idle: ${summary(await healthz(2_000))}`);
const hostile = `/api/export?from=2026-11-20&to=2026-11-26&filename=${dots}`;
const probe = await fetch(base + hostile);
console.log(`hostile request answers HTTP ${probe.status}`);
await probe.body?.cancel();
const load = autocannon({ url: base + hostile, connections: 10, duration: 6 });
const [under, result] = await Promise.all([healthz(5_000), load]);
console.log(`/healthz while 10 clients send the 15,900-dot name: ${summary(under)}`);
console.log(
  `hostile requests answered: ${result.requests.total} (${Object.entries(result.statusCodeStats ?? {})
    .map(([s, v]) => `${s}: ${v.count}`)
    .join(', ')})`,
);
server.close();
process.exit(0);
