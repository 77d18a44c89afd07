// Test support for the BFF's route tests (test code only: it imports vitest): the whole server composed against the WELLPOINT
// simulator (embedded in demo mode, or in-process behind a real key), its log lines collected,
// a pinned clock, a loopback listener for the tests where a real socket matters, and readers.
import type { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { type ServerType, serve } from '@hono/node-server';
import { expect } from 'vitest';
import { type ApiError, apiErrorSchema } from '@/shared/api-schema';
import { createClock, createSimulator, DEMO_ACCESS_KEY, type Simulator, type SimulatorOptions } from '@/simulator';
import { NOV_26 } from '@/simulator/test-server';
import { type ComposeOptions, compose } from '../compose';
import { loadEnv } from '../env';
import type { Logger } from 'pino';
import { createAccess } from '../access';
import { createAlerts } from '../alerts/alerts';
import type { AppDeps } from '../app-deps';
import { createAccounts } from '../auth/accounts';
import type { Principal } from '../auth/principal';
import { createSignInThrottle } from '../auth/sign-in-throttle';
import { isHttps } from '../client-info';
import { createDisplayDirectory } from '../displays/display-directory';
import { createSettingsService } from '../settings/settings-service';
import { openStore, type Store } from '../store/store';
import type { FetchLike } from '../upstream/wellpoint-client';

/** An administrator, for the route tests that are about the vendor, not about who may ask. */
export const TEST_ADMIN: Principal = { kind: 'user', id: 'test-admin', email: 'admin@example.org', name: 'Test admin', role: 'admin', sessionId: 'test' };

/** A store that lives as long as the test: nothing is written to disk. */
export function memoryStore(): Store {
  return openStore({ file: ':memory:' });
}

/** The access parts of AppDeps, on an in-memory store, for tests that build the app by hand. */
export function testAccessDeps(logger: Logger, { demo = false, assume }: { demo?: boolean; assume?: Principal } = {}) {
  const store = memoryStore();
  const accounts = createAccounts({ store, secret: 'test-secret-that-is-long-enough-0123456789', logger });
  const displays = createDisplayDirectory(store);
  const settings = createSettingsService({
    store,
    file: { devices: [] },
    fileGiven: false,
    env: {},
    defaults: { site: { devices: [] }, timezone: 'Europe/Budapest', dayStart: '00:00', locale: 'en' },
  });
  const access = createAccess({ accounts, displays, demo, trustProxy: false, https: (c) => isHttps(c, false), ready: Promise.resolve(), assume });
  // Never started: no monitor, no deliveries (the alert tests build their own).
  const alerts = createAlerts({
    store,
    settings,
    occupancy: { answer: () => Promise.reject(new Error('no occupancy here')), onFresh: () => () => undefined },
    displays,
    now: () => new Date(),
    logger,
    periodMs: 10_000,
    isOpen: () => true,
    allowHttp: false,
    smtp: null,
  });
  const deps: Pick<AppDeps, 'store' | 'settings' | 'accounts' | 'displays' | 'access' | 'throttle' | 'setupCode' | 'alerts'> = {
    store,
    settings,
    accounts,
    displays,
    access,
    alerts,
    throttle: createSignInThrottle(),
    setupCode: () => null,
  };
  return deps;
}

/** The one fixed test instant, the simulator tests' own: Thursday 26 November 2026, 11:15:03 in Budapest. */
export const NOW = NOV_26;
/** Any http URL will do: the in-process simulator ignores the host. */
export const VENDOR_URL = 'http://wellpoint.test/';

export interface LogCollector {
  destination: Writable;
  lines: string[];
  text(): string;
  /** Parsed JSON lines. */
  entries(): Record<string, unknown>[];
}

export function collectLogs(): LogCollector {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      lines.push(chunk.toString());
      callback();
    },
  });
  return {
    destination,
    lines,
    text: () => lines.join(''),
    entries: () =>
      lines
        .join('')
        .split('\n')
        .filter((l) => l.trim() !== '')
        .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

/** A simulator on the pinned clock that answers a wrong key after 5 ms instead of 3 s. */
export function newSimulator(options: SimulatorOptions = {}): Simulator {
  const clock = options.clock ?? createClock();
  if (options.clock === undefined) clock.setFixed(NOW);
  return createSimulator({ authDelayMs: 5, ...options, clock });
}

export interface Bff {
  app: ReturnType<typeof compose>['app'];
  sim: Simulator;
  logs: LogCollector;
}

const BASE_ENV = { SITE_TIMEZONE: 'Europe/Budapest', LOG_LEVEL: 'debug' };

/** Demo mode: no key, the embedded simulator (pinned clock) as the vendor. */
export function demoBff(env: Record<string, string> = {}, simulator: SimulatorOptions = {}): Bff {
  const clock = createClock();
  clock.setFixed(NOW);
  const logs = collectLogs();
  const composed = compose(loadEnv({ ...BASE_ENV, ...env }), {
    clientDist: null,
    simulator: { authDelayMs: 5, clock, ...simulator },
    logDestination: logs.destination,
    store: memoryStore(),
  });
  if (composed.simulator === null) throw new Error('demo mode without a simulator');
  return { app: composed.app, sim: composed.simulator, logs };
}

export interface KeyedOptions {
  env?: Record<string, string>;
  /** The vendor; a fresh simulator on the pinned clock by default. */
  sim?: Simulator;
  /** The vendor's transport; the simulator's in-process fetch by default. */
  fetch?: ComposeOptions['fetch'];
  /** Who every request is (an administrator by default); null: resolved from the request, as in production. */
  assume?: Principal | null;
}

/** A configured key: the BFF talks to `sim` (in-process unless `fetch` says otherwise), on its clock. */
export function keyedBff(key: string, options: KeyedOptions = {}): Bff {
  const sim = options.sim ?? newSimulator();
  const logs = collectLogs();
  const composed = compose(loadEnv({ ...BASE_ENV, WELLPOINT_ACCESS_KEY: key, WELLPOINT_BASE_URL: VENDOR_URL, ...options.env }), {
    clientDist: null,
    fetch: options.fetch ?? ((input, init) => sim.fetch(input, init)),
    now: () => sim.clock.now(),
    logDestination: logs.destination,
    store: memoryStore(),
    // These tests are about the vendor: they ask as an administrator (access has its own tests).
    assumePrincipal: options.assume === undefined ? TEST_ADMIN : (options.assume ?? undefined),
  });
  return { app: composed.app, sim, logs };
}

export interface Listening {
  base: string;
  close(): Promise<void>;
}

/** Serves `fetch` on a free loopback port (through `createServer` when given: the app's fast path). */
export async function listen(
  fetch: (request: Request, env?: unknown) => Response | Promise<Response>,
  createServer?: typeof createHttpServer,
): Promise<Listening> {
  let server: ServerType | undefined;
  const port = await new Promise<number>((resolve) => {
    server = serve({ fetch, port: 0, hostname: '127.0.0.1', ...(createServer === undefined ? {} : { createServer }) }, (info: AddressInfo) =>
      resolve(info.port),
    );
  });
  return {
    base: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        if (server === undefined) return resolve();
        if ('closeAllConnections' in server) server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The URL a FetchLike was called with. */
export function urlOf(input: URL | Request | string): URL {
  return new URL(input instanceof Request ? input.url : input);
}

/** Our JSON error body, checked against the shared schema. */
export async function apiError(res: Response): Promise<ApiError['error']> {
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  return apiErrorSchema.strict().parse(await res.json()).error;
}

/** Reads a body until it ends or fails: the simulator's tests have the same need. */
export { readAll } from '@/simulator/test-server';

/** Polls `condition` every 10 ms until it holds or `ms` pass; returns whether it held. */
export async function eventually(condition: () => boolean, ms = 3000): Promise<boolean> {
  const until = performance.now() + ms;
  while (!condition()) {
    if (performance.now() > until) return false;
    await new Promise((r) => setTimeout(r, 10));
  }
  return true;
}

/** A BFF whose vendor accepts its key only while `state.accepted` (as if the admin fixed it on the vendor's side). */
export function switchableKeyBff(accepted: boolean, env: Record<string, string>): Bff & { state: { accepted: boolean } } {
  const sim = newSimulator();
  const state = { accepted };
  const fetchImpl: FetchLike = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    url.searchParams.set('user_access_key', state.accepted ? DEMO_ACCESS_KEY : 'revoked');
    return sim.fetch(url, init);
  };
  return { ...keyedBff('test-key-switchable', { sim, fetch: fetchImpl, env }), state };
}
