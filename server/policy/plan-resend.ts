import type { DocumentKind } from '../domain/call-outcome.js';
import { isSendable, type SendChannel, type SendProposal, type SendableKind } from '../domain/document-send.js';
import { normaliseEmail } from '../matching/directory-index.js';
import { toE164 } from '../matching/to-e164.js';
import { chooseRecipient, type RecipientChoice } from './choose-recipient.js';
import { maskAddress } from './mask-address.js';
import { otherLine } from './plan-money.js';
import { addReview, type Plan, type PolicyContext } from './policy-context.js';

const DOCUMENT_WORDS: Record<DocumentKind, string> = {
  invoice: 'invoice',
  receipt: 'receipt',
  statement: 'statement',
  tax_form: 'tax form',
  payment_link: 'payment link',
};

/**
 * A document resend goes only to a recipient ServiceM8 already holds: sending an invoice wherever a
 * caller asks is how invoice-redirection fraud starts. Invoices, receipts and payment links the add-on can
 * send itself become a send proposal (`plan.send`); an unverified caller asking for a payment link always
 * waits for a person; statements and tax forms, which ServiceM8 cannot produce, stay a finance line.
 * Addresses are masked in everything this writes (notes, tasks, the stored decision).
 */
export function planResend(ctx: PolicyContext, plan: Plan): void {
  if (ctx.intent !== 'document_resend') return;
  const kind = ctx.analysis?.documentKind;
  const doc = kind ? DOCUMENT_WORDS[kind] : 'document';
  const region = ctx.input.settings.defaultRegion;
  const choice = chooseRecipient(ctx.analysis, ctx.input.recipients, region);
  const onFile = onFileMasked(ctx, region);
  const verified = ctx.analysis?.callerVerified === true;
  const reference = referenceOf(ctx, kind);
  if (!choice.ok) {
    const requested = choice.requested ? maskAll(choice.requested) : undefined;
    const detail = requested ? `${requested} is not on file for this client or job` : choice.detail;
    // The review queue shows the requested recipient beside those on file (all masked).
    addReview(plan, 'recipient_not_on_file', requested ? `${detail}; on file: ${onFile.join(', ') || 'none'}` : detail);
    plan.next.push(`resend of the ${doc} waits: ${detail}`);
    if (requested) {
      const text = `Send the ${doc} to ${requested} only once that address is verified (the caller asked for it; it is not on file)`;
      plan.lines.push(otherLine('resend', `resend ${doc}`, text, { waitsFor: 'review', why: detail }));
    }
    if (isSendable(kind)) plan.send = { kind, reference, channel: kind === 'payment_link' ? 'sms' : 'email', state: 'review', ...(requested ? { requested } : {}), onFile, why: detail, callerVerified: verified };
    return;
  }
  const channel = isSendable(kind) ? channelFor(kind, choice) : undefined;
  const address = channel === 'sms' ? choice.mobile : channel === 'email' ? choice.email : undefined;
  const masked = maskAll(address ?? choice.address);
  const noLink = kind === 'payment_link' && !ctx.input.settings.paymentLinkUrl;
  if (!isSendable(kind) || !channel || !address || noLink) {
    const why = noLink ? ' — no secure payment link is set in the add-on settings' : isSendable(kind) && !channel ? ` — the add-on sends ${doc}s by email, and that contact has no email on file` : '';
    plan.lines.push(otherLine('resend', `resend ${doc}`, `Send the ${doc} to ${masked} (${choice.who}, on file in ServiceM8)${why}`));
    plan.reasons.push(`${doc} goes to ${choice.who}, which ServiceM8 already holds`);
    plan.next.push(`resend the ${doc} to ${choice.who}`);
    return;
  }
  const to = { masked, who: choice.who };
  if (kind === 'payment_link' && !verified) {
    const why = 'the caller was not verified: a person checks who asked before a payment link is sent';
    addReview(plan, 'unverified_identity', why);
    plan.send = { kind, reference, channel, state: 'review', to, onFile, why, callerVerified: false };
    plan.next.push(`the payment link waits: ${why}`);
    return;
  }
  plan.send = { kind, reference, channel, state: 'proposed', to, onFile, why: `${masked} is ${choice.who}, on file in ServiceM8`, callerVerified: verified };
  // Settings decide who releases it: the add-on itself on a verified call, else one tap in the panel.
  const automatic = ctx.input.settings.sendMode === 'automatic' && verified;
  const how = automatic ? 'the add-on sends it (automatic send: verified caller, recipient on file)' : "one tap in the add-on's panel on this job";
  plan.lines.push(otherLine('resend', `resend ${doc}`, `Send the ${doc} to ${masked} (${choice.who}, on file in ServiceM8) by ${channel === 'sms' ? 'SMS' : 'email'}: ${how}`));
  plan.reasons.push(`${doc} goes to ${choice.who}, which ServiceM8 already holds`);
  plan.next.push(automatic ? `the add-on sends the ${doc} to ${choice.who}` : `send the ${doc} to ${choice.who} from the add-on's panel`);
}

/** Invoices and receipts go by email (the PDF attached); a payment link by SMS to a mobile, else email. */
function channelFor(kind: SendableKind, choice: Extract<RecipientChoice, { ok: true }>): SendChannel | undefined {
  if (kind === 'payment_link' && choice.mobile) return 'sms';
  return choice.email ? 'email' : undefined;
}

function referenceOf(ctx: PolicyContext, kind: DocumentKind | undefined): string {
  const job = ctx.jobNumber ? `job ${ctx.jobNumber}` : 'the job';
  if (kind === 'payment_link') return `payment link for ${job}`;
  const number = ctx.analysis?.invoiceNumber ?? ctx.jobNumber;
  return `${kind === 'receipt' ? 'receipt' : 'invoice'}${number ? ` ${number}` : ` for ${job}`}`;
}

/** "a / b" as chooseRecipient joins a requested email and phone: each part masked. */
function maskAll(text: string): string {
  return text.split(' / ').map(maskAddress).join(' / ');
}

function onFileMasked(ctx: PolicyContext, region: string): string[] {
  const all = ctx.input.recipients.flatMap((r) => [normaliseEmail(r.email), toE164(r.mobile, region) ?? '', toE164(r.phone, region) ?? '']);
  return [...new Set(all.filter(Boolean).map(maskAddress))].slice(0, 6);
}
