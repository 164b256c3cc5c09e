import type { SendProposal } from '../domain/document-send.js';
import type { SendCapability } from '../sends/send-capability.js';
import { manualInstructions, titleOf } from '../sends/send-words.js';
import type { SendRecord } from '../store/send-repo.js';
import type { SendLogView, SendView } from './view-types.js';

const CHANNEL = { email: 'email', sms: 'SMS' } as const;

/** A send-log row in words (masked recipient, who confirmed, ServiceM8's answer). */
export function sendLogView(s: SendRecord): SendLogView {
  const statusText = s.status === 'sent' ? `sent${s.messageId ? ` · ServiceM8 message ${s.messageId.slice(0, 8)}` : ''}`
    : s.status === 'done_by_person' ? 'sent from ServiceM8 by a person'
      : s.status === 'failed' ? `not sent: ${s.responseStatus === 'not sent' ? s.responseMessage : `ServiceM8 answered ${s.responseStatus ?? 'an error'}`}`
        : s.responseStatus ? `retrying (ServiceM8 answered ${s.responseStatus})` : 'sending';
  return { id: s.id, at: s.confirmedAt, what: `${titleOf(s.reference)} by ${CHANNEL[s.channel]}`, to: `${s.recipientMasked} (${s.recipientWho})`, status: s.status, statusText, by: s.confirmedBy };
}

/** What the panel shows for a call's proposed send; pure. */
export function buildSendView(p: SendProposal, sends: SendRecord[], can: SendCapability, jobNumber: string | undefined): SendView {
  const log = sends.map(sendLogView);
  const done = sends.some((s) => s.kind === p.kind);
  const base = {
    title: `${titleOf(p.reference)} by ${CHANNEL[p.channel]}`, onFile: p.onFile, why: p.why, log,
    ...(p.to ? { to: `${p.to.masked} (${p.to.who})` } : {}), ...(p.requested ? { requested: p.requested } : {}),
  };
  if (done) return { ...base, state: 'done' };
  if (p.state === 'review' && p.heldBy !== 'call') return { ...base, state: 'review' };
  const action = can.mode === 'addon'
    ? { by: 'addon' as const, label: `Send ${p.reference} to ${p.to?.masked ?? 'the contact on file'}` }
    : { by: 'person' as const, label: 'I sent it from ServiceM8', instructions: `The add-on cannot send this: ${can.why}. ${manualInstructions(p, jobNumber)}` };
  return { ...base, state: p.state, action };
}
