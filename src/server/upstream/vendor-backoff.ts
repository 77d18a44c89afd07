// When the vendor may be called again after a failure. One instance serves the whole server: a
// rejected key blocks every action (the key is account-wide), other failures block only the action
// that failed (getoccupancy and downloadcsv fail independently at the vendor, e.g. a CSV export
// timing out must not freeze the live screens), each with its own exponential back-off.
import type { UpstreamError } from './upstream-error';

export type VendorAction = 'getoccupancy' | 'downloadcsv';

export interface VendorBackoffOptions {
  now: () => Date;
  /** The first wait after a failure: the cache period, so a failing vendor sees no more calls than a healthy one. */
  baseMs: number;
  /** The longest wait, however many failures in a row. */
  maxMs: number;
  /** The fixed wait after a rejected key (AUTH_BACKOFF_SECONDS). */
  authMs: number;
  /** [0, 1); injectable so tests can pin the jitter. */
  random?: () => number;
}

export interface VendorBlock {
  /** When the failure happened: a clock that stepped back before it ends the block (it would otherwise last for the step). */
  sinceMs: number;
  untilMs: number;
  error: UpstreamError;
}

export interface VendorBackoff {
  /** The block in force for `action` at `nowMs`, or null when a call may go. */
  blocked(action: VendorAction, nowMs?: number): VendorBlock | null;
  /** The last failure of `action` since its last success, even once its wait is over. */
  lastFailure(action: VendorAction): UpstreamError | null;
  /** Records a failed call; returns the wait it starts, in ms (0 for an answer that is not a failure). */
  failed(action: VendorAction, error: UpstreamError, nowMs?: number): number;
  succeeded(action: VendorAction): void;
  /** Forgets every failure and block (the simulator's faults cleared in tests). */
  reset(): void;
}

/** ± this share of the wait, so several servers (or actions) do not retry in step. */
export const BACKOFF_JITTER = 0.2;
/** A Retry-After beyond this is treated as this: a broken header must not stop the dashboard for a day. */
export const RETRY_AFTER_CEILING_MS = 60 * 60_000;

/** Vendor answers that are not failures of the vendor: nothing to back off from. */
const NOT_FAILURES = new Set<UpstreamError['code']>(['no_data', 'no_pro_devices']);

/** Whole seconds until `untilMs`, rounded up (what a Retry-After header says). */
export const secondsUntil = (untilMs: number, nowMs: number) => Math.max(0, Math.ceil((untilMs - nowMs) / 1000));

export function createVendorBackoff(options: VendorBackoffOptions): VendorBackoff {
  const random = options.random ?? Math.random;
  const nowMs = () => options.now().getTime();
  let auth: VendorBlock | null = null;
  const lanes = new Map<VendorAction, { failures: number; block: VendorBlock }>();

  /** The n-th failure in a row waits base·2^(n−1), ±20 %, within [base, max]; at least the vendor's Retry-After. */
  function waitMs(failures: number, retryAfterMs: number | null): number {
    const raw = Math.min(options.maxMs, options.baseMs * 2 ** Math.min(failures - 1, 30));
    const jittered = Math.min(options.maxMs, Math.max(options.baseMs, raw * (1 + BACKOFF_JITTER * (2 * random() - 1))));
    return retryAfterMs === null ? jittered : Math.max(jittered, Math.min(retryAfterMs, RETRY_AFTER_CEILING_MS));
  }

  return {
    blocked(action, at = nowMs()) {
      const lane = lanes.get(action);
      const candidates = [auth, lane?.block].filter((b): b is VendorBlock => b !== null && b !== undefined && at >= b.sinceMs && at < b.untilMs);
      if (candidates.length === 0) return null;
      return candidates.reduce((a, b) => (b.untilMs > a.untilMs ? b : a));
    },
    lastFailure(action) {
      return lanes.get(action)?.block.error ?? null;
    },
    failed(action, error, at = nowMs()) {
      if (NOT_FAILURES.has(error.code)) return 0;
      if (error.code === 'upstream_auth') {
        auth = { sinceMs: at, untilMs: at + options.authMs, error };
        lanes.set(action, { failures: lanes.get(action)?.failures ?? 0, block: { sinceMs: at, untilMs: at, error } });
        return options.authMs;
      }
      const failures = (lanes.get(action)?.failures ?? 0) + 1;
      const wait = waitMs(failures, error.retryAfterMs);
      lanes.set(action, { failures, block: { sinceMs: at, untilMs: at + wait, error } });
      return wait;
    },
    succeeded(action) {
      lanes.delete(action);
      // The key was accepted: whatever blocked it is over.
      auth = null;
    },
    reset() {
      lanes.clear();
      auth = null;
    },
  };
}

/** The error to answer during a block: the remembered one, saying when the server tries again. */
export function blockedError(block: VendorBlock, nowMs: number): UpstreamError {
  return block.error.withRetryIn(secondsUntil(block.untilMs, nowMs));
}
