import type { ServiceM8Action } from '../domain/actions.js';
import { planFinanceFollowUp } from './plan-finance-follow-up.js';
import { planJobChange } from './plan-job-change.js';
import { buildJobNote } from './job-note.js';
import { addReview, CREATE_JOB_KEY, emptyPlan, ownerLabel, type Plan, type PolicyContext } from './policy-context.js';
import { planRefund } from './plan-refund.js';
import { planResend } from './plan-resend.js';

/** A summary or claim shorter than this says too little to justify opening a new job. */
export const MIN_CONTEXT_CHARS = 30;

/** The matched job; else a new job for the matched client when the call says enough; else nowhere yet. */
export function chooseDestination(ctx: Omit<PolicyContext, 'destination'>): PolicyContext['destination'] {
  if (ctx.best.jobUuid) return 'job';
  return hasContextForNewJob(ctx) ? 'new_job' : 'none';
}

/**
 * Every step for a call with a clear destination. Order matters: the refund step records escalations
 * the finance step reads, and the note (written last, placed first) describes every other step.
 */
export function planCall(ctx: PolicyContext): Plan {
  const plan = emptyPlan();
  if (ctx.destination === 'none') {
    addReview(plan, 'insufficient_context', `no single job of ${ctx.best.companyName} fits, and the call says too little to open one`);
    return plan;
  }
  if (!hasSomethingToRecord(ctx)) {
    addReview(plan, 'insufficient_context', 'the call has no summary, claim or clear request to record');
    return plan;
  }
  planRefund(ctx, plan);
  planResend(ctx, plan);
  planJobChange(ctx, plan);
  planFinanceFollowUp(ctx, plan);
  plan.steps.unshift(recordStep(ctx, plan));
  return plan;
}

/** The note on the matched job, or the new job whose description carries the same text. */
function recordStep(ctx: PolicyContext, plan: Plan): ServiceM8Action {
  const task = [...plan.steps, ...plan.held].find((a) => a.kind === 'task');
  const text = buildJobNote({
    outcome: ctx.input.outcome,
    record: { jobNumber: ctx.jobNumber, companyName: ctx.best.companyName, newJob: ctx.destination === 'new_job' },
    next: plan.next,
    ...(task ? { owner: ownerLabel(ctx), deadline: task.dueDate } : {}),
    callLink: ctx.input.callLink,
  });
  if (ctx.destination === 'new_job') {
    plan.reasons.push(`opens a new job for ${ctx.best.companyName}: no single open job fits and the call is clear`);
    return { kind: 'create_job', key: CREATE_JOB_KEY, companyUuid: ctx.best.companyUuid, description: text };
  }
  return { kind: 'note', key: 'note:intake', jobUuid: ctx.best.jobUuid ?? '', text };
}

function hasContextForNewJob(ctx: Omit<PolicyContext, 'destination'>): boolean {
  if (ctx.intent === 'unknown' || ctx.intent === 'other') return false;
  const summary = ctx.input.outcome.summary?.trim().length ?? 0;
  const claim = ctx.analysis?.callerClaim?.trim().length ?? 0;
  return Math.max(summary, claim) >= MIN_CONTEXT_CHARS;
}

function hasSomethingToRecord(ctx: PolicyContext): boolean {
  const said = Boolean(ctx.input.outcome.summary?.trim() || ctx.analysis?.callerClaim?.trim());
  return said || (ctx.intent !== 'unknown' && ctx.intent !== 'other');
}
