// Builds the whole server from a parsed environment: the vendor client (real, or the embedded
// simulator in demo mode), the occupancy service and the HTTP app. main.ts, the end-to-end
// setup and the benchmark all start the server through this one function.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono, MiddlewareHandler } from 'hono';
import type { Logger } from 'pino';
import type { PublicSettings } from '@/shared/settings-schema';
import { createSimulator, DEMO_ACCESS_KEY, type Simulator } from '@/simulator';
import { type AccessMode, createAccess } from './access';
import { type Alerts, alertsProblems, createAlerts } from './alerts/alerts';
import { createApp } from './app';
import { type Accounts, createAccounts } from './auth/accounts';
import { authSecret, bootstrapAdmin, newSetupCode } from './auth/bootstrap';
import { createBootPage } from './boot-page';
import type { Principal } from './auth/principal';
import { createSignInThrottle } from './auth/sign-in-throttle';
import { isHttps } from './client-info';
import { createDisplayDirectory, type DisplayDirectory } from './displays/display-directory';
import { DEMO_SITE, DEMO_SITE_TIMEZONE } from './demo-site';
import type { Env } from './env';
import { createLogger } from './logger';
import { createOccupancyService } from './occupancy-service';
import { createSettingsService, type SettingsService } from './settings/settings-service';
import { siteHours } from './hours/site-hours';
import { liveSiteView, type SiteView } from './settings/site-view';
import { loadSiteConfig } from './site-config';
import { openStore, type Store } from './store/store';
import { createVendorBackoff } from './upstream/vendor-backoff';
import { createWellpointClient, type FetchLike } from './upstream/wellpoint-client';

export const CLIENT_DIST = resolve(import.meta.dirname, '../../dist/client');

export interface ComposeOptions {
  /** The vendor's transport; defaults to global fetch (or the simulator in demo mode). */
  fetch?: FetchLike;
  now?: () => Date;
  logDestination?: NodeJS.WritableStream;
  /** Serve the built SPA from this folder (default dist/client); null for none. */
  clientDist?: string | null;
  /** Options for the embedded simulator in demo mode (tests shorten its wrong-key delay). */
  simulator?: Parameters<typeof createSimulator>[0];
  /** The store (tests pass an in-memory one); by default the file under DATA_DIR. */
  store?: Store;
  /** Route tests that are not about access: every request is this principal. */
  assumePrincipal?: Principal;
  /** Tests: another alert sender, shorter retries. */
  alerts?: Pick<Parameters<typeof createAlerts>[0], 'sender' | 'retryDelaysMs'>;
}

export interface Composed {
  app: Hono;
  logger: Logger;
  demo: boolean;
  /** The embedded simulator, in demo mode. */
  simulator: Simulator | null;
  /** The site's time zone in use (the demo site's in demo mode without SITE_TIMEZONE). */
  timezone: string;
  store: Store;
  /** Settles once the administrator from ADMIN_EMAIL exists (requests wait for it anyway). */
  ready: Promise<void>;
  /** The one-time setup code while a real key runs without any account; null otherwise. */
  setupCode: () => string | null;
  accounts: Accounts;
  displays: DisplayDirectory;
  settings: SettingsService;
  alerts: Alerts;
}

/** Changes whenever the built client does: index.html names every hashed asset. */
export function buildIdOf(clientDist: string | null): string {
  if (clientDist === null) return 'dev';
  const index = resolve(clientDist, 'index.html');
  if (!existsSync(index)) return 'dev';
  return createHash('sha256').update(readFileSync(index)).digest('hex').slice(0, 12);
}

