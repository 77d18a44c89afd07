import { describe, expect, it } from 'vitest';
import { occupancyCurve, type PeriodCounts, runningOccupancy, sumPeriods, toPeriods } from './occupancy-curve';
import { totalOccupancy } from './occupancy-math';
import { addDaysToDateString, formatInZone, startOfLocalDay, zonedIso } from './zoned';

const MIN5 = 5 * 60_000;
const HOUR = 3_600_000;
const at = (iso: string) => Date.parse(iso);

const START = at('2026-11-26T07:00:00Z');

/** Periods of `ms` from `startMs`, with counts from `counts` in turn. */
function periods(startMs: number, ms: number, counts: readonly [number, number][]): PeriodCounts[] {
  return counts.map(([i, o], k) => ({ start: startMs + k * ms, in: i, out: o }));
}

/** The running occupancy of 5-minute periods from START with these counts. */
const fiveMinuteCurve = (counts: readonly [number, number][]) => runningOccupancy(periods(START, MIN5, counts), MIN5);

describe('runningOccupancy', () => {
  it('is IN − OUT summed from the first period, one point at the end of each period', () => {
    const curve = fiveMinuteCurve([
      [5, 0],
      [3, 2],
      [0, 4],
    ]);
    expect(curve).toEqual([
      { t: START + MIN5, occupancy: 5 },
      { t: START + 2 * MIN5, occupancy: 6 },
      { t: START + 3 * MIN5, occupancy: 2 },
    ]);
  });

  it('clamps at 0 as the vendor does: max(0, ΣIN − ΣOUT), not a running clamp that forgets the deficit', () => {
    // A door used mostly to leave: 5 out, then 3 in. The vendor says 0 both times (−5, then −2);
    // clamping the running value would invent 3 people.
    const curve = fiveMinuteCurve([
      [0, 5],
      [3, 0],
      [4, 0],
    ]);
    expect(curve.map((p) => p.occupancy)).toEqual([0, 0, 2]);
  });

  it('sorts periods that arrive out of order', () => {
    const [a, b] = periods(START, MIN5, [
      [4, 0],
      [0, 1],
    ]) as [PeriodCounts, PeriodCounts];
    expect(runningOccupancy([b, a], MIN5).map((p) => p.occupancy)).toEqual([4, 3]);
  });
});

describe('sumPeriods', () => {
  it('adds the doors per period before clamping, so a person moving between doors is not counted twice', () => {
    const front = periods(START, MIN5, [
      [10, 0],
      [2, 0],
    ]);
    const back = periods(START, MIN5, [
      [0, 8],
      [0, 1],
    ]);
    const site = sumPeriods([front, back]);
    expect(site).toEqual([
      { start: START, in: 10, out: 8 },
      { start: START + MIN5, in: 2, out: 1 },
    ]);
    expect(runningOccupancy(site, MIN5).map((p) => p.occupancy)).toEqual([2, 3]);
    // Σ of the doors' own clamped values would say 12 + 0 = 12 at the end.
    const perDoor = [front, back].map((d) => runningOccupancy(d, MIN5).at(-1)?.occupancy ?? 0);
    expect(perDoor.reduce((a, b) => a + b, 0)).toBe(12);
  });

  it('keeps a period only one door reported', () => {
    expect(sumPeriods([periods(START, MIN5, [[1, 0]]), periods(START + MIN5, MIN5, [[2, 1]])])).toHaveLength(2);
  });
});

