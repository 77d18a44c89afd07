// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { type History, historySchema } from '@/shared/api-schema';
import { zonedIso } from '@/shared/zoned';
import { isEmptyDay, peakHours, spaceTodayCurve, visitorsPerDay } from './history-data';

const TZ = 'Europe/Budapest';
const MIN5 = 5 * 60_000;

/** An answer for `space=pool`: the space's points, and its doors' series (which must not be summed). */
function poolAnswer(resolution: History['resolution'], points: [string, number, number, number | null][]): History {
  return historySchema.parse({
    resolution,
    timezone: TZ,
    from: '2026-11-01',
    to: '2026-11-26',
    series: [
      { id: 92, name: 'Pool entrance', points: points.map(([start, i]) => ({ start, in: i, out: 0 })) },
      // The exit counter's IN is people leaving the pool hall: summing its IN as visitors would be wrong.
      { id: 93, name: 'Pool exit', points: points.map(([start, , o]) => ({ start, in: o, out: 0 })) },
    ],
    space: { id: 'pool', name: 'Pool hall', points: points.map(([start, i, o, occupancy]) => ({ start, in: i, out: o, occupancy })) },
  });
}

describe('spaceTodayCurve', () => {
  const dayStart = Date.parse('2026-11-25T23:00:00Z');
  const at = (minutes: number) => zonedIso(new Date(dayStart + minutes * 60_000), TZ);
  const answer = poolAnswer('5min', [
    [at(0), 6, 0, 6],
    [at(5), 2, 5, 3],
    [at(10), 9, 0, 12], // still running at 00:12
  ]);

  it('draws the server’s people inside per period, leaves out the period in progress and ends at the space’s live count', () => {
    const live = { t: dayStart + 12 * 60_000, occupancy: 10 };
    expect(spaceTodayCurve(answer.space, { dayStartMs: dayStart, live })).toEqual([
      { t: dayStart, occupancy: 0 },
      { t: dayStart + MIN5, occupancy: 6 },
      { t: dayStart + 2 * MIN5, occupancy: 3 },
      { t: live.t, occupancy: 10, live: true },
    ]);
  });

  it('lets the live point stand for a period that ends exactly then', () => {
    const live = { t: dayStart + 2 * MIN5, occupancy: 4 };
    expect(spaceTodayCurve(answer.space, { dayStartMs: dayStart, live }).slice(-2)).toEqual([
      { t: dayStart + MIN5, occupancy: 6 },
      { t: live.t, occupancy: 4, live: true },
    ]);
  });

  it('is the day start and the live count when the answer has no space yet', () => {
    const live = { t: dayStart + MIN5, occupancy: 2 };
    expect(spaceTodayCurve(undefined, { dayStartMs: dayStart, live })).toEqual([
      { t: dayStart, occupancy: 0 },
      { t: live.t, occupancy: 2, live: true },
    ]);
  });

  it('counts a space’s day as empty only when its own boundary counted nobody', () => {
    const quiet = poolAnswer('5min', [[at(0), 0, 0, 0]]);
    const curve = [{ t: dayStart, occupancy: 0 }];
    expect(isEmptyDay(curve, quiet)).toBe(true);
    expect(isEmptyDay(curve, answer)).toBe(false);
  });
});

describe('visitors and peak hours of a space', () => {
  it('counts the people entering the space (its `in`), not the IN of its doors', () => {
    const answer = poolAnswer('day', [
      ['2026-11-24T00:00:00+01:00', 40, 38, null],
      ['2026-11-25T00:00:00+01:00', 50, 47, null],
    ]);
    expect(visitorsPerDay(answer, { from: '2026-11-25', to: '2026-11-25' })).toEqual([{ date: '2026-11-25', visitors: 50, weekBefore: 0 }]);
  });

  it('averages the space’s `in` per weekday and hour', () => {
    const answer = poolAnswer('hour', [
      ['2026-11-25T14:00:00+01:00', 12, 30, 0],
      ['2026-11-25T15:00:00+01:00', 4, 1, 3],
    ]);
    const peaks = peakHours(answer, { from: '2026-11-25', to: '2026-11-25' });
    expect(peaks.busiest).toEqual({ weekday: 3, hour: 14, average: 12 });
    expect(peaks.average[3]?.[15]).toBe(4);
  });
});
