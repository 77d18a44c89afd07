// The embedded store: one SQLite file under DATA_DIR (better-sqlite3, WAL), migrated at start,
// queried through Kysely. A file that is locked, read-only, corrupt or from a newer version stops
// the server with a message naming the file; nothing is changed in it then.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { compiler, LATEST_VERSION, type Migration, migrations as allMigrations } from './migrations';
import type { StoreSchema } from './schema';

export const STORE_FILE_NAME = 'occupancy-live.db';

export interface Store {
  db: Kysely<StoreSchema>;
  sqlite: Database.Database;
  /** The file's path, or ':memory:'. */
  file: string;
  close(): void;
}

export class StoreError extends Error {
  override name = 'StoreError';
}

export interface OpenStoreOptions {
  /** The folder that holds the store (DATA_DIR); ignored when `file` is given. */
  dataDir?: string;
  /** The file itself, or ':memory:' (tests). */
  file?: string;
  /** For tests of upgrades: the migrations to know (all by default). */
  migrations?: Migration[];
  /** Waits this long for another process's write lock before giving up (ms). */
  busyTimeoutMs?: number;
}

export function storeFile(options: Pick<OpenStoreOptions, 'dataDir' | 'file'>): string {
  if (options.file !== undefined) return options.file === ':memory:' ? ':memory:' : resolve(options.file);
  return resolve(options.dataDir ?? 'data', STORE_FILE_NAME);
}

/** Plain words for what SQLite said about the file. */
export function describeStoreError(file: string, error: unknown): string {
  const code = (error as { code?: string }).code ?? '';
  const message = (error as Error).message ?? String(error);
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return `The store ${file} is locked by another process (is another Occupancy Live running on it?). Stop that process, or give this one its own DATA_DIR.`;
  }
  if (code.startsWith('SQLITE_READONLY') || code === 'EACCES' || code === 'EROFS' || code === 'SQLITE_CANTOPEN' || code === 'SQLITE_PERM') {
    return `The store ${file} cannot be written (${code}): give the server's user write access to the file and its folder, or point DATA_DIR elsewhere.`;
  }
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) {
    return `The store ${file} is damaged or not a database (${code}). Restore it from a backup (npm run backup makes one), or move it away to start empty.`;
  }
  return `The store ${file} cannot be opened: ${message}`;
}

export function openStore(options: OpenStoreOptions = {}): Store {
  const file = storeFile(options);
  const known = options.migrations ?? allMigrations;
  let sqlite: Database.Database | undefined;
  try {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    sqlite = new Database(file, { timeout: options.busyTimeoutMs ?? 5_000 });
    // Reading the header finds a file that is not a database before anything is written.
    sqlite.pragma('schema_version');
    if (file !== ':memory:') {
      const mode = sqlite.pragma('journal_mode = WAL', { simple: true });
      if (mode !== 'wal') throw Object.assign(new Error(`journal mode stayed ${String(mode)}`), { code: 'SQLITE_READONLY' });
    }
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('synchronous = NORMAL');
    migrate(sqlite, file, known);
  } catch (error) {
    sqlite?.close();
    if (error instanceof StoreError) throw error;
    throw new StoreError(describeStoreError(file, error));
  }
  const db = new Kysely<StoreSchema>({ dialect: new SqliteDialect({ database: sqlite }) });
  const open = sqlite;
  return {
    db,
    sqlite: open,
    file,
    close: () => {
      if (open.open) open.close();
    },
  };
}

export function schemaVersion(sqlite: Database.Database): number {
  return Number(sqlite.pragma('user_version', { simple: true }));
}

/** Runs every migration newer than the file, each with its version bump in one transaction. */
function migrate(sqlite: Database.Database, file: string, known: Migration[]) {
  const latest = known.at(-1)?.version ?? 0;
  const current = schemaVersion(sqlite);
  if (current > latest) {
    throw new StoreError(
      `The store ${file} was written by a newer version of Occupancy Live (schema ${current}; this version knows up to ${latest}). Run the newer version, or restore a backup made before the upgrade.`,
    );
  }
  for (const migration of known) {
    if (migration.version <= current) continue;
    const statements = migration.up(compiler);
    sqlite
      .transaction(() => {
        for (const statement of statements) sqlite.prepare(statement.sql).run(...(statement.parameters as unknown[]));
        sqlite.pragma(`user_version = ${migration.version}`);
      })
      .immediate();
  }
}

export { LATEST_VERSION };
