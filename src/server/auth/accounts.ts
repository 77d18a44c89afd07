// People's accounts through better-auth (password hashing, sessions, reset tokens): it is called
// server-side only; its own HTTP handler is not mounted, so our routes decide who may do what and
// answer in our error shape. Two instances share the store: one sets Secure cookies (https), one
// does not (plain http on a LAN); the request picks. Origins are checked centrally (access.ts).
import { randomBytes } from 'node:crypto';
import { type BetterAuthOptions, betterAuth } from 'better-auth';
import { APIError } from 'better-auth/api';
import { admin } from 'better-auth/plugins';
import type { Logger } from 'pino';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@/shared/api-schema';
import { isLanguage, type Language } from '@/shared/i18n/languages';
import type { Store } from '../store/store';
import type { Role, UserPrincipal } from './principal';

export const PASSWORD_MIN = PASSWORD_MIN_LENGTH;
export const PASSWORD_MAX = PASSWORD_MAX_LENGTH;
/** A set-password link is valid this long. */
export const PASSWORD_LINK_SECONDS = 24 * 60 * 60;
export const SESSION_DAYS = 30;
/** How long a looked-up session is trusted before it is read again (removal and sign-out clear it at once). */
const SESSION_CACHE_MS = 10_000;
export const COOKIE_PREFIX = 'occupancy';

export interface SignInResult {
  user: UserPrincipal;
  setCookie: string[];
}

export type CreatedUser = { id: string; email: string; name: string; role: Role };

export interface AccountsOptions {
  store: Store;
  secret: string;
  logger: Logger;
  now?: () => number;
}

/** better-auth's options for our store (exported for the test that checks our migration against them). */
export function authOptions(store: Store, secret: string, secure: boolean, logger: Logger, capture: Map<string, string>) {
  return {
    appName: 'Occupancy Live',
    // Only used to build URLs, which we do not use: links are made by our routes.
    baseURL: secure ? 'https://occupancy.invalid' : 'http://occupancy.invalid',
    secret,
    database: store.sqlite,
    telemetry: { enabled: false },
    rateLimit: { enabled: false },
    logger: {
      log: (level, message) => {
        if (level === 'error') logger.error({ component: 'auth' }, message);
        else if (level === 'warn') logger.warn({ component: 'auth' }, message);
        else logger.debug({ component: 'auth' }, message);
      },
    },
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: PASSWORD_MIN,
      maxPasswordLength: PASSWORD_MAX,
      resetPasswordTokenExpiresIn: PASSWORD_LINK_SECONDS,
      revokeSessionsOnPasswordReset: true,
      // No e-mail is sent: the admin hands the link over; the token is kept for the route that asked.
      sendResetPassword: ({ user, token }) => {
        capture.set(user.email, token);
        return Promise.resolve();
      },
    },
    session: { expiresIn: SESSION_DAYS * 24 * 60 * 60, updateAge: 24 * 60 * 60 },
    // A set-password link's token is kept only as a hash: a copy of the store holds no working link.
    verification: { storeIdentifier: 'hashed' },
    advanced: {
      useSecureCookies: secure,
      cookiePrefix: COOKIE_PREFIX,
      disableCSRFCheck: true,
      disableOriginCheck: true,
      ipAddress: { disableIpTracking: true },
    },
    // The language a person chose (migration 4): read with their session, set only by our route.
    user: { additionalFields: { locale: { type: 'string', required: false, input: false } } },
    plugins: [admin({ defaultRole: 'staff', adminRoles: ['admin'] })],
  } satisfies BetterAuthOptions;
}

function makeAuth(store: Store, secret: string, secure: boolean, logger: Logger, capture: Map<string, string>) {
  return betterAuth(authOptions(store, secret, secure, logger, capture));
}

type Auth = ReturnType<typeof makeAuth>;

export function isRole(value: unknown): value is Role {
  return value === 'admin' || value === 'staff';
}

/** Better-auth's answer to a wrong email or password, or any of its own refusals, as one error. */
export class AccountError extends Error {
  override name = 'AccountError';
  constructor(
    readonly kind: 'bad_credentials' | 'bad_password' | 'bad_token' | 'exists' | 'not_found',
    message: string,
  ) {
    super(message);
  }
}

