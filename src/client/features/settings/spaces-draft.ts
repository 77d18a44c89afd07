// The spaces editor's state and its edits, as pure functions: a draft of the spaces-and-doors tree
// (number fields kept as typed), the edits the screen offers, the value sent to the server, and
// the problems found with the same schema the server uses, each placed at its field.
import { activeLanguage, t } from '@/client/i18n/i18n';
import type { AdminSpacesValue } from '@/shared/admin-settings-schema';
import { type DeviceSpaceDefaults, defaultSpaces, type DoorSide, type SpaceConfig, spacesSchema } from '@/shared/spaces';

export interface DraftDoor {
  /** The device id as typed or chosen ('' until chosen). */
  device: string;
  side: DoorSide;
}

export interface DraftSpace {
  /** Stable while editing (the id may still change for a new space). */
  key: string;
  id: string;
  /** True once the space is saved: its id is then fixed (history, displays and links name it). */
  saved: boolean;
  /** A new space's id follows its name until someone types an id. */
  idEdited?: boolean;
  name: string;
  /** The parent's key; null for the root (the site). */
  parent: string | null;
  capacity: string;
  /** Percent, as typed ('' for the default, 80 %). */
  nearlyFull: string;
  doors: DraftDoor[];
}

export interface DraftDevice {
  id: number;
  label: string;
  /** Kept as they were: the editor does not change them. */
  capacity?: number;
  timezone?: string;
}

export interface SpacesDraft {
  spaces: DraftSpace[];
  devices: DraftDevice[];
  siteCapacity?: number;
  /** For new keys. */
  nextKey: number;
}

/** The draft of what the server holds; the site without configured spaces starts from the default tree when asked. */
export function draftFromValue(value: AdminSpacesValue, accountDevices: readonly { id: number; name: string }[] = []): SpacesDraft {
  const known = new Map(value.devices.map((d) => [d.id, d]));
  const devices: DraftDevice[] = value.devices.map((d) => ({ ...d, label: d.label ?? '' }));
  for (const d of accountDevices) if (!known.has(d.id)) devices.push({ id: d.id, label: '' });
  devices.sort((a, b) => a.id - b.id);
  const spaces = (value.spaces ?? []).map((s) => toDraftSpace(s, true));
  const byId = new Map(spaces.map((s) => [s.id, s.key]));
  for (const [i, s] of spaces.entries()) s.parent = value.spaces?.[i]?.parent === undefined ? null : (byId.get(value.spaces[i].parent) ?? null);
  return { spaces, devices, ...(value.siteCapacity === undefined ? {} : { siteCapacity: value.siteCapacity }), nextKey: 1 };
}

function toDraftSpace(space: SpaceConfig, saved: boolean): DraftSpace {
  return {
    key: `s:${space.id}`,
    id: space.id,
    saved,
    name: space.name,
    parent: null,
    capacity: space.capacity === undefined ? '' : String(space.capacity),
    nearlyFull: space.nearlyFull === undefined ? '' : String(Math.round(space.nearlyFull * 100)),
    doors: space.doors.map((d) => ({ device: String(d.device), side: d.side })),
  };
}

/** Spaces for a site that has none yet: the default tree (the site, a space per device), not yet saved. */
export function startSpaces(draft: SpacesDraft, siteName: string, devices: readonly DeviceSpaceDefaults[]): SpacesDraft {
  const tree = defaultSpaces({ name: siteName, capacity: draft.siteCapacity ?? null }, devices);
  const spaces = tree.map((s) => toDraftSpace(s, false));
  const root = spaces[0]!;
  for (const s of spaces.slice(1)) s.parent = root.key;
  // Capacities belong to spaces once there are spaces: the site's and the devices' move there.
  const { siteCapacity: _moved, ...rest } = draft;
  return { ...rest, spaces, devices: draft.devices.map(({ capacity: _c, ...d }) => d) };
}

/** A readable id from a name: lower case, digits, dashes; unique among the others. */
export function slugFor(name: string, taken: ReadonlySet<string>): string {
  const base =
    name
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 32) || 'space';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

