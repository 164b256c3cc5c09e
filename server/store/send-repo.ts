import type { SendChannel, SendableKind } from '../domain/document-send.js';
import type { SecretBox } from '../security/secret-box.js';
import type { Executor } from './executor.js';
import { rowId } from './row-id.js';
import type { DocumentSendsTable } from './schema.js';

/**
 * `addon`: sent by the add-on through the Messaging API; `person`: a person sent it from ServiceM8 and
 * said so in the panel (API-key mode, or the scope was not granted).
 * Status: queued → sent | failed (addon); done_by_person (person).
 */
export type SendMode = 'addon' | 'person';
export type SendStatus = 'queued' | 'sent' | 'failed' | 'done_by_person';

/** One row of the send log. The full recipient is never on it: `recipient()` opens the sealed copy. */
export type SendRecord = {
  id: string; accountUuid: string; callId: string; jobUuid: string; idempotencyKey: string;
  kind: SendableKind; reference: string; channel: SendChannel; recipientMasked: string; recipientWho: string;
  why: string; callerWords: string; mode: SendMode; status: SendStatus; confirmedBy: string; confirmedAt: string;
  responseStatus?: string; responseMessage?: string; messageId?: string; createdAt: string; updatedAt: string;
};

export type NewSend = Omit<SendRecord, 'id' | 'status' | 'createdAt' | 'updatedAt' | 'confirmedAt' | 'responseStatus' | 'responseMessage' | 'messageId'> & { recipient: string };

const toRecord = (r: DocumentSendsTable): SendRecord => ({
  id: r.id, accountUuid: r.account_uuid, callId: r.call_id, jobUuid: r.job_uuid, idempotencyKey: r.idempotency_key,
  kind: r.kind as SendableKind, reference: r.reference, channel: r.channel as SendChannel, recipientMasked: r.recipient_masked,
  recipientWho: r.recipient_who, why: r.why, callerWords: r.caller_words, mode: r.mode as SendMode, status: r.status as SendStatus,
  confirmedBy: r.confirmed_by, confirmedAt: r.confirmed_at, createdAt: r.created_at, updatedAt: r.updated_at,
  ...(r.response_status ? { responseStatus: r.response_status } : {}), ...(r.response_message ? { responseMessage: r.response_message } : {}),
  ...(r.message_id ? { messageId: r.message_id } : {}),
});

/** The send log; every read is scoped by account. */
export function sendRepo(db: Executor, box: SecretBox, now: () => Date) {
  const rows = () => db.selectFrom('document_sends').selectAll();
  return {
    /** Insert-or-ignore on the idempotency key; returns the row that holds the key and whether it is new. */
    async create(s: NewSend): Promise<{ record: SendRecord; created: boolean }> {
      const at = now().toISOString();
      const inserted = await db.insertInto('document_sends').values({
        id: rowId(), account_uuid: s.accountUuid, call_id: s.callId, job_uuid: s.jobUuid, idempotency_key: s.idempotencyKey,
        kind: s.kind, reference: s.reference, channel: s.channel, recipient_sealed: box.seal(s.recipient), recipient_masked: s.recipientMasked,
        recipient_who: s.recipientWho, why: s.why, caller_words: s.callerWords, mode: s.mode, status: s.mode === 'person' ? 'done_by_person' : 'queued',
        confirmed_by: s.confirmedBy, confirmed_at: at, response_status: null, response_message: null, message_id: null, created_at: at, updated_at: at,
      }).onConflict((oc) => oc.column('idempotency_key').doNothing()).returning('id').executeTakeFirst();
      const row = await rows().where('account_uuid', '=', s.accountUuid).where('idempotency_key', '=', s.idempotencyKey).executeTakeFirstOrThrow();
      return { record: toRecord(row), created: Boolean(inserted) };
    },

    async get(accountUuid: string, id: string): Promise<SendRecord | undefined> {
      const r = await rows().where('account_uuid', '=', accountUuid).where('id', '=', id).executeTakeFirst();
      return r ? toRecord(r) : undefined;
    },

    /** The full address, for the one place that sends. */
    async recipient(accountUuid: string, id: string): Promise<string | undefined> {
      const r = await db.selectFrom('document_sends').select('recipient_sealed').where('account_uuid', '=', accountUuid).where('id', '=', id).executeTakeFirst();
      return r ? box.open(r.recipient_sealed) : undefined;
    },

    async listForCall(accountUuid: string, callId: string): Promise<SendRecord[]> {
      return (await rows().where('account_uuid', '=', accountUuid).where('call_id', '=', callId).orderBy('created_at').execute()).map(toRecord);
    },

    async list(accountUuid: string, limit = 1000): Promise<SendRecord[]> {
      return (await rows().where('account_uuid', '=', accountUuid).orderBy('created_at', 'desc').limit(limit).execute()).map(toRecord);
    },

    /** ServiceM8's answer to an attempt; a sent (or person-done) row never changes again (a late answer never undoes it). */
    async recordResponse(accountUuid: string, id: string, r: { status?: 'sent' | 'failed'; responseStatus: string; responseMessage: string; messageId?: string }): Promise<void> {
      await db.updateTable('document_sends').set({
        ...(r.status ? { status: r.status } : {}), response_status: r.responseStatus, response_message: r.responseMessage.slice(0, 300),
        ...(r.messageId ? { message_id: r.messageId } : {}), updated_at: now().toISOString(),
      }).where('account_uuid', '=', accountUuid).where('id', '=', id).where('status', 'in', ['queued', 'failed']).execute();
    },
  };
}
export type SendRepo = ReturnType<typeof sendRepo>;
