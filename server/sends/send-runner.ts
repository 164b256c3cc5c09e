import type { NoteAction } from '../domain/actions.js';
import type { Sm8Attachment } from '../domain/servicem8-records.js';
import { idempotencyKey } from '../outbox/idempotency.js';
import { ActionFailure, type ActionRunner } from '../outbox/runner.js';
import type { ServiceM8Client } from '../servicem8/client.js';
import { isServiceM8Error } from '../servicem8/errors.js';
import type { OutboxItem } from '../store/outbox-repo.js';
import type { SendRecord } from '../store/send-repo.js';
import type { Store } from '../store/store.js';
import { callLink } from '../calls/decide-call.js';
import type { SendDocumentAction } from './queue-send.js';
import { sendNote, titleOf } from './send-words.js';
import { maskAddressesIn } from '../policy/mask-address.js';

type Deps = { store: Store; servicem8For: (accountUuid: string) => Promise<ServiceM8Client | undefined>; publicUrl: string; dryRun?: boolean; log?: { info(o: object, m: string): void } };

/**
 * Carries one confirmed send to ServiceM8's Messaging API. Every attempt sends the outbox item's
 * idempotency key as the Idempotency-Key, so an attempt whose answer was lost (timeout, dropped socket,
 * 5xx after the send) repeats as a lookup, not as a second message. A refusal (4xx other than 429) fails
 * the send for a person to look at. On success: ServiceM8's answer and message id go in the send log and
 * the job note (masked address) goes to the outbox.
 */
export function createSendRunner(d: Deps): Record<string, ActionRunner> {
  return {
    async send_document(item) {
      const a = item.payload as SendDocumentAction;
      const send = await d.store.sends.get(item.accountUuid, a.sendId);
      if (!send) throw new ActionFailure('permanent', 'the send log row for this send is missing');
      if (send.status === 'sent') return { recordUuid: send.messageId };
      if (d.dryRun) {
        d.log?.info({ kind: send.kind, channel: send.channel, to: send.recipientMasked }, 'DRY_RUN: would send through ServiceM8');
        return { note: 'dry run' };
      }
      const client = await d.servicem8For(item.accountUuid);
      if (!client) throw new ActionFailure('permanent', 'this ServiceM8 account is not connected (reconnect the add-on)');
      const to = await d.store.sends.recipient(item.accountUuid, send.id);
      if (!to) throw new ActionFailure('permanent', 'the recipient of this send could not be read');
      const receipt = await deliver(d, client, item, send, to);
      await d.store.transaction(async (tx) => {
        await tx.sends.recordResponse(item.accountUuid, send.id, { status: 'sent', responseStatus: '200', responseMessage: receipt.message, ...(receipt.messageUuid ? { messageId: receipt.messageUuid } : {}) });
        const sent = (await tx.sends.get(item.accountUuid, send.id))!;
        const call = await tx.calls.get(item.accountUuid, item.callId);
        if (!call) throw new ActionFailure('permanent', 'the call of this send is missing');
        const note: NoteAction = { kind: 'note', key: `note:${a.key}`, jobUuid: send.jobUuid, text: sendNote(sent, send.confirmedBy, callLink(d.publicUrl, call)) };
        await tx.outbox.enqueue({ accountUuid: item.accountUuid, callId: item.callId, kind: 'note', actionKey: note.key, idempotencyKey: idempotencyKey(item.accountUuid, call.providerCallId, note.key), payload: note });
        await tx.audit.append({ accountUuid: item.accountUuid, callId: item.callId, actor: 'servicem8', action: 'send.sent', detail: { sendId: send.id, messageId: receipt.messageUuid ?? '', response: receipt.message, to: send.recipientMasked } });
      });
      return { recordUuid: receipt.messageUuid };
    },
  };
}

async function deliver(d: Deps, client: ServiceM8Client, item: OutboxItem, send: SendRecord, to: string) {
  const key = item.idempotencyKey;
  try {
    if (send.kind === 'payment_link') {
      const account = await d.store.accounts.get(item.accountUuid);
      const link = account?.settings.paymentLinkUrl;
      if (!link) throw new ActionFailure('permanent', 'no secure payment link is set in the add-on settings');
      // Only the business's own payment page: the add-on never asks for, builds or carries card details.
      const text = `${account!.name}: you can pay for ${send.reference.replace(/^payment link for /, '')} securely at ${link}`;
      return send.channel === 'sms'
        ? await client.sendSms({ to, message: text, regardingJobUuid: send.jobUuid, idempotencyKey: key })
        : await client.sendEmail({ to, subject: `${account!.name}: ${titleOf(send.reference)}`, text, regardingJobUuid: send.jobUuid, idempotencyKey: key });
    }
    const invoice = pickInvoice(await client.listJobAttachments(send.jobUuid));
    if (!invoice) throw new ActionFailure('permanent', `job has no invoice document in its diary to attach; create the invoice in ServiceM8, then retry`);
    const subject = titleOf(send.reference);
    const text = `Please find ${send.kind === 'receipt' ? 'your receipt (the paid invoice)' : 'your invoice'} attached: ${invoice.name}.`;
    return await client.sendEmail({ to, subject, text, attachmentUuids: [invoice.uuid], regardingJobUuid: send.jobUuid, idempotencyKey: key });
  } catch (err) {
    if (err instanceof ActionFailure) {
      await d.store.sends.recordResponse(item.accountUuid, send.id, { status: 'failed', responseStatus: 'not sent', responseMessage: err.message });
      throw err;
    }
    if (!isServiceM8Error(err)) throw err;
    const refused = !err.retryable;
    // ServiceM8's own words may quote the address back: masked before they are stored.
    await d.store.sends.recordResponse(item.accountUuid, send.id, { ...(refused ? { status: 'failed' as const } : {}), responseStatus: String(err.status), responseMessage: maskAddressesIn(err.message) });
    if (refused) await d.store.audit.append({ accountUuid: item.accountUuid, callId: item.callId, actor: 'servicem8', action: 'send.failed', detail: { sendId: send.id, status: String(err.status) } });
    throw new ActionFailure(refused ? 'permanent' : 'retry', `ServiceM8 ${refused ? 'refused' : 'did not confirm'} the ${send.channel === 'sms' ? 'SMS' : 'email'} (${err.status})`, { cause: err });
  }
}

/** The job's invoice document: ServiceM8 marks it `attachment_source: INVOICE`; a PDF named "Invoice…" otherwise. */
function pickInvoice(files: Sm8Attachment[]): Sm8Attachment | undefined {
  const live = files.filter((f) => f.active);
  return live.find((f) => f.source.toUpperCase() === 'INVOICE') ?? live.find((f) => /invoice/i.test(f.name) && /pdf/i.test(f.fileType));
}
