// What a display may read: the live counts and the description of its own spaces only. The
// occupancy answer is filtered once per vendor answer and display, and its per-request head
// (age, staleness) spliced on, so a burst of polls costs one filter, as the unfiltered path does.
import type { Config, Occupancy, SpaceOccupancy } from '@/shared/api-schema';
import type { DisplayPrincipal } from '../auth/principal';
import type { OccupancyAnswer } from '../occupancy-service';

type Head = Pick<Occupancy, 'ageSeconds' | 'stale' | 'staleReason'>;
type Snapshot = Omit<Occupancy, keyof Head>;

const NO_COUNT = { in: 0, out: 0, occupancy: 0, capacity: null };

/**
 * The answer cut to the chosen spaces: those spaces (in the answer's order), the doors on their
 * boundaries, the unknown devices among those doors, and `total` = the root space when chosen,
 * else the first chosen space that exists.
 */
export function scopeOccupancy<T extends Snapshot>(body: T, chosen: readonly string[]): T {
  const ids = new Set(chosen);
  const spaces = body.spaces.filter((s) => ids.has(s.id));
  const byId = new Map(spaces.map((s) => [s.id, s]));
  const doors = new Set(spaces.flatMap((s) => s.doors.map((d) => d.device)));
  const main: SpaceOccupancy | undefined = spaces.find((s) => s.parent === null) ?? chosen.map((id) => byId.get(id)).find((s) => s !== undefined);
  return {
    ...body,
    total: main === undefined ? NO_COUNT : { in: main.in, out: main.out, occupancy: main.occupancy, capacity: main.capacity },
    devices: body.devices.filter((d) => doors.has(d.id)),
    spaces,
    unknownDevices: body.unknownDevices.filter((id) => doors.has(id)),
  };
}

interface Scoped {
  /** The display's spaces this was made for (a reload makes new arrays). */
  chosen: readonly string[];
  /** The snapshot's spaces array: the same object for every answer until the next vendor answer. */
  snapshot: readonly SpaceOccupancy[];
  /** The filtered answer without its head, as JSON. */
  rest: string;
  /** The head the last answer was made with (a stale reason: made anew each time, it is rare). */
  ageSeconds: number;
  stale: boolean;
  reasonless: boolean;
  json: string;
}

export function createOccupancyScope() {
  const byDisplay = new Map<string, Scoped>();
  return {
    /** The answer's JSON for a display: unchanged for a display of every space. */
    json(answer: OccupancyAnswer, display: DisplayPrincipal): string {
      const chosen = display.spaces;
      if (chosen === null) return answer.json;
      const cached = byDisplay.get(display.id);
      const { body } = answer;
      if (cached !== undefined && cached.chosen === chosen && cached.snapshot === body.spaces) {
        // Numbers compared, not the answer's text: that would copy the whole answer on every poll.
        if (body.staleReason === null && cached.reasonless && cached.ageSeconds === body.ageSeconds && cached.stale === body.stale) return cached.json;
        cached.ageSeconds = body.ageSeconds;
        cached.stale = body.stale;
        cached.reasonless = body.staleReason === null;
        cached.json = withHead(body, cached.rest);
        return cached.json;
      }
      const { ageSeconds, stale, staleReason, ...snapshot } = body;
      const rest = JSON.stringify(scopeOccupancy(snapshot, chosen));
      const scoped: Scoped = { chosen, snapshot: body.spaces, rest, ageSeconds, stale, reasonless: staleReason === null, json: withHead(body, rest) };
      byDisplay.set(display.id, scoped);
      return scoped.json;
    },
  };
}

function withHead(body: Head, rest: string): string {
  const head = JSON.stringify({ ageSeconds: body.ageSeconds, stale: body.stale, staleReason: body.staleReason });
  return `${head.slice(0, -1)},${rest.slice(1)}`;
}

/**
 * The site's description for a display: its spaces' names and doors only. Without configured
 * spaces the ids are the defaults (`site` for every door, `device-<id>` for one).
 */
export function scopeConfig(config: Config, chosen: readonly string[]): Config {
  const ids = new Set(chosen);
  if (config.spaces !== null) {
    const spaces = config.spaces.filter((s) => ids.has(s.id));
    const doors = new Set(spaces.flatMap((s) => s.doors.map((d) => d.device)));
    const root = config.spaces.find((s) => s.parent === null);
    return {
      ...config,
      siteCapacity: root !== undefined && ids.has(root.id) ? config.siteCapacity : null,
      devices: config.devices.filter((d) => doors.has(d.id)),
      spaces,
    };
  }
  const whole = ids.has('site');
  return {
    ...config,
    siteCapacity: whole ? config.siteCapacity : null,
    devices: whole ? config.devices : config.devices.filter((d) => ids.has(`device-${d.id}`)),
  };
}

const configMemo = new WeakMap<Config, Map<readonly string[], Config>>();

/** The config a principal may read: a display's scope, memoised per config and display. */
export function configFor(config: Config, display: DisplayPrincipal | null): Config {
  if (display === null || display.spaces === null) return config;
  let byChosen = configMemo.get(config);
  // Every reload of the directory makes new arrays: old entries are dropped now and then.
  if (byChosen === undefined || byChosen.size > 1000) configMemo.set(config, (byChosen = new Map<readonly string[], Config>()));
  let scoped = byChosen.get(display.spaces);
  if (scoped === undefined) byChosen.set(display.spaces, (scoped = scopeConfig(config, display.spaces)));
  return scoped;
}
