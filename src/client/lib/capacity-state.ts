// How full a space is, in three states with a word each. The thresholds are the product's:
// below 80 % there is space, from 80 % it is nearly full, from 100 % it is full.
export type CapacityState = 'available' | 'nearly_full' | 'full';

export const NEARLY_FULL_RATIO = 0.8;

export const capacityStateWords: Record<CapacityState, string> = {
  available: 'Space available',
  nearly_full: 'Nearly full',
  full: 'Full',
};

export interface CapacityReading {
  ratio: number;
  state: CapacityState;
}

/** null when no capacity is configured: then there is no gauge and no state, only the count. */
export function readCapacity(occupancy: number, capacity: number | null | undefined): CapacityReading | null {
  if (capacity == null || capacity <= 0) return null;
  const ratio = Math.max(0, occupancy) / capacity;
  const state: CapacityState = ratio >= 1 ? 'full' : ratio >= NEARLY_FULL_RATIO ? 'nearly_full' : 'available';
  return { ratio, state };
}
