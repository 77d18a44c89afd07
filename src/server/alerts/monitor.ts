// The server's own watch: while any alert rule exists it asks the occupancy service once per cache
// period (the single-flight cache: no extra vendor call while screens poll) and judges every fresh
// answer, whoever asked for it. State, events and deliveries go to the store in one transaction.
import type { Logger } from 'pino';
import type { Occupancy } from '@/shared/api-schema';
import type { DisplayDirectory } from '../displays/display-directory';
import type { OccupancyService } from '../occupancy-service';
import type { SettingsService } from '../settings/settings-service';
import type { AlertStore } from './alert-store';
import type { Deliveries } from './deliveries';
import { type EngineState, type Observation, step } from './engine';

/** Asks this long after the cache expired (the next screen's poll may have asked already). */
const EXPIRY_MARGIN_MS = 100;
const MIN_WAIT_MS = 500;

export interface MonitorOptions {
  occupancy: Pick<OccupancyService, 'answer' | 'onFresh'>;
  settings: Pick<SettingsService, 'current' | 'subscribe'>;
  displays: Pick<DisplayDirectory, 'all'>;
  alertStore: AlertStore;
  deliveries: Pick<Deliveries, 'enqueue'>;
  /** Opening hours (src/server/hours/site-hours.ts): outside them nothing is sent. */
  isOpen: (at: Date) => boolean;
  now: () => Date;
  /** How often it asks on its own: CACHE_SECONDS. */
  periodMs: number;
  logger: Logger;
}

function toObservation(now: Date, answer: Occupancy | null, displays: MonitorOptions['displays']): Observation {
  return {
    now,
    answer:
      answer === null
        ? null
        : {
            stale: answer.stale,
            spaces: answer.spaces.map((s) => ({ id: s.id, name: s.name, occupancy: s.occupancy, capacity: s.capacity, nearlyFull: s.nearlyFull })),
            devices: answer.devices.map((d) => ({ id: d.id, name: d.name, in: d.in, out: d.out })),
          },
    displays: displays.all().map((d) => ({ id: d.id, name: d.name, lastSeen: d.lastSeen, revoked: d.revokedAt !== null })),
  };
}

export function createAlertMonitor(options: MonitorOptions) {
  const { occupancy, settings, alertStore, deliveries, now, logger } = options;
  let state: EngineState = alertStore.loadState();
  let timer: NodeJS.Timeout | null = null;
  let unsubscribe: (() => void)[] = [];
  let lastAnswer: Occupancy | null = null;

  const active = () => settings.current().alerts.rules.length > 0;

  /** Judges one answer (null: none to be had) now; returns the alerts it raised. */
  function evaluate(answer: Occupancy | null) {
    if (answer !== null) lastAnswer = answer;
    const current = settings.current();
    const at = now();
    const result = step(
      state,
      { rules: current.alerts.rules, isOpen: options.isOpen, timeZone: current.timezone, lang: current.locale },
      toObservation(at, answer, options.displays),
    );
    state = result.state;
    const raised: { id: number; channels: readonly string[]; event: (typeof result.fired)[number]['event'] }[] = [];
    alertStore.transaction(() => {
      alertStore.saveState(state, at);
      for (const fired of result.fired) raised.push({ id: alertStore.addEvent(fired.event, at), channels: fired.rule.channels, event: fired.event });
    });
    for (const alert of raised) {
      logger.info({ alert: alert.id, rule: alert.event.rule, ruleId: alert.event.ruleId ?? null, resolved: alert.event.resolved }, 'alert');
      deliveries.enqueue(alert.id, alert.event, alert.channels);
    }
    return raised.map((r) => r.event);
  }

  /** Newest vendor answer seen (its fetchedAt), from its own calls and from the hook. */
  let freshestMs = Number.NaN;
  const noteFetched = (answer: Occupancy) => {
    const ms = Date.parse(answer.fetchedAt);
    if (!answer.stale && !(ms <= freshestMs)) freshestMs = ms;
  };

  /**
   * Asks once, judges, and says when to ask next: just after the newest answer leaves the cache
   * (asking on a fixed beat would land inside the cache every other time and ask half as often).
   */
  async function tick(): Promise<number> {
    let answer: Occupancy | null;
    try {
      answer = (await occupancy.answer()).body;
      noteFetched(answer);
    } catch {
      // The vendor failing with nothing to show: that is what data_stale watches.
      answer = null;
    }
    try {
      if (active()) evaluate(answer);
    } catch (error) {
      // The store failing must not stop the watch (nor the process): said, and tried next time.
      logger.error({ err: { name: (error as Error).name, message: (error as Error).message } }, 'alert evaluation failed');
    }
    const untilExpiry = freshestMs + options.periodMs + EXPIRY_MARGIN_MS - now().getTime();
    // A stale or missing answer: the vendor's back-off decides; ask again a period later.
    if (answer === null || answer.stale || Number.isNaN(untilExpiry)) return options.periodMs;
    return Math.min(options.periodMs + EXPIRY_MARGIN_MS, Math.max(MIN_WAIT_MS, untilExpiry));
  }

  /** Bumped on every stop: a tick of a stopped run does not schedule another. */
  let run = 0;
  function loop(delayMs: number, of: number) {
    timer = setTimeout(() => {
      void tick().then((next) => {
        if (run === of && timer !== null) loop(next, of);
      });
    }, delayMs);
    timer.unref();
  }
  function halt() {
    run++;
    if (timer !== null) clearTimeout(timer);
    timer = null;
  }

  /** Runs while a rule exists; a change of the settings starts or stops it. */
  function reschedule() {
    if (active()) {
      if (timer !== null) return;
      loop(0, run);
    } else {
      halt();
      // Rules gone: so is what was remembered about them.
      if (Object.keys(state).length > 0) {
        state = {};
        alertStore.saveState(state, now());
      }
    }
  }

  return {
    start() {
      if (unsubscribe.length > 0) return;
      unsubscribe = [
        settings.subscribe(() => reschedule()),
        occupancy.onFresh((answer) => {
          noteFetched(answer);
          if (active()) evaluate(answer);
        }),
      ];
      reschedule();
    },
    stop() {
      for (const off of unsubscribe) off();
      unsubscribe = [];
      halt();
    },
    running: () => timer !== null,
    evaluate,
    tick,
    /** The last answer judged (PUT alerts checks device spaces against it). */
    lastAnswer: () => lastAnswer,
  };
}

export type AlertMonitor = ReturnType<typeof createAlertMonitor>;
