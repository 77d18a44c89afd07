import { describe, expect, it } from 'vitest';
import { spacesSchema } from '@/shared/spaces';
import {
  addSpace,
  draftFromValue,
  draftProblems,
  draftValue,
  fieldKey,
  moveSpace,
  parentChoices,
  removeSpace,
  renameSpace,
  setLabel,
  slugFor,
  startSpaces,
  treeOrder,
  updateSpace,
} from './spaces-draft';

const VALUE = {
  devices: [{ id: 91, label: 'Main entrance' }],
  spaces: [
    { id: 'site', name: 'Hall', capacity: 400, doors: [{ device: 91, side: 'in' as const }] },
    { id: 'pool', name: 'Pool', parent: 'site', doors: [] },
    { id: 'cafe', name: 'Café', parent: 'site', capacity: 40, nearlyFull: 0.9, doors: [{ device: 93, side: 'out' as const }] },
    { id: 'sauna', name: 'Sauna', parent: 'pool', doors: [] },
  ],
};

const names = (d: ReturnType<typeof draftFromValue>) => treeOrder(d).map((r) => `${'  '.repeat(r.depth)}${r.space.name}`);

describe('the spaces draft', () => {
  it('round-trips the server’s value unchanged, and lists the account’s other devices for labels', () => {
    const draft = draftFromValue(VALUE, [{ id: 92, name: 'Side door' }]);
    expect(draft.devices.map((d) => [d.id, d.label])).toEqual([
      [91, 'Main entrance'],
      [92, ''],
    ]);
    expect(draftValue(draft)).toEqual(VALUE);
    expect(names(draft)).toEqual(['Hall', '  Pool', '    Sauna', '  Café']);
  });

  it('adds a space inside another, after its last descendant, with a unique id from its name', () => {
    const { draft, key } = addSpace(draftFromValue(VALUE), 's:pool', 'Sauna');
    expect(names(draft)).toEqual(['Hall', '  Pool', '    Sauna', '    Sauna', '  Café']);
    const added = draft.spaces.find((s) => s.key === key)!;
    expect(added).toMatchObject({ id: 'sauna-2', saved: false, parent: 's:pool' });
    expect(draftValue(draft).spaces?.map((s) => s.id)).toEqual(['site', 'pool', 'cafe', 'sauna', 'sauna-2']);
  });

  it('a new space’s id follows its name until an id is typed; a saved space’s id never changes', () => {
    const { draft, key } = addSpace(draftFromValue(VALUE), 's:site');
    const renamed = renameSpace(draft, key, 'Pool');
    expect(renamed.spaces.find((s) => s.key === key)?.id).toBe('pool-2');
    const typed = renameSpace(updateSpace(renamed, key, { id: 'lanes' }), key, 'Pool lanes');
    expect(typed.spaces.find((s) => s.key === key)).toMatchObject({ id: 'lanes', name: 'Pool lanes' });
    expect(renameSpace(draft, 's:cafe', 'Coffee').spaces.find((s) => s.key === 's:cafe')?.id).toBe('cafe');
  });

  it('removes a space, its children moving up to its parent; the root stays', () => {
    const draft = removeSpace(draftFromValue(VALUE), 's:pool');
    expect(names(draft)).toEqual(['Hall', '  Café', '  Sauna']);
    expect(removeSpace(draft, 's:site')).toBe(draft);
  });

  it('moves a space under another, never under itself or its own descendants', () => {
    const draft = draftFromValue(VALUE);
    expect(parentChoices(draft, 's:pool').map((s) => s.id)).toEqual(['site', 'cafe']);
    expect(names(moveSpace(draft, 's:cafe', 's:sauna'))).toEqual(['Hall', '  Pool', '    Sauna', '      Café']);
    expect(moveSpace(draft, 's:pool', 's:sauna')).toBe(draft);
  });

  it('sends numbers as numbers and a percentage as a fraction; labels trimmed, empty ones left out', () => {
    let draft = updateSpace(draftFromValue(VALUE), 's:cafe', { capacity: '45', nearlyFull: '75' });
    draft = setLabel(setLabel(draft, 91, '  Front  '), 91, ' Front ');
    const value = draftValue(draft);
    expect(value.spaces?.[2]).toMatchObject({ capacity: 45, nearlyFull: 0.75 });
    expect(value.devices).toEqual([{ id: 91, label: 'Front' }]);
    expect(draftValue(setLabel(draft, 91, ''))).toMatchObject({ devices: [] });
  });

  it('finds the server’s problems at their fields with the server’s own schema', () => {
    let draft = updateSpace(draftFromValue(VALUE), 's:cafe', { capacity: '-1', nearlyFull: '120' });
    draft = updateSpace(draft, 's:sauna', { id: 'pool', name: ' ' });
    const value = draftValue(draft);
    expect(spacesSchema.safeParse(value.spaces).success).toBe(false);
    expect(draftProblems(draft)).toEqual({
      's:cafe.capacity': 'Enter a whole number above 0, or leave it empty.',
      's:cafe.nearlyFull': 'Enter a percentage above 0 and below 100, such as 80.',
      's:sauna.id': '"pool" is the id of another space too',
      's:sauna.parent': '"pool" cannot be its own parent',
      's:sauna.name': 'Give the space a name.',
    });
    expect(draftProblems(draftFromValue(VALUE))).toEqual({});
  });

  it('a door without a device is named; the server’s field path maps to the draft’s field', () => {
    const draft = updateSpace(draftFromValue(VALUE), 's:pool', { doors: [{ device: '', side: 'in' }] });
    expect(draftProblems(draft)['s:pool.doors.0.device']).toBe('Choose the door’s device.');
    expect(fieldKey(draft, ['spaces', 2, 'doors', 0, 'device'])).toBe('s:cafe.doors.0.device');
    expect(fieldKey(draft, ['devices', 0, 'label'])).toBe('device:91');
    expect(fieldKey(draft, ['spaces'])).toBe('form');
  });

  it('slugs: accents dropped, unique, never empty', () => {
    expect(slugFor('Café & Bar', new Set())).toBe('cafe-bar');
    expect(slugFor('Café', new Set(['cafe', 'cafe-2']))).toBe('cafe-3');
    expect(slugFor('!!!', new Set())).toBe('space');
  });

  it('starts spaces for a site without any: the default tree, capacities moved to spaces, valid for the server', () => {
    const draft = startSpaces({ ...draftFromValue({ siteCapacity: 100, devices: [{ id: 91, label: 'Front', capacity: 30 }] }), siteCapacity: 100 }, 'Hall', [
      { id: 91, name: 'Front', capacity: 30 },
      { id: 92, name: 'Side', capacity: null },
    ]);
    expect(names(draft)).toEqual(['Hall', '  Front', '  Side']);
    const value = draftValue(draft);
    expect(value.siteCapacity).toBeUndefined();
    expect(value.spaces?.[0]).toMatchObject({ id: 'site', capacity: 100 });
    expect(spacesSchema.safeParse(value.spaces).success).toBe(true);
  });
});
