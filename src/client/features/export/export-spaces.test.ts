import { describe, expect, it } from 'vitest';
import { orderSpaces } from '@/shared/spaces';
import { exportSpaces } from './export-spaces';

// A building: the site with a street door (91) and a side door mounted the other way round (95);
// a café inside it (its door 92 seen from the café), and a pool hall with its own rooms.
const TREE = orderSpaces([
  {
    id: 'site',
    name: 'Riverside Leisure Centre',
    doors: [
      { device: 91, side: 'in' },
      { device: 95, side: 'out' },
    ],
  },
  {
    id: 'pool',
    name: 'Pool hall',
    parent: 'site',
    doors: [
      { device: 93, side: 'in' },
      { device: 94, side: 'out' },
    ],
  },
  { id: 'sauna', name: 'Sauna', parent: 'pool', doors: [{ device: 96, side: 'in' }] },
  { id: 'cafe', name: 'Café', parent: 'site', doors: [{ device: 92, side: 'in' }] },
]);

const DEVICES = [
  { id: 91, label: 'Main entrance' },
  { id: 92, label: 'Café door' },
  { id: 93, label: 'Pool entrance' },
  { id: 94, label: 'Pool exit' },
  { id: 95, label: 'Side door' },
];

describe('exportSpaces', () => {
  it('the tree in its order, with depths and each space’s doors named by their live names', () => {
    expect(exportSpaces(TREE, true, DEVICES)).toEqual([
      {
        id: 'site',
        name: 'Riverside Leisure Centre',
        depth: 0,
        doors: [
          { device: 91, label: 'Main entrance', side: 'in' },
          { device: 95, label: 'Side door', side: 'out' },
        ],
      },
      {
        id: 'pool',
        name: 'Pool hall',
        depth: 1,
        doors: [
          { device: 93, label: 'Pool entrance', side: 'in' },
          { device: 94, label: 'Pool exit', side: 'out' },
        ],
      },
      // 96 is not a live PRO device: the vendor would export nothing for it.
      { id: 'sauna', name: 'Sauna', depth: 2, doors: [] },
      { id: 'cafe', name: 'Café', depth: 1, doors: [{ device: 92, label: 'Café door', side: 'in' }] },
    ]);
  });

  it('without the live devices every configured door is kept, named by the site’s label or by its id', () => {
    expect(exportSpaces(TREE, true, null)?.find((s) => s.id === 'sauna')?.doors).toEqual([{ device: 96, label: 'Device 96', side: 'in' }]);
    expect(exportSpaces(TREE, true, null, new Map([[96, 'Sauna door']]))?.find((s) => s.id === 'sauna')?.doors).toEqual([
      { device: 96, label: 'Sauna door', side: 'in' },
    ]);
  });

  it('nothing to choose without configured spaces (the default tree is the devices again)', () => {
    expect(exportSpaces(TREE, false, DEVICES)).toBeNull();
    expect(exportSpaces(null, true, DEVICES)).toBeNull();
    expect(exportSpaces([], true, DEVICES)).toBeNull();
  });
});
