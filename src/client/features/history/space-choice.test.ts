import { describe, expect, it } from 'vitest';
import { makeOccupancy } from '@/client/test/fixtures';
import german from '@/client/i18n/catalogs/de';
import germanHistory from '@/client/i18n/catalogs/de-history';
import { activate } from '@/client/i18n/i18n';
import { chosenOption, placeOf, spaceChoices, spaceInSentence } from './space-choice';
import { leisureOccupancy } from './spaces-fixture';

describe('spaceChoices', () => {
  it('without configured spaces: the whole site as before (every door summed, no space asked for), then the doors by name', () => {
    const choices = spaceChoices(makeOccupancy());
    expect(choices.configured).toBe(false);
    expect(choices.options.map((o) => [o.id, o.name, o.depth, o.param, o.device, o.occupancy])).toEqual([
      ['site', 'Whole site', 0, undefined, undefined, 37],
      ['device-92', 'Garden door', 1, 'device-92', 92, 0],
      ['device-91', 'Main entrance', 1, 'device-91', 91, 14],
      ['device-93', 'Side entrance', 1, 'device-93', 93, 35],
    ]);
  });

  it('names a door without a name by its id, as the dashboard does', () => {
    const choices = spaceChoices(makeOccupancy({ devices: [{ id: 97, name: ' ', in: 1, out: 0, raw: 1, occupancy: 1, corrected: 1, capacity: null }] }));
    expect(choices.options.map((o) => o.name)).toEqual(['Whole site', 'Device 97']);
  });

  it('with configured spaces: the tree in the server’s order with each depth, every space asked for by its id', () => {
    const choices = spaceChoices(leisureOccupancy());
    expect(choices.configured).toBe(true);
    expect(choices.options.map((o) => [o.id, o.name, o.label, o.depth, o.root, o.param, o.device, o.occupancy, o.capacity])).toEqual([
      ['site', 'Whole site', 'Whole site', 0, true, 'site', undefined, 112, 400],
      ['pool', 'Pool hall', 'Pool hall', 1, false, 'pool', undefined, 37, 60],
      ['changing', 'Changing rooms', 'Pool hall › Changing rooms', 2, false, 'changing', undefined, 6, null],
      ['gym', 'Gym', 'Gym', 1, false, 'gym', undefined, 12, 30],
    ]);
  });
});

describe('chosenOption', () => {
  const choices = spaceChoices(leisureOccupancy());
  it('finds the chosen space, and falls back to the site for none or one that is gone', () => {
    expect(chosenOption(choices, 'gym')?.name).toBe('Gym');
    expect(chosenOption(choices, null)?.id).toBe('site');
    expect(chosenOption(choices, 'sauna')?.id).toBe('site');
  });
});

describe('titles', () => {
  it('puts a space into a sentence with an article, except a numbered place or a name that has one', () => {
    expect(spaceInSentence('Pool hall')).toBe('the Pool hall');
    expect(spaceInSentence('Floor 2')).toBe('Floor 2');
    expect(spaceInSentence('The Lido')).toBe('The Lido');
  });

  it('tells the site, a space and a door apart; the article is English’s only', () => {
    const [site, pool] = spaceChoices(leisureOccupancy()).options;
    const door = spaceChoices(makeOccupancy()).options[2]!;
    expect(placeOf(site!)).toEqual({ kind: 'site', place: '' });
    expect(placeOf(pool!)).toEqual({ kind: 'space', place: 'the Pool hall' });
    expect(placeOf(door)).toEqual({ kind: 'door', place: 'the Main entrance' });
    activate('de', { ...german, ...germanHistory });
    expect(placeOf(pool!)).toEqual({ kind: 'space', place: 'Pool hall' });
  });
});
