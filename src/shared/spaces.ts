// Spaces bounded by doors: the configuration's shape and checks, and each space's occupancy from
// its boundary doors. Shared because the server computes it and the settings editor validates it.
import { z } from 'zod';
import type { SpaceNode, SpaceOccupancy, SpaceState } from './api-schema';
import { spaceDrift } from './door-health';
import { NEARLY_FULL_RATIO, readCapacity } from './occupancy-math';

export type { SpaceNode } from './api-schema';

export const doorSideSchema = z.enum(['in', 'out'], { error: 'must be "in" (the device\'s IN enters this space) or "out"' });
export type DoorSide = z.infer<typeof doorSideSchema>;

export const spaceDoorSchema = z
  .object({
    device: z.number().int().positive(),
    /** Which way the device's IN faces, seen from this space. */
    side: doorSideSchema,
  })
  .strict();
export type SpaceDoor = z.infer<typeof spaceDoorSchema>;

export const spaceIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'must be 1–40 lower-case letters, digits, "-" or "_", starting with a letter or digit');

export const spaceConfigSchema = z
  .object({
    id: spaceIdSchema,
    name: z.string().trim().min(1).max(80),
    parent: spaceIdSchema.optional(),
    capacity: z.number().int().positive('must be a whole number above 0').max(1_000_000).optional(),
    nearlyFull: z.number().gt(0).lt(1, 'is a fraction of the capacity, such as 0.8').optional(),
    doors: z.array(spaceDoorSchema).max(200).default([]),
  })
  .strict();
export type SpaceConfig = z.output<typeof spaceConfigSchema>;

/**
 * A list of spaces that forms one tree: unique ids, exactly one root (the site), parents that
 * exist, no cycle, and no door twice in one space. Each problem names the field it is about.
 */
export const spacesSchema = z
  .array(spaceConfigSchema)
  .max(500)
  .superRefine((spaces, ctx) => {
    for (const problem of treeProblems(spaces)) ctx.addIssue({ code: 'custom', path: problem.path, message: problem.message });
  });

export interface TreeProblem {
  path: (string | number)[];
  message: string;
}

export function treeProblems(spaces: readonly SpaceConfig[]): TreeProblem[] {
  const problems: TreeProblem[] = [];
  const index = new Map<string, number>();
  spaces.forEach((space, i) => {
    if (index.has(space.id)) problems.push({ path: [i, 'id'], message: `"${space.id}" is the id of another space too` });
    else index.set(space.id, i);
    const seen = new Set<number>();
    space.doors.forEach((door, j) => {
      if (seen.has(door.device)) problems.push({ path: [i, 'doors', j, 'device'], message: `device ${door.device} is listed twice in space "${space.id}"` });
      seen.add(door.device);
    });
  });

  // An empty list would leave the site without a space; without spaces, leave the key out.
  if (spaces.length === 0)
    problems.push({ path: [], message: 'lists no space: give at least the site (the root), or leave `spaces` out for a space per device' });
  const roots = spaces.flatMap((space, i) => (space.parent === undefined ? [i] : []));
  if (spaces.length > 0 && roots.length === 0) problems.push({ path: [], message: 'has no root space: exactly one space (the site) must have no parent' });
  for (const i of roots.slice(1)) {
    problems.push({ path: [i, 'parent'], message: `is missing: only one space may be the root, and "${spaces[roots[0]!]!.id}" already is` });
  }

  spaces.forEach((space, i) => {
    if (space.parent === undefined) return;
    if (space.parent === space.id) problems.push({ path: [i, 'parent'], message: `"${space.id}" cannot be its own parent` });
    else if (!index.has(space.parent)) problems.push({ path: [i, 'parent'], message: `names "${space.parent}", which is not a space id` });
  });
  if (problems.length > 0) return problems;

  // With unique ids and known parents, a space that never reaches the root sits on a cycle.
  const reported = new Set<string>();
  for (const start of spaces) {
    const path: string[] = [];
    const onPath = new Set<string>();
    let current: SpaceConfig | undefined = start;
    while (current?.parent !== undefined && !onPath.has(current.id)) {
      path.push(current.id);
      onPath.add(current.id);
      current = spaces[index.get(current.parent)!];
    }
    if (current?.parent !== undefined && !reported.has(current.id)) {
      const loop = path.slice(path.indexOf(current.id));
      loop.forEach((id) => reported.add(id));
      problems.push({ path: [index.get(current.id)!, 'parent'], message: `makes a cycle: ${[...loop, current.id].join(' → ')}` });
    }
  }
  return problems;
}

