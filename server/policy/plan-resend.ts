import type { DocumentKind } from '../domain/call-outcome.js';
import { chooseRecipient } from './choose-recipient.js';
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
 * caller asks is how invoice-redirection fraud starts. Anything else waits for a person.
 */
export function planResend(ctx: PolicyContext, plan: Plan): void {
  if (ctx.intent !== 'document_resend') return;
  const kind = ctx.analysis?.documentKind;
  const doc = kind ? DOCUMENT_WORDS[kind] : 'document';
  const choice = chooseRecipient(ctx.analysis, ctx.input.recipients, ctx.input.settings.defaultRegion);
  if (!choice.ok) {
    addReview(plan, 'recipient_not_on_file', choice.detail);
    plan.next.push(`resend of the ${doc} waits: ${choice.detail}`);
    if (choice.requested) {
      const text = `Send the ${doc} to ${choice.requested} only once that address is verified (the caller asked for it; it is not on file)`;
      plan.lines.push(otherLine('resend', `resend ${doc}`, text, { waitsFor: 'review', why: choice.detail }));
    }
    return;
  }
  plan.lines.push(otherLine('resend', `resend ${doc}`, `Send the ${doc} to ${choice.address} (${choice.who}, on file in ServiceM8)`));
  plan.reasons.push(`${doc} goes to ${choice.who}, which ServiceM8 already holds`);
  plan.next.push(`resend the ${doc} to ${choice.who}`);
}
