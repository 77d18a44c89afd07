// A small configured building for the kiosk's tests: the answers the BFF gives for it, with every
// space's counts and state computed by the shared code exactly as the server does.
import type { Config, Occupancy } from '@/shared/api-schema';
import { makeConfig, makeSpacesOccupancy } from '@/client/test/fixtures';
import { orderSpaces, type SpaceConfig } from '@/shared/spaces';

const DEVICES = [
  { id: 91, name: 'Main entrance', in: 300, out: 250 },
  { id: 92, name: 'Café door', in: 120, out: 90 },
  { id: 93, name: 'Pool entrance', in: 60, out: 0 },
  // Mounted the other way round: its IN is people leaving the pool hall.
  { id: 94, name: 'Pool exit', in: 20, out: 0 },
  { id: 95, name: 'Gym street door', in: 10, out: 2 },
].map((d) => ({ ...d, raw: d.in - d.out, occupancy: Math.max(0, d.in - d.out), corrected: Math.max(0, d.in - d.out), capacity: null }));

/**
 * site 58 of 120 (available) · library: its only door (96) is not in the account (unknown) ·
 * café 30 of 40 with its own threshold 0.7 (nearly full, where 0.8 would say available) ·
 * pool hall 40 of 40 (full) · gym 8, no capacity.
 */
export const BUILDING: SpaceConfig[] = [
  {
    id: 'site',
    name: 'Whole building',
    capacity: 120,
    doors: [
      { device: 91, side: 'in' },
      { device: 95, side: 'in' },
    ],
  },
  { id: 'library', name: 'Library', parent: 'site', capacity: 50, doors: [{ device: 96, side: 'in' }] },
  { id: 'cafe', name: 'Café', parent: 'site', capacity: 40, nearlyFull: 0.7, doors: [{ device: 92, side: 'in' }] },
  {
    id: 'pool',
    name: 'Pool hall',
    parent: 'site',
    capacity: 40,
    doors: [
      { device: 93, side: 'in' },
      { device: 94, side: 'out' },
    ],
  },
  { id: 'gym', name: 'Gym', parent: 'site', doors: [{ device: 95, side: 'in' }] },
];

export function buildingConfig(): Config {
  return makeConfig({ siteName: 'Riverside Leisure Centre', siteCapacity: 120, spaces: orderSpaces(BUILDING) });
}

export function buildingOccupancy(spaces: readonly SpaceConfig[] = BUILDING): Occupancy {
  // total = the root (58 of 120); unknownDevices = [96], the library's door.
  return makeSpacesOccupancy([...spaces], { devices: DEVICES });
}
