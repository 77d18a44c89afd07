import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { totalOccupancy } from './occupancy-math';
import {
  boundaryDevices,
  defaultSpaces,
  type DoorCounts,
  orderSpaces,
  type SpaceConfig,
  spaceCounts,
  spaceOccupancies,
  spacesSchema,
  spaceState,
} from './spaces';

/**
 * A building: spaces in a tree (space 0 is the site, each other space lies inside an earlier one),
 * and doors between any two regions (a space, or outside = -1). Each device's IN faces one way
 * or the other: a device mounted the other way round is just the other orientation.
 */
interface Building {
  parents: number[];
  doors: { from: number; to: number }[];
  moves: { walker: number; door: number }[];
  walkers: number;
}

const buildingArb: fc.Arbitrary<Building> = fc.integer({ min: 1, max: 7 }).chain((spaceCount) =>
  fc.record({
    parents: fc.tuple(...Array.from({ length: spaceCount }, (_, i) => (i === 0 ? fc.constant(-1) : fc.integer({ min: 0, max: i - 1 })))),
    doors: fc.array(
      fc
        .tuple(fc.integer({ min: -1, max: spaceCount - 1 }), fc.integer({ min: -1, max: spaceCount - 1 }))
        .filter(([a, b]) => a !== b)
        .map(([from, to]) => ({ from, to })),
      { minLength: 1, maxLength: 9 },
    ),
    walkers: fc.integer({ min: 1, max: 12 }),
    moves: fc.array(fc.record({ walker: fc.nat(), door: fc.nat() }), { maxLength: 200 }),
  }),
);

/** Is region `r` (a space index, or -1 for outside) inside space `s` (or `s` itself)? */
function inside(parents: readonly number[], s: number, r: number): boolean {
  for (let x = r; x !== -1; x = parents[x]!) if (x === s) return true;
  return false;
}

const deviceOf = (door: number) => 100 + door;

/** The configuration a careful installer writes for the building: each space lists the doors on its boundary. */
function configOf(b: Building): SpaceConfig[] {
  return b.parents.map((parent, s) => ({
    id: `s${s}`,
    name: `Space ${s}`,
    ...(parent === -1 ? {} : { parent: `s${parent}` }),
    doors: b.doors.flatMap((d, i) => {
      const toInside = inside(b.parents, s, d.to);
      const fromInside = inside(b.parents, s, d.from);
      if (toInside === fromInside) return [];
      return [{ device: deviceOf(i), side: toInside ? ('in' as const) : ('out' as const) }];
    }),
  }));
}

/** People walk through the doors; each crossing counts IN (with the device's direction) or OUT. */
function walk(b: Building): { where: number[]; counts: Map<number, DoorCounts> } {
  const where = Array.from({ length: b.walkers }, () => -1);
  const counts = new Map(b.doors.map((_, i) => [deviceOf(i), { in: 0, out: 0 }]));
  for (const move of b.moves) {
    const w = move.walker % b.walkers;
    const usable = b.doors.flatMap((d, i) => (d.from === where[w] || d.to === where[w] ? [i] : []));
    if (usable.length === 0) continue;
    const i = usable[move.door % usable.length]!;
    const door = b.doors[i]!;
    const c = counts.get(deviceOf(i))!;
    if (door.from === where[w]) {
      c.in += 1;
      where[w] = door.to;
    } else {
      c.out += 1;
      where[w] = door.from;
    }
  }
  return { where, counts };
}

