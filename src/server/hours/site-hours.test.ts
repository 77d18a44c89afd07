import { describe, expect, it } from 'vitest';
import { createSettingsService } from '../settings/settings-service';
import { memoryStore, TEST_ADMIN } from '../test/support';
import { siteHours } from './site-hours';

const defaults = { site: { devices: [] }, timezone: 'Europe/Budapest', dayStart: '00:00', locale: 'en' as const };
// Monday 30 November 2026, 21:30 in Budapest (CET).
const MON_2130 = new Date('2026-11-30T20:30:00Z');

function settingsWith(file: Parameters<typeof createSettingsService>[0]['file'] = { devices: [] }, fileGiven = false) {
  return createSettingsService({ store: memoryStore(), file, fileGiven, env: {}, defaults });
}

describe('siteHours', () => {
  it('is always open without hours', () => {
    const hours = siteHours(settingsWith(), () => MON_2130);
    expect(hours.isOpen()).toBe(true);
    expect(hours.state()).toEqual({ open: true, closesAt: null, nextOpen: null });
  });

  it('follows hours saved at runtime, and the zone, at each call', async () => {
    const settings = settingsWith();
    const hours = siteHours(settings, () => MON_2130);
    await settings.put('hours', { weekly: { mon: [['07:00', '21:00']], tue: [['07:00', '21:00']] } }, TEST_ADMIN);
    expect(hours.isOpen()).toBe(false);
    expect(hours.state()).toEqual({ open: false, closesAt: null, nextOpen: new Date('2026-12-01T06:00:00Z') });
    expect(hours.isOpen(new Date('2026-11-30T19:59:00Z'))).toBe(true);
    await settings.put('site', { timezone: 'Europe/London' }, TEST_ADMIN); // 20:30 in London: still open
    expect(hours.isOpen()).toBe(true);
    await settings.put('hours', null, TEST_ADMIN);
    expect(hours.isOpen(new Date('2026-12-02T02:00:00Z'))).toBe(true);
  });

  it('reads hours from the provisioning file', () => {
    const hours = siteHours(
      settingsWith({ devices: [], openingHours: { weekly: { mon: [['22:00', '02:00']] }, closed: [], special: [] } }, true),
      () => MON_2130,
    );
    expect(hours.isOpen()).toBe(false);
    expect(hours.isOpen(new Date('2026-11-30T23:30:00Z'))).toBe(true);
  });
});
