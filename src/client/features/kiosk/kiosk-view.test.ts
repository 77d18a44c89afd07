import { describe, expect, it } from 'vitest';
import { makeOccupancy } from '@/client/test/fixtures';
import { KIOSK_DEFAULTS, type KioskSettings } from './kiosk-params';
import { BUILDING, buildingOccupancy } from './kiosk-spaces-fixture';
import { chooseView } from './kiosk-view';

const settings = (s: Partial<KioskSettings> = {}): KioskSettings => ({ ...KIOSK_DEFAULTS, ...s });
const ids = (view: ReturnType<typeof chooseView>) => (view.kind === 'spaces' ? view.spaces.map((s) => s.id) : view.kind);

describe('what the kiosk shows', () => {
  it('without parameters: the spaces when they are configured, the doors when they are not', () => {
    // The site is the entrance sign above the cards, not a card of its own.
    expect(ids(chooseView(settings(), buildingOccupancy(), undefined))).toEqual(['library', 'cafe', 'pool', 'gym']);
    expect(chooseView(settings(), makeOccupancy(), undefined)).toMatchObject({ kind: 'doors', doors: [{ label: 'Garden door' }, {}, {}] });
  });

  it('before the first answer: what the config says, and nothing chosen at all while neither is in', () => {
    expect(chooseView(settings(), undefined, true)).toEqual({ kind: 'spaces', spaces: [], entranceSign: true });
    expect(chooseView(settings(), undefined, false)).toEqual({ kind: 'doors', doors: [] });
    expect(chooseView(settings(), undefined, undefined)).toEqual({ kind: 'waiting' });
    expect(chooseView(settings({ spaces: ['cafe'] }), undefined, undefined)).toEqual({ kind: 'spaces', spaces: [], entranceSign: false });
    expect(chooseView(settings({ mode: 'total', spaces: ['cafe'] }), undefined, undefined)).toEqual({ kind: 'total', space: null, spaceId: 'cafe' });
  });

  it('a door on no space of a configured site is named, with the spaces to choose instead', () => {
    const noGym = buildingOccupancy(
      BUILDING.filter((s) => s.id !== 'gym').map((s) => (s.id === 'site' ? { ...s, doors: [{ device: 91, side: 'in' as const }] } : s)),
    );
    expect(chooseView(settings({ devices: [95] }), noGym, true)).toEqual({
      kind: 'problem',
      lines: [
        'Door 95 is on the boundary of no space, so there are no people inside to show for it.',
        "Choose spaces instead, e.g. spaces=library,cafe. This site's spaces are: site, library, cafe, pool.",
      ],
    });
  });

  it('a device the account does not have is named as before, spaces or not', () => {
    expect(chooseView(settings({ devices: [92, 99] }), buildingOccupancy(), true)).toMatchObject({
      kind: 'problem',
      lines: ["Device 99 is not among this site's people counters.", "This site's counters are: 91, 92, 93, 94, 95."],
    });
  });

  it('a door on the boundary of two sibling rooms shows both', () => {
    const shared = buildingOccupancy(BUILDING.map((s) => (s.id === 'gym' ? { ...s, doors: [...s.doors, { device: 92, side: 'out' as const }] } : s)));
    expect(ids(chooseView(settings({ devices: [92] }), shared, true))).toEqual(['cafe', 'gym']);
  });
});
