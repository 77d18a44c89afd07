// Test support: a simulator served over real HTTP on a free loopback port, plus small helpers
// to call it the way the BFF does (a GET on `/` with query parameters).
import { type ServerType, serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { DEMO_ACCESS_KEY } from './accounts';
import { type Simulator, type SimulatorOptions, createSimulator } from './simulator';

export interface TestServer {
  sim: Simulator;
  base: string;
  /** GET `/` with these query parameters; `undefined` values are left out. */
  get(params: Record<string, string | undefined>, init?: RequestInit): Promise<Response>;
  url(params: Record<string, string | undefined>): string;
  close(): Promise<void>;
}

/** The instant most tests pin the clock to: a Thursday morning in November (Budapest 11:15:03). */
export const NOV_26 = new Date('2026-11-26T10:15:03Z');

/** A simulator with a 20 ms wrong-key delay and its clock fixed at `fixedAt`, served over HTTP. */
export async function startTestServer(options: SimulatorOptions = {}, fixedAt: Date | null = NOV_26): Promise<TestServer> {
  const sim = createSimulator({ authDelayMs: 20, ...options });
  if (fixedAt !== null) sim.clock.setFixed(fixedAt);
  return serveSimulator(sim);
}

/** Serves a simulator as it is, on a free loopback port. */
export async function serveSimulator(sim: Simulator): Promise<TestServer> {
  let server: ServerType | undefined;
  const port = await new Promise<number>((resolve) => {
    server = serve({ fetch: sim.app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => resolve(info.port));
  });
  const base = `http://127.0.0.1:${port}/`;
  const url = (params: Record<string, string | undefined>) => {
    const u = new URL(base);
    for (const [k, v] of Object.entries(params)) if (v !== undefined) u.searchParams.set(k, v);
    return u.toString();
  };
  return {
    sim,
    base,
    url,
    get: (params, init) => fetch(url(params), init),
    close: () =>
      new Promise<void>((resolve) => {
        if (server === undefined) return resolve();
        if ('closeAllConnections' in server) server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * The bodies `server` and two fresh simulators seeded `twin` and `other` answer to the same GET,
 * in that order: the determinism check of every action.
 */
export async function bodiesAcrossSeeds(
  server: TestServer,
  params: Record<string, string | undefined>,
  seeds: { twin: number; other: number },
): Promise<string[]> {
  const twin = await startTestServer({ seed: seeds.twin });
  const other = await startTestServer({ seed: seeds.other });
  try {
    return await Promise.all([server, twin, other].map(async (s) => (await s.get(params)).text()));
  } finally {
    await twin.close();
    await other.close();
  }
}

const defined = (extra: Record<string, string | undefined>) => Object.fromEntries(Object.entries(extra).filter(([, v]) => v !== undefined));

/** getoccupancy with the demo key unless another is given (an `undefined` extra changes nothing). */
export function occupancyParams(extra: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  return { action: 'getoccupancy', user_access_key: DEMO_ACCESS_KEY, ...defined(extra) };
}

export function csvParams(extra: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  return { action: 'downloadcsv', user_access_key: DEMO_ACCESS_KEY, ...defined(extra) };
}

export interface OccupancyRow {
  device_id: number;
  device_name: string;
  IN: number;
  OUT: number;
  Occupancy: number;
  CorrectedOccupancy: number;
}

export interface OccupancyBody {
  meta: { datetime_start: string; generated_utc: string };
  data: OccupancyRow[];
}

export async function occupancyJson(server: TestServer, extra: Record<string, string | undefined> = {}): Promise<OccupancyBody> {
  const res = await server.get(occupancyParams(extra));
  if (res.status !== 200) throw new Error(`getoccupancy answered ${res.status}`);
  return (await res.json()) as OccupancyBody;
}

export interface CsvRow {
  id: number;
  name: string;
  period: string;
  in: number;
  out: number;
}

/**
 * Parses the canonical CSV (comma, LF, quotes only where needed). Deliberately strict: tests
 * of other shapes look at the raw text instead.
 */
export function parseCanonicalCsv(text: string): { header: string; rows: CsvRow[] } {
  const lines = text.split('\n');
  if (lines.at(-1) !== '') throw new Error('CSV does not end with a line break');
  lines.pop();
  const header = lines.shift() ?? '';
  const rows = lines.map((line) => {
    const m = /^(\d+),("(?:[^"]|"")*"|[^,"]*),([^,]+),(\d+),(\d+)$/.exec(line);
    if (m === null) throw new Error(`not a canonical CSV row: ${line}`);
    const rawName = m[2] ?? '';
    const name = rawName.startsWith('"') ? rawName.slice(1, -1).replaceAll('""', '"') : rawName;
    return { id: Number(m[1]), name, period: m[3] ?? '', in: Number(m[4]), out: Number(m[5]) };
  });
  return { header, rows };
}

export async function csvText(server: TestServer, extra: Record<string, string | undefined> = {}): Promise<string> {
  const res = await server.get(csvParams(extra));
  if (res.status !== 200) throw new Error(`downloadcsv answered ${res.status}`);
  return res.text();
}

/** Reads a body until it ends or fails; returns what arrived and the failure, if any. */
export async function readAll(res: Response): Promise<{ bytes: Uint8Array; error: unknown }> {
  const chunks: Uint8Array[] = [];
  let error: unknown = null;
  const reader = res.body?.getReader();
  if (reader !== undefined) {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        chunks.push(value);
      }
    } catch (e) {
      error = e;
    }
  }
  const total = chunks.reduce((n, c) => n + c.byteLength, 0);
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  return { bytes, error };
}

/** Sums IN and OUT per device id. */
export function sumByDevice(rows: readonly CsvRow[]): Map<number, { in: number; out: number }> {
  const sums = new Map<number, { in: number; out: number }>();
  for (const r of rows) {
    const s = sums.get(r.id) ?? { in: 0, out: 0 };
    s.in += r.in;
    s.out += r.out;
    sums.set(r.id, s);
  }
  return sums;
}

/** Polls every `everyMs` until `condition` holds or `timeoutMs` passes; returns whether it held. */
/** Runs `fn` and measures it in wall-clock ms (for latency faults, which are real delays). */
export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await fn();
  return { ms: performance.now() - started, value };
}

export async function eventually(condition: () => boolean, timeoutMs = 2000, everyMs = 10): Promise<boolean> {
  const until = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > until) return false;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  return true;
}
