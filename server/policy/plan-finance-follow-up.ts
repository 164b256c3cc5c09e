import { formatMoney } from '../domain/money.js';
import { addReview, financeTask, type Plan, type PolicyContext } from './policy-context.js';
import { stripUnsafeLinks } from './unsafe-links.js';

/**
 * Why this call is an escalation to the finance owner: VIP payment blockers, duplicate charges,
 * chargebacks, disputes, urgent failed renewals, collections, and refunds or credits above the limit
 * (the last are added to `plan.escalations` by the refund step, which must run first).
 */
export function escalationTriggers(ctx: PolicyContext, plan: Plan): string[] {
  const { rule, analysis } = ctx;
  const triggers = [...(rule.escalate ? [rule.escalate] : []), ...plan.escalations];
  const paymentFailed = analysis?.paymentStatus === 'failed';
  if (ctx.isVip && (rule.vipBlocker || paymentFailed)) triggers.push('a payment problem is blocking a VIP client');
  if (rule.escalateWhenUrgent && isUrgent(ctx)) triggers.push('the failed renewal is urgent');
  return [...new Set(triggers)];
}

/**
 * At most one task for escalations and follow-ups (a refund has its own), so the owner sees one item; a
 * money-changing intent (subscription change) is proposed for a person instead.
 */
export function planFinanceFollowUp(ctx: PolicyContext, plan: Plan): void {
  const { rule } = ctx;
  if (rule.moneyStep) {
    addReview(plan, 'money_change', `${rule.words.toLowerCase()} changes what the customer pays or has agreed to`);
    if (ctx.isVip) addReview(plan, 'vip', `${rule.words.toLowerCase()} on a VIP client's account waits for a person`);
    plan.held.push(financeTask(ctx, 'task:follow-up', rule.moneyStep, [`${rule.moneyStep}.`]));
    plan.next.push(`${rule.words.toLowerCase()} waits for approval`);
  }
  const triggers = escalationTriggers(ctx, plan);
  if (triggers.length > 0) {
    const lines = [`Escalated: ${triggers.join('; ')}.`, ...(rule.followUp ? [`${rule.followUp}.`] : []), ...claimLines(ctx)];
    plan.steps.push(financeTask(ctx, 'task:escalation', `${rule.words}: finance to follow up`, lines));
    plan.reasons.push(...triggers.map((t) => `escalated because ${t}`));
    plan.next.push(`finance follows up (${triggers[0]})`);
  } else if (rule.followUp) {
    plan.steps.push(financeTask(ctx, 'task:follow-up', rule.words, [`${rule.followUp}.`, ...claimLines(ctx)]));
    plan.next.push(rule.followUp.toLowerCase());
  }
}

// Urgent: a VIP, or a deadline from the call (follow-up or due date) inside the default follow-up window.
function isUrgent(ctx: PolicyContext): boolean {
  const due = ctx.analysis?.dueDate?.trim() ?? '';
  const dueSoon = /^\d{4}-\d{2}-\d{2}$/.test(due) && due <= ctx.deadline.defaultDate;
  const askedSoon = ctx.deadline.source === 'call' && ctx.deadline.date <= ctx.deadline.defaultDate;
  return ctx.isVip || dueSoon || askedSoon;
}

function claimLines(ctx: PolicyContext): string[] {
  const a = ctx.analysis;
  const parts = [a?.invoiceNumber && `invoice ${a.invoiceNumber}`, a?.amount && formatMoney(a.amount), a?.callerClaim];
  const claim = stripUnsafeLinks(parts.filter(Boolean).join(' · '));
  return claim ? [`Claim: ${claim}`] : [];
}
