// `npm run test:e2e`'s runner: the Playwright suite in two shards side by side, each with servers
// of its own (its own ports through E2E_PORT_BASE, its own data folders, its own results folder),
// so no test shares a simulator clock or a store with a test of the other shard. Most of an
// end-to-end test is waiting for polls, so two shards on two cores take little more than half
// the time of one. E2E_SHARDS=1 runs them one after the other as before. Extra arguments go to
// every shard (`npm run test:e2e -- e2e/kiosk.spec.ts`); the exit code is the worst shard's.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const shards = Math.max(1, Number(process.env.E2E_SHARDS ?? 2) || 1);
const base = Number(process.env.E2E_PORT_BASE ?? 8790);
const args = process.argv.slice(2);

const children: ReturnType<typeof spawn>[] = [];
// Stopped, each shard stops its own servers (Playwright tears down its webServers on SIGINT/SIGTERM).
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    for (const child of children) child.kill(signal);
  });
}

function runShard(index: number): Promise<number> {
  const shardArgs = shards > 1 ? [`--shard=${index + 1}/${shards}`] : [];
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

const codes = await Promise.all(Array.from({ length: shards }, (_, i) => runShard(i)));
process.exit(Math.max(...codes));
