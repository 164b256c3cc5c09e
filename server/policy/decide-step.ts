import type { AccountSettings } from '../domain/account-settings.js';
import type { Decision, ServiceM8Action } from '../domain/actions.js';
import type { Sm8Staff } from '../domain/servicem8-records.js';
import type { StepAction, StepStatus } from '../panel/view-types.js';
import { resolveFinanceOwner, staffName } from './finance-owner.js';
import { followUpDeadline } from './follow-up-deadline.js';
import { financeStep } from './step-finance.js';

export type StepInput = {
  action: StepAction;
  stepStatus: StepStatus;
  decision?: Decision;
  jobUuid?: string;
  viewer: { staffUuid: string; name: string; canApprove: boolean };
  edits: { text?: string; ownerStaffUuid?: string; deadline?: string; reason?: string; outcome?: string };
  settings: AccountSettings;
  staff: Sm8Staff[];
  callLink: string;
  now: Date;
  /** The call's finance task is already in the outbox: changes to it go out as one task update. */
  taskWritten?: boolean;
};

export type StepResult =
  | { ok: true; to: StepStatus; from: StepStatus[]; actions: ServiceM8Action[]; nextStep?: Decision['nextStep']; closeReviews: boolean; summary: string; decision?: Decision }
  | { ok: false; reason: 'already_done' | 'not_allowed' | 'not_approver' | 'missing_input'; message: string };

const OPEN: StepStatus[] = ['open', 'awaiting_review', 'escalated', 'none'];
const DONE: Partial<Record<StepAction, StepStatus[]>> = { confirm: ['confirmed'], escalate: ['escalated'], resolve: ['resolved'], approve: ['confirmed'], decline: ['resolved'] };

type Refusal = Extract<StepResult, { ok: false }>;
type NextStep = { text: string; owner?: string; ownerStaffUuid?: string; deadline: string };

/** What every action needs to know: the step as edited, the planned actions, and whether money waits. */
type Ctx = {
  i: StepInput;
  nextStep: NextStep;
  proposed: ServiceM8Action[];
  /** Approved once (confirmed) it no longer needs approval; until then, money steps wait for an approver. */
  needsApproval: boolean;
  note(key: string, body: string): ServiceM8Action[];
};

const refuse = (reason: Refusal['reason'], message: string): Refusal => ({ ok: false, reason, message });
const fullName = (s: Sm8Staff | undefined) => (s ? staffName(s) : undefined);

function contextOf(i: StepInput): Ctx {
  const step = i.decision?.nextStep;
  const text = i.edits.text?.trim() || step?.text || 'Follow up on this billing call';
  const byUuid = (uuid: string | undefined) => (uuid ? i.staff.find((s) => s.uuid === uuid) : undefined);
  const owner = byUuid(i.edits.ownerStaffUuid) ?? byUuid(step?.ownerStaffUuid) ?? resolveFinanceOwner(i.settings, i.staff);
  const deadline = i.edits.deadline || step?.deadline || followUpDeadline(undefined, i.settings, i.now).date;
  return {
    i,
    nextStep: { text, owner: fullName(owner), ownerStaffUuid: owner?.uuid, deadline },
    proposed: i.decision?.proposed ?? [],
    needsApproval: i.decision?.awaiting === 'approval' && i.stepStatus !== 'confirmed',
    note: (key, body) => (i.jobUuid ? [{ kind: 'note', key, jobUuid: i.jobUuid, text: `${body}\nCall: ${i.callLink}` }] : []),
  };
}

function confirm({ i, nextStep, proposed, needsApproval, note }: Ctx): StepResult {
  // Held money steps are released only by an approver — whatever the step's status (escalating first
  // must not become a way around approval).
  if (needsApproval && !i.viewer.canApprove) return refuse('not_approver', 'This step changes money: only an approver can approve or decline it.');
  if (i.stepStatus === 'awaiting_approval') return refuse('not_allowed', 'This step changes money: approve or decline it.');
  const body = `Next step confirmed by ${i.viewer.name}: ${nextStep.text}. Owner: ${nextStep.owner ?? 'unassigned'}. Due ${nextStep.deadline}.`;
  return { ok: true, from: OPEN, to: 'confirmed', nextStep, closeReviews: true, summary: nextStep.text, actions: [...proposed, ...note('note:step:confirm', body)] };
}

