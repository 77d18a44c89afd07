// npm run backup -- FILE: an online copy of the store (SQLite's backup API), safe while the server
// runs. Reads DATA_DIR like the server; refuses to overwrite an existing file.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadEnv } from '@/server/env';
import { backupStore } from '@/server/store/backup';

async function main() {
  const target = process.argv[2];
  if (target === undefined || target.trim() === '') {
    console.error('Usage: npm run backup -- FILE   (for example: npm run backup -- backups/occupancy-2026-11-29.db)');
    process.exit(2);
  }
  const file = resolve(target);
  if (existsSync(file)) {
    console.error(`${file} exists already: choose a new file name (nothing was written).`);
    process.exit(1);
  }
  const env = loadEnv();
  const result = await backupStore({ dataDir: env.DATA_DIR }, file);
  console.log(`Backed up ${result.source} to ${file} (${result.pages} pages, schema ${result.schema}).`);
}

main().catch((error: unknown) => {
  console.error((error as Error).message);
  process.exit(1);
});
