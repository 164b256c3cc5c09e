import type { AccountSettings } from '../domain/account-settings.js';
import type { Decision, ServiceM8Action } from '../domain/actions.js';
import type { Sm8Staff } from '../domain/servicem8-records.js';
import type { StepAction, StepStatus } from '../panel/view-types.js';
import { resolveFinanceOwner } from './finance-owner.js';
import { followUpDeadline } from './follow-up-deadline.js';

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
};

export type StepResult =
  | { ok: true; to: StepStatus; from: StepStatus[]; actions: ServiceM8Action[]; nextStep?: Decision['nextStep']; closeReviews: boolean; summary: string }
  | { ok: false; reason: 'already_done' | 'not_allowed' | 'not_approver' | 'missing_input'; message: string };

const OPEN: StepStatus[] = ['open', 'awaiting_review', 'escalated', 'none'];
const DONE: Partial<Record<StepAction, StepStatus[]>> = { confirm: ['confirmed'], escalate: ['escalated'], resolve: ['resolved'], approve: ['confirmed'], decline: ['resolved'] };

/**
 * What a staff action on a call's next step does, as a pure function: which transition, which ServiceM8
 * effects (through the same outbox as automatic ones), or why it is refused. Money-changing steps wait
 * for an approver; repeating a finished action is reported as already done, never redone.
 */
export function decideStep(i: StepInput): StepResult {
  if (DONE[i.action]?.includes(i.stepStatus)) return { ok: false, reason: 'already_done', message: 'This was already done.' };
  if (i.stepStatus === 'resolved') return { ok: false, reason: 'not_allowed', message: 'This call is already resolved.' };
  const step = i.decision?.nextStep;
  const text = i.edits.text?.trim() || step?.text || 'Follow up on this billing call';
  const owner = i.staff.find((s) => s.uuid === i.edits.ownerStaffUuid) ?? (step?.ownerStaffUuid ? i.staff.find((s) => s.uuid === step.ownerStaffUuid) : undefined) ?? resolveFinanceOwner(i.settings, i.staff);
  const deadline = i.edits.deadline || step?.deadline || followUpDeadline(undefined, i.settings, i.now).date;
  const nextStep = { text, owner: owner ? `${owner.first} ${owner.last}`.trim() : undefined, ownerStaffUuid: owner?.uuid, deadline };
  const note = (key: string, body: string): ServiceM8Action[] => (i.jobUuid ? [{ kind: 'note', key, jobUuid: i.jobUuid, text: `${body}\nCall: ${i.callLink}` }] : []);
  const proposed = i.decision?.proposed ?? [];
  // Approved once (confirmed) it no longer needs approval; until then, money steps wait for an approver.
  const needsApproval = i.decision?.awaiting === 'approval' && i.stepStatus !== 'confirmed';
  switch (i.action) {
    case 'confirm':
      // Held money steps are released only by an approver — whatever the step's status (escalating first
      // must not become a way around approval).
      if (needsApproval && !i.viewer.canApprove) return { ok: false, reason: 'not_approver', message: 'This step changes money: only an approver can approve or decline it.' };
      if (i.stepStatus === 'awaiting_approval') return { ok: false, reason: 'not_allowed', message: 'This step changes money: approve or decline it.' };
      return { ok: true, from: OPEN, to: 'confirmed', nextStep, closeReviews: true, summary: text,
        actions: [...proposed, ...note('note:step:confirm', `Next step confirmed by ${i.viewer.name}: ${text}. Owner: ${nextStep.owner ?? 'unassigned'}. Due ${deadline}.`)] };
    case 'escalate': {
      const reason = i.edits.reason?.trim();
      if (!reason) return { ok: false, reason: 'missing_input', message: 'Say why this needs finance.' };
      const finance = resolveFinanceOwner(i.settings, i.staff);
      return { ok: true, from: [...OPEN, 'awaiting_approval', 'confirmed'], to: 'escalated', nextStep: { ...nextStep, owner: finance ? `${finance.first} ${finance.last}` : undefined, ownerStaffUuid: finance?.uuid }, closeReviews: false, summary: reason,
        actions: [{ kind: 'task', key: 'task:step:escalate', jobUuid: i.jobUuid, assigneeStaffUuid: finance?.uuid, dueDate: deadline, name: 'Billing call escalated to finance',
          details: `Escalated by ${i.viewer.name}: ${reason}\n${finance ? '' : 'No finance owner is set — assign this task.\n'}Call: ${i.callLink}` }] };
    }
    case 'resolve': {
      const outcome = i.edits.outcome?.trim();
      if (!outcome) return { ok: false, reason: 'missing_input', message: 'Say how this was resolved.' };
      return { ok: true, from: [...OPEN, 'confirmed', 'awaiting_approval'], to: 'resolved', closeReviews: true, summary: outcome, actions: note('note:step:resolve', `Billing call resolved by ${i.viewer.name}: ${outcome}`) };
    }
    case 'approve':
    case 'decline': {
      if (!i.viewer.canApprove) return { ok: false, reason: 'not_approver', message: 'Only an approver can approve or decline money-changing steps.' };
      if (!needsApproval || !['awaiting_approval', 'escalated'].includes(i.stepStatus)) return { ok: false, reason: 'not_allowed', message: 'Nothing is waiting for approval on this call.' };
      if (i.action === 'approve') {
        return { ok: true, from: ['awaiting_approval', 'escalated'], to: 'confirmed', nextStep, closeReviews: true, summary: text,
          actions: [...proposed, ...note('note:step:approve', `Approved by ${i.viewer.name} (approval threshold ${i.settings.approvalThreshold.currency} ${i.settings.approvalThreshold.amount}): ${text}`)] };
      }
      const reason = i.edits.reason?.trim() || 'no reason given';
      return { ok: true, from: ['awaiting_approval', 'escalated'], to: 'resolved', closeReviews: true, summary: reason, actions: note('note:step:decline', `Declined by ${i.viewer.name}: ${reason}`) };
    }
  }
}
