// The WELLPOINT Cloud API simulator: a deterministic stand-in for the vendor, embedded by the BFF
// in demo mode, run on its own by `npm run simulator`, and served over HTTP to tests and benchmarks.
export { createSimulator, DEFAULT_AUTH_DELAY_MS, DEFAULT_SEED } from './simulator';
export type { CallCounts, Simulator, SimulatorOptions } from './simulator';
export { createClock } from './clock';
export type { ClockMode, SimClock } from './clock';
export type { CsvTimeColumn, Faults, Shape, ShapePatch, VendorAction } from './settings';
export type { StreamStats } from './body';
export {
  BUILT_IN_ACCOUNTS,
  DEMO_ACCESS_KEY,
  DEMO_ACCOUNT,
  DEMO_DEVICES,
  LARGE_ACCESS_KEY,
  LARGE_ACCOUNT,
  NO_PRO_ACCESS_KEY,
  NO_PRO_ACCOUNT,
  SINGLE_ACCESS_KEY,
  SINGLE_ACCOUNT,
  servedDevices,
} from './accounts';
export type { Account, Device, Plan, Relation } from './accounts';
export { countsForMinute } from './traffic';
export type { DoorTraffic, TrafficGroup, VenueKind } from './traffic';
