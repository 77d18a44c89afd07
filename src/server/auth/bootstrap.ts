// Start-up of accounts: the cookie-signing secret (AUTH_SECRET, or one made once and kept in the
// store), the first admin from ADMIN_EMAIL / ADMIN_PASSWORD, and the one-time setup code printed
// in the log when a real key runs without any account.
import { randomBytes, randomInt } from 'node:crypto';
import type { Logger } from 'pino';
import type { Store } from '../store/store';
import type { Accounts } from './accounts';

export function authSecret(store: Store, fromEnv: string | undefined): string {
  if (fromEnv !== undefined) return fromEnv;
  const row = store.sqlite.prepare("select value from meta where key = 'auth_secret'").get() as { value: string } | undefined;
  if (row !== undefined) return row.value;
  const secret = randomBytes(32).toString('base64url');
  store.sqlite.prepare("insert into meta (key, value) values ('auth_secret', ?)").run(secret);
  return secret;
}

/** Creates the admin named by the environment unless an account with that email exists. */
export async function bootstrapAdmin(accounts: Accounts, store: Store, admin: { email?: string; password?: string }, logger: Logger): Promise<void> {
  if (admin.email === undefined || admin.password === undefined) return;
  const email = admin.email.toLowerCase();
  const existing = store.sqlite.prepare('select id from user where lower(email) = ?').get(email);
  if (existing !== undefined) return;
  await accounts.createUser({ email, name: email.split('@')[0] ?? email, role: 'admin', password: admin.password });
  logger.info({ email }, 'created the administrator named by ADMIN_EMAIL');
}

/** Eight digits in two groups: easy to read off a log and type on a phone. */
export function newSetupCode(): string {
  const digits = String(randomInt(0, 100_000_000)).padStart(8, '0');
  return `${digits.slice(0, 4)}-${digits.slice(4)}`;
}