export function compose(env: Env, options: ComposeOptions = {}): Composed {
  const demo = env.WELLPOINT_ACCESS_KEY === undefined;
  const accessKey = env.WELLPOINT_ACCESS_KEY ?? DEMO_ACCESS_KEY;
  const smtpPassword = env.SMTP_URL === undefined ? '' : decodeURIComponent(new URL(env.SMTP_URL).password);
  const logger = createLogger({
    level: env.LOG_LEVEL,
    secrets: smtpPassword === '' ? [accessKey] : [accessKey, smtpPassword],
    destination: options.logDestination,
  });
  const simulator = demo ? createSimulator({ control: env.SIMULATOR_CONTROL, ...options.simulator }) : null;
  const now = options.now ?? (simulator === null ? () => new Date() : () => simulator.clock.now());
  const fetchImpl: FetchLike = options.fetch ?? (simulator === null ? (input, init) => fetch(input, init) : (input, init) => simulator.fetch(input, init));
  const site = loadSiteConfig(env.SITE_CONFIG_FILE);
  const store = options.store ?? openStore({ dataDir: env.DATA_DIR });
  const settings = createSettingsService({
    store,
    file: site,
    fileGiven: env.SITE_CONFIG_FILE !== undefined,
    env: { timezone: env.SITE_TIMEZONE_SET ? env.SITE_TIMEZONE : undefined, dayStart: env.DAY_START_SET ? env.DAY_START : undefined },
    // The simulated doors live in Budapest (and London) time, wherever the server runs.
    defaults: { site: demo ? DEMO_SITE : { devices: [] }, timezone: demo ? DEMO_SITE_TIMEZONE : env.SITE_TIMEZONE, dayStart: env.DAY_START, locale: 'en' },
    onLoadProblem: (key, message) => logger.error({ key, problem: message }, 'a saved setting is not valid and is not applied; save it again in Settings'),
  });
  // Every part of the server reads the site through this view, rebuilt when an admin changes it.
  const siteView = liveSiteView(settings, demo);
  const initial = siteView();

  const accounts = createAccounts({ store, secret: authSecret(store, env.AUTH_SECRET), logger });
  const displays = createDisplayDirectory(store, now);
  let setupCode: string | null = null;
  const ready = bootstrapAdmin(accounts, store, { email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD }, logger).then(() => {
    if (!demo && accounts.count() === 0) {
      setupCode = newSetupCode();
      logger.info(
        { setupCode },
        `No account exists yet: open /setup on this server and enter the one-time code ${setupCode} to create the first administrator`,
      );
    }
  });
  const trustProxy = env.TRUST_PROXY;
  const https = (c: Parameters<typeof isHttps>[0]) => isHttps(c, trustProxy);
  const access = createAccess({ accounts, displays, demo, trustProxy, https, ready, assume: options.assumePrincipal });

  const client = createWellpointClient({
    baseUrl: demo && options.fetch === undefined ? new URL('http://wellpoint-simulator.internal/') : env.WELLPOINT_BASE_URL,
    accessKey,
    fetch: fetchImpl,
    timeoutMs: env.UPSTREAM_TIMEOUT_MS,
    exportTimeoutMs: env.EXPORT_TIMEOUT_MS,
    logger,
    now,
  });
  const backoff = createVendorBackoff({
    now,
    baseMs: env.CACHE_SECONDS * 1000,
    maxMs: env.BACKOFF_MAX_SECONDS * 1000,
    authMs: env.AUTH_BACKOFF_SECONDS * 1000,
  });
  const occupancySettings = (view: SiteView) => ({
    site: view.site,
    siteName: view.siteName,
    timezone: view.timezone,
    dayStart: view.dayStart,
    settingsVersion: view.version,
  });
  const occupancy = createOccupancyService({
    client,
    now,
    cacheMs: env.CACHE_SECONDS * 1000,
    staleMaxMs: env.STALE_MAX_SECONDS * 1000,
    backoff,
    ...occupancySettings(initial),
    logger,
  });
  // After the view's own subscriber (listeners run in the order they came): the view is new here.
  settings.subscribe(() => occupancy.reconfigure(occupancySettings(siteView())));
  const hours = siteHours(settings, now);
  const alerts = createAlerts({
    store,
    settings,
    occupancy,
    displays,
    now,
    logger,
    periodMs: env.CACHE_SECONDS * 1000,
    // Rules are muted outside the opening hours, read from the settings at each call.
    isOpen: (at) => hours.isOpen(at),
    allowHttp: env.ALERT_WEBHOOK_ALLOW_HTTP,
    smtp: env.SMTP_URL === undefined || env.ALERT_EMAIL_FROM === undefined ? null : { url: env.SMTP_URL, from: env.ALERT_EMAIL_FROM },
    ...options.alerts,
  });
  const configured = settings.current();
  for (const problem of alertsProblems(configured.alerts, configured.site.spaces?.map((s) => s.id) ?? null, alerts))
    logger.error({ problem }, 'an alert setting cannot work');
  alerts.start();
  const clientDist = options.clientDist === undefined ? CLIENT_DIST : options.clientDist;
  const app = createApp({
    client,
    occupancy,
    site: siteView,
    now,
    logger,
    weekStartsOn: env.WEEK_STARTS_ON,
    pollIntervalMs: env.POLL_INTERVAL_SECONDS * 1000,
    authBackoffSeconds: env.AUTH_BACKOFF_SECONDS,
    demo,
    buildId: buildIdOf(clientDist),
    exportConcurrency: env.EXPORT_CONCURRENCY,
    backoff,
    historyConcurrency: env.HISTORY_CONCURRENCY,
    historyCacheBytes: env.HISTORY_CACHE_MB * 1024 * 1024,
    trustProxy,
    store,
    settings,
    accounts,
    displays,
    access,
    alerts,
    throttle: createSignInThrottle(),
    setupCode: () => (access.mode() === 'setup' ? setupCode : null),
  });

  if (simulator !== null && env.SIMULATOR_CONTROL) {
    // Tests drive the embedded simulator's clock and faults through the running server. Clearing
    // the faults also forgets the server's back-off: each test starts with a vendor nobody gave up on.
    app.delete('/__sim/faults', async (c) => {
      const res = await simulator.app.fetch(c.req.raw);
      backoff.reset();
      return res;
    });
    app.all('/__sim/*', (c) => simulator.app.fetch(c.req.raw));
  }
  if (clientDist !== null) mountClient(app, clientDist, () => settings.current().public, access.mode);
  return {
    app,
    logger,
    demo,
    simulator,
    timezone: initial.timezone,
    store,
    ready,
    setupCode: () => (access.mode() === 'setup' ? setupCode : null),
    accounts,
    displays,
    settings,
    alerts,
  };
}

