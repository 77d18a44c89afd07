// GET /api/history: the vendor's CSV for a range, parsed into a compact series per device for
// charts. Answers are cached per query: ranges that end before today never change, so they are
// kept for hours; a range that includes today for a minute. Concurrent askers share one call.
import { Hono } from 'hono';
import type { History } from '@/shared/api-schema';
import { fieldErrors, historyQuerySchema, type HistoryQuery } from '@/shared/export-query';
import { todayIn } from '@/shared/zoned';
import type { AppDeps } from '../app-deps';
import { ApiHttpError } from '../http-error';
import { parseHistoryCsv } from '../upstream/history-csv';
import { UpstreamError } from '../upstream/upstream-error';

const PAST_TTL_MS = 6 * 60 * 60_000;
const TODAY_TTL_MS = 60_000;
const MAX_ENTRIES = 64;

export function historyRoutes(deps: AppDeps) {
  const cache = new Map<string, { expiresMs: number; body: History }>();
  const zones = new Map(deps.site.devices.flatMap((d) => (d.timezone === undefined ? [] : [[d.id, d.timezone] as const])));
  const inFlight = new Map<string, Promise<History>>();

  async function load(q: HistoryQuery): Promise<History> {
    const controller = new AbortController();
    try {
      const download = await deps.client.openCsv({ from: q.from, to: q.to, resolution: q.resolution, devices: q.devices }, controller.signal);
      const series = await parseHistoryCsv(download.body, { timezone: deps.timezone, resolution: q.resolution, zoneOf: (id) => zones.get(id) ?? deps.timezone });
      const labels = new Map(deps.site.devices.map((d) => [d.id, d.label]));
      return {
        resolution: q.resolution,
        timezone: deps.timezone,
        from: q.from,
        to: q.to,
        series: series.map((s) => ({ ...s, name: labels.get(s.id) ?? s.name })),
      };
    } catch (error) {
      // A range with no rows is an empty chart, not a failure.
      if (error instanceof UpstreamError && error.code === 'no_data') return { resolution: q.resolution, timezone: deps.timezone, from: q.from, to: q.to, series: [] };
      if (error instanceof UpstreamError && error.code === 'upstream_format') deps.logger.warn({ detail: error.detail }, 'history CSV not readable');
      throw error;
    } finally {
      controller.abort();
    }
  }

  return new Hono().get('/', async (c) => {
    const now = deps.now();
    const today = todayIn(deps.timezone, now);
    const parsed = historyQuerySchema({ today }).safeParse(c.req.query());
    if (!parsed.success) {
      const [field, message] = Object.entries(fieldErrors(parsed.error))[0] ?? ['form', 'The history request is not valid.'];
      throw new ApiHttpError(400, 'bad_request', message, field);
    }
    const q = parsed.data;
    const key = JSON.stringify([q.from, q.to, q.resolution, q.devices]);
    const cached = cache.get(key);
    if (cached !== undefined && cached.expiresMs > now.getTime()) return c.json(cached.body, 200);

    let flight = inFlight.get(key);
    if (flight === undefined) {
      flight = load(q).finally(() => inFlight.delete(key));
      inFlight.set(key, flight);
    }
    const body = await flight;
    cache.delete(key);
    if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
    cache.set(key, { expiresMs: deps.now().getTime() + (q.to < today ? PAST_TTL_MS : TODAY_TTL_MS), body });
    return c.json(body, 200);
  });
}
