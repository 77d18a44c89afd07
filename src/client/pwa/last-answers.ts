// The dashboard's last /api/occupancy and /api/config answers, kept in this browser with the
// moment they arrived, so that a start without network shows them (marked offline, with their
// age) instead of nothing. Kept until sign-out or a 401, never past a day, never by the worker.
import type { z } from 'zod';
import { type Config, configSchema, type Occupancy, occupancySchema } from '@/shared/api-schema';

export type Kept = { occupancy: Occupancy; config: Config };
export type KeptKey = keyof Kept;

export interface KeptAnswer<T> {
  body: T;
  /** This device's Date.now() when the answer arrived (the dashboard's age counts from it). */
  receivedAt: number;
}

/** Older than this, an answer is yesterday's news (the day's counts restart): not shown, dropped. */
export const MAX_KEPT_AGE_MS = 24 * 60 * 60 * 1000;

const STORAGE_PREFIX = 'occupancy-live:last-answer:';
export const KEPT_KEYS: readonly KeptKey[] = ['occupancy', 'config'];
const schemas: { [K in KeptKey]: z.ZodType<Kept[K]> } = { occupancy: occupancySchema, config: configSchema };

export type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** localStorage, or null where it is blocked (then nothing is kept: the app works as before). */
export function browserStore(): Store | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/**
 * Once this page has forgotten (sign-out, a 401), it keeps nothing more: a poll answered between
 * the forgetting and the page's end must not write the person's numbers back.
 */
let stopped = false;

export function keep<K extends KeptKey>(key: K, answer: KeptAnswer<Kept[K]>, store: Store | null = browserStore()): void {
  if (stopped || store === null) return;
  try {
    store.setItem(STORAGE_PREFIX + key, JSON.stringify(answer));
  } catch {
    // Storage full or blocked: the next answer tries again.
  }
}

/**
 * The kept answer, if there is one this page may show at `now`: readable by this build's schema,
 * not from the future (a clock set back would make its age a lie) and at most MAX_KEPT_AGE_MS old.
 * Anything else is removed.
 */
export function readKept<K extends KeptKey>(key: K, now: number, store: Store | null = browserStore()): KeptAnswer<Kept[K]> | null {
  if (store === null) return null;
  let text: string | null;
  try {
    text = store.getItem(STORAGE_PREFIX + key);
  } catch {
    return null;
  }
  if (text === null) return null;
  const answer = parse(text, schemas[key]);
  if (answer !== null && answer.receivedAt <= now && now - answer.receivedAt <= MAX_KEPT_AGE_MS) return answer;
  try {
    store.removeItem(STORAGE_PREFIX + key);
  } catch {
    // blocked: it stays unread all the same
  }
  return null;
}

function parse<T>(text: string, schema: z.ZodType<T>): KeptAnswer<T> | null {
  try {
    const value = JSON.parse(text) as { body?: unknown; receivedAt?: unknown };
    const body = schema.safeParse(value.body);
    if (!body.success || typeof value.receivedAt !== 'number' || !Number.isFinite(value.receivedAt)) return null;
    return { body: body.data, receivedAt: value.receivedAt };
  } catch {
    return null;
  }
}

/** Removes every kept answer and keeps nothing more for the rest of this page's life. */
export function forgetKept(store: Store | null = browserStore()): void {
  stopped = true;
  if (store === null) return;
  for (const key of KEPT_KEYS) {
    try {
      store.removeItem(STORAGE_PREFIX + key);
    } catch {
      // blocked: nothing could have been kept either
    }
  }
}

/** For tests: a fresh page that has not forgotten. */
export function resetForTests(): void {
  stopped = false;
}
