import type { FinanceLine, ReviewReason } from '../domain/actions.js';
import { formatMoney } from '../domain/money.js';
import { checkApprovalLimit } from './approval-limit.js';
import { MONEY_RULES, type LineFacts, type MoneyRule } from './money-rules.js';
import type { MoneyRequest } from './money-requests.js';
import { addReview, type Plan, type PolicyContext } from './policy-context.js';
import { stripUnsafeLinks } from './unsafe-links.js';

type Block = [ReviewReason, string];

/**
 * One finance line per money request of the call, worded by its rule (MONEY_RULES), waiting for an
 * approver when the rule says so. A request with unclear words goes to a person; an approval amount above
 * the limit is also an escalation (read by planEscalation, which runs after this).
 */
export function planMoney(ctx: PolicyContext, plan: Plan): void {
  for (const r of ctx.requests) {
    const rule = MONEY_RULES[r.kind];
    if (r.unclear) {
      addReview(plan, 'insufficient_context', `the caller asked to "${r.unclear}", which names no clear request; a person reads it`);
      plan.next.push(`a person reads the request "${r.unclear}"`);
      continue;
    }
    if (!rule.line || !rule.label) continue;
    const blocks = approvalBlocks(ctx, plan, r, rule);
    const text = rule.line(r, factsOf(ctx));
    const words = rule.words.toLowerCase();
    if (blocks.length === 0) {
      plan.lines.push({ id: r.kind, label: rule.label, text, state: 'open' });
      if (rule.approval === 'checks') plan.reasons.push(`${words} proceeds: caller verified and ${checkApprovalLimit(r.amount, ctx.input.settings.approvalThreshold).detail}`);
      plan.next.push(`finance: ${lowerFirst(text)}`);
      continue;
    }
    const why = blocks.map(([, d]) => d).join('; ');
    plan.lines.push({ id: r.kind, label: rule.label, text, state: 'waiting', waitsFor: 'approval', why });
    for (const [reason, detail] of blocks) addReview(plan, reason, detail);
    plan.next.push(`${words} waits for approval: ${why}`);
  }
}

function approvalBlocks(ctx: PolicyContext, plan: Plan, r: MoneyRequest, rule: MoneyRule): Block[] {
  if (rule.approval === 'never') return [];
  const words = rule.words.toLowerCase();
  const limit = checkApprovalLimit(r.amount, ctx.input.settings.approvalThreshold);
  const blocks: Block[] = [];
  if (rule.approval === 'always') blocks.push(['money_change', `a ${words} changes what the client pays or has agreed to`]);
  if (rule.approval === 'checks' && ctx.analysis?.callerVerified !== true) blocks.push(['unverified_identity', `the caller's identity was not verified, so the ${words} waits`]);
  if (limit.kind === 'above_threshold' || (rule.approval === 'checks' && limit.kind === 'unknown_amount')) blocks.push([limit.kind, limit.detail]);
  if (ctx.isVip) blocks.push(['vip', `a ${words} on a VIP client's account waits for a person`]);
  if (limit.kind === 'above_threshold') plan.escalations.push(`${words}: ${limit.detail}`);
  return blocks;
}

export function factsOf(ctx: PolicyContext): LineFacts {
  const a = ctx.analysis;
  const clean = (s: string | undefined) => (s ? stripUnsafeLinks(s).replace(/\s+/g, ' ').trim() : undefined);
  return {
    invoice: a?.invoiceNumber ?? a?.jobNumber ?? ctx.jobNumber,
    subscriptionId: a?.subscriptionId, paymentId: a?.paymentId,
    reason: clean(a?.refundReason || a?.disputeReason), claim: clean(a?.callerClaim),
  };
}

/** A line for a step that is not a money request itself (a resend, an escalation). */
export function otherLine(id: string, label: string, text: string, wait?: { waitsFor: 'approval' | 'review'; why: string }): FinanceLine {
  return wait ? { id, label, text, state: 'waiting', ...wait } : { id, label, text, state: 'open' };
}

export function moneyWords(amount: { amount: string; currency: string } | undefined): string {
  return amount ? formatMoney(amount) : 'an amount not yet known';
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}
