import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { migrate, openDatabase, type Db } from '../../server/store/db.js';

/**
 * The engines every store test runs on: SQLite always, PostgreSQL when TEST_DATABASE_URL is set
 * (.ci/run sets it). Without it, PostgreSQL cases are skipped with a visible notice.
 */
export const pgUrl = process.env.TEST_DATABASE_URL;
export const engines: ('sqlite' | 'postgres')[] = pgUrl ? ['sqlite', 'postgres'] : ['sqlite'];
if (!pgUrl) console.warn('[notice] TEST_DATABASE_URL is not set: PostgreSQL store tests are SKIPPED (CI sets it).');

export type TestDb = Db & { url: string; schema?: string; reopen(): Db; drop(): Promise<void> };

/** A fresh, migrated database: a temp SQLite file, or a throwaway schema on the test PostgreSQL server. */
export async function openTestDb(engine: 'sqlite' | 'postgres', poolSize?: number): Promise<TestDb> {
  if (engine === 'sqlite') {
    const url = `sqlite:${join(mkdtempSync(join(tmpdir(), 'addon-test-')), 'test.sqlite')}`;
    const handle = openDatabase(url);
    await migrate(handle);
    return { ...handle, url, reopen: () => openDatabase(url), drop: async () => {} };
  }
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = openDatabase(pgUrl!);
  await sql`create schema ${sql.id(schema)}`.execute(admin.db);
  await admin.close();
  const handle = openDatabase(pgUrl!, { schema, poolSize });
  await migrate(handle);
  return {
    ...handle, url: pgUrl!, schema,
    reopen: () => openDatabase(pgUrl!, { schema, poolSize }),
    drop: async () => {
      const a = openDatabase(pgUrl!);
      await sql`drop schema ${sql.id(schema)} cascade`.execute(a.db);
      await a.close();
    },
  };
}
