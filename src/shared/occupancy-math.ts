// Occupancy arithmetic shared by the server and the client. People enter by one door and leave by
// another, so a site's total is max(0, ΣIN − ΣOUT), never the sum of the per-door corrected values.

export interface Counts {
  in: number;
  out: number;
}

export function totalOccupancy(devices: readonly Counts[]): { in: number; out: number; occupancy: number } {
  let sumIn = 0;
  let sumOut = 0;
  for (const d of devices) {
    sumIn += d.in;
    sumOut += d.out;
  }
  return { in: sumIn, out: sumOut, occupancy: Math.max(0, sumIn - sumOut) };
}

// How full a space is: below its nearly-full share (80 % unless configured) there is space, from
// that share it is nearly full, from 100 % full.
export type CapacityState = 'available' | 'nearly_full' | 'full';

/** Share of capacity in use at which a space counts as nearly full. */
export const NEARLY_FULL_RATIO = 0.8;

export interface CapacityReading {
  ratio: number;
  state: CapacityState;
}

/** null when no capacity is configured: then there is no gauge and no state, only the count. */
export function readCapacity(occupancy: number, capacity: number | null | undefined, nearlyFull = NEARLY_FULL_RATIO): CapacityReading | null {
  if (capacity == null || capacity <= 0) return null;
  const ratio = Math.max(0, occupancy) / capacity;
  const state: CapacityState = ratio >= 1 ? 'full' : ratio >= nearlyFull ? 'nearly_full' : 'available';
  return { ratio, state };
}
