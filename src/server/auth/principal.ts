// Who is asking: a signed-in person, a display (kiosk) link, everyone in an open demo without
// accounts, or nobody. Resolved once per request by access.ts; routes only read it.
import type { Language } from '@/shared/i18n/languages';

export type Role = 'admin' | 'staff';

export interface UserPrincipal {
  kind: 'user';
  id: string;
  email: string;
  name: string;
  role: Role;
  sessionId: string;
  /** The language this person chose; null or absent: the site's. */
  locale?: Language | null;
}

export interface DisplayPrincipal {
  kind: 'display';
  id: string;
  name: string;
  /** The spaces it may show; null for every space. */
  spaces: string[] | null;
  mode: string | null;
  theme: string | null;
  lang: string | null;
  /** Chimes when its space turns full. */
  chime: boolean;
}

export type Principal = UserPrincipal | DisplayPrincipal | { kind: 'open' } | { kind: 'nobody' };

export const NOBODY: Principal = { kind: 'nobody' };
export const OPEN: Principal = { kind: 'open' };

/** Admin rights: an admin, or anyone in an open demo (no account exists yet). */
export function isAdmin(p: Principal): boolean {
  return p.kind === 'open' || (p.kind === 'user' && p.role === 'admin');
}

/** The dashboard, history and export: staff and admins (and the open demo). */
export function isStaff(p: Principal): boolean {
  return p.kind === 'open' || p.kind === 'user';
}
