// The spaces and doors as the dashboard shows them, from the occupancy answer: the site (root),
// the tree of spaces under it (sorted and filtered among siblings), and each door's traffic.
import { byLabel, deviceLabel, nameCollator } from '@/client/lib/names';
import type { DeviceOccupancy, Occupancy, SpaceState } from '@/shared/api-schema';

export interface SpaceView {
  id: string;
  label: string;
  in: number;
  out: number;
  /** in − out; negative when the boundary counted more people leaving than entering. */
  raw: number;
  /** max(0, raw): what is shown. */
  occupancy: number;
  capacity: number | null;
  nearlyFull: number;
  /** The server's state by the shared capacity rule (`unknown`: no capacity, or no live count). */
  state: SpaceState;
  /** How many more left than entered, beyond counting noise (src/shared/door-health.ts); else null. */
  drift: number | null;
  /** At least one of its doors is in the vendor's answer: the number is a live count. */
  counted: boolean;
}

export interface SpaceNodeView extends SpaceView {
  children: SpaceNodeView[];
}

export interface SpacesView {
  /** The site: the hero. Undefined only for an answer without spaces (no devices). */
  root: SpaceView | undefined;
  /** The root's children, each with its own children: the gauges. */
  tree: SpaceNodeView[];
  /** Every space of the tree but the root. */
  count: number;
  configured: boolean;
}

export function toSpacesView(data: Pick<Occupancy, 'spaces' | 'spacesConfigured' | 'devices'>): SpacesView {
  const live = new Set(data.devices.map((d) => d.id));
  const nodes = new Map<string, SpaceNodeView>();
  let root: SpaceNodeView | undefined;
  for (const space of data.spaces) {
    // The default tree's spaces are doors (one device each) and are named like one.
    const device = !data.spacesConfigured && space.parent !== null && space.doors.length === 1 ? space.doors[0]!.device : undefined;
    const node: SpaceNodeView = {
      id: space.id,
      label: device === undefined ? space.name.trim() || space.id : deviceLabel({ id: device, name: space.name }),
      in: space.in,
      out: space.out,
      raw: space.raw,
      occupancy: space.occupancy,
      capacity: space.capacity,
      nearlyFull: space.nearlyFull,
      state: space.state,
      drift: space.drift,
      counted: space.doors.some((d) => live.has(d.device)),
      children: [],
    };
    nodes.set(space.id, node);
    if (space.parent === null) root ??= node;
    else nodes.get(space.parent)?.children.push(node);
  }
  return { root, tree: root?.children ?? [], count: Math.max(0, nodes.size - 1), configured: data.spacesConfigured };
}

/** `site`: the order of the site configuration (only with configured spaces). */
export type SpaceSort = 'site' | 'name' | 'occupancy';

const byName = (a: SpaceView, b: SpaceView) => nameCollator().compare(a.label, b.label) || a.id.localeCompare(b.id);

/** Siblings sorted among themselves; a child never leaves its parent. */
export function sortTree(nodes: readonly SpaceNodeView[], sort: SpaceSort): SpaceNodeView[] {
  const sorted = nodes.map((n) => ({ ...n, children: sortTree(n.children, sort) }));
  if (sort === 'name') sorted.sort(byName);
  if (sort === 'occupancy') sorted.sort((a, b) => b.occupancy - a.occupancy || byName(a, b));
  return sorted;
}

/**
 * The spaces whose name contains the query, each with the parents above it (shown for context);
 * a space that matches keeps its whole subtree.
 */
export function filterTree(nodes: readonly SpaceNodeView[], query: string): SpaceNodeView[] {
  const needle = query.trim().toLocaleLowerCase();
  if (!needle) return [...nodes];
  return nodes.flatMap((n) => {
    if (n.label.toLocaleLowerCase().includes(needle)) return [n];
    const children = filterTree(n.children, query);
    return children.length > 0 ? [{ ...n, children }] : [];
  });
}

export function countNodes(nodes: readonly SpaceNodeView[]): number {
  return nodes.reduce((sum, n) => sum + 1 + countNodes(n.children), 0);
}

export interface DoorView {
  id: number;
  label: string;
  in: number;
  out: number;
  /** IN − OUT: the door's traffic balance, signed. A door has no people inside. */
  balance: number;
  health: DeviceOccupancy['health'];
  /** The spaces this door is a boundary of, in tree order (the site's name for the root). */
  spaces: string[];
}

export function toDoorViews(data: Pick<Occupancy, 'devices' | 'spaces'>): DoorView[] {
  return data.devices
    .map((d) => {
      const label = deviceLabel(d);
      return {
        id: d.id,
        label,
        in: d.in,
        out: d.out,
        balance: d.raw,
        health: d.health,
        spaces: data.spaces.filter((s) => s.doors.some((door) => door.device === d.id)).map((s) => s.name),
      };
    })
    .sort(byLabel);
}
