// Who is looking: GET /api/me (a signed-in person, a display, or the open demo), and signing out.
// Every screen that needs the answer shares one query.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { ApiRequestError, fetchJson } from '@/client/lib/api-client';
import { browserPage } from '@/client/lib/navigation';
import { forgetThisPerson } from '@/client/pwa/forget';
import { type Me, meSchema, type Role } from '@/shared/api-schema';

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

export const roleWords: Record<Role, { name: string; may: string }> = {
  admin: { name: 'Administrator', may: 'Sees everything and changes the settings.' },
  staff: { name: 'Staff', may: 'Sees the dashboard and its history, and exports counts.' },
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
