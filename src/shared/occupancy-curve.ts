// Occupancy through the day from counts per period: how many people were inside at the end of
// each period, the way the vendor would have answered getoccupancy at that moment. Used by the
// dashboard's "Today" curve; pure functions on instants (ms since the epoch), so a 23- or 25-hour
// day simply has 23 or 25 hourly periods. No Node or DOM APIs.

export interface PeriodCounts {
  /** The period's start, ms since the epoch. */
  start: number;
  in: number;
  out: number;
}

export interface CurvePoint {
  /** The moment the value holds for, ms since the epoch. */
  t: number;
  occupancy: number;
  /** The last point, taken from the live count rather than from the periods. */
  live?: true;
}

/** Parses `{ start: ISO instant, in, out }` points (the shape of /api/history) into PeriodCounts. */
export function toPeriods(points: readonly { start: string; in: number; out: number }[]): PeriodCounts[] {
  return points.map((p) => ({ start: Date.parse(p.start), in: p.in, out: p.out }));
}

/**
 * The site's counts per period: IN and OUT of every device summed per period start, in time
 * order. People enter by one door and leave by another, so the site is summed before clamping.
 */
export function sumPeriods(series: readonly (readonly PeriodCounts[])[]): PeriodCounts[] {
  const byStart = new Map<number, PeriodCounts>();
  for (const points of series) {
    for (const p of points) {
      const sum = byStart.get(p.start);
      if (sum) {
        sum.in += p.in;
        sum.out += p.out;
      } else {
        byStart.set(p.start, { start: p.start, in: p.in, out: p.out });
      }
    }
  }
  return [...byStart.values()].sort((a, b) => a.start - b.start);
}

/**
 * Occupancy at the end of each period: max(0, ΣIN − ΣOUT) with both sums running from the first
 * period. That is the vendor's CorrectedOccupancy at each moment, so the curve meets the live
 * count. (Clamping the running value itself, max(0, previous + IN − OUT), would drift away from
 * it after every stretch where more people left than entered, as at a door used mostly to leave.)
 * One point per period: a 25-hour day of hourly periods gives 25 points.
 */
export function runningOccupancy(periods: readonly PeriodCounts[], periodMs: number): CurvePoint[] {
  let sumIn = 0;
  let sumOut = 0;
  return [...periods]
    .sort((a, b) => a.start - b.start)
    .map((p) => {
      sumIn += p.in;
      sumOut += p.out;
      return { t: p.start + periodMs, occupancy: Math.max(0, sumIn - sumOut) };
    });
}

export interface CurveInput {
  /** Counts per period since (or around) the day start; periods before it are ignored. */
  periods: readonly PeriodCounts[];
  periodMs: number;
  /** The instant the counting day started (the vendor's occupancy is 0 there). */
  dayStartMs: number;
  /** The live count and the moment it holds for; the curve ends there. */
  live?: { t: number; occupancy: number } | null;
}

/**
 * The curve from the day start (0 people) through the end of every period to the live count.
 * A period that is not over at the live moment is left out: its counts are partial, and the live
 * point already stands for that stretch. A period ending exactly at the live moment gives way to
 * the live point, so the curve never shows two values for one moment.
 */
export function occupancyCurve({ periods, periodMs, dayStartMs, live = null }: CurveInput): CurvePoint[] {
  const today = periods.filter((p) => p.start >= dayStartMs);
  let points = runningOccupancy(today, periodMs);
  if (live) points = points.filter((p) => p.t < live.t);
  const curve: CurvePoint[] = [{ t: dayStartMs, occupancy: 0 }, ...points.filter((p) => p.t > dayStartMs)];
  if (live && live.t >= dayStartMs) {
    if (curve.length === 1 && live.t === dayStartMs) curve.pop();
    curve.push({ t: live.t, occupancy: live.occupancy, live: true });
  }
  return curve;
}
