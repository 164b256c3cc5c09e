import type { CallAnalysis, Intent } from '../domain/call-outcome.js';
import type { ReviewReason, ReviewRequest, ServiceM8Action, TaskAction } from '../domain/actions.js';
import type { MatchCandidate } from '../domain/match.js';
import type { Sm8Staff } from '../domain/servicem8-records.js';
import { resolveFinanceOwner, staffName } from './finance-owner.js';
import { followUpDeadline, type FollowUpDeadline } from './follow-up-deadline.js';
import { INTENT_RULES, type IntentRule } from './intent-rules.js';
import type { PolicyInput } from './policy-input.js';

export const CREATE_JOB_KEY = 'job:create';
const NO_OWNER = 'No finance owner is set — assign this task.';

/** Everything the step planners need about one call whose match has a clear winner. */
export type PolicyContext = {
  input: PolicyInput;
  analysis?: CallAnalysis;
  intent: Intent;
  rule: IntentRule;
  best: MatchCandidate;
  /** Job number as people see it, from the live job when loaded. */
  jobNumber?: string;
  isVip: boolean;
  owner?: Sm8Staff;
  deadline: FollowUpDeadline;
  /** Where notes and tasks go: the matched job, a job this decision creates, or nowhere yet. */
  destination: 'job' | 'new_job' | 'none';
};

/** What the planners accumulate: steps ready to go, steps waiting for a person, and why. */
export type Plan = {
  steps: ServiceM8Action[];
  held: ServiceM8Action[];
  review: ReviewRequest[];
  reasons: string[];
  /** "What happens next" lines for the note. */
  next: string[];
  /** Why this call is an escalation to the finance owner. */
  escalations: string[];
};

export function buildContext(input: PolicyInput, best: MatchCandidate): Omit<PolicyContext, 'destination'> {
  const analysis = input.outcome.analysis;
  const intent = analysis?.intent ?? 'unknown';
  return {
    input,
    analysis,
    intent,
    rule: INTENT_RULES[intent] ?? INTENT_RULES.other,
    best,
    jobNumber: (input.job?.uuid === best.jobUuid ? input.job?.jobNumber : undefined) || best.jobNumber,
    isVip: input.settings.vipCompanyUuids.includes(best.companyUuid) || analysis?.vip === true,
    owner: resolveFinanceOwner(input.settings, input.staff),
    deadline: followUpDeadline(analysis?.followUpDeadline, input.settings, input.now),
  };
}

export function emptyPlan(): Plan {
  return { steps: [], held: [], review: [], reasons: [], next: [], escalations: [] };
}

export function addReview(plan: Plan, reason: ReviewReason, detail: string): void {
  plan.review.push({ reason, detail });
}

/** A task for the finance owner on the matched (or newly created) job, due at the follow-up deadline. */
export function financeTask(ctx: PolicyContext, key: string, name: string, lines: string[]): TaskAction {
  const where = ctx.jobNumber ? `Job ${ctx.jobNumber} — ${ctx.best.companyName}` : `${ctx.best.companyName} (new job)`;
  const details = [...(ctx.owner ? [] : [NO_OWNER]), ...lines, where, `Call: ${ctx.input.callLink}`].join('\n');
  return {
    kind: 'task',
    key,
    ...(ctx.destination === 'job' && ctx.best.jobUuid ? { jobUuid: ctx.best.jobUuid } : {}),
    ...(ctx.destination === 'new_job' ? { createdJobKey: CREATE_JOB_KEY } : {}),
    ...(ctx.owner ? { assigneeStaffUuid: ctx.owner.uuid } : {}),
    name,
    details,
    dueDate: ctx.deadline.date,
  };
}

/** "Sam Lee" or the honest "nobody (no finance owner set)". */
export function ownerLabel(ctx: PolicyContext): string {
  return ctx.owner ? staffName(ctx.owner) : 'unassigned (no finance owner set)';
}
