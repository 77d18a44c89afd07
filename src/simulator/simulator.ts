// The simulated WELLPOINT Cloud API as a Hono app: routing by `action`, the access-key check and
// its 3-second HTML answer, the PRO-only device filter, the switchable faults, and the answer
// bodies. The same app serves over HTTP (@hono/node-server) and in-process (`app.fetch`).
import { Hono } from 'hono';
import type { Socket } from 'node:net';
import { type Account, BUILT_IN_ACCOUNTS, type Device, servedDevices } from './accounts';
import { type BodyContext, type BodyPiece, CUT, type StreamStats, connectionError, sleep, streamBody } from './body';
import { type SimClock, createClock } from './clock';
import { controlRoutes } from './control';
import { contentDisposition, csvChunks, csvRange } from './csv';
import { occupancyStart, occupancyTotals, renderOccupancy } from './occupancy';
import { type Faults, type VendorAction, VENDOR_ACTIONS, defaultFaults, defaultShape } from './settings';
import type { CallCounts, Simulator } from './simulator-types';
import { assertTimeZone } from './time';
import { AUTH_ERROR_PAGE, BAD_REQUEST_PAGE, GENERIC_ERROR_PAGE, NOT_FOUND_PAGE, PHP_WARNING_BODY, statusPage } from './vendor-pages';

export type { CallCounts, Simulator } from './simulator-types';

export interface SimulatorOptions {
  /** Seed of the synthetic traffic; the same seed gives the same counts, byte for byte. */
  seed?: number;
  clock?: SimClock;
  /** How long a wrong or missing key waits before its HTML answer; default 3000. */
  authDelayMs?: number;
  /** Default: the built-in accounts. */
  accounts?: readonly Account[];
  /** Mount the /__sim control routes; default true. */
  control?: boolean;
}

export const DEFAULT_SEED = 1;
export const DEFAULT_AUTH_DELAY_MS = 3000;
const IN_PROCESS_BASE = 'http://wellpoint-simulator.internal/';

const HTML = 'text/html; charset=UTF-8';
const JSON_TYPE = 'application/json';
const CSV_TYPE = 'text/csv; charset=utf-8';
const HALF_WAY_ROWS = 20;

/** Thrown by the handler for a reset in-process; turned into a rejected fetch by onError. */
class ConnectionReset extends Error {}

/** Like PHP's $_GET: the last of repeated parameters wins. */
function lastParam(url: URL, name: string): string | undefined {
  const all = url.searchParams.getAll(name);
  return all[all.length - 1];
}

function clientSocket(env: unknown): Socket | null {
  if (typeof env !== 'object' || env === null || !('incoming' in env)) return null;
  const incoming: unknown = env.incoming;
  if (typeof incoming !== 'object' || incoming === null || !('socket' in incoming)) return null;
  const socket: unknown = incoming.socket;
  if (typeof socket === 'object' && socket !== null && 'destroy' in socket && 'destroySoon' in socket) return socket as Socket;
  return null;
}

/**
 * Devices named in `devicelist` among those served; unknown, forbidden and malformed ids are
 * dropped. When none remain, the answer is the one for an account without PRO devices (`[]`, an
 * empty file): the vendor's query simply finds no device. An empty or absent list means all.
 */
function selectDevices(served: readonly Device[], devicelist: string | undefined): Device[] {
  if (devicelist === undefined || devicelist.trim() === '') return [...served];
  const wanted = new Set(
    devicelist
      .split(',')
      .map((p) => p.trim())
      .filter((p) => /^\d{1,9}$/.test(p))
      .map(Number),
  );
  return served.filter((d) => wanted.has(d.id));
}

