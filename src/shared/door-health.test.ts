import { describe, expect, it } from 'vitest';
import { doorHealth, spaceDrift } from './door-health';

describe('door health', () => {
  it('flags a door that counted people one way only, once there are enough of them', () => {
    expect(doorHealth({ in: 312, out: 0 })).toEqual({ kind: 'one_way', direction: 'in', count: 312 });
    expect(doorHealth({ in: 0, out: 45 })).toEqual({ kind: 'one_way', direction: 'out', count: 45 });
    expect(doorHealth({ in: 29, out: 0 })).toBeNull();
    expect(doorHealth({ in: 0, out: 0 })).toBeNull();
  });

  it('leaves a busy exit alone: a door may rightly count more OUT than IN', () => {
    expect(doorHealth({ in: 40, out: 1290 })).toBeNull();
    expect(doorHealth({ in: 1, out: 500 })).toBeNull();
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
