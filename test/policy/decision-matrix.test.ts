import { describe, expect, it } from 'vitest';
import type { ServiceM8Action } from '../../server/domain/actions.js';
import { INTENTS, type Intent } from '../../server/domain/call-outcome.js';
import type { MatchConfidence } from '../../server/domain/match.js';
import { decide } from '../../server/policy/index.js';
import { financeTaskOf } from '../../server/policy/finance-lines.js';
import { CALL_LINK, call, input, matched, settings } from './fixtures.js';

/**
 * Every combination that changes the outcome: intent × match confidence × job/client-only × VIP ×
 * verified × amount (none, below, above the AUD 500 limit) × automation mode. The expectations below are
 * a second, deliberately naive statement of the rules — not a copy of the policy code.
 */
type Case = {
  intent: Intent; confidence: MatchConfidence; onJob: boolean; vip: boolean; verified: boolean;
  amount: 'none' | 'below' | 'above'; everything: boolean;
};

const AMOUNTS = { none: undefined, below: { amount: '80.00', currency: 'AUD' }, above: { amount: '900.00', currency: 'AUD' } };
const ALWAYS_ESCALATED: Intent[] = ['duplicate_charge', 'chargeback', 'dispute', 'collections'];
const FINANCE_STEPS: Intent[] = ['refund_request', 'failed_renewal', 'payment_update', 'subscription_change', 'document_resend'];
const MONEY_REASONS = ['money_change', 'above_threshold', 'vip', 'unverified_identity', 'unknown_amount'];

function cases(): Case[] {
  const out: Case[] = [];
  for (const intent of INTENTS)
    for (const confidence of ['high', 'medium', 'low'] as const)
      for (const onJob of [true, false])
        for (const vip of [false, true])
          for (const verified of [true, false])
            for (const amount of ['none', 'below', 'above'] as const)
              for (const everything of [false, true]) out.push({ intent, confidence, onJob, vip, verified, amount, everything });
  return out;
}

function expected(c: Case) {
  // A client without a named or fitting job is never given one by guesswork: a person chooses.
  const hasPlace = c.onJob;
  const gated = c.confidence !== 'high' || c.everything;
  const refundReviews = c.intent !== 'refund_request' ? [] : [
    ...(c.verified ? [] : ['unverified_identity']),
    ...(c.amount === 'none' ? ['unknown_amount'] : []),
    ...(c.amount === 'above' ? ['above_threshold'] : []),
    ...(c.vip ? ['vip'] : []),
  ];
  // Every finance step of the call is a line of ONE task.
  const hasTask = ALWAYS_ESCALATED.includes(c.intent) || FINANCE_STEPS.includes(c.intent);
  const keys = !hasPlace ? [] : ['note:intake', ...(hasTask ? ['task:finance'] : [])];
  return { hasPlace, gated, refundReviews, keys, heldAnyway: [] as string[] };
}

function run(c: Case) {
  return decide(input({
    match: matched(c.confidence, c.onJob),
    ...(c.onJob ? {} : { job: undefined }),
    settings: settings({ automationMode: c.everything ? 'review_everything' : 'automatic_confident' }),
    outcome: call({ intent: c.intent, vip: c.vip, callerVerified: c.verified, amount: AMOUNTS[c.amount], invoiceNumber: '1042' }),
  }));
}

const all = cases();
const sorted = (xs: string[]) => [...xs].sort();
const keysOf = (xs: ServiceM8Action[] | undefined) => (xs ?? []).map((a) => a.key);

describe(`decision matrix (${all.length} combinations)`, () => {
  it('writes and proposes exactly the expected steps, with the expected reasons', () => {
    for (const c of all) {
      const d = run(c);
      const e = expected(c);
      const label = JSON.stringify(c);
      const live = keysOf(d.actions);
      const proposed = keysOf(d.proposed);
      expect(sorted([...live, ...proposed]), label).toEqual(sorted(e.keys));
      if (e.gated) expect(live, label).toEqual([]);
      else expect(sorted(live), label).toEqual(sorted(e.keys.filter((k) => !e.heldAnyway.includes(k))));
      const reasons = d.review.map((r) => r.reason);
      if (c.confidence !== 'high') expect(reasons, label).toContain('low_confidence');
      if (c.everything) expect(reasons, label).toContain('review_everything');
      // The matrix's job_change calls never say which field: that needs a person too.
      if (!e.hasPlace || c.intent === 'job_change') expect(reasons, label).toContain('insufficient_context');
      if (e.hasPlace) for (const r of e.refundReviews) expect(reasons, label).toContain(r);
      if (e.hasPlace && c.intent === 'subscription_change') expect(reasons, label).toContain('money_change');
      if (e.hasPlace && c.intent === 'subscription_change' && c.vip) expect(reasons, label).toContain('vip');
      if (!e.gated && e.hasPlace && e.refundReviews.length === 0 && !['subscription_change', 'job_change'].includes(c.intent)) expect(reasons, label).toEqual([]);
      expect(d.awaiting, label).toBe(reasons.some((r) => MONEY_REASONS.includes(r)) ? 'approval' : reasons.length ? 'review' : undefined);
    }
  });

  it('holds the invariants: unique keys, nothing both written and proposed, money steps never written unchecked', () => {
    for (const c of all) {
      const d = run(c);
      const every = [...d.actions, ...(d.proposed ?? [])];
      expect(new Set(every.map((a) => a.key)).size).toBe(every.length);
      for (const a of every) {
        if (a.kind === 'task') expect(a.dueDate).toBe('2026-11-27');
        if (a.kind === 'task') expect(a.details).toContain(CALL_LINK);
        if (a.kind === 'note') expect(a.text.length).toBeLessThanOrEqual(1500);
        if (a.kind === 'note' || a.kind === 'create_job') expect(a.kind === 'note' ? a.text : a.description).toContain(CALL_LINK);
      }
      expect(every.filter((a) => a.kind === 'task')).toHaveLength(expected(c).keys.includes('task:finance') ? 1 : 0);
      expect(every.filter((a) => a.kind === 'note')).toHaveLength(c.onJob ? 1 : 0);
      // A refund line is ready for finance only when nothing holds it; otherwise it waits for an approver.
      const refund = financeTaskOf(d)?.lines?.find((l) => l.id === 'refund');
      const released = d.actions.some((a) => a.kind === 'task') && refund?.state === 'open';
      expect(released).toBe(c.intent === 'refund_request' && c.onJob && c.confidence === 'high' && !c.everything && c.verified && c.amount === 'below' && !c.vip);
      expect(d.headline.length).toBeGreaterThan(0);
      expect(d).toEqual(run(c));
    }
  });
});
