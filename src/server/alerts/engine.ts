// The alert rules as a pure function: (state, rules, one observation) → (new state, alerts). No
// clock, store or network here: the monitor feeds it and keeps its state (docs in README § alerts).
import { type AlertEvent, REARM_POINTS, type RuleConfig } from '@/shared/alerts-schema';
import { readCapacity } from '@/shared/occupancy-math';
import { zonedIso } from '@/shared/zoned';
import type { Language } from '@/shared/i18n/languages';
import { alertWords } from './alert-words';

export interface EngineSpace {
  id: string;
  name: string;
  occupancy: number;
  capacity: number | null;
  /** Share of capacity from which the space is nearly full (already defaulted to 0.8). */
  nearlyFull: number;
}

export interface EngineDevice {
  id: number;
  name: string | null;
  in: number;
  out: number;
}

export interface EngineDisplay {
  id: string;
  name: string;
  /** ISO instant of its last poll; null: never polled (not watched). */
  lastSeen: string | null;
  revoked: boolean;
}

export interface Observation {
  now: Date;
  /** The occupancy answer; null when there is none at all (the vendor failing, nothing kept). */
  answer: { stale: boolean; spaces: readonly EngineSpace[]; devices: readonly EngineDevice[] } | null;
  displays: readonly EngineDisplay[];
}

export interface EngineContext {
  rules: readonly RuleConfig[];
  /** Opening hours: outside them nothing is sent and silence is not counted. */
  isOpen: (at: Date) => boolean;
  timeZone: string;
  /** The site's language: alert texts are written in it when they are made. */
  lang: Language;
}

/** A capacity rule: armed until it fires, armed again once the count fell REARM_POINTS below. */
export interface CapacityState {
  kind: 'capacity';
  armed: boolean;
  lastFiredMs: number | null;
}

/** A rule that fires after a condition lasted `minutes` of open time. */
export interface TimedState {
  kind: 'timed';
  /** What resets the count when it changes: a door's in+out, a display's last poll. */
  mark: number | string | null;
  /** Open time the condition has lasted so far. */
  openMs: number;
  firing: boolean;
  lastFiredMs: number | null;
  lastEvalMs: number;
}

export type TargetState = CapacityState | TimedState;
/** Keyed by ruleKey (and "/display-id" for a rule over every display). */
export type EngineState = Readonly<Record<string, TargetState>>;

export interface Fired {
  key: string;
  rule: RuleConfig;
  event: AlertEvent;
}

/** Longest gap over which open time is counted (a server down longer counts a week at most). */
const MAX_GAP_MS = 7 * 24 * 3600_000;
const SAMPLE_MS = 60_000;

/** A rule's stable key: its id, or its type and target (a second such rule gets "#2"). */
export function ruleKeys(rules: readonly RuleConfig[]): string[] {
  const seen = new Map<string, number>();
  return rules.map((rule) => {
    if (rule.id !== undefined) return `id:${rule.id}`;
    const target =
      rule.type === 'nearly_full' || rule.type === 'full'
        ? rule.space
        : rule.type === 'door_silent'
          ? String(rule.device)
          : rule.type === 'display_offline'
            ? (rule.display ?? '*')
            : '';
    const base = `${rule.type}:${target}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}#${n}`;
  });
}

/** Milliseconds of [fromMs, toMs) during which the site was open, sampled once a minute. */
export function openTimeBetween(isOpen: (at: Date) => boolean, fromMs: number, toMs: number): number {
  if (!(toMs > fromMs)) return 0;
  const start = Math.max(fromMs, toMs - MAX_GAP_MS);
  if (toMs - start <= SAMPLE_MS) return isOpen(new Date(toMs)) ? toMs - start : 0;
  let total = 0;
  for (let t = start; t < toMs; t += SAMPLE_MS) {
    const end = Math.min(t + SAMPLE_MS, toMs);
    if (isOpen(new Date((t + end) / 2))) total += end - t;
  }
  return total;
}

const cooledDown = (lastFiredMs: number | null, rule: RuleConfig, nowMs: number) =>
  lastFiredMs === null || nowMs - lastFiredMs >= rule.cooldownMinutes * 60_000;

