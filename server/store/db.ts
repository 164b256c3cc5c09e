import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql, type MigrationProvider } from 'kysely';
import pg from 'pg';
import { initialMigration } from './migrations/001-initial.js';
import type { Database } from './schema.js';
import { startCheckpointer } from './sqlite-checkpointer.js';

export type Dialect = 'sqlite' | 'postgres';
export type Db = { db: Kysely<Database>; dialect: Dialect; close(): Promise<void>; schema?: string };

export type OpenOptions = {
  /** PostgreSQL schema to work in (tests use one per file so they can run side by side). */
  schema?: string;
  poolSize?: number;
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
    const checkpointer = memory ? undefined : startCheckpointer(sqlite, resolve(file));
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
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
  return { getMigrations: async () => ({ '001-initial': initialMigration(dialect) }) };
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
