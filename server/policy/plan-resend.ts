import type { DocumentKind } from '../domain/call-outcome.js';
import { chooseRecipient } from './choose-recipient.js';
import { addReview, financeTask, type Plan, type PolicyContext } from './policy-context.js';

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
      const lines = [`The caller asked for the ${doc} to go to ${choice.requested}, which is not on file. Verify before sending.`];
      plan.held.push(financeTask(ctx, 'task:resend', `Resend ${doc} to ${choice.requested}`, lines));
    }
    return;
  }
  const lines = [`Send the ${doc} to ${choice.address} (${choice.who}, on file in ServiceM8).`];
  plan.steps.push(financeTask(ctx, 'task:resend', `Resend ${doc} to ${choice.who}`, lines));
  plan.reasons.push(`${doc} goes to ${choice.who}, which ServiceM8 already holds`);
  plan.next.push(`resend the ${doc} to ${choice.who}`);
}
