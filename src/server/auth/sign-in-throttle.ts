// Failed sign-ins (and setup codes) are throttled per account and per client address, in memory
// (rate-limiter-flexible): a few wrong passwords lock that account's sign-in for a while wherever
// they come from, and one address guessing across many accounts is stopped too.
import type { RateLimiterRes } from 'rate-limiter-flexible';
import { RateLimiterMemory } from 'rate-limiter-flexible';

export const ACCOUNT_FAILURES = 5;
export const CLIENT_FAILURES = 20;
export const THROTTLE_SECONDS = 15 * 60;

export interface Throttle {
  /** Seconds to wait before another try is allowed, or 0. */
  waitSeconds(email: string, client: string | null): Promise<number>;
  /** A failed try; returns the seconds to wait now (0 while tries are left). */
  failed(email: string, client: string | null): Promise<number>;
  succeeded(email: string): Promise<void>;
}

export function createSignInThrottle(): Throttle {
  const options = { duration: THROTTLE_SECONDS, blockDuration: THROTTLE_SECONDS };
  const perAccount = new RateLimiterMemory({ ...options, points: ACCOUNT_FAILURES, keyPrefix: 'account' });
  const perClient = new RateLimiterMemory({ ...options, points: CLIENT_FAILURES, keyPrefix: 'client' });
  const accountKey = (email: string) => email.trim().toLowerCase();
  const clientKey = (client: string | null) => client ?? 'unknown';

  const wait = (res: RateLimiterRes | null, points: number) =>
    res !== null && res.consumedPoints >= points ? Math.max(1, Math.ceil(res.msBeforeNext / 1000)) : 0;

  return {
    async waitSeconds(email, client) {
      const [a, c] = await Promise.all([perAccount.get(accountKey(email)), perClient.get(clientKey(client))]);
      return Math.max(wait(a, ACCOUNT_FAILURES), wait(c, CLIENT_FAILURES));
    },
    async failed(email, client) {
      const results = await Promise.all([perAccount.penalty(accountKey(email), 1), perClient.penalty(clientKey(client), 1)]);
      // Once at the limit, block for the whole period from now.
      if (results[0].consumedPoints >= ACCOUNT_FAILURES) await perAccount.block(accountKey(email), THROTTLE_SECONDS);
      if (results[1].consumedPoints >= CLIENT_FAILURES) await perClient.block(clientKey(client), THROTTLE_SECONDS);
      return this.waitSeconds(email, client);
    },
    async succeeded(email) {
      await perAccount.delete(accountKey(email));
    },
  };
}
