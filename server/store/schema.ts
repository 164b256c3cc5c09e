import type { Generated } from 'kysely';

/**
 * Table shapes as kysely sees them. Timestamps are ISO-8601 UTC strings and JSON is text on both
 * engines, so one set of queries serves SQLite and PostgreSQL. Booleans are 0/1 integers.
 */
export type AccountsTable = {
  uuid: string;
  name: string;
  settings_json: string;
  /** SecretBox-sealed JSON: OAuth tokens or an API key. */
  credentials_sealed: string | null;
  created_at: string;
  updated_at: string;
};

export type ConnectionsTable = {
  id: string;
  account_uuid: string;
  secret_sealed: string;
  previous_secret_sealed: string | null;
  active: number;
  created_at: string;
};

export type DeliveriesTable = {
  id: string;
  account_uuid: string;
  connection_id: string | null;
  provider_call_id: string | null;
  event: string | null;
  outcome: string;
  errors_json: string | null;
  body_redacted: string;
  redaction_kinds: string;
  received_at: string;
};

export type CallsTable = {
  id: string;
  account_uuid: string;
  provider_call_id: string;
  revision: number;
  status: string;
  intent: string;
  outcome_json: string;
  redaction_kinds: string;
  match_json: string | null;
  decision_json: string | null;
  job_uuid: string | null;
  company_uuid: string | null;
  step_status: string;
  details_status: string;
  started_at: string | null;
  created_at: string;
  updated_at: string;
  /** Random id for the call's link (migration 003); null only for a moment during that migration. */
  link_token: string | null;
};

export type CallLinksTable = {
  id: string;
  account_uuid: string;
  call_id: string;
  record_type: string;
  record_uuid: string;
  score: string;
  reasons_json: string;
  chosen: number;
  created_at: string;
};

export type OutboxTable = {
  id: string;
  account_uuid: string;
  call_id: string;
  idempotency_key: string;
  action_key: string;
  kind: string;
  payload_json: string;
  status: string;
  attempts: number;
  next_attempt_at: string;
  lease_owner: string | null;
  lease_until: string | null;
  record_uuid: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
};

export type ReviewItemsTable = {
  id: string;
  account_uuid: string;
  call_id: string;
  reason: string;
  detail: string;
  status: string;
  resolution: string | null;
  resolved_by: string | null;
  created_at: string;
  resolved_at: string | null;
};

export type AuditEventsTable = {
  id: Generated<number>;
  account_uuid: string;
  call_id: string | null;
  actor: string;
  action: string;
  detail_json: string;
  at: string;
};

export type KnownReferencesTable = {
  account_uuid: string;
  kind: string;
  value: string;
  company_uuid: string;
  job_uuid: string | null;
  created_at: string;
};

export type RateWindowsTable = {
  account_uuid: string;
  window: string;
  count: number;
};

export type DocumentSendsTable = {
  id: string;
  account_uuid: string;
  call_id: string;
  job_uuid: string;
  idempotency_key: string;
  kind: string;
  reference: string;
  channel: string;
  /** SecretBox-sealed full address. */
  recipient_sealed: string;
  recipient_masked: string;
  recipient_who: string;
  why: string;
  caller_words: string;
  mode: string;
  status: string;
  confirmed_by: string;
  confirmed_at: string;
  response_status: string | null;
  response_message: string | null;
  message_id: string | null;
  created_at: string;
  updated_at: string;
};

export type Database = {
  accounts: AccountsTable;
  dialnexa_connections: ConnectionsTable;
  deliveries: DeliveriesTable;
  calls: CallsTable;
  call_links: CallLinksTable;
  outbox: OutboxTable;
  review_items: ReviewItemsTable;
  audit_events: AuditEventsTable;
  known_references: KnownReferencesTable;
  rate_windows: RateWindowsTable;
  document_sends: DocumentSendsTable;
};