/** Root first, then depth-first, children in the order they were listed. Expects a valid tree. */
export function orderSpaces(spaces: readonly SpaceConfig[]): SpaceNode[] {
  const children = new Map<string | null, SpaceConfig[]>();
  for (const space of spaces) {
    const key = space.parent ?? null;
    children.set(key, [...(children.get(key) ?? []), space]);
  }
  const ordered: SpaceNode[] = [];
  const visit = (space: SpaceConfig) => {
    ordered.push({
      id: space.id,
      name: space.name,
      parent: space.parent ?? null,
      capacity: space.capacity ?? null,
      nearlyFull: space.nearlyFull ?? NEARLY_FULL_RATIO,
      doors: space.doors,
    });
    for (const child of children.get(space.id) ?? []) visit(child);
  };
  for (const root of children.get(null) ?? []) visit(root);
  return ordered;
}

export interface DoorCounts {
  in: number;
  out: number;
}

export interface SpaceCounts {
  /** People who entered through the boundary: IN of `in` doors + OUT of `out` doors. */
  in: number;
  out: number;
  /** in − out; negative when the boundary counted more leaving than entering. */
  raw: number;
  /** max(0, raw): people inside. */
  occupancy: number;
}

/** A space's counts from its own boundary (never from its children's numbers). A door without counts adds nothing. */
export function spaceCounts(doors: readonly SpaceDoor[], counts: ReadonlyMap<number, DoorCounts>): SpaceCounts {
  let entered = 0;
  let left = 0;
  for (const door of doors) {
    const c = counts.get(door.device);
    if (c === undefined) continue;
    if (door.side === 'in') {
      entered += c.in;
      left += c.out;
    } else {
      entered += c.out;
      left += c.in;
    }
  }
  const raw = entered - left;
  return { in: entered, out: left, raw, occupancy: Math.max(0, raw) };
}

export interface DeviceSpaceDefaults {
  id: number;
  name: string;
  capacity: number | null;
}

/**
 * Without configured spaces: the site is every device with side `in`, and each device is also a
 * space of its own (one counter per room entrance, the commonest small install).
 */
export function defaultSpaces(site: { name: string; capacity: number | null }, devices: readonly DeviceSpaceDefaults[]): SpaceConfig[] {
  const root: SpaceConfig = {
    id: 'site',
    name: site.name,
    ...(site.capacity === null ? {} : { capacity: site.capacity }),
    doors: devices.map((d) => ({ device: d.id, side: 'in' as const })),
  };
  return [
    root,
    ...devices.map((d) => ({
      id: `device-${d.id}`,
      name: d.name,
      parent: 'site',
      ...(d.capacity === null ? {} : { capacity: d.capacity }),
      doors: [{ device: d.id, side: 'in' as const }],
    })),
  ];
}

/** The devices a list of spaces counts with, each once, in order of first mention. */
export function boundaryDevices(spaces: readonly Pick<SpaceConfig, 'doors'>[]): number[] {
  return [...new Set(spaces.flatMap((s) => s.doors.map((d) => d.device)))];
}

/** The one capacity rule for a space; `unknown` without a capacity or without any live count. */
export function spaceState(occupancy: number, space: Pick<SpaceNode, 'capacity' | 'nearlyFull'>, counted: boolean): SpaceState {
  if (!counted) return 'unknown';
  return readCapacity(occupancy, space.capacity, space.nearlyFull)?.state ?? 'unknown';
}

/**
 * Every space's counts, state and drift from the doors' counts, in the order given (computed
 * once per vendor answer). A space none of whose doors has a count is `unknown`, not empty.
 */
export function spaceOccupancies(spaces: readonly SpaceNode[], counts: ReadonlyMap<number, DoorCounts>): SpaceOccupancy[] {
  return spaces.map((space) => {
    const c = spaceCounts(space.doors, counts);
    const counted = space.doors.some((d) => counts.has(d.device));
    return { ...space, ...c, state: spaceState(c.occupancy, space, counted), drift: counted ? spaceDrift(c) : null };
  });
}
