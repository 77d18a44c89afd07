// A space's counts per period (history with `space=`): doors with their sides, occupancy counted
// from the site's day start and reset at each, DST days, and null where it cannot be known.
import { describe, expect, it } from 'vitest';
import { type SpacePointsOptions, spacePoints } from './space-history';
import type { HistorySeries } from './upstream/history-csv';

const TZ = 'Europe/Budapest';
const hourly = (from: string, dayStart = '00:00'): SpacePointsOptions => ({ timezone: TZ, dayStart, resolution: 'hour', from });

/** A series of hourly points from `first` (a zoned ISO instant), one [in, out] pair per hour. */
function series(id: number, first: string, counts: [number, number][]): HistorySeries {
  const t0 = Date.parse(first);
  return {
    id,
    name: `Door ${id}`,
    points: counts.map(([i, o], n) => ({ start: new Date(t0 + n * 3_600_000).toISOString(), in: i, out: o })),
  };
}

describe('spacePoints', () => {
  it('counts a door with side `out` the other way round: its IN leaves the space', () => {
    const entrance = series(93, '2026-11-25T00:00:00+01:00', [
      [10, 0],
      [5, 1],
      [0, 0],
    ]);
    // An exit counter mounted the other way round: its IN is people leaving the pool.
    const exit = series(94, '2026-11-25T00:00:00+01:00', [
      [0, 0],
      [4, 2],
      [20, 0],
    ]);
    const points = spacePoints(
      [entrance, exit],
      [
        { device: 93, side: 'in' },
        { device: 94, side: 'out' },
      ],
      hourly('2026-11-25'),
    );
    expect(points).toEqual([
      { start: '2026-11-25T00:00:00+01:00', in: 10, out: 0, occupancy: 10 },
      { start: '2026-11-25T01:00:00+01:00', in: 5 + 2, out: 1 + 4, occupancy: 12 },
      // 12 − 20 would be −8: never fewer than nobody.
      { start: '2026-11-25T02:00:00+01:00', in: 0, out: 20, occupancy: 0 },
    ]);
  });

  it('without doors (the default site): every series is a door with side `in`', () => {
    const points = spacePoints(
      [series(91, '2026-11-25T00:00:00+01:00', [[3, 1]]), series(92, '2026-11-25T00:00:00+01:00', [[2, 0]])],
      null,
      hourly('2026-11-25'),
    );
    expect(points).toEqual([{ start: '2026-11-25T00:00:00+01:00', in: 5, out: 1, occupancy: 4 }]);
  });

  it('lines up doors read in other zones by instant, and writes starts in the site zone', () => {
    const london = { id: 108, name: 'London', points: [{ start: '2026-11-25T00:00:00+00:00', in: 4, out: 0 }] };
    const budapest = { id: 91, name: 'Main', points: [{ start: '2026-11-25T01:00:00+01:00', in: 1, out: 0 }] };
    expect(spacePoints([london, budapest], null, hourly('2026-11-25'))).toEqual([{ start: '2026-11-25T01:00:00+01:00', in: 5, out: 0, occupancy: 5 }]);
  });

  it('starts again from zero at each day start (DAY_START 04:00); hours of a day that began before the data are null', () => {
    // 2026-11-25 00:00 to 2026-11-26 05:00, 30 hours, 2 in and 1 out every hour.
    const door = series(
      91,
      '2026-11-25T00:00:00+01:00',
      Array.from({ length: 30 }, () => [2, 1] as [number, number]),
    );
    const points = spacePoints([door], [{ device: 91, side: 'in' }], hourly('2026-11-25', '04:00'));
    const at = (start: string) => points.find((p) => p.start === start)?.occupancy;
    // 00:00–03:00 belong to the day that began on the 24th at 04:00: unknown from this range.
    expect(at('2026-11-25T00:00:00+01:00')).toBeNull();
    expect(at('2026-11-25T03:00:00+01:00')).toBeNull();
    expect(at('2026-11-25T04:00:00+01:00')).toBe(1);
    expect(at('2026-11-26T03:00:00+01:00')).toBe(24);
    expect(at('2026-11-26T04:00:00+01:00')).toBe(1);
    expect(at('2026-11-26T05:00:00+01:00')).toBe(2);
  });

  it('a 25-hour day (2026-10-25, the repeated hour): the 04:00 day start is found after both 02:00s', () => {
    // 25 hourly instants from 00:00+02:00: 00, 01, 02(+02), 02(+01), 03, 04, …
    const door = series(
      91,
      '2026-10-24T22:00:00Z',
      Array.from({ length: 25 }, () => [1, 0] as [number, number]),
    );
    const points = spacePoints([door], [{ device: 91, side: 'in' }], hourly('2026-10-25', '04:00'));
    expect(points.slice(2, 4).map((p) => p.start)).toEqual(['2026-10-25T02:00:00+02:00', '2026-10-25T02:00:00+01:00']);
    // The day that began on the 24th at 04:00 runs on through both 02:00s and 03:00; the data
    // starts at the 25th's midnight, so its count is unknown (null) until the 25th's day start.
    expect(points.slice(0, 5).map((p) => p.occupancy)).toEqual([null, null, null, null, null]);
    const four = points.findIndex((p) => p.start === '2026-10-25T04:00:00+01:00');
    expect(four).toBe(5);
    expect(points.slice(5, 8).map((p) => p.occupancy)).toEqual([1, 2, 3]);
  });

  it('a 23-hour day with a day start in the skipped hour (02:30 on 2026-03-29) starts the day at the jump, 03:00+02:00', () => {
    const door = series(
      91,
      '2026-03-28T23:00:00Z',
      Array.from({ length: 6 }, () => [1, 0] as [number, number]),
    );
    const points = spacePoints([door], [{ device: 91, side: 'in' }], hourly('2026-03-29', '02:30'));
    expect(points.map((p) => [p.start, p.occupancy])).toEqual([
      // 00:00 and 01:00 still belong to the day that began on the 28th at 02:30: not in this data.
      ['2026-03-29T00:00:00+01:00', null],
      ['2026-03-29T01:00:00+01:00', null],
      ['2026-03-29T03:00:00+02:00', 1],
      ['2026-03-29T04:00:00+02:00', 2],
      ['2026-03-29T05:00:00+02:00', 3],
      ['2026-03-29T06:00:00+02:00', 4],
    ]);
  });

  it('day and month resolution: in and out per period, occupancy null', () => {
    const door = { id: 91, name: 'Main', points: [{ start: '2026-11-25T00:00:00+01:00', in: 300, out: 290 }] };
    for (const resolution of ['day', 'month'] as const) {
      expect(spacePoints([door], null, { ...hourly('2026-11-25'), resolution })).toEqual([
        { start: '2026-11-25T00:00:00+01:00', in: 300, out: 290, occupancy: null },
      ]);
    }
  });

  it('a door the space does not list counts nothing; no series at all is no points', () => {
    const other = series(95, '2026-11-25T00:00:00+01:00', [[7, 0]]);
    expect(spacePoints([other], [{ device: 93, side: 'in' }], hourly('2026-11-25'))).toEqual([
      { start: '2026-11-25T00:00:00+01:00', in: 0, out: 0, occupancy: 0 },
    ]);
    expect(spacePoints([], [{ device: 93, side: 'in' }], hourly('2026-11-25'))).toEqual([]);
  });
});
