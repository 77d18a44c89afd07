// A display link's first open: the token from the URL's fragment is swapped for the HttpOnly
// display cookie, and the display's own settings are answered. Wrong tokens are limited per client.
import { Hono } from 'hono';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { displaySessionSchema } from '@/shared/display-schema';
import { notSomeone, principalOf } from '../access';
import type { AppDeps } from '../app-deps';
import { clientAddress, type RequestInfo } from '../client-info';
import { clearedDisplayCookie, displayCookie } from '../displays/display-cookie';
import { ApiHttpError } from '../http-error';
import { recordAudit } from '../store/audit';
import { meOf, readBody } from './session';

/** Wrong tokens one client may send in the window before it must wait. */
export const DISPLAY_TOKEN_FAILURES = 10;
export const DISPLAY_TOKEN_WINDOW_SECONDS = 15 * 60;

interface DisplaySessionDeps extends Pick<AppDeps, 'displays' | 'store' | 'demo'> {
  trustProxy: boolean;
  https: (c: RequestInfo) => boolean;
}

export function displaySessionRoutes(deps: DisplaySessionDeps) {
  const { displays } = deps;
  const wrongTokens = new RateLimiterMemory({
    points: DISPLAY_TOKEN_FAILURES,
    duration: DISPLAY_TOKEN_WINDOW_SECONDS,
    blockDuration: DISPLAY_TOKEN_WINDOW_SECONDS,
    keyPrefix: 'display-token',
  });
  const limited = (ms: number): never => {
    const seconds = Math.max(1, Math.ceil(ms / 1000));
    const minutes = Math.ceil(seconds / 60);
    throw Object.assign(new ApiHttpError(429, 'rate_limited', `Too many wrong display links. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`), {
      retryAfterSeconds: seconds,
    });
  };

  return new Hono()
    .post('/session', async (c) => {
      const client = clientAddress(c, deps.trustProxy) ?? 'unknown';
      const seen = await wrongTokens.get(client);
      if (seen !== null && seen.consumedPoints >= DISPLAY_TOKEN_FAILURES) limited(seen.msBeforeNext);
      const principal = principalOf(c);
      if (principal.kind === 'user') {
        // Otherwise this browser would read as the display from now on, its Settings out of reach.
        throw new ApiHttpError(
          409,
          'conflict',
          `This browser is signed in as ${principal.email}. Open the display link on the wall screen, or in a private window.`,
        );
      }
      const { token } = await readBody(c, displaySessionSchema);
      const display = displays.byToken(token);
      if (display === 'revoked') throw new ApiHttpError(401, 'display_revoked', 'This display link was revoked. Ask your administrator for a new one.');
      if (display === null) {
        const after = await wrongTokens.penalty(client, 1);
        if (after.consumedPoints >= DISPLAY_TOKEN_FAILURES) {
          await wrongTokens.block(client, DISPLAY_TOKEN_WINDOW_SECONDS);
          limited(DISPLAY_TOKEN_WINDOW_SECONDS * 1000);
        }
        throw new ApiHttpError(401, 'unauthorized', 'This display link is not known. Ask your administrator for a new one.');
      }
      c.header('Set-Cookie', displayCookie(token, deps.https(c)), { append: true });
      displays.cookieSent(display.id);
      displays.noteSeen(display.id);
      await recordAudit(deps.store, { actor: display, action: 'display.opened', target: display.name, detail: { id: display.id } });
      return c.json(meOf(display, deps.demo), 200);
    })
    .delete('/session', (c) => {
      // A browser that opened a display link by mistake becomes a browser again.
      c.header('Set-Cookie', clearedDisplayCookie(deps.https(c)), { append: true });
      return c.body(null, 204);
    })
    .get('/', (c) => {
      const principal = principalOf(c);
      if (principal.kind === 'nobody') throw notSomeone(c.get('revokedDisplay'), 'This screen has no display link.');
      if (principal.kind !== 'display') throw new ApiHttpError(403, 'forbidden', 'Only a display has display settings.');
      return c.json(meOf(principal, deps.demo), 200);
    });
}
