// Current occupancy for every screen at once. However many browsers poll, the vendor is asked at
// most once per cache period per distinct query (single-flight + a short cache). When the vendor
// fails, the last good answer is served for a bounded time, marked stale with its age and the
// reason. A rejected key is never cached as data, and after one the vendor is left alone for a
// while: each wrong-key call costs the vendor (and us) about three seconds.
import type { Logger } from 'pino';
import type { DeviceOccupancy, Occupancy } from '@/shared/api-schema';
import { planDayStart } from '@/shared/day-start';
import { totalOccupancy } from '@/shared/occupancy-math';
import type { SiteConfig } from './site-config';
import type { VendorOccupancy } from './upstream/occupancy-adapter';
import { UpstreamError } from './upstream/upstream-error';
import type { WellpointClient } from './upstream/wellpoint-client';

export interface OccupancyServiceOptions {
  client: Pick<WellpointClient, 'getOccupancy'>;
  now: () => Date;
  timezone: string;
  dayStart: string;
  cacheMs: number;
  staleMaxMs: number;
  authBackoffMs: number;
  site: SiteConfig;
  logger: Logger;
}

interface Snapshot {
  key: string;
  fetchedAtMs: number;
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
}

/**
 * How long a computed day-start plan is reused. Planning reads the zone rules through Intl several
 * times; every polling screen would otherwise pay for it. A day rolls over at most this late.
 */
const PLAN_REUSE_MS = 1000;

export function createOccupancyService(options: OccupancyServiceOptions): OccupancyService {
  const { client, now, logger } = options;
  const inFlight = new Map<string, Promise<Snapshot>>();
  let latest: Snapshot | null = null;
  let authBlock: { untilMs: number; error: UpstreamError } | null = null;
  const health: ServiceHealth = { lastSuccessAt: null, lastError: null };
  const labels = new Map(options.site.devices.map((d) => [d.id, d]));

  function respond(snapshot: Snapshot, nowMs: number, failure: UpstreamError | null): OccupancyAnswer {
    const head = {
      ageSeconds: Math.max(0, Math.round((nowMs - snapshot.fetchedAtMs) / 100) / 10),
      stale: failure !== null,
      staleReason: failure === null ? null : { code: failure.code, message: failure.message },
    };
    // Splice the per-request fields in front of the serialized snapshot instead of serializing
    // the whole answer again for every screen.
    const json = `${JSON.stringify(head).slice(0, -1)},${snapshot.json.slice(1)}`;
    return { body: { ...snapshot.body, ...head }, json };
  }

  let plan: { atMs: number; value: ReturnType<typeof planDayStart> } | null = null;
  function planFor(nowDate: Date) {
    const nowMs = nowDate.getTime();
    if (plan === null || nowMs < plan.atMs || nowMs - plan.atMs >= PLAN_REUSE_MS) {
      plan = { atMs: nowMs, value: planDayStart(nowDate, options.timezone, options.dayStart) };
    }
    return plan.value;
  }

  function toBody(vendor: VendorOccupancy, plan: ReturnType<typeof planDayStart>, fetchedAt: Date): Snapshot['body'] {
    const devices: DeviceOccupancy[] = vendor.devices
      .map((d) => {
        const site = labels.get(d.id);
        return {
          id: d.id,
          name: site?.label ?? d.name,
          in: d.in,
          out: d.out,
          occupancy: d.raw,
          corrected: d.corrected,
          capacity: site?.capacity ?? null,
        };
      })
      .sort((a, b) => a.id - b.id);
    return {
      generatedUtc: (vendor.generatedUtc ?? fetchedAt).toISOString(),
      fetchedAt: fetchedAt.toISOString(),
      dayStart: { utc: plan.utc.toISOString(), local: plan.local, timezone: plan.timezone },
      total: { ...totalOccupancy(devices), capacity: options.site.siteCapacity ?? null },
      devices,
      notice: devices.length === 0 ? 'no_pro_devices' : null,
    };
  }

  async function fetchSnapshot(key: string, plan: ReturnType<typeof planDayStart>): Promise<Snapshot> {
    const vendor = await client.getOccupancy(plan.vendorParams);
    if (vendor.datetimeStart !== null && vendor.datetimeStart.getTime() !== plan.utc.getTime()) {
      // Our parameters should make the vendor land exactly on the day start; say so if it did not.
      logger.warn({ expected: plan.utc.toISOString(), vendor: vendor.datetimeStart.toISOString() }, 'vendor start differs from the planned day start');
    }
    const fetchedAt = now();
    const body = toBody(vendor, plan, fetchedAt);
    return { key, fetchedAtMs: fetchedAt.getTime(), body, json: JSON.stringify(body) };
  }

  function recordFailure(error: UpstreamError, nowMs: number) {
    health.lastError = { code: error.code, message: error.message, at: new Date(nowMs) };
    if (error.code === 'upstream_auth') {
      authBlock = { untilMs: nowMs + options.authBackoffMs, error };
      logger.error({ code: error.code, retryInSeconds: options.authBackoffMs / 1000 }, 'vendor rejected the access key; pausing vendor calls');
    } else {
      logger.warn({ code: error.code, detail: error.detail }, 'vendor call failed');
    }
  }

  async function answer(): Promise<OccupancyAnswer> {
    const nowDate = now();
    const nowMs = nowDate.getTime();
    const plan = planFor(nowDate);
    // The start instant is part of the key: shift-only params look the same on every day.
    const key = JSON.stringify([plan.utc.getTime(), plan.vendorParams]);

    if (latest !== null && latest.key === key && nowMs >= latest.fetchedAtMs && nowMs - latest.fetchedAtMs < options.cacheMs) {
      return respond(latest, nowMs, null);
    }

    const fallback = (error: UpstreamError): OccupancyAnswer => {
      if (latest !== null && nowMs - latest.fetchedAtMs <= options.staleMaxMs) return respond(latest, now().getTime(), error);
      throw error;
    };

    if (authBlock !== null) {
      if (nowMs < authBlock.untilMs) return fallback(authBlock.error);
      authBlock = null;
    }

    let flight = inFlight.get(key);
    if (flight === undefined) {
      flight = fetchSnapshot(key, plan)
        .then((snapshot) => {
          latest = snapshot;
          health.lastSuccessAt = new Date(snapshot.fetchedAtMs);
          health.lastError = null;
          return snapshot;
        })
        .catch((error: unknown) => {
          const upstream = error instanceof UpstreamError ? error : new UpstreamError('upstream_format', (error as Error).message);
          recordFailure(upstream, now().getTime());
          throw upstream;
        })
        .finally(() => inFlight.delete(key));
      inFlight.set(key, flight);
    }

    try {
      return respond(await flight, now().getTime(), null);
    } catch (error) {
      return fallback(error as UpstreamError);
    }
  }

  return { answer, current: async () => (await answer()).body, health: () => ({ ...health }) };
}
