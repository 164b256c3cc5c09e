import { defaultSettings } from '../domain/account-settings.js';
import type { Decision } from '../domain/actions.js';
import type { CallAnalysis, Intent } from '../domain/call-outcome.js';
import type { Money } from '../domain/money.js';
import { decide } from './decide.js';
import { financeTaskOf } from './finance-lines.js';
import { MONEY_REQUEST_KINDS, type MoneyRequestKind } from './money-requests.js';

/** One row of docs/money-policy.md: a request, as a call would make it, under one set of conditions. */
export type PolicyScenario = {
  request: MoneyRequestKind | 'unclear_request';
  verified: boolean;
  amount: 'none' | 'within' | 'above';
  vip: boolean;
};

export const SCENARIO_NOW = new Date('2026-11-25T03:07:02Z');
export const SCENARIO_LIMIT: Money = { amount: '500.00', currency: 'AUD' };
const EACH = { none: undefined, within: '100.00', above: '300.00' } as const;
const WHOLE = { none: undefined, within: '300.00', above: '900.00' } as const;

/** Every request × verified × amount against the limit × VIP, in the order the document lists them. */
export function policyScenarios(): PolicyScenario[] {
  const out: PolicyScenario[] = [];
  for (const request of [...MONEY_REQUEST_KINDS, 'unclear_request'] as const)
    for (const verified of [true, false])
      for (const amount of ['none', 'within', 'above'] as const)
        for (const vip of [false, true]) out.push({ request, verified, amount, vip });
  return out;
}

const INTENT_OF: Record<MoneyRequestKind, Intent> = {
  refund: 'refund_request', credit: 'billing_question', payment_plan: 'billing_question', promise_to_pay: 'billing_question',
  dispute: 'dispute', chargeback: 'chargeback', duplicate_charge: 'duplicate_charge', failed_renewal: 'failed_renewal',
  payment_method_update: 'payment_update', payment_status: 'payment_status', subscription_change: 'subscription_change',
  collections: 'collections', billing_question: 'billing_question',
};

/** The post-call analysis DialNexa would send for a scenario: the caller's words carry plans, promises and credits. */
export function scenarioAnalysis(s: PolicyScenario): CallAnalysis {
  const whole = WHOLE[s.amount];
  const words: Partial<Record<PolicyScenario['request'], string>> = {
    credit: whole ? `credit note of $${whole} for the call-out fee` : 'credit note for the call-out fee',
    payment_plan: EACH[s.amount] ? `Payment plan: 3 x $${EACH[s.amount]} fortnightly from 4 December` : 'Payment plan in 3 fortnightly instalments from 4 December',
    promise_to_pay: whole ? `will pay the $${whole} on Friday` : 'will pay the balance on Friday',
    unclear_request: 'sort out the bill',
  };
  const amount = whole && s.request !== 'payment_plan' && s.request !== 'unclear_request' ? { amount: whole, currency: 'AUD' } : undefined;
  return {
    intent: s.request === 'unclear_request' ? 'billing_question' : INTENT_OF[s.request], invoiceNumber: '1042', subscriptionId: 'SUB-7',
    callerVerified: s.verified, vip: s.vip, links: {},
    ...(amount ? { amount } : {}), ...(words[s.request] ? { creditRequest: words[s.request] } : {}),
  };
}

/** The decision the policy makes for a scenario: a confident match on job 1042, a finance owner, the AUD 500 limit. */
export function decideScenario(s: PolicyScenario): Decision {
  const settings = { ...defaultSettings(), approvalThreshold: SCENARIO_LIMIT, financeOwnerStaffUuid: 'staff-finance' };
  const best = { companyUuid: 'c-1', companyName: 'Client', jobUuid: 'j-1042', jobNumber: '1042', jobBasis: 'named' as const, score: 0.85, reasons: ['invoice 1042 is job 1042'] };
  return decide({
    outcome: { kind: 'outcome', event: 'call_ended', providerCallId: 'call_table', revision: 1, status: 'completed', hasRecording: false, summary: 'Caller rang about invoice 1042.', analysis: scenarioAnalysis(s) },
    match: { confidence: 'high', best, candidates: [best], reasons: [] },
    settings, staff: [{ uuid: 'staff-finance', first: 'Sam', last: 'Lee', email: 'sam@x.example', jobTitle: 'Accounts', active: true }],
    recipients: [], callLink: 'https://addon.example/calls/c', now: SCENARIO_NOW,
  });
}

/** What a row of the table says: the note's heading, the task's lines, the approval, the review reasons. */
export function scenarioRow(s: PolicyScenario): { note: string; lines: string[]; approval: boolean; review: string[] } {
  const d = decideScenario(s);
  const note = [...d.actions, ...(d.proposed ?? [])].find((a) => a.kind === 'note');
  const task = financeTaskOf(d);
  return {
    note: note?.kind === 'note' ? (note.text.split('\n')[0] ?? '').replace(/^DialNexa call: /, '') : '',
    lines: (task?.lines ?? []).map((l) => `${l.state === 'waiting' ? `(waits for ${l.waitsFor}) ` : ''}${l.text}`),
    approval: d.awaiting === 'approval',
    review: d.review.map((r) => r.reason),
  };
}
