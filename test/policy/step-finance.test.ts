import { describe, expect, it } from 'vitest';
import { decide } from '../../server/policy/index.js';
import { carryLineStates, financeTaskOf } from '../../server/policy/finance-lines.js';
import { financeStep } from '../../server/policy/step-finance.js';
import { call, input, matched } from './fixtures.js';

const bigRefund = () => decide(input({ outcome: call({ intent: 'refund_request', callerVerified: true, amount: { amount: '900.00', currency: 'AUD' } }) }));
const states = (d: ReturnType<typeof decide> | undefined) => (financeTaskOf(d)?.lines ?? []).map((l) => `${l.id}:${l.state}`);

describe('panel actions on the one finance task', () => {
  it('approve ticks the waiting line and sends ONE task update when the task is already in ServiceM8', () => {
    const r = financeStep(bigRefund(), true, { kind: 'approved', by: 'approved by Sam Lee' })!;
    expect(states(r.decision)).toEqual(['refund:approved', 'escalation:open']);
    expect(r.actions).toEqual([{ kind: 'task_update', key: 'task:finance:update:approve', taskKey: 'task:finance' }]);
    expect(financeTaskOf(r.decision)?.details).toContain('[x] Refund AUD 900.00 to the payer on invoice 1042 through the payment platform, then record it in ServiceM8 — approved by Sam Lee');
  });

  it('decline strikes the line; escalate adds a line — each one task update', () => {
    const declined = financeStep(bigRefund(), true, { kind: 'declined', by: 'declined by Sam Lee: not our fault' })!;
    expect(states(declined.decision)).toEqual(['refund:declined', 'escalation:open']);
    expect(financeTaskOf(declined.decision)?.details).toContain('[-] Refund AUD 900.00');
    const escalated = financeStep(bigRefund(), true, { kind: 'escalated', text: 'Escalated by Alex Tran: caller is angry' })!;
    expect(states(escalated.decision)).toEqual(['refund:waiting', 'escalation:open', 'staff-escalation:open']);
    expect(escalated.actions.map((a) => a.key)).toEqual(['task:finance:update:escalate']);
  });

  it('a task only proposed (weak match) goes out already ticked when approved, with the rest of what was held', () => {
    const held = decide(input({ match: matched('medium'), outcome: call({ intent: 'refund_request', callerVerified: true, amount: { amount: '900.00', currency: 'AUD' } }) }));
    expect(held.actions).toEqual([]);
    const r = financeStep(held, false, { kind: 'approved', by: 'approved by Sam Lee' })!;
    expect(r.actions.map((a) => a.key)).toEqual(['note:intake', 'task:finance']);
    expect(r.actions.find((a) => a.kind === 'task')).toMatchObject({ lines: [{ id: 'refund', state: 'approved' }, { id: 'escalation', state: 'open' }] });
    expect(r.decision.proposed).toEqual([]);
  });

  it('a later revision keeps an approved line approved', () => {
    const approved = financeStep(bigRefund(), true, { kind: 'approved', by: 'approved by Sam Lee' })!.decision;
    const later = decide(input({ outcome: call({ intent: 'refund_request', callerVerified: true, callerClaim: 'leak ruined the floor', amount: { amount: '900.00', currency: 'AUD' } }, { revision: 2 }) }));
    expect(states(carryLineStates(approved, later))).toEqual(['refund:approved', 'escalation:open']);
  });

  it('a call without a finance task is left to the note-based steps', () => {
    expect(financeStep(decide(input({ outcome: call({ intent: 'billing_question' }) })), false, { kind: 'approved', by: 'x' })).toBeUndefined();
  });
});
