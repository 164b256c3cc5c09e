import { describe, expect, it } from 'vitest';
import { sumMoney } from '../../server/domain/money.js';
import { checkApprovalLimit } from '../../server/policy/approval-limit.js';
import { decide } from '../../server/policy/index.js';
import { call, input, keys, reviewReasons, settings } from './fixtures.js';

const refund = (extra: Parameters<typeof call>[0]) => call({ intent: 'refund_request', callerVerified: true, ...extra });

describe('refunds and credits', () => {
  it.each([
    ['verified, known, under limit', { amount: { amount: '80.00', currency: 'AUD' } }, [], ['note:intake', 'task:refund'], []],
    ['exactly the limit is within it', { amount: { amount: '500', currency: 'AUD' } }, [], ['note:intake', 'task:refund'], []],
    ['unverified', { callerVerified: false, amount: { amount: '80.00', currency: 'AUD' } }, ['unverified_identity'], ['note:intake'], ['task:refund']],
    ['verification unknown', { callerVerified: undefined, amount: { amount: '80.00', currency: 'AUD' } }, ['unverified_identity'], ['note:intake'], ['task:refund']],
    ['amount unknown', { amount: undefined }, ['unknown_amount'], ['note:intake'], ['task:refund']],
    ['amount zero', { amount: { amount: '0.00', currency: 'AUD' } }, ['unknown_amount'], ['note:intake'], ['task:refund']],
    ['amount not a number', { amount: { amount: 'lots', currency: 'AUD' } }, ['unknown_amount'], ['note:intake'], ['task:refund']],
    ['above limit', { amount: { amount: '500.01', currency: 'AUD' } }, ['above_threshold'], ['note:intake', 'task:escalation'], ['task:refund']],
    ['other currency', { amount: { amount: '20.00', currency: 'USD' } }, ['above_threshold'], ['note:intake', 'task:escalation'], ['task:refund']],
    ['unverified and above', { callerVerified: false, amount: { amount: '900', currency: 'AUD' } }, ['unverified_identity', 'above_threshold'], ['note:intake', 'task:escalation'], ['task:refund']],
    ['VIP by analysis', { vip: true, amount: { amount: '80.00', currency: 'AUD' } }, ['vip'], ['note:intake'], ['task:refund']],
  ] as const)('%s', (_name, extra, reviews, actions, proposed) => {
    const d = decide(input({ outcome: refund(extra) }));
    expect(reviewReasons(d)).toEqual(reviews);
    expect(keys(d.actions)).toEqual(actions);
    expect(keys(d.proposed)).toEqual(proposed);
    expect(d.awaiting).toBe(reviews.length ? 'approval' : undefined);
  });

  it('VIP by account setting holds the refund too', () => {
    const d = decide(input({ settings: settings({ vipCompanyUuids: ['c-nat'] }), outcome: refund({ amount: { amount: '80.00', currency: 'AUD' } }) }));
    expect(reviewReasons(d)).toEqual(['vip']);
    expect(keys(d.proposed)).toEqual(['task:refund']);
  });

  it('a credit request on another intent goes through the same checks, beside its escalation', () => {
    const d = decide(input({ outcome: call({ intent: 'dispute', creditRequest: 'wants a credit for the late visit', callerVerified: true, amount: { amount: '50.00', currency: 'AUD' } }) }));
    expect(keys(d.actions)).toEqual(['note:intake', 'task:refund', 'task:escalation']);
    expect(d.actions.find((a) => a.key === 'task:refund')).toMatchObject({ name: 'Carry out credit of AUD 50.00' });
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
    expect(keys(d.actions)).toContain('task:refund');
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
