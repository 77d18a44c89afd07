import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { backupStore } from './backup';
import { LATEST_VERSION, type Migration, migrations } from './migrations';
import { describeStoreError, openStore, schemaVersion, type Store, StoreError } from './store';

const opened: Store[] = [];
function open(options: Parameters<typeof openStore>[0]) {
  const store = openStore(options);
  opened.push(store);
  return store;
}
afterEach(() => {
  for (const store of opened.splice(0)) store.close();
});

const tempDir = () => mkdtempSync(join(tmpdir(), 'occupancy-store-'));

function tables(store: Store): string[] {
  return (
    store.sqlite.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name").all() as { name: string }[]
  ).map((r) => r.name);
}

describe('the store', () => {
  it('an empty folder: made, WAL mode, every migration run, the version recorded', () => {
    const dir = join(tempDir(), 'nested', 'data');
    const store = open({ dataDir: dir });
    expect(store.file).toBe(join(dir, 'occupancy-live.db'));
    expect(store.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(schemaVersion(store.sqlite)).toBe(LATEST_VERSION);
    expect(tables(store)).toEqual([
      'account',
      'alert_delivery',
      'alert_event',
      'alert_state',
      'audit',
      'display',
      'meta',
      'session',
      'settings',
      'user',
      'verification',
    ]);
  });

  it('keeps what it holds across a restart, and runs no migration twice', async () => {
    const dataDir = tempDir();
    const first = open({ dataDir });
    await first.db
      .insertInto('settings')
      .values({ key: 'site', value: '{"siteName":"Kept"}', updated_at: '2026-11-29T10:00:00.000Z', updated_by: 'a@b.c' })
      .execute();
    first.close();
    const again = open({ dataDir });
    expect(await again.db.selectFrom('settings').select('value').executeTakeFirstOrThrow()).toEqual({ value: '{"siteName":"Kept"}' });
    expect(schemaVersion(again.sqlite)).toBe(LATEST_VERSION);
  });

  it('the migrations are numbered 1, 2, 3 … in order: one out of place would be skipped by a store past it', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
  });

  it('upgrades a file from every earlier version, keeping its rows (each migration in its own transaction)', async () => {
    // A later migration that adds a column: a file at each earlier version is brought up to it.
    const next: Migration = {
      version: LATEST_VERSION + 1,
      name: 'test: a note on displays',
      up: (db) => [db.schema.alterTable('display').addColumn('note', 'text').compile()],
    };
    // Every version a file can be at.
    for (const from of [0, ...migrations.map((m) => m.version)]) {
      const dataDir = tempDir();
      const old = open({ dataDir, migrations: migrations.filter((m) => m.version <= from) });
      expect(schemaVersion(old.sqlite)).toBe(from);
      if (from >= 1) {
        await old.db
          .insertInto('audit')
          .values({ at: '2026-11-29T10:00:00.000Z', actor_id: null, actor: 'x', action: 'kept', target: null, detail: null })
          .execute();
      }
      old.close();
      const upgraded = open({ dataDir, migrations: [...migrations, next] });
      expect(schemaVersion(upgraded.sqlite)).toBe(next.version);
      const columns = (upgraded.sqlite.prepare("select name from pragma_table_info('display')").all() as { name: string }[]).map((c) => c.name);
      expect(columns).toContain('note');
      if (from >= 1) expect(await upgraded.db.selectFrom('audit').select('action').execute()).toEqual([{ action: 'kept' }]);
    }
  });

  it('a migration that fails leaves the file at its previous version, untouched', () => {
    const dataDir = tempDir();
    open({ dataDir }).close();
    const broken: Migration = {
      version: LATEST_VERSION + 1,
      name: 'test: fails half-way',
      up: (db) => [db.schema.alterTable('display').addColumn('half', 'text').compile(), db.schema.alterTable('no_such_table').addColumn('x', 'text').compile()],
    };
    expect(() => openStore({ dataDir, migrations: [...migrations, broken] })).toThrow(StoreError);
    const after = open({ dataDir });
    expect(schemaVersion(after.sqlite)).toBe(LATEST_VERSION);
    const columns = (after.sqlite.prepare("select name from pragma_table_info('display')").all() as { name: string }[]).map((c) => c.name);
    expect(columns).not.toContain('half');
  });

  it('a file from a newer version: refused, naming the file and both versions, and left as it was', () => {
    const dataDir = tempDir();
    const store = open({ dataDir });
    store.sqlite.pragma(`user_version = ${LATEST_VERSION + 5}`);
    store.close();
    const before = readFileSync(store.file);
    expect(() => openStore({ dataDir })).toThrow(
      new RegExp(`${store.file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} was written by a newer version.*schema ${LATEST_VERSION + 5}`),
    );
    expect(readFileSync(store.file).equals(before)).toBe(true);
  });

  it('a corrupt file: refused with its name and what to do, not overwritten', () => {
    const file = join(tempDir(), 'occupancy-live.db');
    writeFileSync(file, 'this is not a database, it is a shopping list\n'.repeat(200));
    expect(() => openStore({ file })).toThrow(/occupancy-live\.db is damaged or not a database.*Restore it from a backup/);
    expect(readFileSync(file, 'utf8')).toMatch(/^this is not a database/);
  });

  it('a file locked by another process: refused with its name', () => {
    const dataDir = tempDir();
    const first = open({ dataDir });
    first.close();
    // Another process holds the write lock (as a second server or a long-running tool would).
    const other = new Database(first.file);
    other.pragma('locking_mode = EXCLUSIVE');
    other.exec('begin exclusive');
    try {
      expect(() => openStore({ dataDir, busyTimeoutMs: 50 })).toThrow(/occupancy-live\.db is locked by another process/);
    } finally {
      other.exec('rollback');
      other.close();
    }
  });

  it('a read-only file: said in words, naming the file', () => {
    // Root ignores file modes, so the read-only answer comes from a read-only connection: the
    // same SQLITE_READONLY that a file without write permission gives.
    const dataDir = tempDir();
    const store = open({ dataDir });
    store.close();
    const readonly = new Database(store.file, { readonly: true });
    let caught: unknown;
    try {
      readonly.exec("insert into meta (key, value) values ('x', 'y')");
    } catch (error) {
      caught = error;
    } finally {
      readonly.close();
    }
    expect((caught as { code: string }).code).toMatch(/^SQLITE_READONLY/);
    expect(describeStoreError(store.file, caught)).toBe(
      `The store ${store.file} cannot be written (${(caught as { code: string }).code}): give the server's user write access to the file and its folder, or point DATA_DIR elsewhere.`,
    );
  });

  it('an online backup while the store is open and written: a whole copy that opens at the same version', async () => {
    const dataDir = tempDir();
    const store = open({ dataDir });
    for (let i = 0; i < 50; i++) {
      await store.db
        .insertInto('audit')
        .values({ at: new Date(Date.UTC(2026, 10, 29, 10, i)).toISOString(), actor_id: null, actor: 'x', action: `a${i}`, target: null, detail: null })
        .execute();
    }
    const target = join(tempDir(), 'copies', 'backup.db');
    const result = await backupStore({ dataDir }, target);
    expect(result.schema).toBe(LATEST_VERSION);
    const copy = new Database(target, { readonly: true });
    expect((copy.prepare('select count(*) as n from audit').get() as { n: number }).n).toBe(50);
    copy.close();
  });

  it('npm run backup: refuses to overwrite, and says where the copy went', () => {
    const dataDir = tempDir();
    open({ dataDir }).close();
    const target = join(tempDir(), 'b.db');
    const run = (file: string) =>
      execFileSync(process.execPath, ['--import', 'tsx', 'scripts/backup.ts', file], {
        env: { ...process.env, DATA_DIR: dataDir },
        encoding: 'utf8',
        stdio: 'pipe',
      });
    expect(run(target)).toContain(`Backed up ${join(dataDir, 'occupancy-live.db')} to ${target}`);
    expect(() => run(target)).toThrow(/exists already/);
  });
});