describe('space occupancy from boundary doors', () => {
  it('equals the number of people inside every space, whatever the building and the devices’ orientation', () => {
    fc.assert(
      fc.property(buildingArb, (b) => {
        const config = configOf(b);
        expect(spacesSchema.safeParse(config).success).toBe(true);
        const { where, counts } = walk(b);
        b.parents.forEach((_, s) => {
          const people = where.filter((r) => inside(b.parents, s, r)).length;
          const result = spaceCounts(config[s]!.doors, counts);
          expect(result.occupancy).toBe(people);
          // Everyone started outside, so the boundary never counts more leaving than entering.
          expect(result.raw).toBe(people);
          expect(result.in - result.out).toBe(result.raw);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('is unchanged when a device is turned round and its side swapped, and swapping twice changes nothing', () => {
    fc.assert(
      fc.property(buildingArb, fc.nat(), (b, pick) => {
        const config = configOf(b);
        const { counts } = walk(b);
        const device = deviceOf(pick % b.doors.length);
        // The device mounted the other way round counts the same people with IN and OUT swapped.
        const turned = new Map(counts);
        const c = counts.get(device)!;
        turned.set(device, { in: c.out, out: c.in });
        const swap = (doors: SpaceConfig['doors']) =>
          doors.map((d) => (d.device === device ? { ...d, side: d.side === 'in' ? ('out' as const) : ('in' as const) } : d));
        for (const space of config) {
          expect(spaceCounts(swap(space.doors), turned)).toEqual(spaceCounts(space.doors, counts));
          expect(spaceCounts(swap(swap(space.doors)), counts)).toEqual(spaceCounts(space.doors, counts));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('never goes below zero, and a door without counts adds nothing', () => {
    const counts = new Map([[1, { in: 3, out: 10 }]]);
    expect(spaceCounts([{ device: 1, side: 'in' }], counts)).toEqual({ in: 3, out: 10, raw: -7, occupancy: 0 });
    expect(spaceCounts([{ device: 1, side: 'out' }], counts)).toEqual({ in: 10, out: 3, raw: 7, occupancy: 7 });
    expect(spaceCounts([{ device: 2, side: 'in' }], counts)).toEqual({ in: 0, out: 0, raw: 0, occupancy: 0 });
  });
});

describe('orderSpaces', () => {
  it('puts the root first and every subtree together, each space after its parent', () => {
    fc.assert(
      fc.property(buildingArb, fc.infiniteStream(fc.nat()), (b, shuffle) => {
        const config = configOf(b);
        // Listed in any order, the tree comes out the same way round.
        const listed = [...config].sort(() => (shuffle.next().value % 3) - 1);
        const ordered = orderSpaces(listed);
        expect(ordered).toHaveLength(config.length);
        expect(ordered[0]!.parent).toBeNull();
        const position = new Map(ordered.map((s, i) => [s.id, i]));
        for (const [i, space] of ordered.entries()) {
          if (space.parent !== null) expect(position.get(space.parent)!).toBeLessThan(i);
          // Depth-first: the spaces after this one that lie inside it come right after it.
          const subtree = new Set([space.id]);
          let j = i + 1;
          while (j < ordered.length && subtree.has(ordered[j]!.parent ?? '')) subtree.add(ordered[j++]!.id);
          const all = ordered.filter((s) => inside(b.parents, Number(space.id.slice(1)), Number(s.id.slice(1)))).length;
          expect(subtree.size).toBe(all);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('fills in the nearly-full default and null capacities', () => {
    const [site, cafe] = orderSpaces([
      { id: 'cafe', name: 'Café', parent: 'site', capacity: 40, nearlyFull: 0.9, doors: [] },
      { id: 'site', name: 'Site', doors: [] },
    ]);
    expect(site).toMatchObject({ id: 'site', parent: null, capacity: null, nearlyFull: 0.8 });
    expect(cafe).toMatchObject({ id: 'cafe', parent: 'site', capacity: 40, nearlyFull: 0.9 });
  });
});

describe('spacesSchema names what is wrong', () => {
  const site = { id: 'site', name: 'Site', doors: [{ device: 1, side: 'in' }] };
  const cases: [string, unknown[], string, string][] = [
    ['an unknown parent', [site, { id: 'cafe', name: 'Café', parent: 'lobby', doors: [] }], '1.parent', 'names "lobby", which is not a space id'],
    ['two roots', [site, { id: 'annex', name: 'Annex', doors: [] }], '1.parent', 'only one space may be the root, and "site" already is'],
    [
      'no root (all in a cycle)',
      [
        { id: 'a', name: 'A', parent: 'b', doors: [] },
        { id: 'b', name: 'B', parent: 'a', doors: [] },
      ],
      '',
      'has no root space',
    ],
    [
      'a cycle beside the root',
      [site, { id: 'a', name: 'A', parent: 'b', doors: [] }, { id: 'b', name: 'B', parent: 'a', doors: [] }],
      '1.parent',
      'makes a cycle: a → b → a',
    ],
    ['its own parent', [site, { id: 'a', name: 'A', parent: 'a', doors: [] }], '1.parent', '"a" cannot be its own parent'],
    [
      'a door twice in one space',
      [
        {
          ...site,
          doors: [
            { device: 1, side: 'in' },
            { device: 1, side: 'out' },
          ],
        },
      ],
      '0.doors.1.device',
      'device 1 is listed twice in space "site"',
    ],
    ['the same id twice', [site, { id: 'site', name: 'Again', parent: 'site', doors: [] }], '1.id', '"site" is the id of another space too'],
    ['capacity 0', [{ ...site, capacity: 0 }], '0.capacity', 'must be a whole number above 0'],
    ['a negative capacity', [{ ...site, capacity: -5 }], '0.capacity', 'must be a whole number above 0'],
    ['an unknown side', [{ ...site, doors: [{ device: 1, side: 'inside' }] }], '0.doors.0.side', 'must be "in"'],
    ['a nearly-full share of 1 or more', [{ ...site, nearlyFull: 80 }], '0.nearlyFull', 'is a fraction of the capacity'],
    ['an id with spaces', [{ ...site, id: 'Main Hall' }], '0.id', 'lower-case letters'],
    ['an unknown field', [{ ...site, capacty: 40 }], '0', 'capacty'],
  ];
  it.each(cases)('%s', (_name, spaces, path, message) => {
    const result = spacesSchema.safeParse(spaces);
    expect(result.success).toBe(false);
    const issues = result.error!.issues.map((i) => ({ path: i.path.join('.'), message: i.message + ('keys' in i ? ` ${i.keys.join(',')}` : '') }));
    expect(issues).toContainEqual({ path, message: expect.stringContaining(message) as string });
  });

  it('refuses an empty list: the site must be a space (the site configuration file’s test holds the README’s example)', () => {
    const result = spacesSchema.safeParse([]);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/^lists no space: give at least the site/);
  });
});

describe('defaultSpaces', () => {
  it('makes the site of every device and a space per device, which is a valid tree', () => {
    const spaces = defaultSpaces({ name: 'Riverside', capacity: 300 }, [
      { id: 91, name: 'Main entrance', capacity: null },
      { id: 93, name: 'Café', capacity: 40 },
    ]);
    expect(spacesSchema.safeParse(spaces).success).toBe(true);
    expect(orderSpaces(spaces).map((s) => [s.id, s.parent, s.capacity])).toEqual([
      ['site', null, 300],
      ['device-91', 'site', null],
      ['device-93', 'site', 40],
    ]);
    expect(boundaryDevices(spaces)).toEqual([91, 93]);
    const counts = new Map([
      [91, { in: 50, out: 20 }],
      [93, { in: 10, out: 25 }],
    ]);
    // The site total is max(0, ΣIN − ΣOUT), as without spaces.
    expect(spaceCounts(spaces[0]!.doors, counts).occupancy).toBe(15);
  });
});

describe('spaceOccupancies', () => {
  it('gives the root first, and the root of the default tree is the site total of every door', () => {
    const doorCounts = fc.array(fc.record({ in: fc.nat(5000), out: fc.nat(5000) }), { minLength: 1, maxLength: 20 });
    fc.assert(
      fc.property(doorCounts, (list) => {
        const devices = list.map((c, i) => ({ id: i + 1, name: `Door ${i + 1}`, capacity: null, ...c }));
        const spaces = spaceOccupancies(orderSpaces(defaultSpaces({ name: 'Site', capacity: 100 }, devices)), new Map(devices.map((d) => [d.id, d])));
        const total = totalOccupancy(devices);
        expect(spaces[0]).toMatchObject({ id: 'site', parent: null, in: total.in, out: total.out, occupancy: total.occupancy });
        // Each door's own space counts exactly that door.
        devices.forEach((d, i) => expect(spaces[i + 1]).toMatchObject({ id: `device-${d.id}`, in: d.in, out: d.out, raw: d.in - d.out }));
      }),
      { numRuns: 100 },
    );
  });

  it('states capacity by the space’s own nearly-full share, and says unknown without a capacity or any live count', () => {
    const tree = orderSpaces([
      { id: 'site', name: 'Site', capacity: 100, doors: [{ device: 1, side: 'in' }] },
      { id: 'cafe', name: 'Café', parent: 'site', capacity: 10, nearlyFull: 0.5, doors: [{ device: 2, side: 'in' }] },
      { id: 'hall', name: 'Hall', parent: 'site', doors: [{ device: 1, side: 'in' }] },
      { id: 'annex', name: 'Annex', parent: 'site', capacity: 5, doors: [{ device: 9, side: 'in' }] },
    ]);
    const counts = new Map([
      [1, { in: 90, out: 10 }],
      [2, { in: 5, out: 0 }],
    ]);
    const byId = new Map(spaceOccupancies(tree, counts).map((s) => [s.id, s]));
    expect(byId.get('site')).toMatchObject({ occupancy: 80, state: 'nearly_full', nearlyFull: 0.8 });
    expect(byId.get('cafe')).toMatchObject({ occupancy: 5, state: 'nearly_full' });
    expect(byId.get('hall')).toMatchObject({ occupancy: 80, state: 'unknown', capacity: null });
    // The annex's only door is not in the vendor's answer: no count, not "empty".
    expect(byId.get('annex')).toMatchObject({ occupancy: 0, state: 'unknown', drift: null });
    expect(spaceState(10, { capacity: 10, nearlyFull: 0.8 }, true)).toBe('full');
    expect(spaceState(7, { capacity: 10, nearlyFull: 0.8 }, true)).toBe('available');
    expect(spaceState(7, { capacity: 10, nearlyFull: 0.8 }, false)).toBe('unknown');
  });

  it('reports drift when the boundary counted clearly more people leaving than entering', () => {
    const tree = orderSpaces([
      { id: 'site', name: 'Site', doors: [{ device: 1, side: 'in' }] },
      { id: 'pool', name: 'Pool', parent: 'site', doors: [{ device: 2, side: 'out' }] },
    ]);
    const counts = new Map([
      [1, { in: 100, out: 104 }],
      // Mounted the other way round: its IN is people leaving the pool.
      [2, { in: 60, out: 18 }],
    ]);
    const [site, pool] = spaceOccupancies(tree, counts);
    expect(site).toMatchObject({ raw: -4, occupancy: 0, drift: null });
    expect(pool).toMatchObject({ in: 18, out: 60, raw: -42, occupancy: 0, drift: 42 });
  });
});
