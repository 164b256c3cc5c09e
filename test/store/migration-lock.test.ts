import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrate, migrationsApplied, openDatabase } from '../../server/store/db.js';
import { pgUrl } from '../helpers/databases.js';

describe.skipIf(!pgUrl)('migrations on PostgreSQL', () => {
  it('run exactly once when several processes start together (guarded by a lock)', async () => {
    const schema = `t_${randomBytes(6).toString('hex')}`;
    const admin = openDatabase(pgUrl!);
    await sql`create schema ${sql.id(schema)}`.execute(admin.db);
    const handles = Array.from({ length: 4 }, () => openDatabase(pgUrl!, { schema, poolSize: 2 }));
    try {
      const applied = await Promise.all(handles.map((h) => migrate(h)));
      expect(applied.flat()).toEqual(['001-initial', '002-document-sends', '003-call-link-tokens']);
      for (const h of handles) expect(await migrationsApplied(h)).toBe(true);
    } finally {
      await Promise.all(handles.map((h) => h.close()));
      await sql`drop schema ${sql.id(schema)} cascade`.execute(admin.db);
      await admin.close();
    }
  });
});
