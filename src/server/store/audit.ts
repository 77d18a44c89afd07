// The audit log: who changed what and when, who exported which range. Written by the routes that
// change settings, people and displays, and by the export; read by admins in Settings.
import type { Principal } from '../auth/principal';
import type { Store } from './store';

export interface AuditEntry {
  id: number;
  at: string;
  actorId: string | null;
  actor: string;
  action: string;
  target: string | null;
  detail: unknown;
}

export function principalLabel(principal: Principal): { id: string | null; label: string } {
  switch (principal.kind) {
    case 'user':
      return { id: principal.id, label: principal.email };
    case 'display':
      return { id: principal.id, label: `display: ${principal.name}` };
    case 'open':
      return { id: null, label: 'open demo (no accounts yet)' };
    case 'nobody':
      return { id: null, label: 'nobody signed in' };
  }
}

export async function recordAudit(
  store: Store,
  entry: { actor: Principal | { id: string | null; label: string }; action: string; target?: string | null; detail?: unknown; at?: Date },
): Promise<void> {
  const who = 'kind' in entry.actor ? principalLabel(entry.actor) : entry.actor;
  await store.db
    .insertInto('audit')
    .values({
      at: (entry.at ?? new Date()).toISOString(),
      actor_id: who.id,
      actor: who.label,
      action: entry.action,
      target: entry.target ?? null,
      detail: entry.detail === undefined ? null : JSON.stringify(entry.detail),
    })
    .execute();
}

/** The newest entries first; `before` pages back by id. */
export async function listAudit(store: Store, { limit = 100, before }: { limit?: number; before?: number } = {}): Promise<AuditEntry[]> {
  let query = store.db
    .selectFrom('audit')
    .selectAll()
    .orderBy('id', 'desc')
    .limit(Math.min(Math.max(limit, 1), 500));
  if (before !== undefined) query = query.where('id', '<', before);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actorId: r.actor_id,
    actor: r.actor,
    action: r.action,
    target: r.target,
    detail: r.detail === null ? null : (JSON.parse(r.detail) as unknown),
  }));
}
