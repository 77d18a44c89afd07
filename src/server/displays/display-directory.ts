// The display links, held in memory for the polling path: a display's cookie is looked up by the
// SHA-256 of its token without touching the store, and its last poll is noted in memory and
// written to the store at most once a minute.
import { createHash, randomBytes } from 'node:crypto';
import type { DisplayPrincipal } from '../auth/principal';
import type { Store } from '../store/store';

export const DISPLAY_COOKIE = 'occupancy_display';
const FLUSH_MS = 60_000;

export interface DisplayRecord extends DisplayPrincipal {
  createdAt: string;
  createdBy: string | null;
  lastSeen: string | null;
  revokedAt: string | null;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A new link token: 32 random bytes, URL-safe. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function createDisplayDirectory(store: Store, now: () => Date = () => new Date()) {
  const byHash = new Map<string, DisplayRecord>();
  const byId = new Map<string, DisplayRecord>();
  const seen = new Map<string, Date>();
  let lastFlush = now().getTime();

  const toRecord = (r: {
    id: string;
    name: string;
    spaces: string | null;
    mode: string | null;
    theme: string | null;
    lang: string | null;
    created_at: string;
    created_by: string | null;
    last_seen_at: string | null;
    revoked_at: string | null;
  }): DisplayRecord => ({
    kind: 'display',
    id: r.id,
    name: r.name,
    spaces: r.spaces === null ? null : (JSON.parse(r.spaces) as string[]),
    mode: r.mode,
    theme: r.theme,
    lang: r.lang,
    createdAt: r.created_at,
    createdBy: r.created_by,
    lastSeen: r.last_seen_at,
    revokedAt: r.revoked_at,
  });

  const reload = () => {
    byHash.clear();
    byId.clear();
    const rows = store.sqlite.prepare('select * from display').all() as (Parameters<typeof toRecord>[0] & { token_hash: string })[];
    for (const row of rows) {
      const record = toRecord(row);
      byHash.set(row.token_hash, record);
      byId.set(record.id, record);
    }
  };
  reload();

  const flush = () => {
    if (seen.size === 0) return;
    const update = store.sqlite.prepare('update display set last_seen_at = ? where id = ?');
    store.sqlite.transaction(() => {
      for (const [id, at] of seen) update.run(at.toISOString(), id);
    })();
    seen.clear();
  };

  return {
    /** The display behind a link token (or its cookie); 'revoked' once an admin revoked it. */
    byToken(token: string): DisplayRecord | 'revoked' | null {
      const record = byHash.get(hashToken(token));
      if (record === undefined) return null;
      return record.revokedAt === null ? record : 'revoked';
    },
    /** Notes a poll; written to the store in batches. */
    noteSeen(id: string) {
      const at = now();
      seen.set(id, at);
      const record = byId.get(id);
      if (record !== undefined) record.lastSeen = at.toISOString();
      if (at.getTime() - lastFlush >= FLUSH_MS) {
        lastFlush = at.getTime();
        flush();
      }
    },
    all(): DisplayRecord[] {
      return [...byHash.values()].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    },
    /** After a change in the store (a display made or revoked). */
    reload() {
      flush();
      reload();
    },
    flush,
  };
}

export type DisplayDirectory = ReturnType<typeof createDisplayDirectory>;
