import { sql, type Kysely, type Migration } from 'kysely';

/** Portable DDL: text ids, ISO timestamps, JSON as text; only the audit id differs per engine. */
export function initialMigration(dialect: 'sqlite' | 'postgres'): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema.createTable('accounts')
        .addColumn('uuid', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('settings_json', 'text', (c) => c.notNull())
        .addColumn('credentials_sealed', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema.createTable('dialnexa_connections')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('account_uuid', 'text', (c) => c.notNull().references('accounts.uuid'))
        .addColumn('secret_sealed', 'text', (c) => c.notNull())
        .addColumn('previous_secret_sealed', 'text')
        .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema.createTable('deliveries')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('account_uuid', 'text', (c) => c.notNull())
        .addColumn('connection_id', 'text')
        .addColumn('provider_call_id', 'text')
        .addColumn('event', 'text')
        .addColumn('outcome', 'text', (c) => c.notNull())
        .addColumn('errors_json', 'text')
        .addColumn('body_redacted', 'text', (c) => c.notNull())
        .addColumn('redaction_kinds', 'text', (c) => c.notNull())
        .addColumn('received_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('deliveries_account_call').on('deliveries').columns(['account_uuid', 'provider_call_id']).execute();

      await db.schema.createTable('calls')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('account_uuid', 'text', (c) => c.notNull())
        .addColumn('provider_call_id', 'text', (c) => c.notNull())
        .addColumn('revision', 'bigint', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('intent', 'text', (c) => c.notNull())
        .addColumn('outcome_json', 'text', (c) => c.notNull())
        .addColumn('redaction_kinds', 'text', (c) => c.notNull())
        .addColumn('match_json', 'text')
        .addColumn('decision_json', 'text')
        .addColumn('job_uuid', 'text')
        .addColumn('company_uuid', 'text')
        .addColumn('step_status', 'text', (c) => c.notNull())
        .addColumn('details_status', 'text', (c) => c.notNull())
        .addColumn('started_at', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('calls_account_provider_call', ['account_uuid', 'provider_call_id'])
        .execute();
      await db.schema.createIndex('calls_account_job').on('calls').columns(['account_uuid', 'job_uuid']).execute();

      await db.schema.createTable('call_links')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('account_uuid', 'text', (c) => c.notNull())
        .addColumn('call_id', 'text', (c) => c.notNull())
        .addColumn('record_type', 'text', (c) => c.notNull())
        .addColumn('record_uuid', 'text', (c) => c.notNull())
        .addColumn('score', 'text', (c) => c.notNull())
        .addColumn('reasons_json', 'text', (c) => c.notNull())
        .addColumn('chosen', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('call_links_unique', ['call_id', 'record_type', 'record_uuid'])
        .execute();

      await db.schema.createTable('outbox')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('account_uuid', 'text', (c) => c.notNull())
        .addColumn('call_id', 'text', (c) => c.notNull())
        .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
        .addColumn('action_key', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('payload_json', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('next_attempt_at', 'text', (c) => c.notNull())
        .addColumn('lease_owner', 'text')
        .addColumn('lease_until', 'text')
        .addColumn('record_uuid', 'text')
        .addColumn('last_error', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('outbox_due').on('outbox').columns(['status', 'next_attempt_at']).execute();

      await db.schema.createTable('review_items')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('account_uuid', 'text', (c) => c.notNull())
        .addColumn('call_id', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('detail', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('resolution', 'text')
        .addColumn('resolved_by', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('resolved_at', 'text')
        .addUniqueConstraint('review_items_call_reason', ['call_id', 'reason'])
        .execute();
      await db.schema.createIndex('review_items_open').on('review_items').columns(['account_uuid', 'status']).execute();

      await db.schema.createTable('audit_events')
        .addColumn('id', dialect === 'postgres' ? 'bigserial' : 'integer', (c) =>
          dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement())
        .addColumn('account_uuid', 'text', (c) => c.notNull())
        .addColumn('call_id', 'text')
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('detail_json', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('audit_events_call').on('audit_events').columns(['account_uuid', 'call_id']).execute();

      await db.schema.createTable('known_references')
        .addColumn('account_uuid', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('value', 'text', (c) => c.notNull())
        .addColumn('company_uuid', 'text', (c) => c.notNull())
        .addColumn('job_uuid', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('known_references_pk', ['account_uuid', 'kind', 'value'])
        .execute();

      await db.schema.createTable('rate_windows')
        .addColumn('account_uuid', 'text', (c) => c.notNull())
        .addColumn('window', 'text', (c) => c.notNull())
        .addColumn('count', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('rate_windows_pk', ['account_uuid', 'window'])
        .execute();

      // Append-only audit: PostgreSQL refuses UPDATE/DELETE outright; SQLite gets equivalent triggers.
      if (dialect === 'postgres') {
        await sql`create function audit_events_append_only() returns trigger language plpgsql as $$
          begin raise exception 'audit_events is append-only'; end $$`.execute(db);
        await sql`create trigger audit_events_no_change before update or delete on audit_events
          for each row execute function audit_events_append_only()`.execute(db);
      } else {
        await sql`create trigger audit_events_no_update before update on audit_events
          begin select raise(abort, 'audit_events is append-only'); end`.execute(db);
        await sql`create trigger audit_events_no_delete before delete on audit_events
          begin select raise(abort, 'audit_events is append-only'); end`.execute(db);
      }
    },
  };
}
