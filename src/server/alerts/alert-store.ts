// The alerts' rows in the store (migration 2): the engine's state per rule, the alert events staff
// see, and one delivery per alert and channel. Synchronous (better-sqlite3): an evaluation and its
// writes happen in one go. Bounded: old events and finished deliveries are pruned as new ones come.
import { type AlertEvent, type AlertLogEntry, alertEventSchema, type DeliveryStatus, type RecentAlert } from '@/shared/alerts-schema';
import { zonedIso } from '@/shared/zoned';
import type { Store } from '../store/store';
import type { EngineState, TargetState } from './engine';

/** Rows kept: well above what the screens show (50 recent alerts, 100 log lines). */
export const KEEP_EVENTS = 500;
export const KEEP_DELIVERIES = 500;

export interface DeliveryRow {
  id: number;
  event_id: number | null;
  at: string;
  channel_id: string;
  channel_type: string;
  body: string;
  status: DeliveryStatus;
  attempts: number;
  reason: string | null;
  attempted_at: string | null;
  next_attempt_at: string | null;
}

export interface NewDelivery {
  eventId: number | null;
  event: AlertEvent;
  channelId: string;
  channelType: 'webhook' | 'email';
  status: DeliveryStatus;
  attempts: number;
  reason: string | null;
  attemptedAt: Date | null;
  nextAttemptAt: Date | null;
}

export function createAlertStore(store: Store, timeZone: () => string) {
  const { sqlite } = store;
  const statements = {
    states: sqlite.prepare('select key, value from alert_state'),
    putState: sqlite.prepare(
      'insert into alert_state (key, value, updated_at) values (?, ?, ?) on conflict(key) do update set value = excluded.value, updated_at = excluded.updated_at',
    ),
    dropState: sqlite.prepare('delete from alert_state where key = ?'),
    addEvent: sqlite.prepare('insert into alert_event (at, body) values (?, ?)'),
    pruneEvents: sqlite.prepare('delete from alert_event where id <= (select id from alert_event order by id desc limit 1 offset ?)'),
    recent: sqlite.prepare('select id, body from alert_event where id > ? order by id desc limit ?'),
    addDelivery: sqlite.prepare(
      `insert into alert_delivery (event_id, at, channel_id, channel_type, body, status, attempts, reason, attempted_at, next_attempt_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    // A delivery still being retried is never pruned.
    pruneDeliveries: sqlite.prepare(
      "delete from alert_delivery where status != 'retrying' and id <= (select id from alert_delivery order by id desc limit 1 offset ?)",
    ),
    updateDelivery: sqlite.prepare('update alert_delivery set status = ?, attempts = ?, reason = ?, attempted_at = ?, next_attempt_at = ? where id = ?'),
    delivery: sqlite.prepare('select * from alert_delivery where id = ?'),
    due: sqlite.prepare("select * from alert_delivery where status = 'retrying' and next_attempt_at <= ? order by id"),
    nextDue: sqlite.prepare("select min(next_attempt_at) as next from alert_delivery where status = 'retrying'"),
    log: sqlite.prepare('select * from alert_delivery order by id desc limit ?'),
  };
  /** The JSON of each state as last written: only changed rows are written again. */
  const written = new Map<string, string>();

  return {
    /** Runs `fn` in one transaction (an evaluation's state and events together). */
    transaction(fn: () => void) {
      sqlite.transaction(fn)();
    },

    loadState(): Record<string, TargetState> {
      const state: Record<string, TargetState> = {};
      for (const row of statements.states.all() as { key: string; value: string }[]) {
        try {
          state[row.key] = JSON.parse(row.value) as TargetState;
          written.set(row.key, row.value);
        } catch {
          // A damaged row is forgotten: that rule starts over.
        }
      }
      return state;
    },

    /** Writes the states that changed and drops those of rules that are gone. */
    saveState(state: EngineState, now: Date) {
      const at = now.toISOString();
      sqlite.transaction(() => {
        for (const [key, value] of Object.entries(state)) {
          const json = JSON.stringify(value);
          if (written.get(key) === json) continue;
          statements.putState.run(key, json, at);
          written.set(key, json);
        }
        for (const key of [...written.keys()]) {
          if (key in state) continue;
          statements.dropState.run(key);
          written.delete(key);
        }
      })();
    },

    addEvent(event: AlertEvent, now: Date): number {
      const id = Number(statements.addEvent.run(now.toISOString(), JSON.stringify(event)).lastInsertRowid);
      statements.pruneEvents.run(KEEP_EVENTS);
      return id;
    },

    /** Newest first, at most `limit`, only those after `after`. */
    recent(after: number | undefined, limit: number): RecentAlert[] {
      const rows = statements.recent.all(after ?? 0, limit) as { id: number; body: string }[];
      return rows.flatMap((row) => {
        const parsed = alertEventSchema.safeParse(JSON.parse(row.body));
        return parsed.success ? [{ ...parsed.data, id: row.id }] : [];
      });
    },

    addDelivery(d: NewDelivery): number {
      const id = Number(
        statements.addDelivery.run(
          d.eventId,
          d.event.at,
          d.channelId,
          d.channelType,
          JSON.stringify(d.event),
          d.status,
          d.attempts,
          d.reason,
          d.attemptedAt?.toISOString() ?? null,
          d.nextAttemptAt?.toISOString() ?? null,
        ).lastInsertRowid,
      );
      statements.pruneDeliveries.run(KEEP_DELIVERIES);
      return id;
    },

    updateDelivery(id: number, u: { status: DeliveryStatus; attempts: number; reason: string | null; attemptedAt: Date; nextAttemptAt: Date | null }) {
      statements.updateDelivery.run(u.status, u.attempts, u.reason, u.attemptedAt.toISOString(), u.nextAttemptAt?.toISOString() ?? null, id);
    },

    delivery(id: number): DeliveryRow | undefined {
      return statements.delivery.get(id) as DeliveryRow | undefined;
    },

    /** Deliveries waiting for a retry whose time has come. */
    due(now: Date): DeliveryRow[] {
      return statements.due.all(now.toISOString()) as DeliveryRow[];
    },

    /** When the next retry is due, if any. */
    nextDue(): Date | null {
      const row = statements.nextDue.get() as { next: string | null } | undefined;
      return row?.next == null ? null : new Date(row.next);
    },

    /** The alert log: the newest deliveries first. */
    log(limit: number): AlertLogEntry[] {
      const zone = timeZone();
      const local = (iso: string | null) => (iso === null ? null : zonedIso(new Date(iso), zone));
      return (statements.log.all(limit) as DeliveryRow[]).map((row) => {
        const event = alertEventSchema.parse(JSON.parse(row.body));
        return {
          id: row.id,
          at: event.at,
          attemptedAt: local(row.attempted_at),
          channel: row.channel_id,
          channelType: row.channel_type === 'email' ? 'email' : 'webhook',
          rule: event.rule,
          ruleId: event.ruleId ?? null,
          text: event.text,
          resolved: event.resolved,
          status: row.status,
          attempts: row.attempts,
          reason: row.status === 'sent' ? null : row.reason,
          nextAttemptAt: row.status === 'retrying' ? local(row.next_attempt_at) : null,
        };
      });
    },
  };
}

export type AlertStore = ReturnType<typeof createAlertStore>;
