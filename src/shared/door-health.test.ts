import { describe, expect, it } from 'vitest';
import { doorHealth, oneWayDirection, spaceDrift } from './door-health';

describe('door health', () => {
  it('flags a door that counted people one way only, once there are enough of them', () => {
    expect(doorHealth({ in: 312, out: 0 })).toEqual({ kind: 'one_way', direction: 'in', count: 312 });
    expect(doorHealth({ in: 0, out: 45 })).toEqual({ kind: 'one_way', direction: 'out', count: 45 });
    expect(doorHealth({ in: 29, out: 0 })).toBeNull();
    expect(doorHealth({ in: 0, out: 0 })).toBeNull();
  });

  it('waits until a door has counted one way only for two hours: a morning rush comes in before anyone leaves', () => {
    const hour = 3_600_000;
    expect(doorHealth({ in: 43, out: 0 }, 1.5 * hour)).toBeNull();
    expect(doorHealth({ in: 43, out: 0 }, 2 * hour)).toEqual({ kind: 'one_way', direction: 'in', count: 43 });
    expect(doorHealth({ in: 0, out: 60 }, 2 * hour - 1)).toBeNull();
    expect(doorHealth({ in: 12, out: 0 }, 10 * hour)).toBeNull();
  });

  it('leaves a busy exit alone: a door may rightly count more OUT than IN', () => {
    expect(doorHealth({ in: 40, out: 1290 })).toBeNull();
    expect(doorHealth({ in: 1, out: 500 })).toBeNull();
  });
});

describe('oneWayDirection', () => {
  it('names the one way a door counted, or null when it counted both ways or nobody', () => {
    expect(oneWayDirection({ in: 3, out: 0 })).toBe('in');
    expect(oneWayDirection({ in: 0, out: 1 })).toBe('out');
    expect(oneWayDirection({ in: 3, out: 1 })).toBeNull();
    expect(oneWayDirection({ in: 0, out: 0 })).toBeNull();
  });
});

describe('space drift', () => {
  it('names how many more left a space than entered it, beyond counting noise', () => {
    expect(spaceDrift({ in: 1000, out: 1290 })).toBe(290);
    expect(spaceDrift({ in: 20, out: 30 })).toBe(10);
    expect(spaceDrift({ in: 0, out: 12 })).toBe(12);
  });

  it('accepts a few people of noise, more on a busy day', () => {
    expect(spaceDrift({ in: 20, out: 29 })).toBeNull();
    expect(spaceDrift({ in: 1000, out: 1099 })).toBeNull();
    expect(spaceDrift({ in: 1000, out: 1100 })).toBe(100);
    expect(spaceDrift({ in: 500, out: 300 })).toBeNull();
  });
});
