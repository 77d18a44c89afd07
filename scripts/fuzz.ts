// `npm run fuzz`: the property-based fuzz suite (src/server/fuzz) at full size, 50,000 generated
// cases by default instead of the 2,000-odd that run inside `npm test`. Prints the cases each
// property ran, the total and the time. A failure prints fast-check's seed and path; replay it:
//
//   npm run fuzz                                   about 50,000 cases
//   npm run fuzz -- --runs=200000                  more
//   npm run fuzz -- --seed=-570469543 --path="26:0:0" -t "history and export queries"
//                                                  replays one failure (-t and any other
//                                                  argument goes to Vitest)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const REPO = resolve(import.meta.dirname, '..');
const DEFAULT_RUNS = 50_000;

const options: Record<'runs' | 'seed' | 'path', string | undefined> = { runs: undefined, seed: undefined, path: undefined };
const passThrough: string[] = [];
for (const arg of process.argv.slice(2)) {
  const m = /^--(runs|seed|path)=(.*)$/.exec(arg);
  if (m !== null) options[m[1] as keyof typeof options] = m[2];
  else passThrough.push(arg);
}
const runs = Number(options.runs ?? DEFAULT_RUNS);
if (!Number.isInteger(runs) || runs < 1) {
  console.error('--runs must be a whole number of cases, such as --runs=50000');
  process.exit(2);
}
if (options.seed !== undefined && !/^-?\d+$/.test(options.seed)) {
  console.error('--seed must be the integer fast-check printed, such as --seed=-570469543');
  process.exit(2);
}

const dir = mkdtempSync(join(tmpdir(), 'occupancy-fuzz-'));
const report = join(dir, 'cases.jsonl');
const started = performance.now();
const result = spawnSync(process.execPath, [resolve(REPO, 'node_modules/vitest/vitest.mjs'), 'run', '--project', 'node', 'src/server/fuzz', ...passThrough], {
  cwd: REPO,
  stdio: 'inherit',
  env: {
    ...process.env,
    FUZZ_RUNS: String(runs),
    FUZZ_SEED: options.seed ?? '',
    FUZZ_PATH: options.path ?? '',
    FUZZ_REPORT: report,
  },
});
const seconds = (performance.now() - started) / 1000;

const perProperty = new Map<string, number>();
try {
  for (const line of readFileSync(report, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const { name, cases } = JSON.parse(line) as { name: string; cases: number };
    perProperty.set(name, (perProperty.get(name) ?? 0) + cases);
  }
} catch {
  // No report: Vitest stopped before any property ran.
}
rmSync(dir, { recursive: true, force: true });

const total = [...perProperty.values()].reduce((a, b) => a + b, 0);
console.log('\nfuzz: generated cases run (shrinking included), by property');
for (const [name, cases] of [...perProperty].sort((a, b) => b[1] - a[1])) console.log(`  ${name.padEnd(18)} ${cases.toLocaleString('en')}`);
console.log(`  ${'total'.padEnd(18)} ${total.toLocaleString('en')} (asked for ${runs.toLocaleString('en')}) in ${seconds.toFixed(1)} s`);
process.exit(result.status ?? 1);
