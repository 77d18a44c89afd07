// Memory sampling for the kiosk soak (e2e/soak.spec.ts, the short one inside `npm test`, and
// scripts/soak.ts, the long one): the page's JS heap after a forced full GC and its DOM node and
// event-listener counts, read over the Chrome DevTools Protocol, and a verdict on whether they
// trend upwards beyond noise.
import { type CDPSession, expect, type Page } from '@playwright/test';

export interface MemorySample {
  /** Seconds since polling started. */
  seconds: number;
  /** Occupancy answers the page had received. */
  polls: number;
  heapBytes: number;
  /** Live plain objects and arrays: kept answers, state or props show up here one by one. */
  jsObjects: number;
  domNodes: number;
  listeners: number;
}

export const KIOSK_SOAK_PATH = (pollMs: number, rotateSeconds: number) =>
  // reload=off: a daily reload in the middle of a soak would reset what is being measured.
  `/kiosk?poll=${pollMs}&rotate=${rotateSeconds}&reload=off`;

export async function memorySession(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  return cdp;
}

const PROBE_GROUP = 'kiosk-soak-probe';

/** How many live objects have `prototype` (an expression) as their prototype; the probe's own handles are released. */
async function countObjects(cdp: CDPSession, prototype: string): Promise<number> {
  try {
    const { result } = await cdp.send('Runtime.evaluate', { expression: prototype, objectGroup: PROBE_GROUP });
    if (result.objectId === undefined) throw new Error(`${prototype} is not an object`);
    const { objects } = await cdp.send('Runtime.queryObjects', { prototypeObjectId: result.objectId, objectGroup: PROBE_GROUP });
    if (objects.objectId === undefined) throw new Error('queryObjects returned no array');
    const { result: length } = await cdp.send('Runtime.callFunctionOn', {
      objectId: objects.objectId,
      functionDeclaration: 'function () { return this.length; }',
      returnByValue: true,
    });
    return Number(length.value);
  } finally {
    await cdp.send('Runtime.releaseObjectGroup', { objectGroup: PROBE_GROUP });
  }
}

/** One sample: two full collections first, so what is left is what the page holds on to. */
export async function sampleMemory(cdp: CDPSession, seconds: number, polls: number): Promise<MemorySample> {
  const jsObjects = (await countObjects(cdp, 'Object.prototype')) + (await countObjects(cdp, 'Array.prototype'));
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const counters = await cdp.send('Memory.getDOMCounters');
  return { seconds, polls, heapBytes: usedSize, jsObjects, domNodes: counters.nodes, listeners: counters.jsEventListeners };
}

/** Counts the occupancy answers a page receives. */
export function countPolls(page: Page): { readonly value: number } {
  const counter = { value: 0 };
  page.on('response', (response) => {
    if (new URL(response.url()).pathname === '/api/occupancy' && response.ok()) counter.value += 1;
  });
  return counter;
}

export interface Trend {
  first: number;
  last: number;
  /** last − first, of the medians of the first and last third. */
  growth: number;
  limit: number;
  ok: boolean;
}

export interface Verdict {
  ok: boolean;
  heap: Trend;
  jsObjects: Trend;
  domNodes: Trend;
  listeners: Trend;
  /** Least-squares slope of the heap, bytes per 1,000 polls (for the report, not the verdict). */
  heapSlopePer1000Polls: number;
}

export interface Limit {
  /** Growth allowed as a share of the first third's value. */
  ratio: number;
  /** Growth always allowed (noise). */
  absolute: number;
}

export interface FlatLimits {
  heap: Limit;
  jsObjects: Limit;
  domNodes: Limit;
  listeners: Limit;
}

/**
 * How much the median of the last third may exceed that of the first before it counts as a leak.
 *
 * The heap after a full GC still wanders, and keeps rising for the first few hundred polls while
 * V8 lands optimised code (about 1 KB per poll, falling), which in a short soak is as much as a
 * page keeping every answer (about 1 KB each) would add. So the heap gets a generous 10 % or
 * 768 KB, and the sharp test is the count of live objects and arrays, which has no warm-up: a
 * kept answer is 16 of them, every poll. DOM nodes and listeners must stay put too.
 */
export const FLAT_LIMITS: FlatLimits = {
  heap: { ratio: 0.1, absolute: 768 * 1024 },
  jsObjects: { ratio: 0.05, absolute: 300 },
  domNodes: { ratio: 0.05, absolute: 60 },
  listeners: { ratio: 0.05, absolute: 10 },
};

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function trend(samples: readonly MemorySample[], pick: (s: MemorySample) => number, limit: Limit): Trend {
  const third = Math.max(1, Math.floor(samples.length / 3));
  const first = median(samples.slice(0, third).map(pick));
  const last = median(samples.slice(-third).map(pick));
  const allowed = Math.max(first * limit.ratio, limit.absolute);
  return { first, last, growth: last - first, limit: allowed, ok: last - first <= allowed };
}

