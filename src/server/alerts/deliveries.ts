// One delivery per alert and channel, each on its own: a failing or hanging channel never delays
// another. Failed attempts are retried with back-off (30 s, 2 min, 10 min, 30 min, then failed);
// the rows live in the store, so a restart carries on with the retries it had.
import type { Logger } from 'pino';
import type { AlertEvent, AlertTestResult, ChannelConfig } from '@/shared/alerts-schema';
import type { AlertStore, DeliveryRow } from './alert-store';
import { DeliveryError, type Sender } from './channels';

export const RETRY_DELAYS_MS = [30_000, 120_000, 600_000, 1_800_000] as const;
/** A timer never fires sooner than this after the last (a clock that stands still must not spin). */
const MIN_WAIT_MS = 1_000;

export interface DeliveriesOptions {
  alertStore: AlertStore;
  sender: Sender;
  /** The channels as configured now: a retry uses the channel's current settings. */
  channels: () => readonly ChannelConfig[];
  now: () => Date;
  logger: Logger;
  retryDelaysMs?: readonly number[];
}

export function createDeliveries(options: DeliveriesOptions) {
  const { alertStore, sender, now, logger } = options;
  const delays = options.retryDelaysMs ?? RETRY_DELAYS_MS;
  const inFlight = new Map<number, Promise<void>>();
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;

  const reasonOf = (error: unknown) => (error instanceof DeliveryError ? error.message : 'could not send');

  function attempt(row: DeliveryRow): Promise<void> {
    const running = inFlight.get(row.id);
    if (running !== undefined) return running;
    const channel = options.channels().find((c) => c.id === row.channel_id);
    const run = (async () => {
      const event = JSON.parse(row.body) as AlertEvent;
      let reason: string | null = null;
      try {
        if (channel === undefined) throw new DeliveryError('the channel was removed from the settings');
        await sender.send(channel, event);
      } catch (error) {
        reason = reasonOf(error);
      }
      const attempts = row.attempts + 1;
      const at = now();
      if (reason === null) {
        alertStore.updateDelivery(row.id, { status: 'sent', attempts, reason: null, attemptedAt: at, nextAttemptAt: null });
        logger.info({ delivery: row.id, channel: row.channel_id, attempts }, 'alert sent');
        return;
      }
      const delay = channel === undefined ? undefined : delays[attempts - 1];
      const next = delay === undefined ? null : new Date(at.getTime() + delay);
      alertStore.updateDelivery(row.id, { status: next === null ? 'failed' : 'retrying', attempts, reason, attemptedAt: at, nextAttemptAt: next });
      logger.warn(
        { delivery: row.id, channel: row.channel_id, attempts, reason, retryAt: next?.toISOString() ?? null },
        next === null ? 'alert not delivered: gave up' : 'alert not delivered: will retry',
      );
    })()
      .catch((error: unknown) => {
        // The store failing: the row stays as it was and is tried again when due.
        logger.error({ delivery: row.id, err: { name: (error as Error).name, message: (error as Error).message } }, 'alert delivery could not be recorded');
      })
      .finally(() => {
        inFlight.delete(row.id);
        schedule();
      });
    inFlight.set(row.id, run);
    return run;
  }

  /** One timer, for the next retry that is due. */
  function schedule() {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (stopped) return;
    const next = alertStore.nextDue();
    if (next === null) return;
    timer = setTimeout(() => void pump(), Math.max(MIN_WAIT_MS, next.getTime() - now().getTime()));
    timer.unref();
  }

  /** Tries every delivery whose time has come (each on its own); settles when those attempts have. */
  async function pump(): Promise<void> {
    const started = alertStore.due(now()).map((row) => attempt(row));
    if (started.length === 0) schedule();
    await Promise.all(started);
  }

  return {
    /** One delivery per channel of the rule, tried at once. */
    enqueue(eventId: number, event: AlertEvent, channelIds: readonly string[]) {
      const channels = options.channels();
      for (const id of channelIds) {
        const channel = channels.find((c) => c.id === id);
        const rowId = alertStore.addDelivery({
          eventId,
          event,
          channelId: id,
          channelType: channel?.type ?? 'webhook',
          status: 'retrying',
          attempts: 0,
          reason: null,
          attemptedAt: null,
          nextAttemptAt: now(),
        });
        const row = alertStore.delivery(rowId);
        if (row !== undefined) void attempt(row);
      }
    },
    pump,
    /** Settles when every attempt under way has (tests). */
    async settled(): Promise<void> {
      while (inFlight.size > 0) await Promise.all([...inFlight.values()]);
    },
    /** A test message through a channel as entered: one attempt, logged, never retried. */
    async test(channel: ChannelConfig, event: AlertEvent): Promise<AlertTestResult> {
      let reason: string | null = null;
      try {
        await sender.send(channel, event);
      } catch (error) {
        reason = reasonOf(error);
      }
      const at = now();
      alertStore.addDelivery({
        eventId: null,
        event,
        channelId: channel.id,
        channelType: channel.type,
        status: reason === null ? 'sent' : 'failed',
        attempts: 1,
        reason,
        attemptedAt: at,
        nextAttemptAt: null,
      });
      return { ok: reason === null, reason };
    },
    /** Picks up the retries a previous run left in the store. */
    start() {
      stopped = false;
      void pump();
    },
    stop() {
      stopped = true;
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
  };
}

export type Deliveries = ReturnType<typeof createDeliveries>;