/** A path whose last segment has a dot names a file (robots.txt, favicon.ico), not a page. */
const FILE_LIKE = /\.[^/]*$/;
/** Text types that the build also writes as .br and .gz beside the file. */
const COMPRESSIBLE = /^(text\/|application\/(javascript|json|xml|manifest\+json)|image\/svg\+xml)/i;

/**
 * The built SPA: hashed assets cached for a year, every other page path answered by index.html.
 * Text files are sent as the brotli or gzip copy the build made, when the browser accepts it.
 */
function mountClient(app: Hono, root: string, getPublic: () => PublicSettings, mode: () => AccessMode) {
  // Headers are set on the way out: serveStatic calls onFound after it has built the response
  // (@hono/node-server 2), so a header added there never reaches the browser. serveStatic adds
  // Vary only when it picked a compressed copy; a cache must know the plain answer varies too.
  const vary: MiddlewareHandler = async (c, next) => {
    await next();
    if (c.res.status === 200 && COMPRESSIBLE.test(c.res.headers.get('Content-Type') ?? '') && c.res.headers.get('Vary') === null) {
      c.header('Vary', 'Accept-Encoding');
    }
  };
  app.use('/assets/*', async (c, next) => {
    await next();
    if (c.res.status === 200) c.header('Cache-Control', 'public, max-age=31536000, immutable');
  });
  app.use('/assets/*', vary);
  app.use('/assets/*', serveStatic({ root, precompressed: true }));
  // A missing asset is a 404, not the SPA's page (which the line above would cache for a year).
  app.all('/assets/*', (c) => c.text('Not found', 404));
  // Vite's manifest is read by the server (boot-page.ts), not served.
  app.all('/.vite/*', (c) => c.text('Not found', 404));
  app.use('*', async (c, next) => {
    await next();
    // The page with what its asker may see inside says no-store itself.
    if (c.res.status === 200 && !c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-cache');
  });
  app.use('*', vary);
  mountPublicPage(app, root, getPublic);
  // Page paths (/, /kiosk) get the SPA's page with the first answers inside; a missing file
  // (/robots.txt, /x.png) is a 404, not a page. /index.html itself stays the plain built file.
  const bootPage = createBootPage({ root, fetch: (request, env) => app.fetch(request, env), mode });
  app.get('*', async (c, next) => {
    if (FILE_LIKE.test(c.req.path)) return next();
    return (await bootPage(c)) ?? next();
  });
  app.use('*', serveStatic({ root, precompressed: true }));
  app.get('*', (c) => c.text('Not found', 404));
}

/** Where the built public.html has the view's content, replaced by a sentence when the view is off. */
const VIEW_SLOT = /<!--view-->[\s\S]*?<!--\/view-->/;
const OFF_WORDS = 'The public view is turned off.';

/**
 * /public: the public view's own small page (public.html, not the SPA), framed only from the
 * allowed origins (security-headers.ts). Off, it is a 404 that says so in words.
 */
function mountPublicPage(app: Hono, root: string, getPublic: () => PublicSettings) {
  const page = serveStatic({ root, path: 'public.html', precompressed: true });
  let offPage: string | null = null;
  const off = (): string => {
    if (offPage !== null) return offPage;
    const file = resolve(root, 'public.html');
    const template = existsSync(file) ? readFileSync(file, 'utf8') : null;
    offPage =
      template !== null && VIEW_SLOT.test(template)
        ? template.replace(VIEW_SLOT, `<p class="notice">${OFF_WORDS}</p>`).replace('data-state="loading"', 'data-state="message"')
        : `<!doctype html><html lang="en"><head><meta charset="UTF-8" /><title>Not found</title></head><body><p>${OFF_WORDS}</p></body></html>`;
    return offPage;
  };
  app.get('/public', async (c) => {
    // Never the SPA's page in its place (it would be framed by the allowed origins): 404 if missing.
    if (getPublic().enabled) return (await page(c, () => Promise.resolve())) ?? c.text('Not found', 404);
    c.header('Cache-Control', 'no-cache');
    return c.html(off(), 404);
  });
  // The built file itself is reached through /public only (its headers allow framing).
  app.get('/public.html', (c) => c.redirect('/public', 301));
}
