// Migration 4: a store written before people could choose a language keeps its accounts, each
// speaking the site's language (null) until they choose.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrations } from './migrations';
import { openStore, schemaVersion } from './store';

describe('migration 4: user.locale', () => {
  it('adds the column to an older store, null for the people it holds, and keeps their sessions', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'occupancy-locale-'));
    const old = openStore({ dataDir, migrations: migrations.filter((m) => m.version < 4) });
    const at = '2026-11-29T10:00:00.000Z';
    old.sqlite
      .prepare("insert into user (id, name, email, emailVerified, createdAt, updatedAt, role) values ('u1', 'Ada', 'ada@example.org', 0, ?, ?, 'admin')")
      .run(at, at);
    old.sqlite.prepare("insert into session (id, expiresAt, token, createdAt, updatedAt, userId) values ('s1', ?, 'token-1', ?, ?, 'u1')").run(at, at, at);
    old.close();

    const upgraded = openStore({ dataDir });
    try {
      expect(schemaVersion(upgraded.sqlite)).toBeGreaterThanOrEqual(4);
      expect(upgraded.sqlite.prepare('select id, name, email, role, locale from user').all()).toEqual([
        { id: 'u1', name: 'Ada', email: 'ada@example.org', role: 'admin', locale: null },
      ]);
      expect(upgraded.sqlite.prepare('select id, userId from session').all()).toEqual([{ id: 's1', userId: 'u1' }]);
      upgraded.sqlite.prepare("update user set locale = 'hu' where id = 'u1'").run();
      expect(upgraded.sqlite.prepare("select locale from user where id = 'u1'").get()).toEqual({ locale: 'hu' });
    } finally {
      upgraded.close();
    }
  });
});
