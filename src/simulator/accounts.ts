// The simulator's accounts and devices: which access key sees which counters, on which plan, in
// which time zone, and how busy each door is. The keys are simulator keys, not secrets.
import type { DoorTraffic, TrafficGroup, VenueKind } from './traffic';

export type Plan = 'LITE' | 'PLUS' | 'PRO';
/** How the device is attached to the account; only `root` and `linked` are served by the API. */
export type Relation = 'root' | 'linked' | 'viewer';

export interface Device {
  id: number;
  name: string;
  plan: Plan;
  /** False when the device's plan has lapsed: the vendor then serves nothing for it. */
  planActive: boolean;
  relation: Relation;
  /** IANA zone of the site: CSV periods are this zone's local days and hours. */
  timeZone: string;
  /** The groups of visitors passing this door. */
  traffic: readonly DoorTraffic[];
}

export interface Account {
  key: string;
  /** Which account this is, for logs (never the key). */
  label: string;
  devices: readonly Device[];
}

export const DEMO_ACCESS_KEY = 'sim-demo-key';
export const NO_PRO_ACCESS_KEY = 'sim-nopro-key';
export const SINGLE_ACCESS_KEY = 'sim-single-key';
export const LARGE_ACCESS_KEY = 'sim-large-key';

const SINCE = '2024-01-01';
const WHOLE: [number, number] = [0, 1];

function group(id: number, venue: VenueKind, peakPerMinute: number, stayMinutes: [number, number]): TrafficGroup {
  return { id, venue, peakPerMinute, stayMinutes, countingSince: SINCE };
}

interface DeviceSpec {
  id: number;
  name: string;
  plan?: Plan;
  planActive?: boolean;
  relation?: Relation;
  timeZone?: string;
  group: TrafficGroup;
  inSlice?: [number, number];
  outSlice?: [number, number];
}

function device(spec: DeviceSpec): Device {
  return {
    id: spec.id,
    name: spec.name,
    plan: spec.plan ?? 'PRO',
    planActive: spec.planActive ?? true,
    relation: spec.relation ?? 'root',
    timeZone: spec.timeZone ?? 'Europe/Budapest',
    traffic: [{ group: spec.group, inSlice: spec.inSlice ?? WHOLE, outSlice: spec.outSlice ?? WHOLE }],
  };
}

const solo = (id: number, venue: VenueKind, peak: number, stay: [number, number]) => group(id, venue, peak, stay);

// The demo account is one building, Riverside Leisure Centre in Budapest. Every visitor of a room
// also passes a door of the building, so each room's crowd is a group whose flows cross both the
// building's doors and the room's; a room's occupancy can then never exceed the building's.
// Groups keep a last entry, so the building is empty when it locks up at night.
type Slice = [number, number];

interface Passage {
  device: number;
  inSlice?: Slice;
  outSlice?: Slice;
  reversed?: boolean;
}

interface Crowd {
  group: TrafficGroup;
  passes: readonly Passage[];
}

const crowd = (id: number, venue: VenueKind, peakPerMinute: number, stayMinutes: [number, number], passes: readonly Passage[]): Crowd => ({
  group: { ...group(id, venue, peakPerMinute, stayMinutes), emptyAtClosing: true },
  passes,
});

/** The building's own entrances, lobby side: most come in by the main entrance, more leave towards the river and the car park. */
const BUILDING_DOORS: readonly Passage[] = [
  { device: 91, inSlice: [0, 0.7], outSlice: [0, 0.55] },
  { device: 92, inSlice: [0.7, 0.85], outSlice: [0.55, 0.8] },
  { device: 101, inSlice: [0.85, 1], outSlice: [0.8, 1] },
];
const LIBRARY_DOOR: Passage = { device: 93 };
// The café's counter was mounted the other way round: its IN counts people leaving the café.
const CAFE_DOOR: Passage = { device: 95, reversed: true };
// Swimmers come in by the pool entrance and mostly leave by the exit to the changing rooms.
const POOL_DOORS: readonly Passage[] = [
  { device: 97, inSlice: [0, 0.92], outSlice: [0, 0.35] },
  { device: 98, inSlice: [0.92, 1], outSlice: [0.35, 1] },
];

