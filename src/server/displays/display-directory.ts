// The display links, held in memory for the polling path: a display's cookie is looked up by the
// SHA-256 of its token without touching the store, and its last poll is noted in memory and
// written to the store at most once a minute. Admins make and revoke links here (store, then memory).
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { DisplayPrincipal } from '../auth/principal';
import type { Store } from '../store/store';
import { DISPLAY_COOKIE_RENEW_MS, displayCookie } from './display-cookie';

export { DISPLAY_COOKIE } from './display-cookie';
const FLUSH_MS = 60_000;
const HASH_MEMO_SIZE = 1000;
/** Shared by every poll that sends no cookie; never changed. */
const NO_COOKIES: string[] = [];

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
  /** When each display was last sent its cookie (since this server started). */
  const cookieSent = new Map<string, number>();
  /** Hashes of the tokens polling now: a screen's every poll would otherwise hash its cookie again. */
  const hashes = new Map<string, string>();
  const hashOf = (token: string) => {
    let hash = hashes.get(token);
    if (hash === undefined) {
      // Wrong tokens must not grow it without end.
      if (hashes.size >= HASH_MEMO_SIZE) hashes.clear();
      hashes.set(token, (hash = hashToken(token)));
    }
    return hash;
  };
  const noteSeenAt = (id: string, at: Date) => {
    seen.set(id, at);
    const record = byId.get(id);
    if (record !== undefined) record.lastSeen = at.toISOString();
    if (at.getTime() - lastFlush >= FLUSH_MS) {
      lastFlush = at.getTime();
      flush();
    }
  };
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
    chime: number;
  }): DisplayRecord => ({
    kind: 'display',
    id: r.id,
    name: r.name,
    spaces: r.spaces === null ? null : (JSON.parse(r.spaces) as string[]),
    mode: r.mode,
    theme: r.theme,
    lang: r.lang,
    chime: r.chime === 1,
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
      const record = byHash.get(hashOf(token));
      if (record === undefined) return null;
      return record.revokedAt === null ? record : 'revoked';
    },
    /** Notes a poll; written to the store in batches. */
    noteSeen(id: string) {
      noteSeenAt(id, now());
    },
    /**
     * A poll: noted as seen, and the cookie to send again, on the display's first poll since the
     * server started and once a day after, so the browser's 400 days start over while it is in use.
     */
    polled(id: string, token: string, secure: () => boolean): string[] {
      const at = now();
      noteSeenAt(id, at);
      const ms = at.getTime();
      const sent = cookieSent.get(id);
      if (sent !== undefined && ms - sent < DISPLAY_COOKIE_RENEW_MS && ms >= sent) return NO_COOKIES;
      cookieSent.set(id, ms);
      return [displayCookie(token, secure())];
    },
    /** Notes that the display's cookie was just sent (its link was opened). */
    cookieSent(id: string) {
      cookieSent.set(id, now().getTime());
    },
    get(id: string): DisplayRecord | undefined {
      return byId.get(id);
    },
    /** Makes a link: the record and its token (shown once; only its hash is kept). */
    create(input: {
      name: string;
      spaces: string[] | null;
      mode: string | null;
      theme: string | null;
      lang: string | null;
      chime: boolean;
      createdBy: string | null;
    }): {
      record: DisplayRecord;
      token: string;
    } {
      const token = newToken();
      const id = randomUUID();
      const createdAt = now().toISOString();
      store.sqlite
        .prepare(
          'insert into display (id, name, token_hash, spaces, mode, theme, lang, chime, created_at, created_by, last_seen_at, revoked_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null, null)',
        )
        .run(
          id,
          input.name,
          hashToken(token),
          input.spaces === null ? null : JSON.stringify(input.spaces),
          input.mode,
          input.theme,
          input.lang,
          input.chime ? 1 : 0,
          createdAt,
          input.createdBy,
        );
      this.reload();
      return { record: byId.get(id)!, token };
    },
    /** Revokes a link: its next request gets 401 display_revoked. Null: no such display. */
    revoke(id: string): DisplayRecord | null {
      const record = byId.get(id);
      if (record === undefined) return null;
      if (record.revokedAt === null) {
        store.sqlite.prepare('update display set revoked_at = ? where id = ? and revoked_at is null').run(now().toISOString(), id);
        this.reload();
      }
      return byId.get(id) ?? null;
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
