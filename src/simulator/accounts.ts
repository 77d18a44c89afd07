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

// A department store whose shoppers come in by the main entrance and mostly leave by the north
// door towards the tram stop, and a pool whose swimmers leave by the changing-room exit: the
// north door and the pool exit count more OUT than IN, so their raw occupancy goes negative.
const storeDoors = group(1, 'store', 6, [30, 90]);
const poolDoors = group(2, 'leisure', 3, [45, 120]);

/**
 * Mirrors the vendor's example account: 2 LITE + 4 PLUS + 12 PRO active root/linked devices,
 * plus a PRO device whose plan lapsed and a PRO device merely shared with this account (viewer),
 * both of which the API must leave out. getoccupancy serves exactly the 12 active PRO devices.
 */
export const DEMO_DEVICES: readonly Device[] = [
  device({ id: 91, name: 'Main entrance', group: storeDoors, inSlice: [0, 0.85], outSlice: [0, 0.3] }),
  device({ id: 92, name: 'North door', group: storeDoors, inSlice: [0.85, 1], outSlice: [0.3, 1] }),
  device({ id: 93, name: 'Café, ground floor', group: solo(3, 'cafe', 2.2, [20, 60]) }),
  device({ id: 94, name: 'Reading room "Quiet"', relation: 'linked', group: solo(4, 'library', 1.5, [60, 180]) }),
  device({ id: 95, name: 'Gym floor', group: solo(5, 'gym24', 2.5, [45, 105]) }),
  device({ id: 96, name: 'Bike store', plan: 'LITE', group: solo(6, 'garage', 0.6, [30, 90]) }),
  device({ id: 97, name: 'Pool hall', group: poolDoors, inSlice: [0, 0.9], outSlice: [0, 0.35] }),
  device({ id: 98, name: 'Pool exit', group: poolDoors, inSlice: [0.9, 1], outSlice: [0.35, 1] }),
  device({ id: 99, name: 'Loading bay', plan: 'LITE', relation: 'linked', group: solo(7, 'office', 0.4, [20, 60]) }),
  device({ id: 100, name: 'Meeting room 1', plan: 'PLUS', group: solo(8, 'office', 0.5, [30, 90]) }),
  device({ id: 101, name: 'Staff entrance', relation: 'linked', group: solo(9, 'office', 1.2, [240, 540]) }),
  device({ id: 102, name: 'Meeting room 2', plan: 'PLUS', group: solo(10, 'office', 0.5, [30, 90]) }),
  device({ id: 103, name: 'Garage ramp', group: solo(11, 'garage', 1.8, [60, 180]) }),
  device({ id: 104, name: 'Roof terrace', plan: 'PLUS', relation: 'linked', group: solo(12, 'cafe', 0.8, [20, 60]) }),
  device({ id: 105, name: 'A&E entrance', relation: 'linked', group: solo(13, 'hospital24', 0.9, [60, 240]) }),
  device({ id: 106, name: 'Lobby lift', plan: 'PLUS', group: solo(14, 'office', 1, [30, 90]) }),
  device({ id: 107, name: 'Old west wing', planActive: false, group: solo(15, 'store', 1, [30, 90]) }),
  device({ id: 108, name: 'Covent Garden shop', timeZone: 'Europe/London', group: solo(16, 'store', 3, [20, 60]) }),
  device({ id: 109, name: 'Partner kiosk', relation: 'viewer', group: solo(17, 'cafe', 1, [10, 30]) }),
  device({ id: 110, name: 'Soho café', relation: 'linked', timeZone: 'Europe/London', group: solo(18, 'cafe', 1.6, [20, 50]) }),
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