function slope(samples: readonly MemorySample[]): number {
  const n = samples.length;
  if (n < 2) return 0;
  const mx = samples.reduce((a, s) => a + s.polls, 0) / n;
  const my = samples.reduce((a, s) => a + s.heapBytes, 0) / n;
  let num = 0;
  let den = 0;
  for (const s of samples) {
    num += (s.polls - mx) * (s.heapBytes - my);
    den += (s.polls - mx) ** 2;
  }
  return den === 0 ? 0 : (num / den) * 1000;
}

/** `samples` are those after the warm-up. */
export function judgeFlat(samples: readonly MemorySample[], limits: FlatLimits = FLAT_LIMITS): Verdict {
  if (samples.length < 6) throw new Error(`a flat-memory verdict needs at least 6 samples, got ${samples.length}`);
  const heap = trend(samples, (s) => s.heapBytes, limits.heap);
  const jsObjects = trend(samples, (s) => s.jsObjects, limits.jsObjects);
  const domNodes = trend(samples, (s) => s.domNodes, limits.domNodes);
  const listeners = trend(samples, (s) => s.listeners, limits.listeners);
  return {
    ok: heap.ok && jsObjects.ok && domNodes.ok && listeners.ok,
    heap,
    jsObjects,
    domNodes,
    listeners,
    heapSlopePer1000Polls: slope(samples),
  };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const signedKb = (bytes: number) => `${bytes >= 0 ? '+' : '−'}${kb(Math.abs(bytes))}`;

export function formatSample(s: MemorySample): string {
  return `${s.seconds.toFixed(0).padStart(5)} s  ${String(s.polls).padStart(6)} polls  heap ${kb(s.heapBytes).padStart(9)}  objects ${String(s.jsObjects).padStart(6)}  DOM nodes ${String(s.domNodes).padStart(5)}  listeners ${String(s.listeners).padStart(4)}`;
}

export function formatVerdict(v: Verdict): string[] {
  const line = (name: string, t: Trend, fmt: (n: number) => string, signed: (n: number) => string) =>
    `${name.padEnd(10)} first third ${fmt(t.first).padStart(9)}  last third ${fmt(t.last).padStart(9)}  growth ${signed(t.growth).padStart(9)} (limit ${fmt(t.limit)})  ${t.ok ? 'flat' : 'GROWING'}`;
  const count = (n: number) => n.toFixed(0);
  const signedCount = (n: number) => `${n >= 0 ? '+' : '−'}${Math.abs(n).toFixed(0)}`;
  return [
    line('JS heap', v.heap, kb, signedKb),
    line('objects', v.jsObjects, count, signedCount),
    line('DOM nodes', v.domNodes, count, signedCount),
    line('listeners', v.listeners, count, signedCount),
    `heap slope ${signedKb(v.heapSlopePer1000Polls)} per 1,000 polls (least squares, for information)`,
    v.ok ? 'verdict: flat (no upward trend beyond noise)' : 'verdict: LEAK (an upward trend beyond noise)',
  ];
}

/** A deliberate leak, to see the soak fail: keeps every occupancy answer forever, as a careless page would. */
export const LEAK_EVERY_ANSWER = `(() => {
  const kept = (window.__keptAnswers = []);
  const fetch = window.fetch.bind(window);
  window.fetch = async (...args) => {
    const response = await fetch(...args);
    if (String(args[0]).includes('/api/occupancy')) response.clone().json().then((body) => kept.push(body), () => {});
    return response;
  };
})();`;

export interface SoakOptions {
  /** Answers the page must have had before the first sample counts (JIT, caches and fonts settle). */
  warmupPolls: number;
  /** Answers between the first and the last sample: the soak goes on until the page has had them. */
  polls: number;
  /** At least this many samples, whatever the answers (a verdict needs six). */
  minSamples: number;
  everyMs: number;
  onSample?: (sample: MemorySample) => void | Promise<void>;
}

/**
 * Lets the page poll through the warm-up, then samples every `everyMs` until it has received
 * `polls` more answers (and `minSamples` samples). Counted in answers, not seconds: a busy machine
 * polls more slowly and so soaks longer, instead of judging a shorter soak.
 */
export async function soak(page: Page, cdp: CDPSession, polls: { readonly value: number }, options: SoakOptions): Promise<MemorySample[]> {
  await expect.poll(() => polls.value, { timeout: 60_000 }).toBeGreaterThanOrEqual(options.warmupPolls);
  const started = Date.now();
  const samples: MemorySample[] = [];
  // Pages of cards differ in DOM size (seven doors, then five): every sample is of the first page,
  // and one that a page turn interrupted is taken again, so a turn never reads as growth.
  const firstPage = page.getByText(/^Page 1 of \d+$/);
  const paged = (await page.getByText(/^Page \d+ of \d+$/).count()) > 0;
  for (;;) {
    if (paged) await firstPage.waitFor();
    const sample = await sampleMemory(cdp, (Date.now() - started) / 1000, polls.value);
    if (paged && !(await firstPage.isVisible())) continue;
    samples.push(sample);
    await options.onSample?.(sample);
    if (samples.length >= options.minSamples && sample.polls - (samples[0]?.polls ?? 0) >= options.polls) return samples;
    await page.waitForTimeout(options.everyMs);
  }
}
