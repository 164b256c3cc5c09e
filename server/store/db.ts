import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql, type Dialect as KyselyDialect, type Driver, type MigrationProvider } from 'kysely';
import pg from 'pg';
import { initialMigration } from './migrations/001-initial.js';
import { documentSendsMigration } from './migrations/002-document-sends.js';
import { callLinkTokensMigration } from './migrations/003-call-link-tokens.js';
import type { Database } from './schema.js';
import { startCheckpointer, type Checkpointer, type CheckpointOptions } from './sqlite-checkpointer.js';

export type Dialect = 'sqlite' | 'postgres';
export type Db = { db: Kysely<Database>; dialect: Dialect; close(): Promise<void>; schema?: string };

export type OpenOptions = {
  /** PostgreSQL schema to work in (tests use one per file so they can run side by side). */
  schema?: string;
  poolSize?: number;
  /** SQLite files: background checkpoint settings, and where a failing checkpoint thread is reported. */
  checkpoint?: CheckpointOptions;
};

/**
 * kysely prepares every query anew; on the webhook path preparing cost about as much as running. The
 * statements are few and fixed (query builders emit the same SQL text), so keep prepared ones by text.
 */
function withStatementCache(sqlite: BetterSqlite3.Database, max = 500) {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      let stmt = cache.get(sql);
      if (!stmt) {
        stmt = sqlite.prepare(sql);
        if (cache.size >= max) cache.delete(cache.keys().next().value!);
        cache.set(sql, stmt);
      }
      return stmt;
    },
  };
}

/**
 * kysely's SQLite driver hands its one connection to one query or transaction at a time. Taking it is
 * where a checkpoint drain waits (sqlite-checkpointer.ts): the connection is held and idle then, so the
 * thread can checkpoint the whole log without blocking this thread or failing a write.
 */
function drainingDialect(inner: KyselyDialect, checkpointer: Checkpointer): KyselyDialect {
  const gate = (driver: Driver): Driver => new Proxy(driver, {
    get(target, key) {
      if (key === 'acquireConnection') {
        return async () => {
          const connection = await target.acquireConnection();
          await checkpointer.drainIfAsked();
          return connection;
        };
      }
      const value = Reflect.get(target, key);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return {
    createAdapter: () => inner.createAdapter(),
    createDriver: () => gate(inner.createDriver()),
    createIntrospector: (db) => inner.createIntrospector(db),
    createQueryCompiler: () => inner.createQueryCompiler(),
  };
}

/** Opens `sqlite:<path>` (WAL, directory created) or `postgres://…`. Does not migrate. */
export function openDatabase(url: string, options: OpenOptions = {}): Db {
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length);
    if (file !== ':memory:') mkdirSync(dirname(resolve(file)), { recursive: true });
    const memory = file === ':memory:';
    const sqlite = new BetterSqlite3(memory ? ':memory:' : resolve(file));
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('foreign_keys = ON');
    const checkpointer = memory ? undefined : startCheckpointer(sqlite, resolve(file), options.checkpoint);
    const dialect = new SqliteDialect({ database: withStatementCache(sqlite) });
    const db = new Kysely<Database>({ dialect: checkpointer ? drainingDialect(dialect, checkpointer) : dialect });
    return { db, dialect: 'sqlite', close: async () => { await checkpointer?.stop(); await db.destroy(); } };
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    options: options.schema ? `-c search_path=${options.schema}` : undefined,
    // bigint columns (revision, audit id) fit in a double; parse them as numbers, per pool not globally.
    types: { getTypeParser: (oid: number, format?: any) => (oid === 20 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format)) } as any,
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', close: () => db.destroy(), schema: options.schema };
}

function provider(dialect: Dialect): MigrationProvider {
  return { getMigrations: async () => ({ '001-initial': initialMigration(dialect), '002-document-sends': documentSendsMigration(), '003-call-link-tokens': callLinkTokensMigration() }) };
}

/** The schema a PostgreSQL connection writes to (search_path may be set in DATABASE_URL's options). */
async function currentSchema(db: Kysely<Database>, dialect: Dialect): Promise<string | undefined> {
  if (dialect !== 'postgres') return undefined;
  const r = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  return r.rows[0]?.schema;
}

// With a schema, kysely keeps its bookkeeping tables there too; otherwise it would see another
// schema's kysely_migration tables and skip creating its own.
function migrator(db: Kysely<Database>, dialect: Dialect, schema?: string): Migrator {
  return new Migrator({ db, provider: provider(dialect), ...(schema ? { migrationTableSchema: schema } : {}) });
}

/**
 * Applies pending migrations. kysely's Migrator takes a lock first (an advisory transaction lock on
 * PostgreSQL), so several processes starting at once migrate exactly once.
 */
export async function migrate({ db, dialect, schema }: Db): Promise<string[]> {
  const { error, results } = await migrator(db, dialect, schema ?? (await currentSchema(db, dialect))).migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** True when every known migration has been executed (for /readyz). */
export async function migrationsApplied({ db, dialect, schema }: Db): Promise<boolean> {
  const migrations = await migrator(db, dialect, schema ?? (await currentSchema(db, dialect))).getMigrations();
  return migrations.every((m) => m.executedAt !== undefined);
}