const BUILDING_CROWDS: readonly Crowd[] = [
  // People only in the lobby: the reception desk, parents waiting, the vending machines.
  crowd(21, 'sports', 0.9, [2, 40], BUILDING_DOORS),
  crowd(22, 'library', 1.4, [10, 150], [...BUILDING_DOORS, LIBRARY_DOOR]),
  // Reading-room readers pass the library's door, then the reading room's.
  crowd(23, 'library', 0.45, [20, 180], [...BUILDING_DOORS, LIBRARY_DOOR, { device: 94 }]),
  crowd(24, 'cafe', 2, [15, 50], [...BUILDING_DOORS, CAFE_DOOR]),
  crowd(25, 'sports', 2.2, [15, 110], [...BUILDING_DOORS, ...POOL_DOORS]),
  // Sauna guests go through the pool hall.
  crowd(26, 'sports', 0.3, [20, 60], [...BUILDING_DOORS, ...POOL_DOORS, { device: 110 }]),
  // Gym members coming through the lobby (while the building is open)…
  crowd(27, 'sports', 0.9, [20, 100], [...BUILDING_DOORS, { device: 105 }]),
  // …and by the gym's own street door, open until 23:00: a door of the gym and of the building.
  crowd(28, 'gym', 1.4, [20, 100], [{ device: 103 }]),
  crowd(29, 'sports', 0.6, [30, 60], [...BUILDING_DOORS, { device: 108 }]),
];

/** The building's flows through one door: every crowd that passes it, with its shares. */
function buildingTraffic(id: number): DoorTraffic[] {
  return BUILDING_CROWDS.flatMap(({ group: g, passes }) =>
    passes
      .filter((p) => p.device === id)
      .map((p) => ({ group: g, inSlice: p.inSlice ?? WHOLE, outSlice: p.outSlice ?? WHOLE, ...(p.reversed === true ? { reversed: true } : {}) })),
  );
}

interface DoorSpec {
  id: number;
  name: string;
  plan?: Plan;
  planActive?: boolean;
  relation?: Relation;
}

function door(spec: DoorSpec): Device {
  return {
    id: spec.id,
    name: spec.name,
    plan: spec.plan ?? 'PRO',
    planActive: spec.planActive ?? true,
    relation: spec.relation ?? 'root',
    timeZone: 'Europe/Budapest',
    traffic: buildingTraffic(spec.id),
  };
}

/**
 * Mirrors the vendor's example account: 2 LITE + 4 PLUS + 12 PRO active root/linked devices,
 * plus a PRO device whose plan lapsed and a PRO device merely shared with this account (viewer),
 * both of which the API must leave out. getoccupancy serves exactly the 12 active PRO devices,
 * the doors of Riverside Leisure Centre (src/server/demo-site.ts says which space each bounds).
 */
export const DEMO_DEVICES: readonly Device[] = [
  door({ id: 91, name: 'Main entrance' }),
  door({ id: 92, name: 'River terrace door' }),
  door({ id: 93, name: 'Library door, ground floor' }),
  door({ id: 94, name: 'Reading room "Quiet" door', relation: 'linked' }),
  door({ id: 95, name: 'Café door' }),
  device({ id: 96, name: 'Bike store', plan: 'LITE', group: solo(6, 'garage', 0.6, [30, 90]) }),
  door({ id: 97, name: 'Pool entrance' }),
  door({ id: 98, name: 'Pool exit (changing rooms)' }),
  device({ id: 99, name: 'Loading bay', plan: 'LITE', relation: 'linked', group: solo(7, 'office', 0.4, [20, 60]) }),
  device({ id: 100, name: 'Party room', plan: 'PLUS', group: solo(8, 'leisure', 0.5, [60, 120]) }),
  door({ id: 101, name: 'Car park door', relation: 'linked' }),
  device({ id: 102, name: 'Meeting room', plan: 'PLUS', group: solo(10, 'office', 0.5, [30, 90]) }),
  door({ id: 103, name: 'Gym street door' }),
  device({ id: 104, name: 'Roof terrace', plan: 'PLUS', relation: 'linked', group: solo(12, 'cafe', 0.8, [20, 60]) }),
  door({ id: 105, name: 'Gym lobby door', relation: 'linked' }),
  device({ id: 106, name: 'Lift, ground floor', plan: 'PLUS', group: solo(14, 'office', 1, [30, 90]) }),
  device({ id: 107, name: 'Old west door', planActive: false, group: solo(15, 'leisure', 1, [30, 90]) }),
  door({ id: 108, name: 'Studio door' }),
  device({ id: 109, name: 'Physio clinic (partner)', relation: 'viewer', group: solo(17, 'office', 0.5, [30, 60]) }),
  door({ id: 110, name: 'Sauna door', relation: 'linked' }),
];

