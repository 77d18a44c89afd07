// How many cases each property of the fuzz suite generates, and with which seed. Inside `npm test`
// the base figures below (over 2,000 in all); `npm run fuzz` (scripts/fuzz.ts) scales them through
// FUZZ_RUNS and replays a failure through FUZZ_SEED / FUZZ_PATH. Test-only: the server itself reads
// its environment in env.ts alone.
import { appendFileSync } from 'node:fs';
import type fc from 'fast-check';

/** Cases per property inside `npm test`. */
export const BASE_RUNS = {
  anyEndpointDemo: 500,
  rangeQueriesDemo: 450,
  handoffDemo: 120,
  methodsDemo: 250,
  echoDemo: 300,
  vendorParams: 400,
  fastFailures: 400,
  slowFailures: 2,
  headNoVendor: 100,
  spaceQueries: 200,
} as const;
export type PropertyName = keyof typeof BASE_RUNS;

export const BASE_TOTAL = Object.values(BASE_RUNS).reduce((a, b) => a + b, 0);

const parsed = {
  runs: Number(process.env.FUZZ_RUNS ?? '') || null,
  seed: process.env.FUZZ_SEED === undefined || process.env.FUZZ_SEED === '' ? null : Number(process.env.FUZZ_SEED),
  path: process.env.FUZZ_PATH === undefined || process.env.FUZZ_PATH === '' ? null : process.env.FUZZ_PATH,
  report: process.env.FUZZ_REPORT === undefined || process.env.FUZZ_REPORT === '' ? null : process.env.FUZZ_REPORT,
};
if (parsed.seed !== null && !Number.isInteger(parsed.seed)) throw new Error('FUZZ_SEED must be an integer (the seed fast-check printed)');

/** FUZZ_RUNS is the total wanted across the suite; every property gets its share. */
export const SCALE = parsed.runs === null ? 1 : parsed.runs / BASE_TOTAL;
/** Whether this is `npm run fuzz` (long runs), not `npm test`. */
export const FUZZING = SCALE > 1;

export function numRuns(name: PropertyName): number {
  return Math.max(1, Math.round(BASE_RUNS[name] * SCALE));
}

/** fast-check's parameters for one property: its runs, and the seed and path to replay, if given. */
export function params<T>(name: PropertyName, extra: fc.Parameters<T> = {}): fc.Parameters<T> {
  return {
    ...extra,
    numRuns: numRuns(name),
    ...(parsed.seed === null ? {} : { seed: parsed.seed }),
    ...(parsed.path === null ? {} : { path: parsed.path }),
  };
}

/** A time limit for a test that runs `name` (ms per case, generous: the machine is shared). */
export function timeoutFor(name: PropertyName, msPerCase: number): number {
  return 30_000 + numRuns(name) * msPerCase;
}

const counts = new Map<string, number>();

/** Counts one generated case (for the figures `npm run fuzz` prints). */
export function counted(name: PropertyName): void {
  counts.set(name, (counts.get(name) ?? 0) + 1);
}

/** Appends this file's counts to FUZZ_REPORT (when `npm run fuzz` asked for them). */
export function reportCounts(): void {
  if (parsed.report === null) return;
  for (const [name, cases] of counts) appendFileSync(parsed.report, `${JSON.stringify({ name, cases })}\n`);
}