function without<T extends object>(patch: Partial<T>): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export function createSimulator(options: SimulatorOptions = {}): Simulator {
  const seed = options.seed ?? DEFAULT_SEED;
  const clock = options.clock ?? createClock();
  const authDelayMs = options.authDelayMs ?? DEFAULT_AUTH_DELAY_MS;
  const accounts = options.accounts ?? BUILT_IN_ACCOUNTS;
  const byKey = new Map<string, Account>();
  for (const account of accounts) {
    if (byKey.has(account.key)) throw new Error(`two simulator accounts share a key (${account.label})`);
    for (const d of account.devices) assertTimeZone(d.timeZone);
    byKey.set(account.key, account);
  }

  const faults = defaultFaults();
  const shape = defaultShape();
  const calls: CallCounts = { getoccupancy: 0, downloadcsv: 0, auth_failures: 0 };
  const streams: StreamStats = { open: 0, bytes: 0 };

  const html = (body: string, status = 200) => new Response(body, { status, headers: { 'content-type': HTML } });

  async function vendor(request: Request, env: unknown): Promise<Response> {
    const url = new URL(request.url);
    const param = (name: string) => lastParam(url, name);
    const actionParam = param('action');
    const action = (VENDOR_ACTIONS as readonly string[]).includes(actionParam ?? '') ? (actionParam as VendorAction) : null;
    if (action !== null) calls[action]++;
    const { signal } = request;
    const socket = clientSocket(env);
    const ctx: BodyContext = { stats: streams, socket, signal };

    // Faults strike before the key is checked, as a failing proxy or database would. The
    // request's fate is decided on arrival: changing the faults later does not affect it.
    const fault: Faults | null = action !== null && faults.actions.includes(action) ? { ...faults, actions: [...faults.actions] } : null;
    if (fault !== null) {
      if (fault.latencyMs > 0) await sleep(fault.latencyMs, signal);
      if (fault.reset) {
        if (socket === null) throw new ConnectionReset();
        socket.destroy();
        return new Response(null, { status: 204 });
      }
      if (fault.status !== null) {
        const page = html(statusPage(fault.status), fault.status);
        if (fault.retryAfterSeconds !== null) page.headers.set('retry-after', String(fault.retryAfterSeconds));
        return page;
      }
      if (fault.html) return html(GENERIC_ERROR_PAGE);
    }

    const account = byKey.get(param('user_access_key') ?? '');
    if (account === undefined) {
      calls.auth_failures++;
      await sleep(authDelayMs, signal);
      return html(AUTH_ERROR_PAGE);
    }
    if (action === null) return html(BAD_REQUEST_PAGE);

    const devices = selectDevices(servedDevices(account), param('devicelist'));
    if (action === 'getoccupancy') {
      if (fault?.nonJson === true) return new Response(PHP_WARNING_BODY, { headers: { 'content-type': JSON_TYPE } });
      const nowMs = clock.now().getTime();
      const startMs = occupancyStart(
        { date_start: param('date_start'), time_start: param('time_start'), timezoneshift_start: param('timezoneshift_start') },
        nowMs,
      );
      const totals = await occupancyTotals(devices, startMs, nowMs, seed, signal);
      const body = renderOccupancy(totals, startMs, nowMs, shape);
      if (fault?.truncate === true) return new Response(streamBody(halfThenCut([body]), ctx), { headers: { 'content-type': JSON_TYPE } });
      return new Response(body, { headers: { 'content-type': JSON_TYPE } });
    }

    const nowMs = clock.now().getTime();
    const range = csvRange({ date_start: param('date_start'), date_end: param('date_end'), resolution: param('resolution') }, nowMs);
    const headers = { 'content-type': CSV_TYPE, 'content-disposition': contentDisposition(param('filename'), range) };
    // A copy: a shape switched while a long export streams must not change its later rows.
    const job = { devices, range, nowMs, seed, shape: { ...shape.csv } };
    // Hono answers HEAD through this GET route and drops the body unread: do not start one.
    if (request.method === 'HEAD') return new Response(null, { headers });
    let pieces: Iterator<BodyPiece>;
    if (fault?.htmlMidway === true) pieces = thenPage(csvChunks({ ...job, maxRows: HALF_WAY_ROWS }), GENERIC_ERROR_PAGE);
    else if (devices.length === 0 && fault?.truncate !== true) return new Response('', { headers });
    else pieces = csvChunks(job);
    if (fault?.truncate === true) pieces = halfThenCut(pieces);
    return new Response(streamBody(pieces, ctx), { headers });
  }

  const app = new Hono();
  const sim: Simulator = {
    app,
    clock,
    faults,
    shape,
    calls,
    streams,
    setFaults(patch) {
      Object.assign(faults, without(patch));
    },
    clearFaults() {
      Object.assign(faults, defaultFaults());
    },
    setShape(patch) {
      const { csv, ...rest } = patch;
      Object.assign(shape, without(rest));
      if (csv !== undefined) Object.assign(shape.csv, without(csv));
    },
    resetShape() {
      const { csv, ...rest } = defaultShape();
      Object.assign(shape, rest);
      Object.assign(shape.csv, csv);
    },
    resetCalls() {
      calls.getoccupancy = 0;
      calls.downloadcsv = 0;
      calls.auth_failures = 0;
    },
    fetch(input, init) {
      const request = input instanceof Request ? new Request(input, init) : new Request(new URL(String(input), IN_PROCESS_BASE), init);
      return abortable(request.signal, () => app.fetch(request));
    },
  };

  if (options.control !== false) app.route('/__sim', controlRoutes(sim));
  app.get('/', (c) => vendor(c.req.raw, c.env));
  app.notFound(() => html(NOT_FOUND_PAGE, 404));
  app.onError((error) => {
    // In-process there is no socket to break: reject the way fetch rejects on a reset.
    if (error instanceof ConnectionReset) {
      throw connectionError('fetch failed');
    }
    console.error('simulator: unexpected error', error);
    return html(statusPage(500), 500);
  });
  return sim;
}

