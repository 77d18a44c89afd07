import { describe, expect, it } from 'vitest';
import { makeOccupancy, makeSpacesOccupancy } from '@/client/test/fixtures';
import { countNodes, filterTree, type SpaceNodeView, sortTree, toDoorViews, toSpacesView } from './space-view';

const names = (nodes: readonly SpaceNodeView[]): unknown[] => nodes.map((n) => (n.children.length ? [n.label, names(n.children)] : n.label));

describe('toSpacesView', () => {
  it('puts the root aside as the site and hangs every other space under its parent, in the site’s order', () => {
    const view = toSpacesView(makeSpacesOccupancy());
    expect(view.configured).toBe(true);
    expect(view.root).toMatchObject({ id: 'site', label: 'Riverside Leisure Centre', occupancy: 140, capacity: 400, state: 'available' });
    expect(names(view.tree)).toEqual(['Library', 'Café', ['Pool hall', ['Sauna']], 'Gym', 'Office']);
    expect(view.count).toBe(6);
  });

  it('carries the server’s state, threshold and drift, and knows a space without any live door', () => {
    const { tree } = toSpacesView(makeSpacesOccupancy());
    const byId = new Map(tree.flatMap((n) => [n, ...n.children]).map((n) => [n.id, n]));
    expect(byId.get('cafe')).toMatchObject({ occupancy: 30, nearlyFull: 0.7, state: 'nearly_full', counted: true });
    expect(byId.get('sauna')).toMatchObject({ occupancy: 5, state: 'full' });
    expect(byId.get('library')).toMatchObject({ raw: -50, occupancy: 0, drift: 50 });
    expect(byId.get('office')).toMatchObject({ counted: false, state: 'unknown' });
  });

  it('without configured spaces: the site, and each door a space of its own named like the door', () => {
    const view = toSpacesView(makeOccupancy({ devices: [{ id: 92, name: '  ', in: 1, out: 0, raw: 1, occupancy: 1, corrected: 1, capacity: null }] }));
    expect(view.configured).toBe(false);
    expect(view.root?.id).toBe('site');
    expect(view.tree.map((n) => [n.id, n.label])).toEqual([['device-92', 'Device 92']]);
  });
});

describe('sortTree and filterTree', () => {
  const { tree } = toSpacesView(makeSpacesOccupancy());

  it('sorts siblings among themselves; a child never leaves its parent', () => {
    expect(names(sortTree(tree, 'name'))).toEqual(['Café', 'Gym', 'Library', 'Office', ['Pool hall', ['Sauna']]]);
    expect(names(sortTree(tree, 'occupancy'))).toEqual([['Pool hall', ['Sauna']], 'Café', 'Gym', 'Library', 'Office']);
    expect(names(sortTree(tree, 'site'))).toEqual(names(tree));
  });

  it('keeps a match with the parents above it, and a matching parent with all its children', () => {
    expect(names(filterTree(tree, ' SAUNA '))).toEqual([['Pool hall', ['Sauna']]]);
    expect(names(filterTree(tree, 'pool'))).toEqual([['Pool hall', ['Sauna']]]);
    expect(countNodes(filterTree(tree, 'y'))).toBe(2);
    expect(filterTree(tree, 'attic')).toEqual([]);
    expect(filterTree(tree, '  ')).toEqual(tree);
  });
});

describe('toDoorViews', () => {
  it('gives each door its traffic (IN, OUT, balance), health and the spaces it bounds, by name', () => {
    const doors = toDoorViews(makeSpacesOccupancy());
    expect(doors.map((d) => d.label)).toEqual([
      'Café door',
      'Gym inner door',
      'Gym street door',
      'Library door',
      'Main entrance',
      'Pool entrance',
      'Pool exit',
      'Sauna door',
    ]);
    expect(doors.find((d) => d.id === 92)).toMatchObject({ in: 90, out: 70, balance: 20, spaces: ['Riverside Leisure Centre', 'Gym'], health: null });
    expect(doors.find((d) => d.id === 93)).toMatchObject({ balance: -50 });
    expect(doors.find((d) => d.id === 95)?.health).toEqual({ kind: 'one_way', direction: 'in', count: 120 });
  });
});
