// The store's numbered migrations, written with Kysely's schema builder (portable to PostgreSQL
// later) and run in order at start, each in one transaction with PRAGMA user_version (store.ts).
// Never edit a migration that has shipped: add the next number.
import { type CompiledQuery, DummyDriver, Kysely, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler } from 'kysely';

export interface Migration {
  version: number;
  name: string;
  up: (db: Kysely<unknown>) => CompiledQuery[];
}

/** A Kysely that only compiles: the statements run synchronously on better-sqlite3. */
export const compiler = new Kysely<unknown>({
  dialect: {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new SqliteIntrospector(db),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  },
});

export const migrations: Migration[] = [
  {
    version: 1,
    name: 'accounts, settings, displays, audit log',
    up: (db) => [
      // better-auth's tables (with its admin plugin's columns), as its own migration tool writes them;
      // auth.test.ts checks that better-auth finds nothing missing.
      db.schema
        .createTable('user')
        .addColumn('id', 'text', (c) => c.primaryKey().notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('email', 'text', (c) => c.notNull().unique())
        .addColumn('emailVerified', 'integer', (c) => c.notNull())
        .addColumn('image', 'text')
        .addColumn('createdAt', 'date', (c) => c.notNull())
        .addColumn('updatedAt', 'date', (c) => c.notNull())
        .addColumn('role', 'text')
        .addColumn('banned', 'integer')
        .addColumn('banReason', 'text')
        .addColumn('banExpires', 'date')
        .compile(),
      db.schema
        .createTable('session')
        .addColumn('id', 'text', (c) => c.primaryKey().notNull())
        .addColumn('expiresAt', 'date', (c) => c.notNull())
        .addColumn('token', 'text', (c) => c.notNull().unique())
        .addColumn('createdAt', 'date', (c) => c.notNull())
        .addColumn('updatedAt', 'date', (c) => c.notNull())
        .addColumn('ipAddress', 'text')
        .addColumn('userAgent', 'text')
        .addColumn('userId', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
        .addColumn('impersonatedBy', 'text')
        .compile(),
      db.schema
        .createTable('account')
        .addColumn('id', 'text', (c) => c.primaryKey().notNull())
        .addColumn('accountId', 'text', (c) => c.notNull())
        .addColumn('providerId', 'text', (c) => c.notNull())
        .addColumn('userId', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
        .addColumn('accessToken', 'text')
        .addColumn('refreshToken', 'text')
        .addColumn('idToken', 'text')
        .addColumn('accessTokenExpiresAt', 'date')
        .addColumn('refreshTokenExpiresAt', 'date')
        .addColumn('scope', 'text')
        .addColumn('password', 'text')
        .addColumn('createdAt', 'date', (c) => c.notNull())
        .addColumn('updatedAt', 'date', (c) => c.notNull())
        .compile(),
      db.schema
        .createTable('verification')
        .addColumn('id', 'text', (c) => c.primaryKey().notNull())
        .addColumn('identifier', 'text', (c) => c.notNull())
        .addColumn('value', 'text', (c) => c.notNull())
        .addColumn('expiresAt', 'date', (c) => c.notNull())
        .addColumn('createdAt', 'date', (c) => c.notNull())
        .addColumn('updatedAt', 'date', (c) => c.notNull())
        .compile(),
      db.schema.createIndex('session_userId_idx').on('session').column('userId').compile(),
      db.schema.createIndex('account_userId_idx').on('account').column('userId').compile(),
      db.schema.createIndex('verification_identifier_idx').on('verification').column('identifier').compile(),
      db.schema
        .createTable('settings')
        .addColumn('key', 'text', (c) => c.primaryKey().notNull())
        .addColumn('value', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('updated_by', 'text')
        .compile(),
      db.schema
        .createTable('display')
        .addColumn('id', 'text', (c) => c.primaryKey().notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('spaces', 'text')
        .addColumn('mode', 'text')
        .addColumn('theme', 'text')
        .addColumn('lang', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text')
        .addColumn('last_seen_at', 'text')
        .addColumn('revoked_at', 'text')
        .compile(),
      db.schema
        .createTable('audit')
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('actor_id', 'text')
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('target', 'text')
        .addColumn('detail', 'text')
        .compile(),
      db.schema.createIndex('audit_at_idx').on('audit').column('at').compile(),
      db.schema
        .createTable('meta')
        .addColumn('key', 'text', (c) => c.primaryKey().notNull())
        .addColumn('value', 'text', (c) => c.notNull())
        .compile(),
    ],
  },
  {
    version: 2,
    name: 'alerts: rule state, alert events, deliveries',
    up: (db) => [
      // One row per rule (and target): what the engine remembers across a restart (JSON).
      db.schema
        .createTable('alert_state')
        .addColumn('key', 'text', (c) => c.primaryKey().notNull())
        .addColumn('value', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .compile(),
      db.schema
        .createTable('alert_event')
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .compile(),
      db.schema
        .createTable('alert_delivery')
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('event_id', 'integer')
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('channel_id', 'text', (c) => c.notNull())
        .addColumn('channel_type', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('reason', 'text')
        .addColumn('attempted_at', 'text')
        .addColumn('next_attempt_at', 'text')
        .compile(),
      db.schema.createIndex('alert_delivery_status_idx').on('alert_delivery').columns(['status', 'next_attempt_at']).compile(),
    ],
  },
  {
    version: 3,
    name: 'a chime per display link',
    up: (db) => [
      db.schema
        .alterTable('display')
        .addColumn('chime', 'integer', (c) => c.notNull().defaultTo(0))
        .compile(),
    ],
  },
  {
    version: 4,
    name: 'a language per person',
    // Null: the site's language. better-auth knows it as an additional field (accounts.ts).
    up: (db) => [db.schema.alterTable('user').addColumn('locale', 'text').compile()],
  },
];

/** The version a store has after every migration has run. */
export const LATEST_VERSION = migrations.at(-1)?.version ?? 0;
