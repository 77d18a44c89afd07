// Migration 3: a store written before the display chime existed keeps its display links, each
// with the chime off.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrations } from './migrations';
import { openStore, schemaVersion } from './store';

describe('migration 3: display.chime', () => {
  it('adds the column to an older store, off for the links it holds, and a new link may turn it on', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'occupancy-chime-'));
    const old = openStore({ dataDir, migrations: migrations.filter((m) => m.version < 3) });
    old.sqlite.prepare("insert into display (id, name, token_hash, created_at) values ('d1', 'Lobby', 'hash-1', '2026-11-29T10:00:00.000Z')").run();
    old.close();

    const upgraded = openStore({ dataDir });
    try {
      expect(schemaVersion(upgraded.sqlite)).toBeGreaterThanOrEqual(3);
      expect(upgraded.sqlite.prepare('select id, name, chime from display').all()).toEqual([{ id: 'd1', name: 'Lobby', chime: 0 }]);
      upgraded.sqlite
        .prepare("insert into display (id, name, token_hash, created_at, chime) values ('d2', 'Café', 'hash-2', '2026-11-29T10:01:00.000Z', 1)")
        .run();
      expect(upgraded.sqlite.prepare("select chime from display where id = 'd2'").get()).toEqual({ chime: 1 });
      expect(() => upgraded.sqlite.prepare("update display set chime = null where id = 'd1'").run()).toThrow(/NOT NULL/);
    } finally {
      upgraded.close();
    }
  });
});
