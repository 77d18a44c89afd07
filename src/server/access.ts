// Who may see what, decided here for every request: the principal behind a request (a person's
// session, a display's cookie, the open demo, or nobody), the same-origin rule for every request
// that changes something, and the guards routes declare. The UI only follows.
import type { Context, MiddlewareHandler } from 'hono';
import type { Accounts } from './auth/accounts';
import { COOKIE_PREFIX } from './auth/accounts';
import { isAdmin, isStaff, NOBODY, OPEN, type Principal } from './auth/principal';
import { isHttps, type RequestInfo, requestHeader } from './client-info';
import { displayTokenOf } from './displays/display-cookie';
import { DISPLAY_COOKIE, type DisplayDirectory } from './displays/display-directory';
import { ApiHttpError } from './http-error';

declare module 'hono' {
  interface ContextVariableMap {
    principal: Principal;
    /** Nobody, because this browser's display link was revoked. */
    revokedDisplay: boolean;
  }
}

export type AccessMode = 'open' | 'setup' | 'accounts';

export interface AccessOptions {
  accounts: Accounts;
  displays: DisplayDirectory;
  demo: boolean;
  trustProxy: boolean;
  https: (c: RequestInfo) => boolean;
  /** Resolved once accounts from ADMIN_EMAIL / ADMIN_PASSWORD exist. */
  ready: Promise<void>;
  /** Tests of routes that are not about access: every request is this principal. */
  assume?: Principal;
}

export interface Resolved {
  principal: Principal;
  /** Cookies to send back (a refreshed session). */
  setCookie: string[];
  /** Nobody, because the browser's display cookie names a revoked link. */
  revokedDisplay?: boolean;
}

/** The 401 for a request that needs someone: display_revoked when a revoked link is why nobody is there. */
export function notSomeone(revokedDisplay: boolean | undefined, message: string): ApiHttpError {
  return revokedDisplay === true
    ? new ApiHttpError(401, 'display_revoked', 'This display link was revoked. Ask your administrator for a new one.')
    : new ApiHttpError(401, 'unauthorized', message);
}

const SESSION_COOKIE = `${COOKIE_PREFIX}.session_token`;

export function createAccess(options: AccessOptions) {
  const { accounts, displays } = options;
  let bootstrapped = false;
  void options.ready.then(() => (bootstrapped = true));

  const mode = (): AccessMode => (accounts.count() > 0 ? 'accounts' : options.demo ? 'open' : 'setup');

  const resolveWith = async (c: RequestInfo): Promise<Resolved> => {
    if (!bootstrapped) await options.ready;
    if (options.assume !== undefined) return { principal: options.assume, setCookie: [] };
    const header = requestHeader(c, 'cookie');
    let revoked = false;
    if (header !== undefined && header !== '') {
      if (header.includes(DISPLAY_COOKIE)) {
        const token = displayTokenOf(header);
        if (token !== null) {
          const display = displays.byToken(token);
          revoked = display === 'revoked';
          // Seen now; once a day the cookie goes out again, so a screen in use never reaches its 400 days.
          if (display !== null && display !== 'revoked') return { principal: display, setCookie: displays.polled(display.id, token, () => options.https(c)) };
        }
      }
      // A person signed in on a browser that once held a revoked display link is that person.
      if (header.includes(SESSION_COOKIE) && accounts.count() > 0) {
        const { principal, setCookie } = await accounts.sessionUser(header, options.https(c));
        if (principal !== null) return { principal, setCookie };
      }
    }
    // Nobody, and the routes that need someone say why: this browser's display link was revoked.
    if (revoked) return { principal: NOBODY, setCookie: [], revokedDisplay: true };
    return { principal: mode() === 'open' ? OPEN : NOBODY, setCookie: [] };
  };

  return {
    mode,
    resolve: resolveWith,
  };
}

export type Access = ReturnType<typeof createAccess>;

/** Paths answered while the server waits for its first account (real key, no account). */
const SETUP_PATHS = new Set(['/api/setup', '/api/me']);
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The host the browser addressed: the Host header, or a trusted proxy's X-Forwarded-Host. */
function requestHost(c: RequestInfo, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = requestHeader(c, 'x-forwarded-host');
    if (forwarded !== undefined && forwarded.trim() !== '')
      return forwarded
        .slice(forwarded.lastIndexOf(',') + 1)
        .trim()
        .toLowerCase();
  }
  return (requestHeader(c, 'host') ?? new URL(c.req.url).host).toLowerCase();
}

/** The origin the browser addressed (scheme and host), for links handed to people: the same rules as the same-origin check. */
export function requestOrigin(c: RequestInfo, trustProxy: boolean): string {
  return `${isHttps(c, trustProxy) ? 'https' : 'http'}://${requestHost(c, trustProxy)}`;
}

/** A state-changing request must come from a page of this very site (CSRF). */
export function sameOrigin(c: RequestInfo, trustProxy: boolean): boolean {
  const origin = requestHeader(c, 'origin');
  if (origin === undefined || origin === 'null') return false;
  try {
    return new URL(origin).host.toLowerCase() === requestHost(c, trustProxy);
  } catch {
    return false;
  }
}

/** Resolves the principal for every /api request and applies the setup and same-origin rules. */
export function accessMiddleware(access: Access, trustProxy: boolean, hasRoute: (method: string, path: string) => boolean): MiddlewareHandler {
  return async (c, next) => {
    // A method or path we do not answer changes nothing: it gets its 404/405, not a 403.
    if (!SAFE_METHODS.has(c.req.method) && hasRoute(c.req.method, c.req.path) && !sameOrigin(c, trustProxy)) {
      throw new ApiHttpError(403, 'forbidden', 'This request did not come from a page of this site, so it was refused.');
    }
    const { principal, setCookie, revokedDisplay } = await access.resolve(c);
    c.set('principal', principal);
    c.set('revokedDisplay', revokedDisplay === true);
    if (principal.kind === 'nobody' && access.mode() === 'setup' && !SETUP_PATHS.has(c.req.path)) {
      throw new ApiHttpError(401, 'setup_required', 'Occupancy Live is not set up yet: create the first administrator on the setup page.');
    }
    for (const cookie of setCookie) c.header('Set-Cookie', cookie, { append: true });
    await next();
  };
}

export function principalOf(c: Context): Principal {
  return c.get('principal') ?? NOBODY;
}

function guard(allowed: (p: Principal) => boolean): MiddlewareHandler {
  return async (c, next) => {
    const principal = principalOf(c);
    if (principal.kind === 'nobody') throw notSomeone(c.get('revokedDisplay'), 'Sign in to see this.');
    if (!allowed(principal)) throw new ApiHttpError(403, 'forbidden', 'You are not allowed to do this. Ask an administrator.');
    await next();
  };
}

/** The dashboard's data, history and export: people (staff, admins) and the open demo. */
export const requireStaff = guard(isStaff);
/** Settings: admins (and the open demo). */
export const requireAdmin = guard(isAdmin);
/** What a kiosk needs as well as people: the live counts and the site's description. */
export const requireStaffOrDisplay = guard((p) => isStaff(p) || p.kind === 'display');
/** Anyone who is someone (a person, a display, the open demo). */
export const requireSomeone = guard(() => true);
