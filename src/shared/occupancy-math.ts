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

export type CapacityState = 'available' | 'nearly_full' | 'full';

/** Share of capacity in use at which a space counts as nearly full. */
export const NEARLY_FULL_RATIO = 0.8;

export function capacityState(occupancy: number, capacity: number): CapacityState {
  const ratio = occupancy / capacity;
  if (ratio >= 1) return 'full';
  if (ratio >= NEARLY_FULL_RATIO) return 'nearly_full';
  return 'available';
}
