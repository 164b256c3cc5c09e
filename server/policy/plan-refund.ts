import type { ReviewReason } from '../domain/actions.js';
import { formatMoney } from '../domain/money.js';
import { checkApprovalLimit } from './approval-limit.js';
import { addReview, financeTask, type Plan, type PolicyContext } from './policy-context.js';

/**
 * Refunds and credits proceed (a note plus a finance task to carry it out — the add-on never moves money)
 * only for a verified caller asking for a known amount within the approval limit, and never on a VIP
 * client's account without a person. Above the limit is also an escalation to the finance owner.
 */
export function planRefund(ctx: PolicyContext, plan: Plan): void {
  const a = ctx.analysis;
  const isRefund = ctx.intent === 'refund_request';
  if (!a || (!isRefund && !a.creditRequest?.trim())) return;
  const what = isRefund ? 'refund' : 'credit';
  const amount = a.amount ? formatMoney(a.amount) : 'an amount not yet known';
  const limit = checkApprovalLimit(a.amount, ctx.input.settings.approvalThreshold);
  const task = financeTask(ctx, 'task:refund', `Carry out ${what} of ${amount}`, [
    `Carry out the ${what} of ${amount} the caller asked for${a.refundReason ? ` (${a.refundReason})` : ''}.`,
    'The add-on moves no money: make it in the payment platform, then record it in ServiceM8.',
  ]);
  const blocks: [ReviewReason, string][] = [];
  if (a.callerVerified !== true) blocks.push(['unverified_identity', `the caller's identity was not verified, so the ${what} waits`]);
  if (limit.kind !== 'within') blocks.push([limit.kind, limit.detail]);
  if (ctx.isVip) blocks.push(['vip', `${what} on a VIP client's account waits for a person`]);
  if (limit.kind === 'above_threshold') plan.escalations.push(`${what} of ${limit.detail}`);
  if (blocks.length === 0) {
    plan.steps.push(task);
    plan.reasons.push(`${what} proceeds: caller verified and ${limit.detail}`);
    plan.next.push(`finance carries out the ${what} of ${amount}`);
    return;
  }
  plan.held.push(task);
  for (const [reason, detail] of blocks) addReview(plan, reason, detail);
  plan.next.push(`${what} of ${amount} waits for approval: ${blocks.map(([, d]) => d).join('; ')}`);
}
