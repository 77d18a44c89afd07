import { afterEach, describe, expect, it } from 'vitest';
import { currentLocation, navigate, sameSitePath } from './navigation';

afterEach(() => {
  window.history.replaceState(null, '', '/');
});

describe('sameSitePath', () => {
  it('keeps a path of this site with its query and fragment', () => {
    expect(sameSitePath('/settings/people?x=1#y')).toBe('/settings/people?x=1#y');
  });

  it('refuses anything that could lead to another site', () => {
    for (const next of ['https://evil.example/', '//evil.example/x', '/\\evil.example', 'javascript:alert(1)', 'evil', '', null, undefined]) {
      expect(sameSitePath(next), String(next)).toBeNull();
    }
  });
});

describe('navigate', () => {
  it('moves the address without a reload, and can replace the current entry', () => {
    const before = window.history.length;
    navigate('/settings/account?x=1');
    expect(currentLocation()).toBe('/settings/account?x=1');
    expect(window.history.length).toBe(before + 1);
    navigate('/sign-in', { replace: true });
    expect(currentLocation()).toBe('/sign-in');
    expect(window.history.length).toBe(before + 1);
  });
});
