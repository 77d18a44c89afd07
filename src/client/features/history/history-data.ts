// From /api/history answers to what the charts and their tables show. Pure functions; the
// occupancy arithmetic itself lives in shared/occupancy-curve.
import type { History } from '@/shared/api-schema';
import { type CurvePoint, occupancyCurve, type PeriodCounts, sumPeriods, toPeriods } from '@/shared/occupancy-curve';
import { addDaysToDateString } from '@/shared/zoned';
import { weekdayOf } from './chart-format';
import { type DateRange, datesOf } from './history-ranges';

const FIVE_MINUTES = 5 * 60_000;

/** Which curve: the whole site, or one device by id. */
export type SeriesChoice = 'site' | number;

export interface LiveCounts {
  /** The moment of the live answer (ms). */
  t: number;
  /** The site's occupancy, max(0, ΣIN − ΣOUT). */
  site: number;
  /** Each device's occupancy (max(0, IN − OUT)), by id. */
  devices: ReadonlyMap<number, number>;
}

/**
 * Today's curve for the chosen series, ending at the live count. The last period of every series
 * in a range that ends today is the one in progress when the vendor answered, so it is left out:
 * its counts are partial, and the live point stands for that stretch.
 */
export function todayCurve(
  history: History | undefined,
  { dayStartMs, live, choice }: { dayStartMs: number; live: LiveCounts; choice: SeriesChoice },
): CurvePoint[] {
  const complete = (history?.series ?? []).map((s) => ({ id: s.id, periods: toPeriods(s.points).slice(0, -1) }));
  const chosen = choice === 'site' ? complete : complete.filter((s) => s.id === choice);
  const periods: PeriodCounts[] = sumPeriods(chosen.map((s) => s.periods));
  const occupancy = choice === 'site' ? live.site : (live.devices.get(choice) ?? 0);
  return occupancyCurve({ periods, periodMs: FIVE_MINUTES, dayStartMs, live: { t: live.t, occupancy } });
}

/**
 * Today's curve of one space (asked for with `space=<id>`): the server's people inside at the end
 * of each period, ending at the space's live count. As for the doors, the last period is the one
 * in progress and gives way to the live point.
 */
export function spaceTodayCurve(space: History['space'], { dayStartMs, live }: { dayStartMs: number; live: { t: number; occupancy: number } }): CurvePoint[] {
  const ends = (space?.points ?? []).slice(0, -1).flatMap((p) => {
    const t = Date.parse(p.start) + FIVE_MINUTES;
    return p.occupancy !== null && t > dayStartMs && t < live.t ? [{ t, occupancy: p.occupancy }] : [];
  });
  // From the day start (0 people), as occupancyCurve draws the doors' curve.
  const curve: CurvePoint[] = live.t > dayStartMs ? [{ t: dayStartMs, occupancy: 0 }, ...ends] : [];
  if (live.t >= dayStartMs) curve.push({ t: live.t, occupancy: live.occupancy, live: true });
  else curve.push({ t: dayStartMs, occupancy: 0 });
  return curve;
}

/**
 * The counts an answer is about: the space's own (entering and leaving its boundary) when it was
 * asked for one, else every door's.
 */
function countsOf(history: History | undefined): (readonly { start: string; in: number; out: number }[])[] {
  if (history?.space) return [history.space.points];
  return (history?.series ?? []).map((s) => s.points);
}

/** True when nobody has been counted yet today: nothing to draw but a flat line at 0. */
export function isEmptyDay(curve: readonly CurvePoint[], history: History | undefined): boolean {
  const anyCounts = countsOf(history).some((points) => points.some((p) => p.in > 0 || p.out > 0));
  return !anyCounts && curve.every((p) => p.occupancy === 0);
}

export interface VisitorDay {
  date: string;
  /** IN at every door of the site that day (people entering the space, for a space). */
  visitors: number;
  /** The same weekday a week earlier. */
  weekBefore: number;
}

/** IN per local day, summed over the site's devices (or the space's): `start` carries the site's own date. */
function visitorsByDate(history: History | undefined): Map<string, number> {
  const byDate = new Map<string, number>();
  for (const points of countsOf(history)) {
    for (const p of points) {
      const date = p.start.slice(0, 10);
      byDate.set(date, (byDate.get(date) ?? 0) + p.in);
    }
  }
  return byDate;
}

export function visitorsPerDay(history: History | undefined, shown: DateRange): VisitorDay[] {
  const byDate = visitorsByDate(history);
  return datesOf(shown).map((date) => ({
    date,
    visitors: byDate.get(date) ?? 0,
    weekBefore: byDate.get(addDaysToDateString(date, -7)) ?? 0,
  }));
}

export interface PeakHours {
  /** Average IN per [weekday 0 = Sunday][local hour 0–23]. */
  average: number[][];
  max: number;
  busiest: { weekday: number; hour: number; average: number } | null;
}

/**
 * Average IN per hour of the day, per weekday, over whole days of a range. The hours are the site's
 * wall-clock hours: on the day the clocks go back both passes through the repeated hour count for
 * it, and the hour skipped when they go forward counts as an hour with no visitors that day, so
 * every cell averages the same number of days.
 */
export function peakHours(history: History | undefined, range: DateRange): PeakHours {
  const days = new Array<number>(7).fill(0);
  for (const date of datesOf(range)) days[weekdayOf(date)]! += 1;
  const sums = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
  for (const points of countsOf(history)) {
    for (const p of points) {
      const date = p.start.slice(0, 10);
      if (date < range.from || date > range.to) continue;
      const hour = Number(p.start.slice(11, 13));
      sums[weekdayOf(date)]![hour]! += p.in;
    }
  }
  let max = 0;
  let busiest: PeakHours['busiest'] = null;
  const average = sums.map((row, weekday) =>
    row.map((sum, hour) => {
      const value = days[weekday] ? sum / days[weekday] : 0;
      if (value > max) {
        max = value;
        busiest = { weekday, hour, average: value };
      }
      return value;
    }),
  );
  return { average, max, busiest };
}