/**
 * Like fetch: an abort rejects a pending request and errors a body being read, so a caller's
 * timeout or cancellation behaves in-process as it does over a socket.
 */
function abortable(signal: AbortSignal, run: () => Response | Promise<Response>): Promise<Response> {
  return new Promise<Response>((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason as Error);
    const onAbort = () => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    Promise.resolve()
      .then(run)
      .then((response) => {
        signal.removeEventListener('abort', onAbort);
        if (signal.aborted || response.body === null) return resolve(response);
        const reader = response.body.getReader();
        const body = new ReadableStream<Uint8Array>(
          {
            start(controller) {
              signal.addEventListener(
                'abort',
                () => {
                  controller.error(signal.reason);
                  reader.cancel(signal.reason).catch(() => undefined);
                },
                { once: true },
              );
            },
            async pull(controller) {
              try {
                const { value, done } = await reader.read();
                if (done) controller.close();
                else controller.enqueue(value);
              } catch (error) {
                controller.error(error);
              }
            },
            cancel(reason) {
              return reader.cancel(reason);
            },
          },
          { highWaterMark: 0 },
        );
        resolve(new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers }));
      }, reject);
  });
}

/** The first piece cut in half (mid-row for a CSV), then a broken connection. */
function* halfThenCut(pieces: Iterable<BodyPiece> | Iterator<BodyPiece>): Generator<BodyPiece, void, undefined> {
  const iterator = Symbol.iterator in pieces ? pieces[Symbol.iterator]() : pieces;
  try {
    const first = iterator.next();
    if (first.done !== true && first.value !== CUT) {
      const text = first.value;
      let at = Math.floor(text.length / 2);
      // Never cut right after a line end: a reader must see a broken row, not a short file.
      while (at > 1 && (text[at - 1] === '\n' || text[at - 1] === '\r')) at--;
      if (at > 0) yield text.slice(0, at);
    }
    yield CUT;
  } finally {
    iterator.return?.();
  }
}

function* thenPage(pieces: Iterator<BodyPiece>, page: string): Generator<BodyPiece, void, undefined> {
  for (let next = pieces.next(); next.done !== true; next = pieces.next()) yield next.value;
  yield page;
}
