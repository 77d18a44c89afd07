// Test data for the space choice: a small leisure centre with configured spaces, its live answer
// derived with the shared arithmetic (as the server derives it), and /api/history answers for a space.
import { type History, type Occupancy } from '@/shared/api-schema';
import { type SpaceConfig } from '@/shared/spaces';
import { makeSpacesOccupancy } from '@/client/test/fixtures';
import { makeHistory } from '@/client/test/history-api';

/**
 * The building's street doors (91, 94) bound the site; the pool hall has an entrance (92) and an
 * exit counter (93, whose IN is people leaving); the changing rooms sit inside the pool hall.
 */
export const LEISURE_SPACES: SpaceConfig[] = [
  {
    id: 'site',
    name: 'Riverside Leisure Centre',
    capacity: 400,
    doors: [
      { device: 91, side: 'in' },
      { device: 94, side: 'in' },
    ],
  },
  {
    id: 'pool',
    name: 'Pool hall',
    parent: 'site',
    capacity: 60,
    doors: [
      { device: 92, side: 'in' },
      { device: 93, side: 'out' },
    ],
  },
  { id: 'changing', name: 'Changing rooms', parent: 'pool', doors: [{ device: 95, side: 'in' }] },
  { id: 'gym', name: 'Gym', parent: 'site', capacity: 30, doors: [{ device: 94, side: 'in' }] },
];

const door = (id: number, name: string, i: number, o: number) => ({
  id,
  name,
  in: i,
  out: o,
  raw: i - o,
  occupancy: Math.max(0, i - o),
  corrected: Math.max(0, i - o),
  capacity: null,
});

/** Live at TEST_NOW: 112 inside the building, 37 in the pool hall (52 in, 15 out by the exit counter). */
export function leisureOccupancy(counts: { pool?: [number, number] } = {}): Occupancy {
  const [poolIn, poolExit] = counts.pool ?? [52, 15];
  const devices = [
    door(91, 'Main entrance', 300, 200),
    door(92, 'Pool entrance', poolIn, 0),
    door(93, 'Pool exit', poolExit, 0),
    door(94, 'Gym street door', 20, 8),
    door(95, 'Changing rooms door', 10, 4),
  ];
  return makeSpacesOccupancy(LEISURE_SPACES, { devices });
}

/** An answer for `space=<id>`: the space's own points, and (as the server sends) its doors' series. */
export function spaceHistory(
  overrides: Partial<History>,
  space: { id: string; name: string; points: { start: string; in: number; out: number; occupancy: number | null }[] },
): History {
  return makeHistory({ ...overrides, space });
}
