// What a kiosk shows, decided from its settings and the occupancy answer: door cards (a site
// without spaces), space cards, one number with its entrance sign, or a message naming what in
// the link does not match the site. Pure, so each case is tested without rendering.
import { t } from '@/client/i18n/i18n';
import { byLabel, deviceLabel } from '@/client/lib/names';
import type { Occupancy, SpaceOccupancy } from '@/shared/api-schema';
import type { KioskSettings } from './kiosk-params';

export interface KioskDoor {
  id: number;
  label: string;
  /** max(0, IN − OUT): what a door shows on a site without spaces (each door is a room's entrance there). */
  occupancy: number;
  capacity: number | null;
}

export type KioskView =
  /** The numbers are not in yet, and the settings alone do not say which cards will show. */
  | { kind: 'waiting' }
  | { kind: 'doors'; doors: KioskDoor[] }
  /**
   * `entranceSign`: every space is shown (nothing chosen), so the screen is the building's own
   * and the site's entrance sign heads it; chosen spaces' cards each say their state themselves.
   */
  | { kind: 'spaces'; spaces: SpaceOccupancy[]; entranceSign: boolean }
  /** One number and its sign: a chosen space, or the whole site (`space` null) as `total` gives it. */
  | { kind: 'total'; space: SpaceOccupancy | null; spaceId: string | null }
  | { kind: 'problem'; lines: string[] };

/**
 * `configured`: whether the site has spaces configured, from the answer, else from the config
 * (undefined while neither is in).
 */
export function chooseView(settings: KioskSettings, data: Occupancy | undefined, configured: boolean | undefined): KioskView {
  const chosen = settings.spaces;
  if (settings.mode === 'total') {
    const spaceId = chosen?.[0] ?? null;
    if (spaceId === null || data === undefined) return { kind: 'total', space: null, spaceId };
    const { spaces, missing } = selectSpaces(data, [spaceId]);
    if (missing.length > 0) return { kind: 'problem', lines: unknownSpaceLines(data, missing) };
    return { kind: 'total', space: spaces[0] ?? null, spaceId };
  }
  if (chosen !== null) {
    if (data === undefined) return { kind: 'spaces', spaces: [], entranceSign: false };
    const { spaces, missing } = selectSpaces(data, chosen);
    if (missing.length > 0) return { kind: 'problem', lines: unknownSpaceLines(data, missing) };
    return { kind: 'spaces', spaces, entranceSign: false };
  }
  const withSpaces = data?.spacesConfigured ?? configured;
  if (withSpaces === undefined) return { kind: 'waiting' };
  if (data === undefined) return withSpaces ? { kind: 'spaces', spaces: [], entranceSign: settings.devices === 'all' } : { kind: 'doors', doors: [] };

  if (!withSpaces) {
    const { doors, missing } = selectDoors(data, settings.devices);
    if (missing.length > 0) return { kind: 'problem', lines: unknownDeviceLines(data, missing) };
    return { kind: 'doors', doors };
  }
  // With spaces, a door has no people inside: an old `devices=` link shows the rooms its doors lead into.
  // The building's entrance sign carries the site's number, so its rooms follow as the cards.
  if (settings.devices === 'all') return { kind: 'spaces', spaces: data.spaces.length > 1 ? data.spaces.slice(1) : data.spaces, entranceSign: true };
  const { spaces, missing, unbounded } = spacesOfDoors(data, settings.devices);
  if (missing.length > 0) return { kind: 'problem', lines: unknownDeviceLines(data, missing) };
  if (unbounded.length > 0) {
    return {
      kind: 'problem',
      lines: [
        t('kiosk.view.unbounded', { count: unbounded.length, ids: unbounded.join(', ') }),
        `${t('kiosk.view.chooseSpaces', { example: `spaces=${exampleIds(data)}` })} ${spaceList(data)}`,
      ],
    };
  }
  return { kind: 'spaces', spaces, entranceSign: false };
}

