import { describe, expect, it } from 'vitest';
import { publicChanges, siteChanges, spacesChanges } from './settings-changes';

describe('settings changes in words', () => {
  it('the site: one line per changed field, nothing for an unchanged one', () => {
    expect(
      siteChanges(
        { siteName: null, timezone: 'Europe/Budapest', dayStart: '00:00', locale: 'en' },
        { siteName: 'Hall', timezone: 'Europe/Budapest', dayStart: '04:00', locale: 'de' },
      ),
    ).toEqual(['Site name none → “Hall”', 'Day starts at 00:00 → 04:00', 'Language English → Deutsch']);
    expect(siteChanges({ siteName: 'A' }, { siteName: 'A' })).toEqual([]);
  });

  it('spaces: added, removed, renamed, moved, capacities, thresholds, doors and labels', () => {
    const before = {
      devices: [{ id: 1, label: 'Front' }],
      spaces: [
        { id: 'site', name: 'Hall', doors: [{ device: 1, side: 'in' as const }] },
        { id: 'cafe', name: 'Cafe', parent: 'site', capacity: 40, doors: [{ device: 2, side: 'in' as const }] },
        { id: 'pool', name: 'Pool', parent: 'site', doors: [] },
        { id: 'old', name: 'Old room', parent: 'site', doors: [] },
      ],
    };
    const after = {
      devices: [{ id: 1, label: 'Front door' }],
      spaces: [
        { id: 'site', name: 'Hall', doors: [{ device: 1, side: 'in' as const }] },
        { id: 'pool', name: 'Pool', parent: 'site', doors: [] },
        {
          id: 'cafe',
          name: 'Café',
          parent: 'pool',
          capacity: 45,
          nearlyFull: 0.9,
          doors: [
            { device: 2, side: 'out' as const },
            { device: 1, side: 'in' as const },
          ],
        },
        { id: 'sauna', name: 'Sauna', parent: 'pool', doors: [] },
      ],
    };
    expect(spacesChanges(before, after)).toEqual([
      'Device 1 label “Front” → “Front door”',
      'Space “Cafe” renamed “Café”',
      'Space “Café” moved from “Hall” to “Pool”',
      'Space “Café” capacity 40 → 45',
      'Space “Café” nearly full at the default (80 %) → 90 %',
      'Space “Café”: door 2 now IN leaves',
      'Space “Café”: door added, Front door (1), IN enters',
      'Space “Sauna” added inside “Pool”',
      'Space “Old room” removed',
    ]);
    expect(spacesChanges(before, before)).toEqual([]);
    expect(spacesChanges(before, { devices: before.devices })).toEqual(['Spaces removed: one space per device again']);
  });

  it('the public view', () => {
    const off = { enabled: false, spaces: [], showNumbers: false, allowOrigins: [] };
    expect(publicChanges(off, { ...off, enabled: true, spaces: ['site'] })).toEqual(['Public view turned on', 'Public spaces: site']);
  });
});
