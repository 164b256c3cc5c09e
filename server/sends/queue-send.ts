import type { NoteAction } from '../domain/actions.js';
import type { SendProposal } from '../domain/document-send.js';
import { AppError } from '../errors.js';
import { idempotencyKey } from '../outbox/idempotency.js';
import { chooseRecipient } from '../policy/choose-recipient.js';
import { maskAddress } from '../policy/mask-address.js';
import type { ServiceM8Client } from '../servicem8/client.js';
import type { Account } from '../store/account-repo.js';
import type { StoredCall } from '../store/call-repo.js';
import type { SendRecord } from '../store/send-repo.js';
import type { Store } from '../store/store.js';
import type { DirectoryCache } from '../calls/directory-cache.js';
import { callLink, recipientsFor } from '../calls/decide-call.js';
import { sendCapability } from './send-capability.js';
import { sendNote } from './send-words.js';

export type QueueSendDeps = {
  store: Store;
  servicem8For: (accountUuid: string) => Promise<ServiceM8Client | undefined>;
  directory: DirectoryCache;
  publicUrl: string;
};

/** `by`: who sends (the add-on, or a person from ServiceM8); `actor` as the audit trail names it. */
export type SendOrder = { by: 'addon' | 'person'; requestId: string; actor: string; actorName: string };

/** The outbox item that carries one send to ServiceM8; the address is read from the sealed send log. */
export type SendDocumentAction = { kind: 'send_document'; key: string; sendId: string };

/**
 * Turns a call's proposed send into one send-log row, in one transaction with what carries it out: the
 * `send_document` outbox item (add-on sends), or the job note (a person sent it from ServiceM8). Keyed by
 * account + call + document kind, so a double tap, a retried request or an automatic send racing a tap
 * make one row and one send. The recipient is looked up again from ServiceM8 and must still be the one
 * the panel showed.
 */
export async function queueSend(d: QueueSendDeps, account: Account, call: StoredCall, order: SendOrder): Promise<{ record: SendRecord; created: boolean }> {
  const p = call.decision?.send;
  if (!p || !call.jobUuid) throw new AppError('NOT_FOUND', 'This call has no document to send');
  const earlier = (await d.store.sends.listForCall(account.uuid, call.id)).find((s) => s.kind === p.kind);
  if (earlier) return { record: earlier, created: false };
  // A send held only because its call waits for a person may go on that person's tap (never automatically).
  const releasable = p.state === 'proposed' || (p.heldBy === 'call' && order.actor.startsWith('staff:'));
  if (!releasable || !p.to) throw new AppError('CONFLICT', `This send waits for a person: ${p.why}`);
  const can = sendCapability(await d.store.accounts.getCredentials(account.uuid), p.channel);
  if (can.mode !== order.by) {
    throw new AppError('CONFLICT', can.mode === 'person' ? `The add-on cannot send this (${can.why}): send it from ServiceM8, then tap "I sent it"` : 'The add-on can send this itself: tap Send');
  }
  const address = await liveAddress(d, account, call, p);
  const key = `send:${p.kind}`;
  return d.store.transaction(async (tx) => {
    const made = await tx.sends.create({
      accountUuid: account.uuid, callId: call.id, jobUuid: call.jobUuid!, idempotencyKey: idempotencyKey(account.uuid, call.providerCallId, key),
      kind: p.kind, reference: p.reference, channel: p.channel, recipient: address, recipientMasked: p.to!.masked, recipientWho: p.to!.who,
      why: p.heldBy ? `${p.to!.masked} is ${p.to!.who}, on file in ServiceM8; released by a person although the call waited (${p.why})` : p.why,
      callerWords: callerWords(call), mode: order.by, confirmedBy: order.actorName,
    });
    if (!made.created) return made;
    const link = callLink(d.publicUrl, call);
    const action: SendDocumentAction | NoteAction = order.by === 'addon'
      ? { kind: 'send_document', key, sendId: made.record.id }
      : { kind: 'note', key: `note:${key}`, jobUuid: call.jobUuid!, text: sendNote(made.record, order.actorName, link) };
    await tx.outbox.enqueue({ accountUuid: account.uuid, callId: call.id, kind: action.kind, actionKey: action.key, idempotencyKey: idempotencyKey(account.uuid, call.providerCallId, action.key), payload: action });
    await tx.audit.append({ accountUuid: account.uuid, callId: call.id, actor: order.actor, action: order.by === 'addon' ? 'send.confirmed' : 'send.done_by_person', detail: {
      requestId: order.requestId, sendId: made.record.id, kind: p.kind, reference: p.reference, channel: p.channel, to: p.to!.masked, who: p.to!.who, why: can.why,
    } });
    return made;
  });
}

async function liveAddress(d: QueueSendDeps, account: Account, call: StoredCall, p: SendProposal): Promise<string> {
  const client = await d.servicem8For(account.uuid);
  if (!client || !call.companyUuid) throw new AppError('CONFLICT', 'This account is not connected to ServiceM8; nothing was sent');
  const dir = await d.directory.get(account.uuid, client);
  const choice = chooseRecipient(call.outcome.analysis, recipientsFor(dir.contacts, call.companyUuid, call.jobUuid), account.settings.defaultRegion);
  const address = choice.ok ? (p.channel === 'sms' ? choice.mobile : choice.email) : undefined;
  if (!address || maskAddress(address) !== p.to?.masked) {
    throw new AppError('CONFLICT', 'The contact on file in ServiceM8 changed since the call; nothing was sent. Check the client\'s contacts.');
  }
  return address;
}

/** What the caller asked, as stored (redacted before it was stored), kept short. */
function callerWords(call: StoredCall): string {
  const words = call.outcome.analysis?.callerClaim ?? call.outcome.summary ?? '';
  return words.length > 280 ? `${words.slice(0, 279)}…` : words;
}
