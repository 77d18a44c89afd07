// The demo is one believable building: its configuration matches the simulator's doors, and a
// whole simulated day, minute by minute, never shows a room fuller than the space around it,
// fills some rooms, and empties every space after it closes. The README's example is this config.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SpaceOccupancy } from '@/shared/api-schema';
import { orderSpaces, spaceOccupancies, treeProblems } from '@/shared/spaces';
import { DEFAULT_SEED, DEMO_ACCOUNT, servedDevices } from '@/simulator';
import { DAY_MINUTES, daysFromCivil, localToUtcMinute } from '@/simulator/time';
import { DoorCounter } from '@/simulator/traffic';
import { DEMO_SITE, DEMO_SITE_TIMEZONE } from './demo-site';
import { parseSiteConfig } from './site-config';

const SPACES = orderSpaces(DEMO_SITE.spaces ?? []);
const DOORS = servedDevices(DEMO_ACCOUNT);
const space = (id: string) => SPACES.find((s) => s.id === id)!;

/** When each space closes, local time: nobody enters after its last entry, so it is empty from then on. */
const CLOSES: Record<string, number> = {
  site: 23 * 60, // the gym's street door stays open after the lobby closes at 22:00
  library: 20 * 60,
  'reading-room': 20 * 60,
  cafe: 19 * 60,
  pool: 22 * 60,
  sauna: 22 * 60,
  gym: 23 * 60,
  studio: 22 * 60,
};

/** Every space's occupancy at the end of each local minute of a day, from the doors' counts since local midnight. */
function simulateDay(year: number, month: number, day: number, seed: number): SpaceOccupancy[][] {
  const start = localToUtcMinute(DEMO_SITE_TIMEZONE, daysFromCivil(year, month, day) * DAY_MINUTES);
  const counters = DOORS.map((d) => [d.id, new DoorCounter(d, seed, start)] as const);
  const sums = new Map(DOORS.map((d) => [d.id, { in: 0, out: 0 }]));
  const minutes: SpaceOccupancy[][] = [];
  for (let t = start; t < start + DAY_MINUTES; t++) {
    for (const [id, counter] of counters) {
      counter.count(t + 1);
      const sum = sums.get(id)!;
      sum.in += counter.in;
      sum.out += counter.out;
    }
    minutes.push(spaceOccupancies(SPACES, sums));
  }
  return minutes;
}

describe('the demo site configuration', () => {
  it('is a valid tree of the named spaces, bounded by exactly the demo account’s served doors, all in Budapest', () => {
    expect(parseSiteConfig(JSON.stringify(DEMO_SITE))).toEqual(DEMO_SITE);
    expect(treeProblems(DEMO_SITE.spaces ?? [])).toEqual([]);
    expect(SPACES[0]).toMatchObject({ id: 'site', parent: null });
    expect(SPACES.map((s) => s.id)).toEqual(expect.arrayContaining(['site', 'library', 'cafe', 'pool', 'gym']));
    const used = new Set(SPACES.flatMap((s) => s.doors.map((d) => d.device)));
    expect([...used].sort((a, b) => a - b)).toEqual(DOORS.map((d) => d.id));
    expect(DEMO_ACCOUNT.devices.every((d) => d.timeZone === DEMO_SITE_TIMEZONE)).toBe(true);
    expect(SPACES.every((s) => s.capacity !== null)).toBe(true);
  });

  it('has a pool with an entrance and an exit, and a gym with a street door of the building and an inner door that is not', () => {
    expect(space('pool').doors).toHaveLength(2);
    const site = new Set(space('site').doors.map((d) => d.device));
    const gym = space('gym').doors.map((d) => d.device);
    expect(gym.filter((id) => site.has(id))).toHaveLength(1);
    expect(gym.filter((id) => !site.has(id))).toHaveLength(1);
  });

  it('has the device mounted the other way round on side "out", and only that one', () => {
    const reversed = DOORS.filter((d) => d.traffic.some((f) => f.reversed === true)).map((d) => d.id);
    const outSides = SPACES.flatMap((s) => s.doors.filter((d) => d.side === 'out').map((d) => d.device));
    expect(reversed).toHaveLength(1);
    expect(outSides).toEqual(reversed);
  });
});

