// The online backup: SQLite's backup API copies the store page by page while the server keeps
// writing (WAL); the copy is opened afterwards to prove it is a whole store.
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { describeStoreError, StoreError, schemaVersion, storeFile } from './store';

export async function backupStore(from: { dataDir?: string; file?: string }, target: string): Promise<{ source: string; pages: number; schema: number }> {
  const source = storeFile(from);
  if (!existsSync(source)) throw new StoreError(`There is no store at ${source} (check DATA_DIR).`);
  let db: Database.Database | undefined;
  try {
    db = new Database(source, { readonly: true, fileMustExist: true, timeout: 5_000 });
    mkdirSync(dirname(target), { recursive: true });
    const { totalPages } = await db.backup(target);
    const copy = new Database(target, { readonly: true, fileMustExist: true });
    try {
      const check = copy.pragma('integrity_check', { simple: true });
      if (check !== 'ok') throw new StoreError(`The copy at ${target} failed its integrity check (${String(check)}).`);
      return { source, pages: totalPages, schema: schemaVersion(copy) };
    } finally {
      copy.close();
    }
  } catch (error) {
    if (error instanceof StoreError) throw error;
    throw new StoreError(describeStoreError(source, error));
  } finally {
    db?.close();
  }
}