function escalate({ i, nextStep }: Ctx): StepResult {
  const reason = i.edits.reason?.trim();
  if (!reason) return refuse('missing_input', 'Say why this needs finance.');
  const finance = resolveFinanceOwner(i.settings, i.staff);
  const moved = financeStep(i.decision, i.taskWritten === true, { kind: 'escalated', text: `Escalated by ${i.viewer.name}: ${reason}` });
  const to = { ...nextStep, owner: fullName(finance), ownerStaffUuid: finance?.uuid };
  if (moved) return { ok: true, from: [...OPEN, 'awaiting_approval', 'confirmed'], to: 'escalated', closeReviews: false, summary: reason, actions: moved.actions, nextStep: to, decision: moved.decision };
  const task: ServiceM8Action = {
    kind: 'task', key: 'task:step:escalate', jobUuid: i.jobUuid, assigneeStaffUuid: finance?.uuid, dueDate: nextStep.deadline, name: 'Billing call escalated to finance',
    details: `Escalated by ${i.viewer.name}: ${reason}\n${finance ? '' : 'No finance owner is set — assign this task.\n'}Call: ${i.callLink}`,
  };
  return {
    ok: true, from: [...OPEN, 'awaiting_approval', 'confirmed'], to: 'escalated', closeReviews: false, summary: reason, actions: [task],
    nextStep: { ...nextStep, owner: fullName(finance), ownerStaffUuid: finance?.uuid },
  };
}

function resolve({ i, note }: Ctx): StepResult {
  const outcome = i.edits.outcome?.trim();
  if (!outcome) return refuse('missing_input', 'Say how this was resolved.');
  return { ok: true, from: [...OPEN, 'confirmed', 'awaiting_approval'], to: 'resolved', closeReviews: true, summary: outcome, actions: note('note:step:resolve', `Billing call resolved by ${i.viewer.name}: ${outcome}`) };
}

function approveOrDecline({ i, nextStep, proposed, needsApproval, note }: Ctx): StepResult {
  if (!i.viewer.canApprove) return refuse('not_approver', 'Only an approver can approve or decline money-changing steps.');
  if (!needsApproval || !['awaiting_approval', 'escalated'].includes(i.stepStatus)) return refuse('not_allowed', 'Nothing is waiting for approval on this call.');
  const from: StepStatus[] = ['awaiting_approval', 'escalated'];
  const by = `${i.action === 'approve' ? 'approved' : 'declined'} by ${i.viewer.name}`;
  const reasonText = i.edits.reason?.trim() || 'no reason given';
  const moved = financeStep(i.decision, i.taskWritten === true, { kind: i.action === 'approve' ? 'approved' : 'declined', by: i.action === 'approve' ? by : `${by}: ${reasonText}` });
  if (moved) {
    // The ticked line in the one finance task is the record of the approval: no second note on the job.
    const to: StepStatus = i.action === 'approve' ? 'confirmed' : 'resolved';
    return { ok: true, from, to, nextStep, closeReviews: true, summary: i.action === 'approve' ? nextStep.text : reasonText, actions: moved.actions, decision: moved.decision };
  }
  if (i.action === 'approve') {
    const limit = i.settings.approvalThreshold;
    const body = `Approved by ${i.viewer.name} (approval threshold ${limit.currency} ${limit.amount}): ${nextStep.text}`;
    return { ok: true, from, to: 'confirmed', nextStep, closeReviews: true, summary: nextStep.text, actions: [...proposed, ...note('note:step:approve', body)] };
  }
  const reason = i.edits.reason?.trim() || 'no reason given';
  return { ok: true, from, to: 'resolved', closeReviews: true, summary: reason, actions: note('note:step:decline', `Declined by ${i.viewer.name}: ${reason}`) };
}

const ACTIONS: Record<StepAction, (c: Ctx) => StepResult> = { confirm, escalate, resolve, approve: approveOrDecline, decline: approveOrDecline };

/**
 * What a staff action on a call's next step does, as a pure function: which transition, which ServiceM8
 * effects (through the same outbox as automatic ones), or why it is refused. Money-changing steps wait
 * for an approver; repeating a finished action is reported as already done, never redone.
 */
export function decideStep(i: StepInput): StepResult {
  if (DONE[i.action]?.includes(i.stepStatus)) return refuse('already_done', 'This was already done.');
  if (i.stepStatus === 'resolved') return refuse('not_allowed', 'This call is already resolved.');
  return ACTIONS[i.action](contextOf(i));
}
