// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { type History, historySchema } from '@/shared/api-schema';
import { addDaysToDateString, startOfLocalDay, zonedIso } from '@/shared/zoned';
import { isEmptyDay, peakHours, todayCurve, visitorsPerDay } from './history-data';

const TZ = 'Europe/Budapest';
const HOUR = 3_600_000;
const MIN5 = 5 * 60_000;

function history(resolution: History['resolution'], series: { id: number; points: [string, number, number][] }[]): History {
  return historySchema.parse({
    resolution,
    timezone: TZ,
    from: '2026-11-01',
    to: '2026-11-26',
    series: series.map((s) => ({ id: s.id, name: `Door ${s.id}`, points: s.points.map(([start, i, o]) => ({ start, in: i, out: o })) })),
  });
}

describe('todayCurve', () => {
  const dayStart = Date.parse('2026-11-25T23:00:00Z');
  const at = (minutes: number) => zonedIso(new Date(dayStart + minutes * 60_000), TZ);
  const data = history('5min', [
    {
      id: 91,
      points: [
        [at(0), 5, 0],
        [at(5), 3, 1],
        [at(10), 9, 9],
      ],
    }, // the 00:10 period was still running
    {
      id: 92,
      points: [
        [at(0), 0, 2],
        [at(5), 1, 0],
        [at(10), 4, 0],
      ],
    },
  ]);

  // Live at 00:12: 9 inside, all of them through door 91.
  const liveNine = {
    t: dayStart + 12 * 60_000,
    site: 9,
    devices: new Map([
      [91, 9],
      [92, 0],
    ]),
  };

  it('sums the doors, leaves out each door’s period in progress and ends at the live total', () => {
    const curve = todayCurve(data, { dayStartMs: dayStart, live: liveNine, choice: 'site' });
    expect(curve).toEqual([
      { t: dayStart, occupancy: 0 },
      { t: dayStart + MIN5, occupancy: 3 }, // 5 − 2
      { t: dayStart + 2 * MIN5, occupancy: 6 }, // 9 − 3
      { t: liveNine.t, occupancy: 9, live: true },
    ]);
  });

  it('draws one door on its own, ending at its corrected count', () => {
    expect(todayCurve(data, { dayStartMs: dayStart, live: liveNine, choice: 92 }).map((p) => p.occupancy)).toEqual([0, 0, 0, 0]);
    expect(todayCurve(data, { dayStartMs: dayStart, live: liveNine, choice: 91 }).map((p) => p.occupancy)).toEqual([0, 5, 7, 9]);
  });

  it('knows an empty day from a quiet one', () => {
    const live = { t: dayStart + 12 * 60_000, site: 0, devices: new Map<number, number>() };
    const quiet = history('5min', [
      {
        id: 91,
        points: [
          [at(0), 0, 0],
          [at(5), 0, 0],
        ],
      },
    ]);
    expect(isEmptyDay(todayCurve(quiet, { dayStartMs: dayStart, live, choice: 'site' }), quiet)).toBe(true);
    expect(isEmptyDay(todayCurve(data, { dayStartMs: dayStart, live, choice: 'site' }), data)).toBe(false);
  });
});

describe('visitorsPerDay', () => {
  it('adds IN over the doors per local day and pairs each day with the same weekday a week earlier', () => {
    const day = (date: string) => zonedIso(startOfLocalDay(date, TZ), TZ);
    const data = history('day', [
      {
        id: 91,
        points: [
          [day('2026-11-12'), 100, 90],
          [day('2026-11-19'), 120, 100],
          [day('2026-11-20'), 80, 80],
        ],
      },
      {
        id: 92,
        points: [
          [day('2026-11-12'), 10, 20],
          [day('2026-11-19'), 5, 5],
        ],
      },
    ]);
    const days = visitorsPerDay(data, { from: '2026-11-19', to: '2026-11-20' });
    expect(days).toEqual([
      { date: '2026-11-19', visitors: 125, weekBefore: 110 },
      { date: '2026-11-20', visitors: 80, weekBefore: 0 },
    ]);
  });
});

describe('peakHours', () => {
  function hourly(from: string, days: number, inPerHour: (date: string, hour: number, pass: number) => number) {
    const points: [string, number, number][] = [];
    const start = startOfLocalDay(from, TZ).getTime();
    const end = startOfLocalDay(addDaysToDateString(from, days), TZ).getTime();
    const seen = new Map<string, number>();
    for (let t = start; t < end; t += HOUR) {
      const iso = zonedIso(new Date(t), TZ);
      const label = iso.slice(0, 13);
      const pass = seen.get(label) ?? 0;
      seen.set(label, pass + 1);
      points.push([iso, inPerHour(iso.slice(0, 10), Number(iso.slice(11, 13)), pass), 0]);
    }
    return history('hour', [{ id: 91, points }]);
  }

  it('averages IN per weekday and hour over the weeks, and names the busiest hour', () => {
    // Four weeks from Thursday 29 Oct; Saturdays at 14:00 are the busiest, growing week by week.
    const data = hourly('2026-10-29', 28, (date, hour) => (hour === 14 && new Date(`${date}T12:00:00Z`).getUTCDay() === 6 ? Number(date.slice(8)) : 1));
    const peaks = peakHours(data, { from: '2026-10-29', to: '2026-11-25' });
    // Saturdays 31 Oct, 7, 14 and 21 Nov: (31 + 7 + 14 + 21) / 4
    expect(peaks.average[6]![14]).toBe(18.25);
    expect(peaks.average[1]![9]).toBe(1);
    expect(peaks.busiest).toEqual({ weekday: 6, hour: 14, average: 18.25 });
    expect(peaks.max).toBe(18.25);
  });

  it('counts both passes through the repeated hour and the skipped hour as none, on the wall clock', () => {
    // Sunday 25 Oct 2026 has 02:00 twice in Budapest; Sunday 29 Mar has no 02:00.
    const autumn = hourly('2026-10-25', 1, (_d, hour, pass) => (hour === 2 ? 10 + pass : 0));
    expect(peakHours(autumn, { from: '2026-10-25', to: '2026-10-25' }).average[0]![2]).toBe(21);
    const spring = hourly('2026-03-29', 1, () => 4);
    const springPeaks = peakHours(spring, { from: '2026-03-29', to: '2026-03-29' });
    expect(springPeaks.average[0]![2]).toBe(0);
    expect(springPeaks.average[0]![3]).toBe(4);
  });

  it('leaves points outside the range out', () => {
    const data = hourly('2026-11-24', 2, () => 3); // Tuesday and Wednesday
    const peaks = peakHours(data, { from: '2026-11-25', to: '2026-11-25' });
    expect(peaks.average[3]![10]).toBe(3);
    expect(peaks.average[2]!.every((v) => v === 0)).toBe(true);
  });
});
