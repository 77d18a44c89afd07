import { describe, expect, it } from 'vitest';
import { type Device, DEMO_DEVICES } from './accounts';
import { DAY_MINUTES, daysFromCivil, localToUtcMinute } from './time';
import { type DoorTraffic, DoorCounter, type TrafficGroup, type TrafficSubject, type VenueKind, countsForMinute, sumCounts } from './traffic';

const byId = (id: number): Device => {
  const d = DEMO_DEVICES.find((x) => x.id === id);
  if (d === undefined) throw new Error(`no demo device ${id}`);
  return d;
};

const WHOLE: [number, number] = [0, 1];
const group = (id: number, venue: VenueKind, peakPerMinute: number, stayMinutes: [number, number], extra: Partial<TrafficGroup> = {}): TrafficGroup => ({
  id,
  venue,
  peakPerMinute,
  stayMinutes,
  countingSince: '2024-01-01',
  ...extra,
});
const door = (...traffic: DoorTraffic[]): TrafficSubject => ({ timeZone: 'Europe/Budapest', traffic });
const solo = (g: TrafficGroup): TrafficSubject => door({ group: g, inSlice: WHOLE, outSlice: WHOLE });

// Venues of each kind, independent of how the demo account is built: a store whose shoppers come
// in by the main entrance and mostly leave by the side door, a café, a library and a 24-hour gym.
const shoppers = group(1, 'store', 6, [30, 90]);
const STORE_MAIN = door({ group: shoppers, inSlice: [0, 0.85], outSlice: [0, 0.3] });
const STORE_SIDE = door({ group: shoppers, inSlice: [0.85, 1], outSlice: [0.3, 1] });
const CAFE = solo(group(3, 'cafe', 2.2, [20, 60]));
const LIBRARY = solo(group(4, 'library', 1.5, [60, 180]));
const GYM24 = solo(group(5, 'gym24', 2.5, [45, 105]));

/** UTC minute of a local wall-clock time at the device's site. */
const localMinute = (device: TrafficSubject, y: number, m: number, d: number, hh = 0, mm = 0) =>
  localToUtcMinute(device.timeZone, daysFromCivil(y, m, d) * DAY_MINUTES + hh * 60 + mm);

/** IN/OUT per local hour of a day. */
function hourly(device: TrafficSubject, y: number, m: number, d: number, seed = 1): { in: number; out: number }[] {
  return Array.from({ length: 24 }, (_, hh) => {
    const a = localMinute(device, y, m, d, hh);
    return sumCounts(device, a, a + 60, seed);
  });
}

describe('countsForMinute', () => {
  it('is deterministic in the seed and differs between seeds', () => {
    const d = byId(91);
    const start = localMinute(d, 2026, 11, 25, 10);
    const run = (seed: number) => Array.from({ length: 240 }, (_, i) => countsForMinute(d, start + i, seed));
    expect(run(1)).toEqual(run(1));
    expect(run(2)).not.toEqual(run(1));
  });

  it('agrees minute by minute with the rolling DoorCounter, across a DST switch, for every door', () => {
    for (const d of DEMO_DEVICES) {
      const start = localMinute(d, 2026, 10, 24, 20);
      const counter = new DoorCounter(d, 7, start);
      for (let t = start; t < start + 12 * 60; t++) {
        counter.count(t + 1);
        const pure = countsForMinute(d, t, 7);
        if (pure.in !== counter.in || pure.out !== counter.out) {
          expect({ id: d.id, minute: t, ...pure }).toEqual({ id: d.id, minute: t, in: counter.in, out: counter.out });
        }
      }
    }
  });

  it('counts nothing before the counters were installed', () => {
    const d = byId(91);
    const start = Date.UTC(2023, 0, 1) / 60_000;
    expect(sumCounts(d, start, start + 365 * DAY_MINUTES, 1)).toEqual({ in: 0, out: 0 });
  });
});

