import { describe, expect, it } from 'vitest';
import { screenOf } from './screens';

describe('screenOf', () => {
  it('maps each path to its screen, with or without a trailing slash', () => {
    expect(screenOf('/')).toEqual({ kind: 'dashboard' });
    expect(screenOf('/kiosk/')).toEqual({ kind: 'kiosk' });
    expect(screenOf('/sign-in')).toEqual({ kind: 'sign-in' });
    expect(screenOf('/setup')).toEqual({ kind: 'setup' });
    expect(screenOf('/set-password')).toEqual({ kind: 'set-password' });
    expect(screenOf('/settings')).toEqual({ kind: 'settings', section: null });
    expect(screenOf('/settings/people/')).toEqual({ kind: 'settings', section: 'people' });
    expect(screenOf('/nowhere')).toEqual({ kind: 'dashboard' });
    expect(screenOf('/settings/a/b')).toEqual({ kind: 'dashboard' });
  });

  it('decodes a section name, and keeps a malformed escape as typed instead of throwing', () => {
    expect(screenOf('/settings/opening%20hours')).toEqual({ kind: 'settings', section: 'opening hours' });
    expect(screenOf('/settings/%E0%A4%A')).toEqual({ kind: 'settings', section: '%E0%A4%A' });
  });
});
