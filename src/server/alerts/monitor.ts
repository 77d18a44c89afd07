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
      { rules: current.alerts.rules, isOpen: options.isOpen, timeZone: current.timezone },
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

  async function tick() {
    let answer: Occupancy | null;
    try {
      answer = (await occupancy.answer()).body;
    } catch {
      // The vendor failing with nothing to show: that is what data_stale watches.
      answer = null;
    }
    if (active()) evaluate(answer);
  }

  /** Runs while a rule exists; a change of the settings starts or stops it. */
  function reschedule() {
    if (active()) {
      if (timer !== null) return;
      timer = setInterval(() => void tick(), options.periodMs);
      timer.unref();
      void tick();
    } else {
      if (timer !== null) clearInterval(timer);
      timer = null;
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
          if (active()) evaluate(answer);
        }),
      ];
      reschedule();
    },
    stop() {
      for (const off of unsubscribe) off();
      unsubscribe = [];
      if (timer !== null) clearInterval(timer);
      timer = null;
    },
    running: () => timer !== null,
    evaluate,
    tick,
    /** The last answer judged (PUT alerts checks device spaces against it). */
    lastAnswer: () => lastAnswer,
  };
}

export type AlertMonitor = ReturnType<typeof createAlertMonitor>;