describe('occupancyCurve', () => {
  const dayStart = at('2026-11-25T23:00:00Z'); // midnight in Budapest

  it('starts at 0 at the day start and ends at the live total for the same moment', () => {
    // Three doors' counts for 06:00–06:30 local; the live answer at 06:30 counts the same minutes.
    const from = at('2026-11-26T05:00:00Z');
    const doors = [
      periods(from, MIN5, [
        [4, 0],
        [6, 1],
        [3, 2],
        [0, 0],
        [5, 5],
        [2, 0],
      ]),
      periods(from, MIN5, [
        [0, 2],
        [1, 3],
        [0, 0],
        [0, 1],
        [2, 0],
        [0, 0],
      ]),
      periods(from, MIN5, [
        [7, 0],
        [2, 2],
        [9, 1],
        [1, 1],
        [0, 3],
        [4, 0],
      ]),
    ];
    const liveAt = from + 6 * MIN5;
    // What getoccupancy answers at that moment: per-door totals since the day start, site total
    // max(0, ΣIN − ΣOUT) (the shared rule, computed independently of the curve).
    const totals = doors.map((d) => d.reduce((s, p) => ({ in: s.in + p.in, out: s.out + p.out }), { in: 0, out: 0 }));
    const liveTotal = totalOccupancy(totals).occupancy;
    expect(liveTotal).toBe(25); // ΣIN 46 − ΣOUT 21

    const site = sumPeriods(doors);
    // Built from the periods alone, the curve already arrives at the live total…
    const fromPeriods = occupancyCurve({ periods: site, periodMs: MIN5, dayStartMs: dayStart });
    expect(fromPeriods.at(-1)).toEqual({ t: liveAt, occupancy: liveTotal });
    expect(fromPeriods[0]).toEqual({ t: dayStart, occupancy: 0 });
    // …and with the live point added, it ends there once, marked live.
    const curve = occupancyCurve({ periods: site, periodMs: MIN5, dayStartMs: dayStart, live: { t: liveAt, occupancy: liveTotal } });
    expect(curve.at(-1)).toEqual({ t: liveAt, occupancy: liveTotal, live: true });
    expect(curve.filter((p) => p.t === liveAt)).toHaveLength(1);
    expect(curve).toHaveLength(1 + 6);
  });

  it('per door ends at the door’s corrected count', () => {
    const from = at('2026-11-26T05:00:00Z');
    const door = periods(from, MIN5, [
      [1, 4],
      [2, 0],
    ]); // raw −1 at the end: corrected 0
    const curve = occupancyCurve({ periods: door, periodMs: MIN5, dayStartMs: dayStart, live: { t: from + 2 * MIN5, occupancy: 0 } });
    expect(curve.map((p) => p.occupancy)).toEqual([0, 0, 0]);
  });

  it('leaves out periods before the day start and periods not over at the live moment', () => {
    const lateStart = at('2026-11-26T03:00:00Z'); // a venue whose day starts at 04:00 local
    const data = periods(lateStart - 2 * MIN5, MIN5, [
      [50, 0],
      [50, 0],
      [3, 0],
      [2, 0],
      [9, 0],
    ]);
    const live = { t: lateStart + 2 * MIN5 + 60_000, occupancy: 6 }; // one minute into the third period
    const curve = occupancyCurve({ periods: data, periodMs: MIN5, dayStartMs: lateStart, live });
    expect(curve).toEqual([
      { t: lateStart, occupancy: 0 },
      { t: lateStart + MIN5, occupancy: 3 },
      { t: lateStart + 2 * MIN5, occupancy: 5 },
      { t: live.t, occupancy: 6, live: true },
    ]);
  });

  it('is just the live point when the day has only begun', () => {
    expect(occupancyCurve({ periods: [], periodMs: MIN5, dayStartMs: dayStart, live: { t: dayStart, occupancy: 0 } })).toEqual([
      { t: dayStart, occupancy: 0, live: true },
    ]);
    expect(occupancyCurve({ periods: [], periodMs: MIN5, dayStartMs: dayStart, live: { t: dayStart + MIN5, occupancy: 2 } })).toHaveLength(2);
  });
});

describe('a DST switch day, built from hourly data', () => {
  /** Hourly points for one local day as /api/history sends them: one per hour the day really had. */
  function hourlyDay(date: string, timezone: string) {
    const from = startOfLocalDay(date, timezone).getTime();
    const to = startOfLocalDay(addDaysToDateString(date, 1), timezone).getTime();
    const points = [];
    for (let t = from; t < to; t += HOUR) points.push({ start: zonedIso(new Date(t), timezone), in: 10, out: 9 });
    return { from, to, points };
  }

  it.each([
    ['2026-10-25', 'Europe/Budapest', 25],
    ['2026-03-29', 'Europe/Budapest', 23],
    ['2026-11-01', 'America/New_York', 25],
    ['2026-04-05', 'Australia/Sydney', 25],
    ['2026-10-04', 'Australia/Sydney', 23],
    ['2026-11-26', 'Europe/Budapest', 24],
  ])('%s in %s has %i hourly points, spaced an hour apart', (date, timezone, hours) => {
    const { from, to, points } = hourlyDay(date, timezone);
    const running = runningOccupancy(toPeriods(points), HOUR);
    expect(running).toHaveLength(hours);
    expect(running.at(-1)).toEqual({ t: to, occupancy: hours });
    for (let i = 1; i < running.length; i++) expect(running[i]!.t - running[i - 1]!.t).toBe(HOUR);

    const curve = occupancyCurve({ periods: toPeriods(points), periodMs: HOUR, dayStartMs: from });
    expect(curve).toHaveLength(hours + 1);
    expect(curve.at(-1)!.t - curve[0]!.t).toBe(hours * HOUR);
  });

  it('labels the repeated hour twice in the site’s zone instead of squeezing it away', () => {
    const { points } = hourlyDay('2026-10-25', 'Europe/Budapest');
    const labels = runningOccupancy(toPeriods(points), HOUR).map((p) => formatInZone(new Date(p.t - HOUR), 'Europe/Budapest', 'HH:mm'));
    expect(labels.filter((l) => l === '02:00')).toHaveLength(2);
    expect(new Set(labels).size).toBe(24);

    const spring = hourlyDay('2026-03-29', 'Europe/Budapest');
    const springLabels = runningOccupancy(toPeriods(spring.points), HOUR).map((p) => formatInZone(new Date(p.t - HOUR), 'Europe/Budapest', 'HH:mm'));
    expect(springLabels).not.toContain('02:00');
  });
});
