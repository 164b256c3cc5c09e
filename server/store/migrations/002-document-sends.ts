import type { Kysely, Migration } from 'kysely';

/**
 * The send log (issue 14): one row per document send of a call (unique idempotency key, so a double tap
 * or a retried request cannot make two). The full recipient is sealed with SecretBox; only the masked copy
 * is readable. Portable DDL, like 001.
 */
export function documentSendsMigration(): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema.createTable('document_sends')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('account_uuid', 'text', (c) => c.notNull())
        .addColumn('call_id', 'text', (c) => c.notNull())
        .addColumn('job_uuid', 'text', (c) => c.notNull())
        .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('reference', 'text', (c) => c.notNull())
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('recipient_sealed', 'text', (c) => c.notNull())
        .addColumn('recipient_masked', 'text', (c) => c.notNull())
        .addColumn('recipient_who', 'text', (c) => c.notNull())
        .addColumn('why', 'text', (c) => c.notNull())
        .addColumn('caller_words', 'text', (c) => c.notNull())
        .addColumn('mode', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('confirmed_by', 'text', (c) => c.notNull())
        .addColumn('confirmed_at', 'text', (c) => c.notNull())
        .addColumn('response_status', 'text')
        .addColumn('response_message', 'text')
        .addColumn('message_id', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('document_sends_account_job').on('document_sends').columns(['account_uuid', 'job_uuid']).execute();
      await db.schema.createIndex('document_sends_account_call').on('document_sends').columns(['account_uuid', 'call_id']).execute();
    },
  };
}