export function addSpace(draft: SpacesDraft, parentKey: string, name = t('settings.spaces.newSpace')): { draft: SpacesDraft; key: string } {
  const key = `n:${draft.nextKey}`;
  const id = slugFor(name, new Set(draft.spaces.map((s) => s.id)));
  const space: DraftSpace = { key, id, saved: false, name, parent: parentKey, capacity: '', nearlyFull: '', doors: [] };
  // Placed after the parent's last descendant, so the list reads as the tree.
  const order = treeOrder(draft);
  const parentAt = order.findIndex((row) => row.space.key === parentKey);
  let end = parentAt + 1;
  while (end < order.length && order[end]!.depth > (order[parentAt]?.depth ?? 0)) end++;
  const insertAfter = order[end - 1]?.space.key;
  const at = draft.spaces.findIndex((s) => s.key === insertAfter) + 1;
  const spaces = [...draft.spaces.slice(0, at), space, ...draft.spaces.slice(at)];
  return { draft: { ...draft, spaces, nextKey: draft.nextKey + 1 }, key };
}

/** Removes a space (never the root); its children move up to its parent. */
export function removeSpace(draft: SpacesDraft, key: string): SpacesDraft {
  const space = draft.spaces.find((s) => s.key === key);
  if (space === undefined || space.parent === null) return draft;
  return {
    ...draft,
    spaces: draft.spaces.filter((s) => s.key !== key).map((s) => (s.parent === key ? { ...s, parent: space.parent } : s)),
  };
}

/** The spaces a space may move into: any but itself and its own descendants. */
export function parentChoices(draft: SpacesDraft, key: string): DraftSpace[] {
  const below = descendants(draft, key);
  return draft.spaces.filter((s) => s.key !== key && !below.has(s.key));
}

export function moveSpace(draft: SpacesDraft, key: string, parentKey: string): SpacesDraft {
  const space = draft.spaces.find((s) => s.key === key);
  if (space === undefined || space.parent === null || !parentChoices(draft, key).some((s) => s.key === parentKey)) return draft;
  return updateSpace(draft, key, { parent: parentKey });
}

/** A new name; a new space's id follows it until an id was typed. */
export function renameSpace(draft: SpacesDraft, key: string, name: string): SpacesDraft {
  const space = draft.spaces.find((s) => s.key === key);
  if (space === undefined) return draft;
  if (space.saved || space.idEdited === true) return updateSpace(draft, key, { name });
  const taken = new Set(draft.spaces.filter((s) => s.key !== key).map((s) => s.id));
  return updateSpace(draft, key, { name, id: slugFor(name, taken) });
}

export function updateSpace(draft: SpacesDraft, key: string, patch: Partial<Omit<DraftSpace, 'key' | 'saved'>>): SpacesDraft {
  if (patch.id !== undefined && patch.name === undefined) patch = { ...patch, idEdited: true };
  return { ...draft, spaces: draft.spaces.map((s) => (s.key === key ? { ...s, ...patch } : s)) };
}

export function setLabel(draft: SpacesDraft, id: number, label: string): SpacesDraft {
  return { ...draft, devices: draft.devices.map((d) => (d.id === id ? { ...d, label } : d)) };
}

function descendants(draft: SpacesDraft, key: string): Set<string> {
  const found = new Set<string>();
  let grew = true;
  while (grew) {
    grew = false;
    for (const s of draft.spaces) {
      if (s.parent !== null && (s.parent === key || found.has(s.parent)) && !found.has(s.key)) {
        found.add(s.key);
        grew = true;
      }
    }
  }
  return found;
}

export interface TreeRow {
  space: DraftSpace;
  depth: number;
}

/** Root first, then depth-first in the list's order; spaces whose parent is lost come last at depth 1. */
export function treeOrder(draft: SpacesDraft): TreeRow[] {
  const children = new Map<string | null, DraftSpace[]>();
  for (const s of draft.spaces) children.set(s.parent, [...(children.get(s.parent) ?? []), s]);
  const rows: TreeRow[] = [];
  const seen = new Set<string>();
  const visit = (s: DraftSpace, depth: number) => {
    if (seen.has(s.key)) return;
    seen.add(s.key);
    rows.push({ space: s, depth });
    for (const child of children.get(s.key) ?? []) visit(child, depth + 1);
  };
  for (const root of children.get(null) ?? []) visit(root, 0);
  for (const s of draft.spaces) if (!seen.has(s.key)) visit(s, 1);
  return rows;
}

const numberOrText = (text: string): number | string | undefined => {
  const t = text.trim();
  if (t === '') return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : t;
};

