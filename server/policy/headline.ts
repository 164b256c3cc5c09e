import type { ReviewReason, ServiceM8Action, TaskAction } from '../domain/actions.js';
import { shortDate } from './follow-up-deadline.js';
import { fieldWords } from './money-fields.js';
import { MONEY_RULES } from './money-rules.js';
import type { PolicyContext } from './policy-context.js';

const WAITING_FOR: Record<ReviewReason, string> = {
  no_match: 'caller not matched',
  low_confidence: 'match not certain',
  ambiguous_match: 'several possible clients',
  sensitive: 'sensitive request',
  high_value: 'high-value request',
  vip: 'VIP client',
  money_change: 'changes money',
  unverified_identity: 'caller not verified',
  unknown_amount: 'amount unclear',
  above_threshold: 'above approval limit',
  recipient_not_on_file: 'recipient not on file',
  insufficient_context: 'not enough detail',
  review_everything: 'account reviews every call',
  legal_or_access: 'legal or access change',
  delivery_failed: 'delivery failed',
};

/**
 * One line a technician can act on at a glance:
 * "Billing dispute on this job — don't collect payment; finance (Sam) owns it until 27 Nov".
 */
export function buildHeadline(ctx: PolicyContext, actions: readonly ServiceM8Action[], waiting: ReviewReason | undefined): string {
  const where = ctx.destination === 'none' ? `for ${ctx.best.companyName}` : 'on this job';
  const task = actions.find((a): a is TaskAction => a.kind === 'task');
  const updated = actions.flatMap((a) => (a.kind === 'update_job' ? [fieldWords(a.field).join(' ')] : []));
  const clauses = [
    ctx.rule.holdPayment || ctx.requests.some((r) => MONEY_RULES[r.kind].holdPayment) ? "don't collect payment" : undefined,
    updated.length > 0 ? `${updated.join(', ')} updated` : undefined,
    task ? `finance (${ctx.owner?.first || 'no owner set'}) owns it until ${shortDate(task.dueDate)}` : undefined,
    waiting ? `waiting for review (${WAITING_FOR[waiting]})` : undefined,
  ].filter((c): c is string => Boolean(c));
  return `${ctx.rule.words} ${where} — ${clauses.length > 0 ? clauses.join('; ') : 'noted, nothing to do'}`;
}

export function reviewWords(reason: ReviewReason): string {
  return WAITING_FOR[reason];
}
