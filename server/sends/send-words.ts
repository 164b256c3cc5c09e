import type { SendProposal } from '../domain/document-send.js';
import type { SendRecord } from '../store/send-repo.js';

const CHANNEL = { email: 'email', sms: 'SMS' } as const;

/** "Invoice 1042" — the proposal's reference with a capital. */
export function titleOf(reference: string): string {
  return reference.charAt(0).toUpperCase() + reference.slice(1);
}

/**
 * What a person does in ServiceM8 when the add-on cannot send (API-key mode, missing scope), step by step.
 * The recipient stays masked: the person picks the contact ServiceM8 already holds, never types an address.
 */
export function manualInstructions(p: SendProposal, jobNumber: string | undefined): string {
  const job = jobNumber ? `job ${jobNumber}` : 'the job';
  const to = p.to ? `${p.to.who} (${p.to.masked})` : 'the contact on file';
  if (p.kind === 'payment_link') {
    return `In ServiceM8, open ${job} and send ${to} your secure payment link by ${CHANNEL[p.channel]} from the job's contact. Never take card details on the phone or by email. Then tap "I sent it".`;
  }
  return `In ServiceM8, open ${job}, choose Invoice → Email, send it to ${to} and check the address matches. Then tap "I sent it".`;
}

/** The job note for a send: what, how, to whom (masked), who confirmed, ServiceM8's answer; never the full address. */
export function sendNote(s: SendRecord, by: string, callLink: string): string {
  const how = s.mode === 'addon' ? `sent by ${CHANNEL[s.channel]} through the add-on` : `sent by ${CHANNEL[s.channel]} from ServiceM8 by a person`;
  const answer = s.mode === 'addon' ? ` ServiceM8 accepted it${s.messageId ? ` (message ${s.messageId})` : ''}.` : '';
  return [
    `${titleOf(s.reference)} ${how} to ${s.recipientMasked} (${s.recipientWho}, on file in ServiceM8); confirmed by ${by}.${answer}`,
    `Why: ${s.why}.${s.callerWords ? ` The caller: "${s.callerWords}"` : ''}`,
    `Call: ${callLink}`,
  ].join('\n');
}