export function createAccounts({ store, secret, logger, now = Date.now }: AccountsOptions) {
  const captured = new Map<string, string>();
  const plain = makeAuth(store, secret, false, logger, captured);
  const secure = makeAuth(store, secret, true, logger, captured);
  const pick = (https: boolean): Auth => (https ? secure : plain);
  const countUsers = () => Number((store.sqlite.prepare('select count(*) as n from user').get() as { n: number }).n);
  let count = countUsers();
  const cache = new Map<string, { principal: UserPrincipal | null; until: number }>();

  const toPrincipal = (user: { id: string; email: string; name: string; role?: string | null; locale?: string | null }, sessionId: string): UserPrincipal => ({
    kind: 'user',
    id: user.id,
    email: user.email,
    name: user.name,
    role: isRole(user.role) ? user.role : 'staff',
    sessionId,
    // Anything else in the column (written by hand, say) means the site's language.
    locale: isLanguage(user.locale) ? user.locale : null,
  });

  /** better-auth keeps a reset token as a verification row (its identifier hashed) whose value is the user's id; we make no other kind. */
  const forgetPasswordTokens = (userId: string) => {
    store.sqlite.prepare('delete from verification where value = ?').run(userId);
  };

  const refreshCount = () => {
    count = countUsers();
    cache.clear();
  };

  const translate = (error: unknown): never => {
    if (error instanceof APIError) {
      const code = (error.body as { code?: string } | undefined)?.code ?? '';
      if (code === 'INVALID_EMAIL_OR_PASSWORD' || code === 'INVALID_PASSWORD') throw new AccountError('bad_credentials', 'The email or password is wrong.');
      if (code === 'PASSWORD_TOO_SHORT') throw new AccountError('bad_password', `A password needs at least ${PASSWORD_MIN} characters.`);
      if (code === 'PASSWORD_TOO_LONG') throw new AccountError('bad_password', `A password may have at most ${PASSWORD_MAX} characters.`);
      if (code === 'INVALID_TOKEN')
        throw new AccountError('bad_token', 'This set-password link has expired or was already used. Ask an administrator for a new one.');
      if (code === 'USER_ALREADY_EXISTS' || code === 'USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL')
        throw new AccountError('exists', 'Someone with this email already has an account.');
      if (code === 'USER_NOT_FOUND') throw new AccountError('not_found', 'There is no such person.');
    }
    throw error;
  };

  return {
    /** How many people have an account (sign-in is required as soon as one exists). */
    count: () => count,

    /** The session behind a request's cookies, or null; cached briefly, so polling costs no query. */
    async sessionUser(cookieHeader: string, https: boolean): Promise<{ principal: UserPrincipal | null; setCookie: string[] }> {
      const key = `${https ? 's' : 'p'}|${cookieHeader}`;
      const hit = cache.get(key);
      if (hit !== undefined && hit.until > now()) return { principal: hit.principal, setCookie: [] };
      const { headers, response } = await pick(https).api.getSession({ headers: new Headers({ cookie: cookieHeader }), returnHeaders: true });
      const principal = response === null ? null : toPrincipal(response.user, response.session.id);
      if (cache.size > 10_000) cache.clear();
      cache.set(key, { principal, until: now() + SESSION_CACHE_MS });
      return { principal, setCookie: headers.getSetCookie() };
    },

    async signIn(email: string, password: string, https: boolean): Promise<SignInResult> {
      try {
        const { headers, response } = await pick(https).api.signInEmail({ body: { email, password, rememberMe: true }, returnHeaders: true });
        const user = response.user as { id: string; email: string; name: string; role?: string | null; locale?: string | null };
        return { user: toPrincipal(user, response.token), setCookie: headers.getSetCookie() };
      } catch (error) {
        return translate(error);
      }
    },

    async signOut(cookieHeader: string, https: boolean): Promise<string[]> {
      cache.clear();
      const { headers } = await pick(https).api.signOut({ headers: new Headers({ cookie: cookieHeader }), returnHeaders: true });
      return headers.getSetCookie();
    },

    async changePassword(cookieHeader: string, https: boolean, currentPassword: string, newPassword: string): Promise<string[]> {
      try {
        const { headers } = await pick(https).api.changePassword({
          body: { currentPassword, newPassword, revokeOtherSessions: true },
          headers: new Headers({ cookie: cookieHeader }),
          returnHeaders: true,
        });
        cache.clear();
        return headers.getSetCookie();
      } catch (error) {
        return translate(error);
      }
    },

    async createUser(input: { email: string; name: string; role: Role; password?: string }): Promise<CreatedUser> {
      try {
        // The plugin's types know only its default roles; 'staff' is our defaultRole.
        // Without a password of their own yet, an unguessable one nobody knows: the link sets theirs.
        const password = input.password ?? randomBytes(32).toString('base64url');
        const { user } = await plain.api.createUser({ body: { email: input.email, name: input.name, password, role: input.role as 'admin' } });
        refreshCount();
        return { id: user.id, email: user.email, name: user.name, role: isRole(user.role) ? user.role : input.role };
      } catch (error) {
        return translate(error);
      }
    },

    /** A new one-time set-password token for this person (valid PASSWORD_LINK_SECONDS). */
    async passwordToken(email: string): Promise<{ token: string; expiresAt: Date }> {
      const user = await store.db.selectFrom('user').select('id').where('email', '=', email).executeTakeFirst();
      if (user === undefined) throw new AccountError('not_found', 'There is no such person.');
      // Only the newest link handed over works: better-auth would keep the older ones valid for their day.
      forgetPasswordTokens(user.id);
      captured.delete(email);
      await plain.api.requestPasswordReset({ body: { email } });
      const token = captured.get(email);
      captured.delete(email);
      if (token === undefined) throw new AccountError('not_found', 'There is no such person.');
      return { token, expiresAt: new Date(now() + PASSWORD_LINK_SECONDS * 1000) };
    },

    async setPassword(token: string, newPassword: string): Promise<void> {
      try {
        await plain.api.resetPassword({ body: { token, newPassword } });
        cache.clear();
      } catch (error) {
        translate(error);
      }
    },

    async list(): Promise<(CreatedUser & { createdAt: string })[]> {
      const rows = await store.db.selectFrom('user').select(['id', 'email', 'name', 'role', 'createdAt']).orderBy('email').execute();
      return rows.map((r) => ({
        id: r.id,
        email: r.email,
        name: r.name,
        role: isRole(r.role) ? r.role : 'staff',
        createdAt: new Date(r.createdAt).toISOString(),
      }));
    },

    async setRole(userId: string, role: Role): Promise<void> {
      const result = await store.db
        .updateTable('user')
        .set({ role, updatedAt: new Date(now()).toISOString() })
        .where('id', '=', userId)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) throw new AccountError('not_found', 'There is no such person.');
      cache.clear();
    },

    /** Removes the person; their sessions go with them (foreign key cascade), and the cache is cleared at once. */
    async remove(userId: string): Promise<void> {
      // Their unused set-password links go too (a link of a removed person would fail inside better-auth).
      forgetPasswordTokens(userId);
      const result = await store.db.deleteFrom('user').where('id', '=', userId).executeTakeFirst();
      if (Number(result.numDeletedRows) === 0) throw new AccountError('not_found', 'There is no such person.');
      refreshCount();
    },

    /** The language this person sees the app in; null: the site's. Their cached sessions see it at once. */
    async setLocale(userId: string, locale: Language | null): Promise<void> {
      const result = await store.db
        .updateTable('user')
        .set({ locale, updatedAt: new Date(now()).toISOString() })
        .where('id', '=', userId)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) throw new AccountError('not_found', 'There is no such person.');
      cache.clear();
    },

    /** Ends every session of one person (after a role change, say). */
    async endSessions(userId: string): Promise<void> {
      await store.db.deleteFrom('session').where('userId', '=', userId).execute();
      cache.clear();
    },
  };
}

export type Accounts = ReturnType<typeof createAccounts>;