export function step(state: EngineState, context: EngineContext, observation: Observation): { state: Record<string, TargetState>; fired: Fired[] } {
  const { now, answer, displays } = observation;
  const { lang } = context;
  const nowMs = now.getTime();
  const open = context.isOpen(now);
  const at = zonedIso(now, context.timeZone);
  const next: Record<string, TargetState> = {};
  const fired: Fired[] = [];
  const live = answer !== null && !answer.stale ? answer : null;
  const base = (rule: RuleConfig) => ({ rule: rule.type, ...(rule.id === undefined ? {} : { ruleId: rule.id }), at });
  const plain = { space: null, spaceName: null, occupancy: null, capacity: null };

  /**
   * Advances a timed rule. `reset`: the condition is not (or no longer) holding, or its mark moved;
   * the open time then starts again (from `sinceMs` when known). Otherwise the open time since the
   * last look is added. Returns what happened now, if anything.
   */
  const timed = (key: string, rule: RuleConfig & { minutes: number }, reset: boolean, mark: TimedState['mark'], sinceMs?: number) => {
    const before = state[key]?.kind === 'timed' ? state[key] : null;
    const after: TimedState = {
      kind: 'timed',
      mark,
      openMs:
        reset || before === null
          ? sinceMs === undefined
            ? 0
            : openTimeBetween(context.isOpen, sinceMs, nowMs)
          : before.openMs + openTimeBetween(context.isOpen, before.lastEvalMs, nowMs),
      firing: before?.firing ?? false,
      lastFiredMs: before?.lastFiredMs ?? null,
      lastEvalMs: nowMs,
    };
    let change: 'fired' | 'resolved' | null = null;
    if (reset && after.firing) {
      after.firing = false;
      // Outside hours it ends quietly: nothing is sent while closed.
      change = open ? 'resolved' : null;
    }
    if (!after.firing && open && after.openMs >= rule.minutes * 60_000 && cooledDown(after.lastFiredMs, rule, nowMs)) {
      after.firing = true;
      after.lastFiredMs = nowMs;
      change = 'fired';
    }
    next[key] = after;
    return change;
  };
  /**
   * Nothing to judge by (a stale answer for a door): kept as it was. The next live answer judges
   * the whole time since (a door whose in+out is still the same was silent throughout).
   */
  const hold = (key: string) => {
    const before = state[key];
    if (before !== undefined) next[key] = before;
  };

  const keys = ruleKeys(context.rules);
  context.rules.forEach((rule, index) => {
    const key = keys[index]!;
    switch (rule.type) {
      case 'nearly_full':
      case 'full': {
        const before = state[key]?.kind === 'capacity' ? state[key] : { kind: 'capacity' as const, armed: true, lastFiredMs: null };
        next[key] = before;
        const space = live?.spaces.find((s) => s.id === rule.space);
        // Stale counts, a missing space or one without capacity: nothing to judge by.
        if (space === undefined || space.capacity === null || space.capacity <= 0) return;
        const ratio = rule.type === 'full' ? 1 : space.nearlyFull;
        const threshold = ratio * space.capacity;
        const rearmAt = (ratio - REARM_POINTS / 100) * space.capacity;
        const level = readCapacity(space.occupancy, space.capacity, space.nearlyFull)?.state ?? 'available';
        const event = (resolved: boolean): Fired => {
          const words =
            rule.type === 'full' ? (resolved ? alertWords.fullResolved : alertWords.full) : resolved ? alertWords.nearlyFullResolved : alertWords.nearlyFull;
          return {
            key,
            rule,
            event: {
              ...base(rule),
              space: space.id,
              spaceName: space.name,
              occupancy: space.occupancy,
              capacity: space.capacity,
              state: level,
              text: words(lang, space.name, space.occupancy, space.capacity!),
              resolved,
            },
          };
        };
        if (before.armed && space.occupancy >= threshold - 1e-9 && open && cooledDown(before.lastFiredMs, rule, nowMs)) {
          next[key] = { kind: 'capacity', armed: false, lastFiredMs: nowMs };
          fired.push(event(false));
        } else if (!before.armed && space.occupancy <= rearmAt + 1e-9) {
          next[key] = { ...before, armed: true };
          if (open) fired.push(event(true));
        }
        return;
      }
      case 'door_silent': {
        if (live === null) return hold(key);
        const device = live.devices.find((d) => d.id === rule.device);
        const before = state[key]?.kind === 'timed' ? state[key] : null;
        // A door missing from the answer counts nothing: silent, its last mark kept.
        const mark = device === undefined ? (before?.mark ?? null) : device.in + device.out;
        const change = timed(key, rule, before === null || before.mark !== mark, mark);
        if (change === null) return;
        fired.push({
          key,
          rule,
          event: {
            ...base(rule),
            ...plain,
            state: change === 'fired' ? 'silent' : 'counting',
            text:
              change === 'fired'
                ? alertWords.doorSilent(lang, device?.name ?? null, rule.device, rule.minutes)
                : alertWords.doorSilentResolved(lang, device?.name ?? null, rule.device),
            resolved: change === 'resolved',
          },
        });
        return;
      }
      case 'data_stale': {
        const change = timed(key, rule, live !== null, null);
        if (change === null) return;
        fired.push({
          key,
          rule,
          event: {
            ...base(rule),
            ...plain,
            state: change === 'fired' ? 'stale' : 'live',
            text: change === 'fired' ? alertWords.dataStale(lang, rule.minutes) : alertWords.dataStaleResolved(lang),
            resolved: change === 'resolved',
          },
        });
        return;
      }
      case 'display_offline': {
        const watched = displays.filter((d) => !d.revoked && d.lastSeen !== null && (rule.display === undefined || d.id === rule.display));
        for (const display of watched) {
          const target = rule.display === undefined ? `${key}/${display.id}` : key;
          const before = state[target]?.kind === 'timed' ? state[target] : null;
          // Every poll moves the mark: the silence is then counted from that poll.
          const change = timed(target, rule, before === null || before.mark !== display.lastSeen, display.lastSeen, Date.parse(display.lastSeen!));
          if (change !== null) fired.push(displayEvent(target, rule, display.name, change === 'fired'));
        }
        return;
      }
    }
  });
  return { state: next, fired };

  function displayEvent(key: string, rule: RuleConfig & { minutes: number }, name: string, firing: boolean): Fired {
    return {
      key,
      rule,
      event: {
        ...base(rule),
        ...plain,
        state: firing ? 'offline' : 'online',
        text: firing ? alertWords.displayOffline(lang, name, rule.minutes) : alertWords.displayOfflineResolved(lang, name),
        resolved: !firing,
      },
    };
  }
}
