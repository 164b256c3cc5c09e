import { describe, expect, it } from 'vitest';
import { sumMoney } from '../../server/domain/money.js';
import { checkApprovalLimit } from '../../server/policy/approval-limit.js';
import { decide } from '../../server/policy/index.js';
import { financeTaskOf } from '../../server/policy/finance-lines.js';
import { call, input, keys, reviewReasons, settings } from './fixtures.js';

const refund = (extra: Parameters<typeof call>[0]) => call({ intent: 'refund_request', callerVerified: true, ...extra });

const lineIds = (d: ReturnType<typeof decide>) => (financeTaskOf(d)?.lines ?? []).map((l) => `${l.id}:${l.state}`);

describe('refunds and credits: one finance task, the refund line waits for approval unless every check passes', () => {
  it.each([
    ['verified, known, under limit', { amount: { amount: '80.00', currency: 'AUD' } }, [], ['refund:open']],
    ['exactly the limit is within it', { amount: { amount: '500', currency: 'AUD' } }, [], ['refund:open']],
    ['unverified', { callerVerified: false, amount: { amount: '80.00', currency: 'AUD' } }, ['unverified_identity'], ['refund:waiting']],
    ['verification unknown', { callerVerified: undefined, amount: { amount: '80.00', currency: 'AUD' } }, ['unverified_identity'], ['refund:waiting']],
    ['amount unknown', { amount: undefined }, ['unknown_amount'], ['refund:waiting']],
    ['amount zero', { amount: { amount: '0.00', currency: 'AUD' } }, ['unknown_amount'], ['refund:waiting']],
    ['amount not a number', { amount: { amount: 'lots', currency: 'AUD' } }, ['unknown_amount'], ['refund:waiting']],
    ['above limit', { amount: { amount: '500.01', currency: 'AUD' } }, ['above_threshold'], ['refund:waiting', 'escalation:open']],
    ['other currency', { amount: { amount: '20.00', currency: 'USD' } }, ['above_threshold'], ['refund:waiting', 'escalation:open']],
    ['unverified and above', { callerVerified: false, amount: { amount: '900', currency: 'AUD' } }, ['unverified_identity', 'above_threshold'], ['refund:waiting', 'escalation:open']],
    ['VIP by analysis', { vip: true, amount: { amount: '80.00', currency: 'AUD' } }, ['vip'], ['refund:waiting']],
  ] as const)('%s', (_name, extra, reviews, lines) => {
    const d = decide(input({ outcome: refund(extra) }));
    expect(reviewReasons(d)).toEqual(reviews);
    expect(keys(d.actions)).toEqual(['note:intake', 'task:finance']);
    expect(d.proposed).toEqual([]);
    expect(lineIds(d)).toEqual(lines);
    expect(d.awaiting).toBe(reviews.length ? 'approval' : undefined);
  });

  it('VIP by account setting holds the refund too', () => {
    const d = decide(input({ settings: settings({ vipCompanyUuids: ['c-nat'] }), outcome: refund({ amount: { amount: '80.00', currency: 'AUD' } }) }));
    expect(reviewReasons(d)).toEqual(['vip']);
    expect(lineIds(d)).toEqual(['refund:waiting']);
  });

  it('a credit asked for on a dispute is a credit-note line beside the dispute and its escalation, in the same task', () => {
    const d = decide(input({ outcome: call({ intent: 'dispute', creditRequest: 'wants a credit for the late visit', callerVerified: true, amount: { amount: '50.00', currency: 'AUD' } }) }));
    expect(keys(d.actions)).toEqual(['note:intake', 'task:finance']);
    expect(lineIds(d)).toEqual(['dispute:open', 'credit:open', 'escalation:open']);
    expect(financeTaskOf(d)?.lines?.[1]?.text).toBe("Raise a credit note of AUD 50.00 against the client's balance on invoice 1042");
  });

  it('the payment plan of the issue reads as a plan: 3 × AUD 140.00 fortnightly, no credit or refund anywhere', () => {
    const d = decide(input({ outcome: call({ intent: 'collections', creditRequest: 'Payment plan: 3 x $140.00 fortnightly', invoiceNumber: '1042', amount: { amount: '420.00', currency: 'AUD' }, callerVerified: true }) }));
    const task = financeTaskOf(d)!;
    expect(task.lines?.map((l) => l.id)).toEqual(['collections', 'payment_plan', 'escalation']);
    expect(task.details).toContain('[ ] Approve a payment plan: 3 × AUD 140.00 fortnightly, first date not yet agreed (total AUD 420.00)');
    expect(JSON.stringify(d)).not.toMatch(/credit|refund/i);
    expect(reviewReasons(d)).toEqual(['money_change']);
    expect(d.nextStep?.text).toBe('Approve or decline the payment plan');
    expect(d.actions[0]?.kind === 'note' && d.actions[0].text).toMatch(/^DialNexa call: Payment plan request\n/);
  });
});

describe('money is compared as decimals, never floats', () => {
  it('0.10 + 0.20 equals a 0.30 limit (a float sum would exceed it)', () => {
    expect(0.1 + 0.2 > 0.3).toBe(true);
    const total = sumMoney(['0.10', '0.20']);
    const limit = { amount: '0.30', currency: 'AUD' };
    expect(checkApprovalLimit({ amount: total, currency: 'AUD' }, limit).kind).toBe('within');
    expect(checkApprovalLimit({ amount: '0.31', currency: 'AUD' }, limit).kind).toBe('above_threshold');
    const d = decide(input({ settings: settings({ approvalThreshold: limit }), outcome: refund({ amount: { amount: total, currency: 'AUD' } }) }));
    expect(lineIds(d)).toEqual(['refund:open']);
  });

  it.each([
    ['499.99', '500.00', 'within'], ['500.00', '500', 'within'], ['500.001', '500.00', 'above_threshold'],
    ['1000000000000000000000.01', '1000000000000000000000.00', 'above_threshold'], ['-5.00', '500.00', 'unknown_amount'],
  ])('%s against %s → %s', (amount, limit, kind) => {
    expect(checkApprovalLimit({ amount, currency: 'AUD' }, { amount: limit, currency: 'AUD' }).kind).toBe(kind);
  });

  it('a broken limit setting never lets a refund through and never throws', () => {
    expect(checkApprovalLimit({ amount: '1.00', currency: 'AUD' }, { amount: 'abc', currency: 'AUD' })).toEqual({
      kind: 'above_threshold', detail: 'AUD 1.00 cannot be checked: the approval limit is not set correctly',
    });
  });
});
