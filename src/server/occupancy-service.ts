// Current occupancy for every screen at once: single flight and a short cache, answers without
// waiting once one exists, stale-if-error with the vendor's back-off (docs/decisions/002, 003, 016).
// A change of the settings rebuilds the cached answer from the last vendor answer at once.
import type { Logger } from 'pino';
import type { DeviceOccupancy, Occupancy } from '@/shared/api-schema';
import { planDayStart } from '@/shared/day-start';
import { doorHealth, oneWayDirection } from '@/shared/door-health';
import { boundaryDevices, type DoorCounts, defaultSpaces, orderSpaces, spaceOccupancies } from '@/shared/spaces';
import type { SiteConfig } from './site-config';
import type { VendorOccupancy } from './upstream/occupancy-adapter';
import { UpstreamError } from './upstream/upstream-error';
import { blockedError, secondsUntil, type VendorBackoff } from './upstream/vendor-backoff';
import type { WellpointClient } from './upstream/wellpoint-client';

export interface OccupancyServiceOptions {
  client: Pick<WellpointClient, 'getOccupancy'>;
  now: () => Date;
  timezone: string;
  dayStart: string;
  cacheMs: number;
  staleMaxMs: number;
  /** Shared with the history route: a rejected key blocks both. */
  backoff: VendorBackoff;
  site: SiteConfig;
  /** The site's name as shown (the root space's name when no spaces are configured). */
  siteName: string;
  /** The settings' fingerprint, passed on in every answer (screens reload /api/config when it changes). */
  settingsVersion?: string;
  logger: Logger;
}

/** What an admin may change while the server runs. */
export type SiteSettings = Pick<OccupancyServiceOptions, 'site' | 'siteName' | 'timezone' | 'dayStart' | 'settingsVersion'>;

interface Snapshot {
  key: string;
  fetchedAtMs: number;
  /** What the body was made from, to make it again when the settings change. */
  vendor: VendorOccupancy;
  plan: ReturnType<typeof planDayStart>;
  /** Each door's health as judged when the answer came (kept: it depends on when the server watched). */
  health: ReadonlyMap<number, DeviceOccupancy['health']>;
  body: Omit<Occupancy, 'ageSeconds' | 'stale' | 'staleReason'>;
  /** `body` serialized once: every screen gets these same bytes until the next vendor answer. */
  json: string;
}

/** An answer for this moment, with its JSON text ready for the wire. */
export interface OccupancyAnswer {
  body: Occupancy;
  json: string;
}

export interface ServiceHealth {
  lastSuccessAt: Date | null;
  lastError: { code: UpstreamError['code']; message: string; at: Date } | null;
}

export interface OccupancyService {
  /** The answer for this moment: fresh, or stale with a reason; throws an UpstreamError when neither. */
  current(): Promise<Occupancy>;
  /** The same, with its JSON text, for the route (the hot path of every polling screen). */
  answer(): Promise<OccupancyAnswer>;
  health(): ServiceHealth;
  /** New settings: the cached answer is made again from the last vendor answer (a new day start asks the vendor). */
  reconfigure(settings: SiteSettings): void;
  /** Called with every fresh vendor answer, whoever asked (the alert monitor); returns the unsubscribe. */
  onFresh(listener: (answer: Occupancy) => void): () => void;
}

/**
 * How long a computed day-start plan is reused. Planning reads the zone rules through Intl several
 * times; every polling screen would otherwise pay for it. A day rolls over at most this late.
 */
const PLAN_REUSE_MS = 1000;

/**
 * How long a background refresh may take before the answer it is replacing is marked stale. A
 * healthy vendor answers well within it; a hanging one would otherwise show a frozen number as
 * live for the whole UPSTREAM_TIMEOUT_MS.
 */
export const SLOW_REFRESH_MS = 3000;

interface Flight {
  /** Never rejects: a failure resolves to its UpstreamError (nobody may be awaiting a background call). */
  result: Promise<Snapshot | UpstreamError>;
  startedMs: number;
}