describe('the traffic looks like a real site', () => {
  it('follows opening hours: a store is near-silent at night and busy in the afternoon', () => {
    const store = STORE_MAIN;
    const hours = hourly(store, 2026, 11, 25);
    const night = hours.slice(0, 6).reduce((n, h) => n + h.in, 0);
    const afternoon = hours.slice(12, 18).reduce((n, h) => n + h.in, 0);
    expect(afternoon).toBeGreaterThan(500);
    expect(night).toBeLessThan(afternoon * 0.02);
    // Doors open at 08:00: the hour before is (almost) empty, the hour after is not.
    expect(hours[7]?.in ?? 0).toBeLessThan(5);
    expect(hours[8]?.in ?? 0).toBeGreaterThan(50);
  });

  it('keeps a library closed on Sunday and a 24-hour gym moving at night', () => {
    const library = LIBRARY;
    const sunday = hourly(library, 2026, 11, 29).reduce((n, h) => n + h.in, 0);
    const wednesday = hourly(library, 2026, 11, 25).reduce((n, h) => n + h.in, 0);
    expect(sunday).toBeLessThan(10);
    expect(wednesday).toBeGreaterThan(300);

    const gym = hourly(GYM24, 2026, 11, 25);
    const small = gym.slice(1, 5).reduce((n, h) => n + h.in, 0);
    const evening = gym.slice(17, 21).reduce((n, h) => n + h.in, 0);
    expect(small).toBeGreaterThan(5);
    expect(small).toBeLessThan(evening / 4);
  });

  it('with a last entry, admits nobody while closed or after it, so a late gym is empty when it closes at 23:00', () => {
    const stay: [number, number] = [20, 100];
    // The same id, so the same random stream: only the last entry differs.
    const unlimited = solo(group(40, 'gym', 1.4, stay));
    const lastEntry = solo(group(40, 'gym', 1.4, stay, { emptyAtClosing: true }));
    const at = (hh: number, mm = 0) => localMinute(lastEntry, 2026, 11, 25, hh, mm);
    const dayStart = at(0);
    const inside = (subject: TrafficSubject, until: number) => {
      const c = sumCounts(subject, dayStart, until, 1);
      return c.in - c.out;
    };
    expect(sumCounts(lastEntry, dayStart, at(6), 1).in).toBe(0);
    expect(sumCounts(lastEntry, at(18), at(21), 1).in).toBeGreaterThan(100);
    // 23:00 less the longest stay of 100 minutes: nobody enters from 21:20.
    expect(sumCounts(lastEntry, at(21, 20), at(0) + DAY_MINUTES, 1).in).toBe(0);
    expect(inside(lastEntry, at(23))).toBe(0);
    expect(inside(unlimited, at(23))).toBeGreaterThan(0);
  });

  it('lets people leave after they came: OUT lags IN, and a solo door empties after closing', () => {
    const cafe = CAFE;
    const from = localMinute(cafe, 2026, 11, 25, 4);
    const counter = new DoorCounter(cafe, 1, from);
    let occupancy = 0;
    let lowest = 0;
    let highest = 0;
    for (let t = from; t < from + 20 * 60; t++) {
      counter.count(t + 1);
      occupancy += counter.in - counter.out;
      lowest = Math.min(lowest, occupancy);
      highest = Math.max(highest, occupancy);
    }
    expect(highest).toBeGreaterThan(20);
    // Only the odd night-time straggler can make a solo door dip below zero.
    expect(lowest).toBeGreaterThanOrEqual(-2);
    // Closed at 19:00; by midnight everyone has left.
    expect(Math.abs(occupancy)).toBeLessThanOrEqual(2);
  });

  it('gives a paired side door more OUT than IN while the pair as a whole balances', () => {
    const main = STORE_MAIN;
    const side = STORE_SIDE;
    const from = localMinute(main, 2026, 11, 25, 4);
    const to = from + 20 * 60;
    const m = sumCounts(main, from, to, 1);
    const s = sumCounts(side, from, to, 1);
    expect(s.out).toBeGreaterThan(s.in * 2);
    expect(m.in).toBeGreaterThan(m.out * 2);
    // Everyone who came in by either door left by one of them.
    expect(Math.abs(m.in + s.in - (m.out + s.out))).toBeLessThanOrEqual(3);
    expect(m.in + s.in).toBeGreaterThan(1000);
  });
});

describe('doors that carry several groups, and devices mounted the other way round', () => {
  const cafe = CAFE;
  const store = STORE_MAIN;
  const both = { timeZone: 'Europe/Budapest', traffic: [...store.traffic, ...cafe.traffic] };
  const from = localMinute(store, 2026, 11, 25, 6);

  it('counts the sum of its groups, minute by minute and over a day', () => {
    for (let t = from; t < from + 600; t += 7) {
      const a = countsForMinute(store, t, 3);
      const b = countsForMinute(cafe, t, 3);
      expect(countsForMinute(both, t, 3)).toEqual({ in: a.in + b.in, out: a.out + b.out });
    }
    const a = sumCounts(store, from, from + DAY_MINUTES, 3);
    const b = sumCounts(cafe, from, from + DAY_MINUTES, 3);
    expect(sumCounts(both, from, from + DAY_MINUTES, 3)).toEqual({ in: a.in + b.in, out: a.out + b.out });
  });

  it('swaps IN and OUT for a group the device faces the wrong way', () => {
    const turned = { timeZone: cafe.timeZone, traffic: cafe.traffic.map((f) => ({ ...f, reversed: true })) };
    const straight = sumCounts(cafe, from, from + 900, 5);
    expect(straight.in).toBeGreaterThan(50);
    expect(sumCounts(turned, from, from + 900, 5)).toEqual({ in: straight.out, out: straight.in });
    for (let t = from; t < from + 300; t += 11) {
      const c = countsForMinute(cafe, t, 5);
      expect(countsForMinute(turned, t, 5)).toEqual({ in: c.out, out: c.in });
    }
  });

  it('agrees minute by minute with the rolling DoorCounter', () => {
    const mixed = { timeZone: 'Europe/Budapest', traffic: [store.traffic[0]!, { ...cafe.traffic[0]!, reversed: true }] };
    const counter = new DoorCounter(mixed, 9, from);
    for (let t = from; t < from + 8 * 60; t++) {
      counter.count(t + 1);
      const pure = countsForMinute(mixed, t, 9);
      expect([t, counter.in, counter.out]).toEqual([t, pure.in, pure.out]);
    }
  });
});