const NO_PRO_DEVICES: readonly Device[] = [
  device({ id: 201, name: 'Shop door', plan: 'LITE', group: solo(201, 'store', 1.5, [20, 60]) }),
  device({ id: 202, name: 'Back door', plan: 'PLUS', group: solo(202, 'store', 0.5, [20, 60]) }),
  device({ id: 203, name: 'Stockroom', plan: 'PLUS', relation: 'linked', group: solo(203, 'office', 0.2, [30, 120]) }),
];

const SINGLE_DEVICES: readonly Device[] = [
  device({ id: 301, name: 'Fifth Avenue entrance', timeZone: 'America/New_York', group: solo(301, 'store', 4, [20, 75]) }),
];

const LARGE_SITES = ['Westgate Mall', 'Danube Plaza', 'Riverside Library', 'Central Station Hall', 'Harbour Leisure Centre'];
const LARGE_VENUES: readonly VenueKind[] = ['store', 'store', 'library', 'gym24', 'leisure'];
const LARGE_DOORS = [
  'Gate 1 (north)',
  'Gate 2 (east)',
  'Gate 3 (south)',
  'Gate 4 (west)',
  'Car park lift',
  'Side door A',
  'Side door B',
  'Loading gate',
  'Upper level bridge',
  'Metro passage',
];

/** 50 PRO devices: 5 sites × 10 doors, mostly in Budapest, some in Vienna and London. */
const LARGE_DEVICES: readonly Device[] = Array.from({ length: 50 }, (_, i) => {
  const site = Math.floor(i / 10);
  const id = 1001 + i;
  return device({
    id,
    name: `${LARGE_SITES[site] ?? 'Site'} - ${LARGE_DOORS[i % 10] ?? 'Door'}`,
    timeZone: i >= 45 ? 'Europe/London' : i >= 40 ? 'Europe/Vienna' : 'Europe/Budapest',
    group: solo(id, LARGE_VENUES[site] ?? 'store', 1 + ((i * 7) % 10) * 0.5, [30, 90]),
  });
});

export const DEMO_ACCOUNT: Account = { key: DEMO_ACCESS_KEY, label: 'demo', devices: DEMO_DEVICES };
export const NO_PRO_ACCOUNT: Account = { key: NO_PRO_ACCESS_KEY, label: 'no-pro', devices: NO_PRO_DEVICES };
export const SINGLE_ACCOUNT: Account = { key: SINGLE_ACCESS_KEY, label: 'single', devices: SINGLE_DEVICES };
export const LARGE_ACCOUNT: Account = { key: LARGE_ACCESS_KEY, label: 'large', devices: LARGE_DEVICES };

export const BUILT_IN_ACCOUNTS: readonly Account[] = [DEMO_ACCOUNT, NO_PRO_ACCOUNT, SINGLE_ACCOUNT, LARGE_ACCOUNT];

/** The devices the API serves for an account: assigned root/linked, plan active, plan PRO. */
export function servedDevices(account: Account): Device[] {
  return account.devices.filter((d) => d.plan === 'PRO' && d.planActive && (d.relation === 'root' || d.relation === 'linked')).sort((a, b) => a.id - b.id);
}
