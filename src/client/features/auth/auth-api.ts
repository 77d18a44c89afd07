// The account requests the pages before sign-in make, and where a `next` may lead.
import { z } from 'zod';
import { fetchJson } from '@/client/lib/api-client';
import { sameSitePath } from '@/client/lib/navigation';
import { meSchema } from '@/shared/api-schema';
import type { Language } from '@/shared/i18n/languages';

const anything = z.unknown();

export const signIn = (body: { email: string; password: string }) => fetchJson('/api/session', anything, { method: 'POST', body });

export const setUp = (body: { code: string; name: string; email: string; password: string }) => fetchJson('/api/setup', anything, { method: 'POST', body });

export const setPassword = (body: { token: string; newPassword: string }) => fetchJson('/api/set-password', anything, { method: 'POST', body });

const AUTH_PAGES = /^\/(sign-in|setup|set-password)(?:[/?#]|$)/;

/** Where to go after signing in: `next` when it is a page of this site (not an account page), else the dashboard. */
export function afterSignIn(next: string | null): string {
  const path = sameSitePath(next);
  return path && !AUTH_PAGES.test(path) ? path : '/';
}

/** The signed-in person's own language (null: the site's), kept on the server; answers the new GET /api/me. */
export const saveMyLanguage = (locale: Language | null) => fetchJson('/api/me/locale', meSchema, { method: 'PUT', body: { locale } });
