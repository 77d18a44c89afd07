// GET /api/history: the vendor's CSV for a range, parsed into a compact series per device for
// charts; with `space=<id>`, the series of its boundary doors and the space's own counts. Answers are cached per query as JSON text, within a byte budget: ranges that end before
// today never change, so they are kept for hours; a range that includes today for a minute.
// Concurrent askers share one call; distinct vendor downloads are capped (429 beyond), and the
// vendor back-off shared with the live screens is honoured. HEAD never calls the vendor.
import { Hono } from 'hono';
import type { History } from '@/shared/api-schema';
import { historyQuerySchema, type HistoryQuery } from '@/shared/history-query';
import { fieldErrors } from '@/shared/range-query';
import { todayIn } from '@/shared/zoned';
import type { AppDeps } from '../app-deps';
import { createByteCache } from '../byte-cache';
import { ApiHttpError } from '../http-error';
import type { SiteView } from '../settings/site-view';
import type { ResolvedSpace } from '../space-filter';
import { spacePoints } from '../space-history';
import { parseHistoryCsv } from '../upstream/history-csv';
import { UpstreamError } from '../upstream/upstream-error';
import { blockedError } from '../upstream/vendor-backoff';

const PAST_TTL_MS = 6 * 60 * 60_000;
const TODAY_TTL_MS = 60_000;
/** What a client over the download cap is told to wait: a history download takes seconds. */
export const HISTORY_BUSY_RETRY_SECONDS = 5;

export function historyRoutes(deps: AppDeps) {
  const cache = createByteCache(deps.historyCacheBytes);
  const inFlight = new Map<string, Promise<string>>();
  let downloads = 0;

  /** The answer for these series: with a space, its own counts per period as well. */
  function answer(view: SiteView, q: HistoryQuery, space: ResolvedSpace | null, series: History['series']): string {
    const body: History = { resolution: q.resolution, timezone: view.timezone, from: q.from, to: q.to, series };
    if (space !== null) {
      const named = space.vendorNamed === null ? undefined : series.find((s) => s.id === space.vendorNamed)?.name;
      const options = { timezone: view.timezone, dayStart: view.dayStart, resolution: q.resolution, from: q.from };
      body.space = { id: space.id, name: named ?? space.name, points: spacePoints(series, space.doors, options) };
    }
    return JSON.stringify(body);
  }

  async function load(view: SiteView, q: HistoryQuery, space: ResolvedSpace | null, devices: number[] | null): Promise<string> {
    const controller = new AbortController();
    try {
      const download = await deps.client.openCsv({ from: q.from, to: q.to, resolution: q.resolution, devices }, controller.signal);
      const series = await parseHistoryCsv(download.body, {
        timezone: view.timezone,
        resolution: q.resolution,
        zoneOf: (id) => view.zones.get(id) ?? view.timezone,
      });
      deps.backoff.succeeded('downloadcsv');
      return answer(
        view,
        q,
        space,
        series.map((s) => ({ ...s, name: view.labels.get(s.id) ?? s.name })),
      );
    } catch (error) {
      // A range with no rows is an empty chart, not a failure.
      if (error instanceof UpstreamError && error.code === 'no_data') {
        deps.backoff.succeeded('downloadcsv');
        return answer(view, q, space, []);
      }
      if (!(error instanceof UpstreamError)) throw error;
      if (error.code === 'upstream_format') deps.logger.warn({ detail: error.detail }, 'history CSV not readable');
      const waitMs = deps.backoff.failed('downloadcsv', error);
      throw error.withRetryIn(waitMs > 0 ? Math.ceil(waitMs / 1000) : null);
    } finally {
      controller.abort();
    }
  }

  return new Hono().get('/', async (c) => {
    const now = deps.now();
    const view = deps.site();
    const today = todayIn(view.timezone, now);
    const parsed = historyQuerySchema({ today }).safeParse(c.req.query());
    if (!parsed.success) {
      const [field, message] = Object.entries(fieldErrors(parsed.error))[0] ?? ['form', 'The history request is not valid.'];
      throw new ApiHttpError(400, 'bad_request', message, field);
    }
    const q = parsed.data;
    // An unknown space is a 400 before anything else (HEAD too), and asks the vendor nothing.
    const space = q.space === null ? null : view.resolveSpace(q.space);
    const devices = space === null ? q.devices : space.devices;
    // Names, zones and a space's doors come from the settings: an answer made under others is not reused.
    const key = JSON.stringify([q.from, q.to, q.resolution, devices, space?.id ?? null, view.version]);
    const cached = cache.get(key, now.getTime());
    const jsonHeaders = { 'content-type': 'application/json' };
    if (cached !== undefined) return c.body(cached, 200, jsonHeaders);
    // A space without doors counts nothing: nothing to ask the vendor (an empty list would mean every device).
    if (devices !== null && devices.length === 0) {
      if (c.req.method === 'HEAD') return c.body(null, 200, jsonHeaders);
      return c.body(answer(view, q, space, []), 200, jsonHeaders);
    }

    let flight = inFlight.get(key);
    if (flight === undefined) {
      const block = deps.backoff.blocked('downloadcsv', now.getTime());
      if (block !== null) throw blockedError(block, now.getTime());
      // HEAD (Hono routes it here as a GET) says what a GET would get, without a vendor call.
      if (c.req.method === 'HEAD') return c.body(null, 200, jsonHeaders);
      if (downloads >= deps.historyConcurrency) {
        c.header('Retry-After', String(HISTORY_BUSY_RETRY_SECONDS));
        throw new ApiHttpError(429, 'rate_limited', `${deps.historyConcurrency} history downloads are already running; try again in a few seconds.`);
      }
      downloads++;
      flight = load(view, q, space, devices).finally(() => {
        downloads--;
        inFlight.delete(key);
      });
      inFlight.set(key, flight);
    } else if (c.req.method === 'HEAD') {
      return c.body(null, 200, jsonHeaders);
    }
    const text = await flight;
    cache.set(key, text, deps.now().getTime() + (q.to < today ? PAST_TTL_MS : TODAY_TTL_MS));
    return c.body(text, 200, jsonHeaders);
  });
}
