// `npm run test:e2e`'s runner: the Playwright suite in two shards side by side, each with servers
// of its own (its own ports through E2E_PORT_BASE, its own data folders, its own results folder),
// so no test shares a simulator clock or a store with a test of the other shard. Most of an
// end-to-end test is waiting for polls, so two shards on two cores take little more than half
// the time of one. The spec files are dealt to the shards by their seconds in a CI run
// (e2e/durations.json; a file not listed there counts as 10 s), longest first, each to the shard
// with the least so far: Playwright's --shard splits by test count and file order, which left one
// shard a minute longer than the other. E2E_SHARDS=1 runs everything in one. Extra arguments go
// to every shard, and then Playwright's --shard splits (`npm run test:e2e -- e2e/kiosk.spec.ts`);
// the exit code is the worst shard's.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { dealSpecs } from './deal-specs';

const shards = Math.max(1, Number(process.env.E2E_SHARDS ?? 2) || 1);
const base = Number(process.env.E2E_PORT_BASE ?? 8790);
const args = process.argv.slice(2);

const E2E_DIR = fileURLToPath(new URL('../e2e/', import.meta.url));

/** Each shard's spec files, or null where Playwright's --shard splits (one shard, or files named). */
function shardFiles(): string[][] | null {
  if (shards === 1 || args.length > 0) return null;
  const specs = readdirSync(E2E_DIR).filter((f) => f.endsWith('.spec.ts'));
  const seconds = JSON.parse(readFileSync(`${E2E_DIR}durations.json`, 'utf8')) as Record<string, number>;
  return dealSpecs(specs, seconds, shards).map((files) => files.map((f) => `e2e/${f}`));
}
const dealt = shardFiles();

const children: ReturnType<typeof spawn>[] = [];
// Stopped, each shard stops its own servers (Playwright tears down its webServers on SIGINT/SIGTERM).
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    for (const child of children) child.kill(signal);
  });
}

function runShard(index: number): Promise<number> {
  const shardArgs = dealt !== null ? (dealt[index] ?? []) : shards > 1 ? [`--shard=${index + 1}/${shards}`] : [];
  // Playwright's own CLI, not through npx: a signal reaches it, and it stops its servers.
  const child = spawn(fileURLToPath(new URL('../node_modules/.bin/playwright', import.meta.url)), ['test', ...shardArgs, ...args], {
    env: {
      ...process.env,
      // 20 ports apart: e2e/support/ports.ts uses base … base + 10.
      E2E_PORT_BASE: String(base + index * 20),
      E2E_OUTPUT_DIR: process.env.E2E_OUTPUT_DIR ? `${process.env.E2E_OUTPUT_DIR}/shard-${index + 1}` : `test-results/shard-${index + 1}`,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  const prefix = shards > 1 ? `[${index + 1}/${shards}] ` : '';
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => process.stdout.write(`${prefix}${line}\n`));
  }
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))));
}

// A shard dealt no file would run them all (more shards than spec files): it is left out.
const codes = await Promise.all(
  Array.from({ length: shards }, (_, i) => i)
    .filter((i) => dealt?.[i]?.length !== 0)
    .map(runShard),
);
process.exit(Math.max(...codes));