/** What is sent to PUT /api/admin/settings/spaces; number fields that are not numbers are sent as typed, for the schema to name. */
export function draftValue(draft: SpacesDraft): AdminSpacesValue {
  const idOf = new Map(draft.spaces.map((s) => [s.key, s.id]));
  const devices = draft.devices
    .map((d) => ({
      id: d.id,
      ...(d.label.trim() === '' ? {} : { label: d.label.trim() }),
      ...(d.capacity === undefined ? {} : { capacity: d.capacity }),
      ...(d.timezone === undefined ? {} : { timezone: d.timezone }),
    }))
    .filter((d) => Object.keys(d).length > 1);
  const base = { ...(draft.siteCapacity === undefined ? {} : { siteCapacity: draft.siteCapacity }), devices };
  if (draft.spaces.length === 0) return base;
  const spaces = draft.spaces.map((s) => {
    const capacity = numberOrText(s.capacity);
    const percent = numberOrText(s.nearlyFull);
    return {
      id: s.id.trim(),
      name: s.name.trim(),
      ...(s.parent === null ? {} : { parent: idOf.get(s.parent) ?? s.parent }),
      ...(capacity === undefined ? {} : { capacity }),
      ...(percent === undefined ? {} : { nearlyFull: typeof percent === 'number' ? Math.round(percent * 100) / 10_000 : percent }),
      doors: s.doors.map((d) => ({ device: numberOrText(d.device) ?? '', side: d.side })),
    };
  });
  return { ...base, spaces: spaces as SpaceConfig[] };
}

/** Problems by field, keyed `<space key>.<field>` (such as `n:3.doors.0.device`) or `form`. */
export type DraftProblems = Record<string, string>;

/** The server's field path (spaces.3.doors.0.device) as the draft's field key. */
export function fieldKey(draft: SpacesDraft, path: readonly (string | number)[]): string {
  if (path[0] === 'spaces' && typeof path[1] === 'number') {
    const space = draft.spaces[path[1]];
    if (space !== undefined) {
      const rest = path.slice(2);
      // A percent field: the schema speaks of the fraction.
      return [space.key, ...(rest.length === 0 ? ['name'] : rest)].join('.');
    }
  }
  if (path[0] === 'devices' && typeof path[1] === 'number') {
    const device = draftValue(draft).devices[path[1]];
    if (device !== undefined) return `device:${device.id}`;
  }
  return 'form';
}

const spacesValueSchema = spacesSchema;

/** The same checks as the server's (the shared schema), placed at the draft's fields. */
export function draftProblems(draft: SpacesDraft): DraftProblems {
  const problems: DraftProblems = {};
  const value = draftValue(draft);
  draft.spaces.forEach((s) => {
    if (s.nearlyFull.trim() === '') return;
    const n = Number(s.nearlyFull);
    if (!Number.isFinite(n) || n <= 0 || n >= 100) problems[`${s.key}.nearlyFull`] = t('settings.spaces.problem.percent');
  });
  draft.spaces.forEach((s) => {
    if (s.name.trim() === '') problems[`${s.key}.name`] = t('settings.spaces.problem.nameEmpty');
  });
  draft.spaces.forEach((s) =>
    s.doors.forEach((d, i) => {
      if (d.device.trim() === '') problems[`${s.key}.doors.${i}.device`] = t('settings.spaces.problem.chooseDevice');
    }),
  );
  if (value.spaces === undefined) return problems;
  const checked = spacesValueSchema.safeParse(value.spaces);
  if (!checked.success) {
    for (const issue of checked.error.issues) {
      const key = fieldKey(draft, ['spaces', ...(issue.path as (string | number)[])]);
      if (key.endsWith('.nearlyFull')) continue;
      problems[key] ??= issueWords(key, issue.code, issue.message);
    }
  }
  return problems;
}

/**
 * The shared schema's rule in the screen's words, by the field and the kind of issue. The tree's
 * own checks (an id used twice, a parent that is no space) name ids: in English their message is
 * shown as the schema says it, in another language the field's own sentence.
 */
function issueWords(key: string, code: string, message: string): string {
  if (code === 'custom' && activeLanguage() === 'en') return message;
  const field = key.split('.').at(-1) ?? '';
  if (key === 'form') return t('settings.spaces.problem.tree');
  if (field === 'name') return code === 'too_big' ? t('settings.spaces.problem.nameLength') : t('settings.spaces.problem.nameEmpty');
  if (field === 'id') return code === 'custom' ? t('settings.spaces.problem.idTaken') : t('settings.spaces.problem.idFormat');
  if (field === 'capacity') return t('settings.spaces.problem.capacity');
  if (field === 'parent') return t('settings.spaces.problem.parent');
  if (field === 'device') return code === 'custom' ? t('settings.spaces.problem.deviceTwice') : t('settings.spaces.problem.chooseDevice');
  return t('settings.alerts.problem.invalid');
}