describe('a demo weekday, minute by minute (Wednesday 25 November 2026)', () => {
  const minutes = simulateDay(2026, 11, 25, DEFAULT_SEED);

  it('never shows a space with more people than the space around it', () => {
    for (const [m, spaces] of minutes.entries()) {
      const byId = new Map(spaces.map((s) => [s.id, s]));
      for (const s of spaces) {
        if (s.parent === null) continue;
        const parent = byId.get(s.parent)!;
        if (s.occupancy > parent.occupancy)
          expect({ minute: m, space: s.id, occupancy: s.occupancy }).toEqual({ minute: m, space: s.id, occupancy: parent.occupancy });
      }
    }
  });

  it('fills rooms: some space reaches "Nearly full" and some "Full", while the building itself never fills', () => {
    const states = new Set(minutes.flatMap((spaces) => spaces.filter((s) => s.parent !== null).map((s) => s.state)));
    expect(states).toContain('nearly_full');
    expect(states).toContain('full');
    const site = minutes.map((spaces) => spaces[0]!);
    expect(site.filter((s) => s.state === 'full')).toEqual([]);
    // "Mostly not": the building is below its nearly-full share for most of its opening hours.
    const open = site.slice(6 * 60, 22 * 60);
    expect(open.filter((s) => s.state === 'available').length / open.length).toBeGreaterThan(0.9);
  });

  it('empties every space after it closes (≤ 2 % of its peak) and has nobody inside before opening', () => {
    for (const s of SPACES) {
      const series = minutes.map((spaces) => spaces.find((x) => x.id === s.id)!.occupancy);
      const peak = Math.max(...series);
      expect({ space: s.id, peakAboveTen: peak > 10 }).toEqual({ space: s.id, peakAboveTen: true });
      const closes = CLOSES[s.id]!;
      const afterClosing = Math.max(...series.slice(closes));
      expect({ space: s.id, afterClosing: afterClosing <= 0.02 * peak }).toEqual({ space: s.id, afterClosing: true });
      expect({ space: s.id, beforeSix: Math.max(...series.slice(0, 6 * 60)) }).toEqual({ space: s.id, beforeSix: 0 });
    }
  });

  it('keeps each space’s boundary balanced: by the end of the day as many left as entered, so no drift is reported', () => {
    const end = minutes.at(-1)!;
    for (const s of end) {
      expect({ space: s.id, raw: s.raw, drift: s.drift }).toEqual({ space: s.id, raw: 0, drift: null });
      expect(s.in).toBeGreaterThan(0);
    }
  });
});

describe('a demo week (Monday 23 to Sunday 29 November 2026)', () => {
  it('every day: no space fuller than the space around it, nobody inside before 06:00 or after 23:00', () => {
    for (let day = 23; day <= 29; day++) {
      for (const [m, spaces] of simulateDay(2026, 11, day, DEFAULT_SEED).entries()) {
        const byId = new Map(spaces.map((s) => [s.id, s]));
        for (const s of spaces) {
          const parent = s.parent === null ? null : byId.get(s.parent)!;
          if (parent !== null && s.occupancy > parent.occupancy) expect({ day, minute: m, space: s.id }).toBe('no fuller than its parent');
          if ((m < 6 * 60 || m >= 23 * 60) && s.occupancy !== 0) expect({ day, minute: m, space: s.id, occupancy: s.occupancy }).toBe('empty');
        }
      }
    }
  });
});

describe('the README', () => {
  it('shows the demo configuration as its worked example of SITE_CONFIG_FILE, identical to DEMO_SITE', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const blocks = [...readme.matchAll(/```json\n([\s\S]*?)\n```/g)].map((m) => m[1]!);
    const example = blocks.find((b) => b.includes('Riverside Leisure Centre (demo)'));
    expect(example).toBeDefined();
    expect(parseSiteConfig(example!, 'README example')).toEqual(DEMO_SITE);
  });
});
