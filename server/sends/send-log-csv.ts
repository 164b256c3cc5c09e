import type { AuditEvent } from '../store/audit-repo.js';
import type { SendRecord } from '../store/send-repo.js';

const COLUMNS = [
  'confirmed_at', 'call_id', 'job_uuid', 'kind', 'reference', 'channel', 'recipient_masked', 'recipient', 'why', 'caller_words',
  'mode', 'status', 'confirmed_by', 'servicem8_status', 'servicem8_answer', 'message_id', 'audit_trail',
] as const;

/**
 * The send log as CSV (RFC 4180, every field quoted), with each send's audit trail in its last column.
 * Addresses are masked. A field starting with = + - @ gets a leading ' so a spreadsheet never runs it.
 */
export function sendLogCsv(sends: readonly SendRecord[], auditFor: (s: SendRecord) => readonly AuditEvent[]): string {
  const rows = sends.map((s) => [
    s.confirmedAt, s.callId, s.jobUuid, s.kind, s.reference, s.channel, s.recipientMasked, s.recipientWho, s.why, s.callerWords,
    s.mode, s.status, s.confirmedBy, s.responseStatus ?? '', s.responseMessage ?? '', s.messageId ?? '',
    auditFor(s).map((e) => `${e.at} ${e.action} by ${e.actor}`).join('; '),
  ]);
  return [COLUMNS, ...rows].map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
}

function field(v: string): string {
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return `"${safe.replace(/"/g, '""')}"`;
}
