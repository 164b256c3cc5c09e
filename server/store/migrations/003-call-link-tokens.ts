import type { Kysely, Migration } from 'kysely';
import { newLinkToken } from '../link-token.js';

/**
 * Every call gets a random link token (issue 15, item 4), existing calls included. Tokens come from node's
 * CSPRNG, not SQL (SQLite has no portable random text, PostgreSQL's random() is not cryptographic), so
 * the backfill runs row by row; there are few calls per account. The column stays nullable in DDL because
 * SQLite cannot add a NOT NULL column without a default; the repository always writes one.
 */
export function callLinkTokensMigration(): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema.alterTable('calls').addColumn('link_token', 'text').execute();
      const rows = await db.selectFrom('calls').select('id').execute();
      for (const r of rows) await db.updateTable('calls').set({ link_token: newLinkToken() }).where('id', '=', r.id).execute();
      await db.schema.createIndex('calls_link_token').on('calls').column('link_token').unique().execute();
    },
  };
}
