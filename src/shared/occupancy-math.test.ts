import { describe, expect, it } from 'vitest';
import { readCapacity, totalOccupancy } from './occupancy-math';

describe('readCapacity', () => {
  it('has no reading without a capacity', () => {
    expect(readCapacity(10, null)).toBeNull();
    expect(readCapacity(10, undefined)).toBeNull();
    expect(readCapacity(10, 0)).toBeNull();
  });

  it('is available below 80 %, nearly full from 80 %, full from 100 %', () => {
    expect(readCapacity(79, 100)).toEqual({ ratio: 0.79, state: 'available' });
    expect(readCapacity(80, 100)).toEqual({ ratio: 0.8, state: 'nearly_full' });
    expect(readCapacity(99, 100)?.state).toBe('nearly_full');
    expect(readCapacity(100, 100)?.state).toBe('full');
    expect(readCapacity(130, 100)).toEqual({ ratio: 1.3, state: 'full' });
  });

  it('reads a negative raw count as empty', () => {
    expect(readCapacity(-5, 100)).toEqual({ ratio: 0, state: 'available' });
  });
});

describe('totalOccupancy', () => {
  it('is max(0, ΣIN − ΣOUT) over the doors', () => {
    expect(
      totalOccupancy([
        { in: 10, out: 2 },
        { in: 0, out: 5 },
      ]),
    ).toEqual({ in: 10, out: 7, occupancy: 3 });
    expect(totalOccupancy([{ in: 1, out: 4 }])).toEqual({ in: 1, out: 4, occupancy: 0 });
  });
});
