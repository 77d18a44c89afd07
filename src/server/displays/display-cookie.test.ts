// The display cookie: read straight out of a Cookie header (a whole cookie name only), and written
// HttpOnly, SameSite=Lax, for 400 days, Secure over https.
import { describe, expect, it } from 'vitest';
import { displayCookie, displayTokenOf } from './display-cookie';

describe('displayTokenOf', () => {
  it('finds the value among other cookies, and only under its own whole name', () => {
    expect(displayTokenOf('occupancy_display=abc_-1')).toBe('abc_-1');
    expect(displayTokenOf('a=1; occupancy_display=abc; b=2')).toBe('abc');
    expect(displayTokenOf('a=1;occupancy_display=abc')).toBe('abc');
    expect(displayTokenOf('x_occupancy_display=evil; occupancy_display=mine')).toBe('mine');
    expect(displayTokenOf('x_occupancy_display=evil')).toBeNull();
    expect(displayTokenOf('occupancy_display=; a=1')).toBeNull();
    expect(displayTokenOf('a=1')).toBeNull();
  });
});

describe('displayCookie', () => {
  it('is HttpOnly, SameSite=Lax, for the whole site and 400 days; Secure over https', () => {
    expect(displayCookie('t', false)).toBe('occupancy_display=t; Max-Age=34560000; Path=/; HttpOnly; SameSite=Lax');
    expect(displayCookie('t', true)).toBe('occupancy_display=t; Max-Age=34560000; Path=/; HttpOnly; Secure; SameSite=Lax');
  });
});
