// When may a wall screen call its numbers live? A kiosk must never show an old count as if it
// were current: past a few poll intervals without a confirmed answer the numbers are marked stale
// with their age, and past the outage limit the capacity sign goes neutral.

export type Freshness =
  /** First load, no answer yet and no failure yet. */
  | { kind: 'connecting' }
  | { kind: 'live'; ageSeconds: number }
  | { kind: 'stale'; ageSeconds: number }
  /** Too old to act on, or nothing ever arrived (ageSeconds null). */
  | { kind: 'unavailable'; ageSeconds: number | null };

export interface FreshnessInput {
  nowMs: number;
  /** This device's Date.now() when the last good answer arrived; undefined without data. */
  receivedAt: number | undefined;
  /** The server's age of that answer when it was sent (its cache age, or how long the vendor has failed). */
  ageAtReceipt: number;
  /** The server said the answer is its last good one, kept while the vendor fails. */
  serverStale: boolean;
  /** The latest request failed. */
  failing: boolean;
  staleAfterSeconds: number;
  outageSeconds: number;
}

/**
 * The age shown is the true age of the numbers: the server's age plus the time since receipt.
 * The limits apply to how long the numbers have gone unconfirmed: an answer the server calls
 * current (not stale) is confirmed at receipt, however old its cache is, so a server whose cache
 * period is longer than a few poll intervals does not make the screen flicker into "stale".
 */
export function judgeFreshness(input: FreshnessInput): Freshness {
  const { nowMs, receivedAt, ageAtReceipt, serverStale, failing, staleAfterSeconds, outageSeconds } = input;
  if (receivedAt === undefined) return failing ? { kind: 'unavailable', ageSeconds: null } : { kind: 'connecting' };
  const sinceReceipt = Math.max(0, nowMs - receivedAt) / 1000;
  const ageSeconds = ageAtReceipt + sinceReceipt;
  const unconfirmed = serverStale ? ageSeconds : sinceReceipt;
  if (unconfirmed >= outageSeconds) return { kind: 'unavailable', ageSeconds };
  if (unconfirmed >= staleAfterSeconds) return { kind: 'stale', ageSeconds };
  return { kind: 'live', ageSeconds };
}

/** "A few poll intervals", never less than ten seconds (a blip is not news on a wall). */
export const STALE_POLLS = 3;
export const MIN_STALE_AFTER_SECONDS = 10;

export function staleAfterSeconds(pollMs: number, serverPollMs: number | undefined): number {
  return Math.max(MIN_STALE_AFTER_SECONDS, (STALE_POLLS * Math.max(pollMs, serverPollMs ?? 0)) / 1000);
}
