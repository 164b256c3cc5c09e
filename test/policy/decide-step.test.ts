import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../server/domain/account-settings.js';
import type { Decision, ServiceM8Action } from '../../server/domain/actions.js';
import { decideStep, type StepInput } from '../../server/policy/decide-step.js';
import { CALL_LINK, NOW, SAM, TECH } from './fixtures.js';

const REFUND: ServiceM8Action = { kind: 'note', key: 'note:refund', jobUuid: 'j-1042', text: 'Refund AUD 349.00' };
const held: Decision = {
  actions: [], review: [], reasons: [], headline: 'Refund waits', proposed: [REFUND], awaiting: 'approval',
  nextStep: { text: 'Refund the second payment', ownerStaffUuid: 's-sam', deadline: '2026-11-27' },
};
const finance = { staffUuid: 's-sam', name: 'Sam Lee', canApprove: true };
const tech = { staffUuid: 's-tec', name: 'Alex Tran', canApprove: false };

function step(over: Partial<StepInput> = {}): StepInput {
  return {
    action: 'confirm', stepStatus: 'open', decision: { ...held, awaiting: undefined }, jobUuid: 'j-1042', viewer: tech, edits: {},
    settings: { ...defaultSettings(), financeOwnerStaffUuid: 's-sam' }, staff: [SAM, TECH], callLink: CALL_LINK, now: NOW, ...over,
  };
}

const ok = (r: ReturnType<typeof decideStep>) => {
  if (!r.ok) throw new Error(`refused: ${r.message}`);
  return r;
};

describe('decideStep', () => {
  it('confirms an open step with the planned actions and a note naming who, what and when', () => {
    const r = ok(decideStep(step({ edits: { text: '  Call the client back  ', ownerStaffUuid: 's-tec' } })));
    expect(r).toMatchObject({ to: 'confirmed', closeReviews: true, summary: 'Call the client back' });
    expect(r.nextStep).toEqual({ text: 'Call the client back', owner: 'Alex Tran', ownerStaffUuid: 's-tec', deadline: '2026-11-27' });
    expect(r.actions[0]).toBe(REFUND);
    expect(r.actions[1]).toMatchObject({ kind: 'note', key: 'note:step:confirm', jobUuid: 'j-1042' });
    expect((r.actions[1] as { text: string }).text).toBe(`Next step confirmed by Alex Tran: Call the client back. Owner: Alex Tran. Due 2026-11-27.\nCall: ${CALL_LINK}`);
  });

  it('writes no note when the call has no job', () => {
    expect(ok(decideStep(step({ jobUuid: undefined }))).actions).toEqual([REFUND]);
  });

  it('holds money steps for an approver, even after an escalation', () => {
    expect(decideStep(step({ decision: held, stepStatus: 'awaiting_approval' }))).toMatchObject({ ok: false, reason: 'not_approver' });
    expect(decideStep(step({ decision: held, stepStatus: 'escalated' }))).toMatchObject({ ok: false, reason: 'not_approver' });
    expect(decideStep(step({ decision: held, stepStatus: 'awaiting_approval', viewer: finance }))).toMatchObject({ ok: false, reason: 'not_allowed' });
    expect(decideStep(step({ decision: held, stepStatus: 'awaiting_approval', action: 'approve' }))).toMatchObject({ ok: false, reason: 'not_approver' });
  });

  it('approves with the threshold in the note, or declines with the reason', () => {
    const approved = ok(decideStep(step({ decision: held, stepStatus: 'awaiting_approval', action: 'approve', viewer: finance })));
    expect(approved).toMatchObject({ to: 'confirmed', from: ['awaiting_approval', 'escalated'] });
    expect(approved.actions[0]).toBe(REFUND);
    expect((approved.actions[1] as { text: string }).text).toContain('Approved by Sam Lee (approval threshold AUD 500.00): Refund the second payment');
    const declined = ok(decideStep(step({ decision: held, stepStatus: 'escalated', action: 'decline', viewer: finance })));
    expect(declined).toMatchObject({ to: 'resolved', summary: 'no reason given' });
    expect(declined.actions).toEqual([expect.objectContaining({ key: 'note:step:decline' })]);
  });

  it('has nothing to approve when no money step waits', () => {
    expect(decideStep(step({ action: 'approve', viewer: finance }))).toMatchObject({ ok: false, reason: 'not_allowed' });
    // Once approved (confirmed) the step no longer waits, so there is nothing left to decline.
    expect(decideStep(step({ action: 'decline', viewer: finance, decision: held, stepStatus: 'confirmed' }))).toMatchObject({ ok: false, reason: 'not_allowed' });
    expect(decideStep(step({ action: 'decline', viewer: finance, decision: held, stepStatus: 'resolved' }))).toMatchObject({ ok: false, reason: 'already_done' });
  });

  it('escalates to the finance owner with a task, and says so when there is none', () => {
    expect(decideStep(step({ action: 'escalate', edits: { reason: '  ' } }))).toMatchObject({ ok: false, reason: 'missing_input' });
    const r = ok(decideStep(step({ action: 'escalate', edits: { reason: 'Client disputes the amount' } })));
    expect(r).toMatchObject({ to: 'escalated', closeReviews: false, nextStep: { owner: 'Sam Lee', ownerStaffUuid: 's-sam' } });
    expect(r.actions).toEqual([expect.objectContaining({ kind: 'task', assigneeStaffUuid: 's-sam', dueDate: '2026-11-27' })]);
    const orphan = ok(decideStep(step({ action: 'escalate', edits: { reason: 'x' }, staff: [TECH], settings: defaultSettings() })));
    expect((orphan.actions[0] as { details: string }).details).toContain('No finance owner is set');
    expect(orphan.nextStep).toMatchObject({ owner: undefined, ownerStaffUuid: undefined });
  });

  it('resolves with an outcome, and refuses anything on a resolved call', () => {
    expect(decideStep(step({ action: 'resolve' }))).toMatchObject({ ok: false, reason: 'missing_input' });
    expect(ok(decideStep(step({ action: 'resolve', edits: { outcome: 'Refunded' } })))).toMatchObject({ to: 'resolved', summary: 'Refunded' });
    expect(decideStep(step({ action: 'resolve', stepStatus: 'resolved', edits: { outcome: 'again' } }))).toMatchObject({ ok: false, reason: 'already_done' });
    expect(decideStep(step({ action: 'escalate', stepStatus: 'resolved', edits: { reason: 'x' } }))).toMatchObject({ ok: false, reason: 'not_allowed' });
  });
});
