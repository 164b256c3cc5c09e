import type { CallAnalysis, Intent } from '../domain/call-outcome.js';
import type { FinanceLine, ReviewReason, ReviewRequest, ServiceM8Action } from '../domain/actions.js';
import type { MatchCandidate } from '../domain/match.js';
import type { SendProposal } from '../domain/document-send.js';
import type { Sm8Staff } from '../domain/servicem8-records.js';
import { resolveFinanceOwner, staffName } from './finance-owner.js';
import { followUpDeadline, type FollowUpDeadline } from './follow-up-deadline.js';
import { INTENT_RULES, type IntentRule } from './intent-rules.js';
import { readMoneyRequests, type MoneyRequest } from './money-requests.js';
import type { PolicyInput } from './policy-input.js';

export const CREATE_JOB_KEY = 'job:create';

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
  /** What the caller asked of finance (money-requests.ts), in the order finance's lines list them. */
  requests: MoneyRequest[];
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
  /** Finance's steps: they become the lines of the call's one finance task. */
  lines: FinanceLine[];
  /** A document the add-on itself can send (plan-resend.ts). */
  send?: SendProposal;
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
    requests: readMoneyRequests(analysis, {
      now: input.now, timeZone: usableZone(input.settings.timezone), region: input.settings.defaultRegion, currency: input.settings.currency,
    }),
  };
}

export function emptyPlan(): Plan {
  return { steps: [], held: [], review: [], reasons: [], next: [], escalations: [], lines: [] };
}

export function addReview(plan: Plan, reason: ReviewReason, detail: string): void {
  plan.review.push({ reason, detail });
}

/** "Sam Lee" or the honest "nobody (no finance owner set)". */
export function ownerLabel(ctx: PolicyContext): string {
  return ctx.owner ? staffName(ctx.owner) : 'unassigned (no finance owner set)';
}

// An unknown timezone setting reads dates in UTC (followUpDeadline says so in its notes).
function usableZone(timeZone: string): string {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return timeZone;
  } catch {
    return 'UTC';
  }
}
