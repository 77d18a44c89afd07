// Signing in and out, who am I, one's own password, the set-password link and the first-run setup.
// better-auth does the hashing and the sessions; these routes throttle, check and answer in our shape.
import { timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import { z } from 'zod';
import { type Me, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@/shared/api-schema';
import { LANGUAGES } from '@/shared/i18n/languages';
import { type Access, notSomeone, principalOf, requireSomeone } from '../access';
import { AccountError, type Accounts } from '../auth/accounts';
import type { Principal } from '../auth/principal';
import type { Throttle } from '../auth/sign-in-throttle';
import { clientAddress, type RequestInfo } from '../client-info';
import { ApiHttpError, badRequestFrom } from '../http-error';
import { recordAudit } from '../store/audit';
import type { Store } from '../store/store';

export interface SessionDeps {
  access: Access;
  accounts: Accounts;
  throttle: Throttle;
  store: Store;
  demo: boolean;
  trustProxy: boolean;
  https: (c: RequestInfo) => boolean;
  /** The one-time code printed in the log while no account exists (real key); null otherwise. */
  setupCode: () => string | null;
}

const email = z.string().trim().toLowerCase().email('is not an email address').max(254);
const password = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `needs at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH, `may have at most ${PASSWORD_MAX_LENGTH} characters`);

export const signInSchema = z.object({
  email: z.string().trim().min(1, 'is empty').max(254),
  password: z.string().min(1, 'is empty').max(PASSWORD_MAX_LENGTH),
});
export const changePasswordSchema = z.object({ currentPassword: z.string().min(1, 'is empty').max(PASSWORD_MAX_LENGTH), newPassword: password });
export const setPasswordSchema = z.object({ token: z.string().min(1, 'is empty').max(200), newPassword: password });
/** A person's own language; null goes back to the site's. */
export const localeSchema = z.object({ locale: z.enum(LANGUAGES).nullable() });
export const setupSchema = z.object({
  code: z.string().trim().min(1, 'is empty').max(40),
  name: z.string().trim().min(1, 'is empty').max(120),
  email,
  password,
});

/** Parses a JSON body with a schema; a bad field is a 400 naming it. */
export async function readBody<S extends z.ZodType>(c: { req: { json: () => Promise<unknown> } }, schema: S): Promise<z.output<S>> {
  let json: unknown;
  try {
    json = await c.req.json();
  } catch {
    throw new ApiHttpError(400, 'bad_request', 'The request body is not JSON.');
  }
  const result = schema.safeParse(json);
  if (!result.success) throw badRequestFrom(result.error, 'The request');
  return result.data;
}

export function meOf(principal: Principal, demo: boolean): Me | null {
  switch (principal.kind) {
    case 'user':
      return {
        kind: 'user',
        user: { id: principal.id, email: principal.email, name: principal.name, role: principal.role, locale: principal.locale ?? null },
        demo,
      };
    case 'display':
      return {
        kind: 'display',
        display: {
          id: principal.id,
          name: principal.name,
          spaces: principal.spaces,
          mode: principal.mode,
          theme: principal.theme,
          lang: principal.lang,
          chime: principal.chime,
        },
        demo,
      };
    case 'open':
      return { kind: 'open', demo };
    case 'nobody':
      return null;
  }
}

function rateLimited(seconds: number): never {
  const minutes = Math.ceil(seconds / 60);
  throw Object.assign(new ApiHttpError(429, 'rate_limited', `Too many failed attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`), {
    retryAfterSeconds: seconds,
  });
}

function codesMatch(given: string, expected: string): boolean {
  const a = Buffer.from(given.replace(/[\s-]/g, '').toUpperCase());
  const b = Buffer.from(expected.replace(/[\s-]/g, '').toUpperCase());
  return a.length === b.length && timingSafeEqual(a, b);
}

export function sessionRoutes(deps: SessionDeps) {
  const { accounts, throttle } = deps;
  return new Hono()
    .get('/me', (c) => {
      const me = meOf(principalOf(c), deps.demo);
      if (me === null && c.get('revokedDisplay')) throw notSomeone(true, '');
      if (me === null && deps.access.mode() === 'setup') {
        throw new ApiHttpError(401, 'setup_required', 'Occupancy Live is not set up yet: create the first administrator on the setup page.');
      }
      if (me === null) throw new ApiHttpError(401, 'unauthorized', 'Nobody is signed in on this browser.');
      return c.json(me, 200);
    })
    .post('/session', async (c) => {
      const body = await readBody(c, signInSchema);
      const client = clientAddress(c, deps.trustProxy);
      const wait = await throttle.waitSeconds(body.email, client);
      if (wait > 0) rateLimited(wait);
      try {
        const { user, setCookie } = await accounts.signIn(body.email, body.password, deps.https(c));
        await throttle.succeeded(body.email);
        for (const cookie of setCookie) c.header('Set-Cookie', cookie, { append: true });
        await recordAudit(deps.store, { actor: user, action: 'session.sign_in' });
        return c.json(meOf(user, deps.demo), 200);
      } catch (error) {
        if (error instanceof AccountError && error.kind === 'bad_credentials') {
          const after = await throttle.failed(body.email, client);
          if (after > 0) rateLimited(after);
          throw new ApiHttpError(401, 'bad_credentials', 'The email or password is wrong.');
        }
        throw error;
      }
    })
    .delete('/session', async (c) => {
      const cookies = await accounts.signOut(c.req.header('cookie') ?? '', deps.https(c));
      for (const cookie of cookies) c.header('Set-Cookie', cookie, { append: true });
      return c.body(null, 204);
    })
    .post('/me/password', requireSomeone, async (c) => {
      const principal = principalOf(c);
      if (principal.kind !== 'user') throw new ApiHttpError(403, 'forbidden', 'Only a signed-in person has a password to change.');
      const body = await readBody(c, changePasswordSchema);
      try {
        const cookies = await accounts.changePassword(c.req.header('cookie') ?? '', deps.https(c), body.currentPassword, body.newPassword);
        for (const cookie of cookies) c.header('Set-Cookie', cookie, { append: true });
      } catch (error) {
        if (error instanceof AccountError && error.kind === 'bad_credentials')
          throw new ApiHttpError(400, 'bad_request', 'The current password is wrong.', 'currentPassword');
        if (error instanceof AccountError && error.kind === 'bad_password') throw new ApiHttpError(400, 'bad_request', error.message, 'newPassword');
        throw error;
      }
      await recordAudit(deps.store, { actor: principal, action: 'person.password_changed', target: principal.email });
      return c.body(null, 204);
    })
    .put('/me/locale', requireSomeone, async (c) => {
      const principal = principalOf(c);
      if (principal.kind !== 'user') {
        throw new ApiHttpError(
          403,
          'forbidden',
          principal.kind === 'display'
            ? 'A display link has no language of its own to choose here: its link sets it.'
            : 'Only a signed-in person can choose their own language; the open demo speaks the site’s language.',
        );
      }
      const body = await readBody(c, localeSchema);
      await accounts.setLocale(principal.id, body.locale);
      return c.json(meOf({ ...principal, locale: body.locale }, deps.demo), 200);
    })
    .post('/set-password', async (c) => {
      const body = await readBody(c, setPasswordSchema);
      try {
        await accounts.setPassword(body.token, body.newPassword);
      } catch (error) {
        if (error instanceof AccountError && error.kind === 'bad_token') throw new ApiHttpError(400, 'bad_request', error.message, 'token');
        if (error instanceof AccountError && error.kind === 'bad_password') throw new ApiHttpError(400, 'bad_request', error.message, 'newPassword');
        throw error;
      }
      return c.body(null, 204);
    })
    .post('/setup', async (c) => {
      const code = deps.setupCode();
      if (deps.access.mode() !== 'setup' || code === null) {
        throw new ApiHttpError(409, 'conflict', 'Occupancy Live is already set up: sign in instead.');
      }
      const client = clientAddress(c, deps.trustProxy);
      const wait = await throttle.waitSeconds('setup', client);
      if (wait > 0) rateLimited(wait);
      const body = await readBody(c, setupSchema);
      if (!codesMatch(body.code, code)) {
        const after = await throttle.failed('setup', client);
        if (after > 0) rateLimited(after);
        throw new ApiHttpError(400, 'bad_request', 'The setup code is wrong: it is printed in the server log.', 'code');
      }
      await accounts.createUser({ email: body.email, name: body.name, role: 'admin', password: body.password });
      const { user, setCookie } = await accounts.signIn(body.email, body.password, deps.https(c));
      for (const cookie of setCookie) c.header('Set-Cookie', cookie, { append: true });
      await recordAudit(deps.store, { actor: user, action: 'setup.first_admin', target: user.email });
      return c.json(meOf(user, deps.demo), 201);
    });
}
