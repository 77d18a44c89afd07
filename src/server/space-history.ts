// A space's counts per period for /api/history?space=: IN and OUT through its boundary doors, and
// the people inside at the end of each period, counted from the site's day start.
import type { History, Resolution } from '@/shared/api-schema';
import { planDayStart } from '@/shared/day-start';
import { getOrCreate } from '@/shared/get-or-create';
import { type DoorCounts, type SpaceDoor, spaceCounts } from '@/shared/spaces';
import { startOfLocalDay, zonedIso } from '@/shared/zoned';
import type { HistorySeries } from './upstream/history-csv';

export type SpacePoint = NonNullable<History['space']>['points'][number];

export interface SpacePointsOptions {
  timezone: string;
  /** The site's DAY_START, HH:MM: occupancy starts again from zero at each. */
  dayStart: string;
  resolution: Resolution;
  /** The range's first date (YYYY-MM-DD): the data begins at its midnight in the site's zone. */
  from: string;
}

/**
 * One point per period start (as an instant, so doors read in other zones line up), in order.
 * `in`/`out` come from the doors with their sides (spaceCounts). `occupancy` is max(0, entered −
 * left) since the start of the business day the period starts in; null at day and month
 * resolution, and null for periods of a business day that began before the data does (with a
 * day start after midnight, the first hours of the range: their day's earlier hours are unknown).
 * `doors` null: every series is a door with side `in` (the default site).
 */
export function spacePoints(series: readonly HistorySeries[], doors: readonly SpaceDoor[] | null, options: SpacePointsOptions): SpacePoint[] {
  const boundary = doors ?? series.map((s) => ({ device: s.id, side: 'in' as const }));
  const byInstant = new Map<number, Map<number, DoorCounts>>();
  for (const s of series) {
    for (const p of s.points) {
      const counts = getOrCreate(byInstant, Date.parse(p.start), () => new Map<number, DoorCounts>());
      const seen = counts.get(s.id);
      counts.set(s.id, seen === undefined ? { in: p.in, out: p.out } : { in: seen.in + p.in, out: seen.out + p.out });
    }
  }
  const timed = options.resolution === 'hour' || options.resolution === '5min';
  const dataStartMs = startOfLocalDay(options.from, options.timezone).getTime();
  let dayMs = Number.NaN;
  let raw = 0;
  return [...byInstant.keys()]
    .sort((a, b) => a - b)
    .map((ms) => {
      const c = spaceCounts(boundary, byInstant.get(ms)!);
      let occupancy: number | null = null;
      if (timed) {
        // The business day this period starts in (the one definition of a day start, DST included).
        const start = planDayStart(new Date(ms), options.timezone, options.dayStart).utc.getTime();
        if (start !== dayMs) {
          dayMs = start;
          raw = 0;
        }
        raw += c.raw;
        occupancy = start >= dataStartMs ? Math.max(0, raw) : null;
      }
      return { start: zonedIso(new Date(ms), options.timezone), in: c.in, out: c.out, occupancy };
    });
}
