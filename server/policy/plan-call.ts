import type { ServiceM8Action } from '../domain/actions.js';
import { buildFinanceTask } from './finance-task.js';
import { buildJobNote } from './job-note.js';
import { describeNewJob, isWorkNeverRaised } from './new-job.js';
import { planEscalation } from './plan-escalation.js';
import { planJobChange } from './plan-job-change.js';
import { planMoney } from './plan-money.js';
import { planResend } from './plan-resend.js';
import { addReview, CREATE_JOB_KEY, emptyPlan, ownerLabel, type Plan, type PolicyContext } from './policy-context.js';
import { MONEY_RULES, primaryRequest } from './money-rules.js';

/**
 * Where the call lands: the job the match chose (the call named it, or it is the client's only open job
 * and the call's subject fits it); a new job when the caller says work was done but never raised; else
 * nowhere yet — a person chooses among the client's open jobs or creates one. Never the latest job.
 */
export function chooseDestination(ctx: Omit<PolicyContext, 'destination'>): PolicyContext['destination'] {
  const neverRaised = isWorkNeverRaised(ctx.input.outcome);
  if (ctx.best.jobUuid && !(neverRaised && ctx.best.jobBasis === 'only_open_job')) return 'job';
  return neverRaised && ctx.intent !== 'unknown' ? 'new_job' : 'none';
}

/**
 * Every step for a call with a clear destination: at most one note (on the matched or the new job) and at
 * most one finance task holding every finance step as a line. Order matters: money lines record the
 * escalations the escalation line reads, and the note (written last, placed first) describes every step.
 */
export function planCall(ctx: PolicyContext): Plan {
  const plan = emptyPlan();
  if (ctx.destination === 'none') {
    addReview(plan, 'insufficient_context', placeDetail(ctx));
    return plan;
  }
  if (!hasSomethingToRecord(ctx)) {
    addReview(plan, 'insufficient_context', 'the call has no summary, claim or clear request to record');
    return plan;
  }
  planMoney(ctx, plan);
  planResend(ctx, plan);
  planJobChange(ctx, plan);
  planEscalation(ctx, plan);
  const task = plan.lines.length > 0 ? buildFinanceTask(ctx, plan.lines) : undefined;
  plan.steps.unshift(...recordSteps(ctx, plan, task?.dueDate), ...(task ? [task] : []));
  return plan;
}

/** The note on the matched job; for work never raised, the new job and the note on it. */
function recordSteps(ctx: PolicyContext, plan: Plan, deadline: string | undefined): ServiceM8Action[] {
  const text = buildJobNote({
    outcome: ctx.input.outcome,
    heading: heading(ctx),
    record: { jobNumber: ctx.jobNumber, companyName: ctx.best.companyName, newJob: ctx.destination === 'new_job' },
    next: plan.next,
    ...(deadline ? { owner: ownerLabel(ctx), deadline } : {}),
    callLink: ctx.input.callLink,
  });
  if (ctx.destination === 'new_job') {
    const status = ctx.input.settings.newJobStatus ?? 'Quote';
    plan.reasons.push(`opens a new ${status} job for ${ctx.best.companyName}: the caller says the work was done but never raised`);
    return [
      { kind: 'create_job', key: CREATE_JOB_KEY, companyUuid: ctx.best.companyUuid, status, description: describeNewJob(ctx) },
      { kind: 'note', key: 'note:intake', jobUuid: '', createdJobKey: CREATE_JOB_KEY, text },
    ];
  }
  return [{ kind: 'note', key: 'note:intake', jobUuid: ctx.best.jobUuid ?? '', text }];
}

function placeDetail(ctx: Omit<PolicyContext, 'destination'>): string {
  const open = ctx.input.openJobs ?? [];
  const jobs = open.map((j) => `job ${j.jobNumber}${j.description ? ` (${j.description.slice(0, 60)})` : ''}`);
  const which = jobs.length > 0 ? `one of ${ctx.best.companyName}'s open jobs — ${jobs.join(', ')} — or create a job` : `create a job for ${ctx.best.companyName} or link the call to one`;
  return `the call names no job of ${ctx.best.companyName} and none clearly fits: choose ${which}`;
}

function hasSomethingToRecord(ctx: PolicyContext): boolean {
  const said = Boolean(ctx.input.outcome.summary?.trim() || ctx.analysis?.callerClaim?.trim());
  return said || (ctx.intent !== 'unknown' && ctx.intent !== 'other');
}

function heading(ctx: PolicyContext): string | undefined {
  const primary = primaryRequest(ctx.requests);
  return primary ? MONEY_RULES[primary.kind].words : undefined;
}