/** Why an answer is stale, and in how many seconds the server tries the vendor again (0: under way). */
interface Failure {
  error: UpstreamError;
  retryInSeconds: number | null;
}

export function createOccupancyService(options: OccupancyServiceOptions): OccupancyService {
  const { client, now, logger, backoff } = options;
  let config: SiteSettings = options;
  const inFlight = new Map<string, Flight>();
  let latest: Snapshot | null = null;
  const health: ServiceHealth = { lastSuccessAt: null, lastError: null };
  const freshListeners = new Set<(answer: Occupancy) => void>();
  const slow = new UpstreamError('upstream_timeout', 'getoccupancy: background refresh overdue');
  const derive = (site: SiteConfig) => {
    const configured = site.spaces === undefined ? null : orderSpaces(site.spaces);
    return { labels: new Map(site.devices.map((d) => [d.id, d])), configured, configuredDevices: configured === null ? [] : boundaryDevices(configured) };
  };
  let derived = derive(options.site);
  let reportedUnknown = '';
  /** Since when each door has counted one way only, this day (door health needs hours of it). */
  const oneWay = new Map<number, { day: number; direction: 'in' | 'out'; sinceMs: number }>();

  /** The last live answer made: its age only changes every tenth of a second, so a burst of polls shares it. */
  let lastLive: { snapshot: Snapshot; ageSeconds: number; answer: OccupancyAnswer } | null = null;

  function respond(snapshot: Snapshot, nowMs: number, failure: Failure | null): OccupancyAnswer {
    const ageSeconds = Math.max(0, Math.round((nowMs - snapshot.fetchedAtMs) / 100) / 10);
    if (failure === null && lastLive !== null && lastLive.snapshot === snapshot && lastLive.ageSeconds === ageSeconds) return lastLive.answer;
    const head = {
      ageSeconds,
      stale: failure !== null,
      staleReason: failure === null ? null : { code: failure.error.code, message: failure.error.message, retryInSeconds: failure.retryInSeconds },
    };
    // Splice the per-request fields in front of the serialized snapshot instead of serializing
    // the whole answer again for every screen.
    const json = `${JSON.stringify(head).slice(0, -1)},${snapshot.json.slice(1)}`;
    const made = { body: { ...snapshot.body, ...head }, json };
    if (failure === null) lastLive = { snapshot, ageSeconds, answer: made };
    return made;
  }

  let plan: { atMs: number; value: ReturnType<typeof planDayStart>; key: string } | null = null;
  /** The day-start plan and its cache key, made once per PLAN_REUSE_MS rather than per request. */
  function planFor(nowDate: Date) {
    const nowMs = nowDate.getTime();
    if (plan === null || nowMs < plan.atMs || nowMs - plan.atMs >= PLAN_REUSE_MS) {
      const value = planDayStart(nowDate, config.timezone, config.dayStart);
      // The start instant is part of the key: shift-only params look the same on every day.
      plan = { atMs: nowMs, value, key: JSON.stringify([value.utc.getTime(), value.vendorParams]) };
    }
    return plan;
  }

  function toBody(
    vendor: VendorOccupancy,
    plan: ReturnType<typeof planDayStart>,
    fetchedAt: Date,
    health: ReadonlyMap<number, DeviceOccupancy['health']>,
  ): Snapshot['body'] {
    const { labels, configured, configuredDevices } = derived;
    const devices: DeviceOccupancy[] = vendor.devices
      .map((d) => {
        const site = labels.get(d.id);
        return {
          id: d.id,
          name: site?.label ?? d.name,
          in: d.in,
          out: d.out,
          raw: d.raw,
          occupancy: Math.max(0, d.raw),
          corrected: d.corrected,
          capacity: site?.capacity ?? null,
          health: health.get(d.id) ?? doorHealth(d, 0),
        };
      })
      .sort((a, b) => a.id - b.id);
    // Spaces once per vendor answer: every screen then gets the same computed tree.
    const counts = new Map<number, DoorCounts>(devices.map((d) => [d.id, d]));
    const tree = configured ?? orderSpaces(defaultSpaces({ name: config.siteName, capacity: config.site.siteCapacity ?? null }, devices));
    const spaces = spaceOccupancies(tree, counts);
    const root = spaces[0]!;
    const unknownDevices = configuredDevices.filter((id) => !counts.has(id));
    reportUnknown(unknownDevices);
    return {
      generatedUtc: (vendor.generatedUtc ?? fetchedAt).toISOString(),
      fetchedAt: fetchedAt.toISOString(),
      dayStart: { utc: plan.utc.toISOString(), local: plan.local, timezone: plan.timezone },
      total: { in: root.in, out: root.out, occupancy: root.occupancy, capacity: root.capacity },
      devices,
      spaces,
      spacesConfigured: configured !== null,
      unknownDevices,
      notice: devices.length === 0 ? 'no_pro_devices' : null,
      ...(config.settingsVersion === undefined ? {} : { settingsVersion: config.settingsVersion }),
    };
  }

  function snapshotOf(key: string, vendor: VendorOccupancy, plan: ReturnType<typeof planDayStart>, fetchedAt: Date, health: Snapshot['health']): Snapshot {
    const body = toBody(vendor, plan, fetchedAt, health);
    return { key, fetchedAtMs: fetchedAt.getTime(), vendor, plan, health, body, json: JSON.stringify(body) };
  }

  /** How long this door has counted one way only, as far as this server has watched it. */
  function oneWayFor(counts: { id: number; in: number; out: number }, day: number, nowMs: number): number {
    const direction = oneWayDirection(counts);
    if (direction === null) {
      oneWay.delete(counts.id);
      return 0;
    }
    const seen = oneWay.get(counts.id);
    if (seen !== undefined && seen.day === day && seen.direction === direction) return nowMs - seen.sinceMs;
    oneWay.set(counts.id, { day, direction, sinceMs: nowMs });
    return 0;
  }

  /** A door of the configuration that the account does not have is a warning, once per change. */
  function reportUnknown(ids: number[]) {
    const key = ids.join(',');
    if (key === reportedUnknown) return;
    reportedUnknown = key;
    if (ids.length > 0) logger.warn({ devices: ids }, 'the site configuration names devices the vendor does not serve for this key; their doors count nothing');
  }

  async function fetchSnapshot(key: string, plan: ReturnType<typeof planDayStart>): Promise<Snapshot> {
    const vendor = await client.getOccupancy(plan.vendorParams);
    if (vendor.datetimeStart !== null && vendor.datetimeStart.getTime() !== plan.utc.getTime()) {
      // Our parameters should make the vendor land exactly on the day start; say so if it did not.
      logger.warn({ expected: plan.utc.toISOString(), vendor: vendor.datetimeStart.toISOString() }, 'vendor start differs from the planned day start');
    }
    const fetchedAt = now();
    const health = new Map(vendor.devices.map((d) => [d.id, doorHealth(d, oneWayFor(d, plan.utc.getTime(), fetchedAt.getTime()))]));
    return snapshotOf(key, vendor, plan, fetchedAt, health);
  }

  function recordFailure(error: UpstreamError, nowMs: number) {
    health.lastError = { code: error.code, message: error.message, at: new Date(nowMs) };
    const waitMs = backoff.failed('getoccupancy', error, nowMs);
    const retryInSeconds = Math.round(waitMs / 1000);
    if (error.code === 'upstream_auth') {
      logger.error({ code: error.code, retryInSeconds }, 'vendor rejected the access key; pausing vendor calls');
    } else {
      logger.warn({ code: error.code, detail: error.detail, retryInSeconds }, 'vendor call failed; pausing vendor calls');
    }
  }

  /** The one vendor call for `key`, started now unless one is under way. */
  function flightFor(key: string, plan: ReturnType<typeof planDayStart>, nowMs: number): Flight {
    const running = inFlight.get(key);
    if (running !== undefined) return running;
    const result = fetchSnapshot(key, plan)
      .then(
        (snapshot): Snapshot => {
          latest = snapshot;
          health.lastSuccessAt = new Date(snapshot.fetchedAtMs);
          health.lastError = null;
          backoff.succeeded('getoccupancy');
          if (freshListeners.size > 0) {
            const body = respond(snapshot, snapshot.fetchedAtMs, null).body;
            for (const listener of freshListeners) {
              // A listener's failure is its own: the screens still get their answer.
              try {
                listener(body);
              } catch (error) {
                logger.error({ err: { name: (error as Error).name, message: (error as Error).message } }, 'a listener of fresh answers failed');
              }
            }
          }
          return snapshot;
        },
        (error: unknown): UpstreamError => {
          const upstream = error instanceof UpstreamError ? error : new UpstreamError('upstream_format', (error as Error).message);
          recordFailure(upstream, now().getTime());
          return upstream;
        },
      )
      .finally(() => inFlight.delete(key));
    const flight = { result, startedMs: nowMs };
    inFlight.set(key, flight);
    return flight;
  }

  async function answer(): Promise<OccupancyAnswer> {
    const nowDate = now();
    const nowMs = nowDate.getTime();
    const { value: plan, key } = planFor(nowDate);
    const ageMs = latest === null ? Number.NaN : nowMs - latest.fetchedAtMs;

    // The hot path: a fresh answer (never one from the future, when the clock stepped back).
    if (latest !== null && latest.key === key && ageMs >= 0 && ageMs < options.cacheMs) return respond(latest, nowMs, null);

    // What may still be shown, marked stale: the last good answer for a bounded time (yesterday's
    // too, just after the day rolled over, when the vendor fails).
    const kept = latest !== null && ageMs >= 0 && ageMs <= options.staleMaxMs ? latest : null;

    const block = backoff.blocked('getoccupancy', nowMs);
    if (block !== null) {
      if (kept !== null) return respond(kept, nowMs, { error: block.error, retryInSeconds: secondsUntil(block.untilMs, nowMs) });
      throw blockedError(block, nowMs);
    }

    const flight = flightFor(key, plan, nowMs);
    if (kept !== null && kept.key === key) {
      // Stale-while-revalidate: answer now. Live while the refresh is young; stale once a failure
      // is remembered (the back-off is over and this is the retry) or the refresh is overdue.
      const failure = backoff.lastFailure('getoccupancy');
      if (failure !== null) return respond(kept, nowMs, { error: failure, retryInSeconds: 0 });
      if (nowMs - flight.startedMs >= SLOW_REFRESH_MS) return respond(kept, nowMs, { error: slow, retryInSeconds: 0 });
      return respond(kept, nowMs, null);
    }

    // Nothing to give for this day yet: wait for the vendor.
    const result = await flight.result;
    const doneMs = now().getTime();
    if (!(result instanceof UpstreamError)) return respond(result, doneMs, null);
    const after = backoff.blocked('getoccupancy', doneMs);
    const failure = { error: result, retryInSeconds: after === null ? null : secondsUntil(after.untilMs, doneMs) };
    if (kept !== null) return respond(kept, doneMs, failure);
    throw result.withRetryIn(failure.retryInSeconds);
  }

  function reconfigure(next: SiteSettings) {
    const dayMoved = next.timezone !== config.timezone || next.dayStart !== config.dayStart;
    config = { site: next.site, siteName: next.siteName, timezone: next.timezone, dayStart: next.dayStart, settingsVersion: next.settingsVersion };
    derived = derive(next.site);
    // Another day start counts another window: the next request plans it and asks the vendor
    // (the old answer, made under another key, is not shown as this one's).
    if (dayMoved) plan = null;
    // Names, doors and capacities are ours: the vendor's last counts are enough to show them at once.
    else if (latest !== null) latest = snapshotOf(latest.key, latest.vendor, latest.plan, new Date(latest.fetchedAtMs), latest.health);
  }

  function onFresh(listener: (answer: Occupancy) => void) {
    freshListeners.add(listener);
    return () => {
      freshListeners.delete(listener);
    };
  }

  return { answer, current: async () => (await answer()).body, health: () => ({ ...health }), reconfigure, onFresh };
}