/** The doors to show: all (by name) or the chosen ones in the order given; `missing` are chosen ids the site does not have. */
export function selectDoors(data: Occupancy, devices: KioskSettings['devices']): { doors: KioskDoor[]; missing: number[] } {
  // The BFF has already applied the site's labels and capacities to its answer.
  const all = data.devices.map((d) => ({ id: d.id, label: deviceLabel(d), occupancy: d.occupancy, capacity: d.capacity }));
  if (devices === 'all') return { doors: all.sort(byLabel), missing: [] };
  const byId = new Map(all.map((d) => [d.id, d]));
  const doors: KioskDoor[] = [];
  const missing: number[] = [];
  for (const id of devices) {
    const door = byId.get(id);
    if (door) doors.push(door);
    else missing.push(id);
  }
  return { doors, missing };
}

/**
 * Whether any door of the space has a count in the answer (as the server decides `unknown`): a
 * space without one shows no number as if it were live, capacity or not.
 */
export function hasCount(space: SpaceOccupancy, data: Occupancy): boolean {
  return space.doors.some((door) => data.devices.some((d) => d.id === door.device));
}

/** The chosen spaces in the order given; `missing` are ids the site does not have. */
export function selectSpaces(data: Occupancy, ids: readonly string[]): { spaces: SpaceOccupancy[]; missing: string[] } {
  const byId = new Map(data.spaces.map((s) => [s.id, s]));
  const spaces: SpaceOccupancy[] = [];
  const missing: string[] = [];
  for (const id of ids) {
    const space = byId.get(id);
    if (space) spaces.push(space);
    else missing.push(id);
  }
  return { spaces, missing };
}

/**
 * For each door, the innermost space(s) whose boundary lists it: the room it leads into (a street
 * door of the gym bounds both the site and the gym; the gym is meant). Each space once, in the
 * order of the doors. `missing`: ids the site does not have; `unbounded`: doors of no space.
 */
export function spacesOfDoors(data: Occupancy, devices: readonly number[]): { spaces: SpaceOccupancy[]; missing: number[]; unbounded: number[] } {
  const depth = spaceDepths(data.spaces);
  const known = new Set(data.devices.map((d) => d.id));
  const spaces: SpaceOccupancy[] = [];
  const missing: number[] = [];
  const unbounded: number[] = [];
  for (const device of devices) {
    if (!known.has(device)) {
      missing.push(device);
      continue;
    }
    const bounded = data.spaces.filter((s) => s.doors.some((d) => d.device === device));
    if (bounded.length === 0) {
      unbounded.push(device);
      continue;
    }
    const deepest = Math.max(...bounded.map((s) => depth.get(s.id) ?? 0));
    for (const space of bounded) {
      if ((depth.get(space.id) ?? 0) === deepest && !spaces.includes(space)) spaces.push(space);
    }
  }
  return { spaces, missing, unbounded };
}

/** Depth in the tree (the root 0); the answer lists parents before their children. */
function spaceDepths(spaces: readonly SpaceOccupancy[]): Map<string, number> {
  const depth = new Map<string, number>();
  for (const space of spaces) depth.set(space.id, space.parent === null ? 0 : (depth.get(space.parent) ?? 0) + 1);
  return depth;
}

function spaceList(data: Occupancy): string {
  const ids = data.spaces.map((s) => s.id);
  return ids.length === 0 ? t('kiosk.view.noSpaces') : t('kiosk.view.spaceList', { ids: ids.join(', ') });
}

function exampleIds(data: Occupancy): string {
  const children = data.spaces.filter((s) => s.parent !== null).map((s) => s.id);
  return (children.length > 0 ? children : data.spaces.map((s) => s.id)).slice(0, 2).join(',') || 'cafe';
}

function unknownSpaceLines(data: Occupancy, missing: readonly string[]): string[] {
  const quoted = missing.map((id) => `“${id}”`);
  return [t('kiosk.view.unknownSpaces', { count: missing.length, ids: quoted.join(', ') }), spaceList(data)];
}

function unknownDeviceLines(data: Occupancy, missing: readonly number[]): string[] {
  const known = data.devices.map((d) => d.id).join(', ');
  return [t('kiosk.view.unknownDevices', { count: missing.length, ids: missing.join(', ') }), t('kiosk.view.deviceList', { ids: known })];
}
