import { MONEY_RULES } from './money-rules.js';
import { otherLine } from './plan-money.js';
import type { Plan, PolicyContext } from './policy-context.js';

/**
 * Why this call is an escalation to the finance owner: requests finance always owns (disputes,
 * chargebacks, duplicate charges, collections), payment problems blocking a VIP, an urgent failed
 * renewal, and approval amounts above the limit (recorded by planMoney, which must run first).
 */
export function escalationTriggers(ctx: PolicyContext, plan: Plan): string[] {
  const triggers = ctx.requests.flatMap((r) => (MONEY_RULES[r.kind].escalate ? [MONEY_RULES[r.kind].escalate!] : []));
  triggers.push(...plan.escalations);
  const blocker = ctx.requests.some((r) => MONEY_RULES[r.kind].vipBlocker) || ctx.analysis?.paymentStatus === 'failed';
  if (ctx.isVip && blocker) triggers.push('a payment problem is blocking a VIP client');
  if (ctx.requests.some((r) => r.kind === 'failed_renewal') && isUrgent(ctx)) triggers.push('the failed renewal is urgent');
  return [...new Set(triggers)];
}

/** The escalation is one more line of the call's finance task, never a task of its own. */
export function planEscalation(ctx: PolicyContext, plan: Plan): void {
  const triggers = escalationTriggers(ctx, plan);
  if (triggers.length === 0) return;
  plan.lines.push(otherLine('escalation', 'escalation', `Own the escalation and call the client back: ${triggers.join('; ')}`));
  plan.reasons.push(...triggers.map((t) => `escalated because ${t}`));
  plan.next.push(`finance follows up (${triggers[0]})`);
}

// Urgent: a VIP, or a deadline from the call (follow-up or due date) inside the default follow-up window.
function isUrgent(ctx: PolicyContext): boolean {
  const due = ctx.analysis?.dueDate?.trim() ?? '';
  const dueSoon = /^\d{4}-\d{2}-\d{2}$/.test(due) && due <= ctx.deadline.defaultDate;
  const askedSoon = ctx.deadline.source === 'call' && ctx.deadline.date <= ctx.deadline.defaultDate;
  return ctx.isVip || dueSoon || askedSoon;
}
