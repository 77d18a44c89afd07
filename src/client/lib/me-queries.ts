// Who is looking: GET /api/me (a signed-in person, a display, or the open demo), and signing out.
// Every screen that needs the answer shares one query.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { t } from '@/client/i18n/i18n';
import { ApiRequestError, fetchJson } from '@/client/lib/api-client';
import { browserPage } from '@/client/lib/navigation';
import { forgetThisPerson } from '@/client/pwa/forget';
import { type Me, meSchema, type Role } from '@/shared/api-schema';
import type { MessageKey } from '@/shared/i18n/message-key';

export type { Me, Role };

/** A role change or a removed account should show within a minute, without asking on every render. */
const ME_STALE_MS = 60_000;

export const meQueryOptions = () =>
  queryOptions({
    queryKey: ['me'],
    queryFn: ({ signal }) => fetchJson('/api/me', meSchema, { signal }),
    staleTime: ME_STALE_MS,
    refetchInterval: ME_STALE_MS,
  });

export function useMe() {
  return useQuery(meQueryOptions());
}

/** The open demo acts as an admin (the server says so too); a display is nobody's account. */
export function isAdmin(me: Me): boolean {
  return me.kind === 'open' || (me.kind === 'user' && me.user?.role === 'admin');
}

/** Each role's name and what it may do, as message keys. */
export const roleWordKeys: Record<Role, { name: MessageKey; may: MessageKey }> = {
  admin: { name: 'auth.role.admin', may: 'auth.role.adminMay' },
  staff: { name: 'auth.role.staff', may: 'auth.role.staffMay' },
};

/** The same words in the active language, read when rendered (getters: a plain object would keep the first language). */
export const roleWords: Record<Role, { readonly name: string; readonly may: string }> = {
  admin: {
    get name() {
      return t(roleWordKeys.admin.name);
    },
    get may() {
      return t(roleWordKeys.admin.may);
    },
  },
  staff: {
    get name() {
      return t(roleWordKeys.staff.name);
    },
    get may() {
      return t(roleWordKeys.staff.may);
    },
  },
};

/**
 * Ends the session, then loads the sign-in page afresh (nothing of this person's data stays in
 * memory). Throws an ApiRequestError when the server did not end it.
 */
export async function signOut(): Promise<void> {
  try {
    await fetchJson('/api/session', z.unknown(), { method: 'DELETE' });
  } catch (error) {
    // No session to end (it had ended already): signed out all the same.
    if (!(error instanceof ApiRequestError && error.status === 401)) throw error;
  }
  // The offline shell's kept answers and caches are this person's: they end with the session.
  await forgetThisPerson();
  browserPage.assign('/sign-in?note=signed-out');
}
