import type { Decision, ReviewReason, ReviewRequest, TaskAction } from '../domain/actions.js';
import { buildHeadline, reviewWords } from './headline.js';
import { MONEY_RULES, primaryRequest } from './money-rules.js';
import { buildContext, ownerLabel, type Plan, type PolicyContext } from './policy-context.js';
import type { PolicyInput } from './policy-input.js';
import { chooseDestination, planCall } from './plan-call.js';
import { notActionable, unmatched } from './quiet-decisions.js';

/**
 * Decides what one call writes into ServiceM8 and what waits for a person. Pure: no I/O, no clock
 * beyond `input.now`, never throws. The rules, in order:
 *
 * | when                                                    | result                                          |
 * |---------------------------------------------------------|-------------------------------------------------|
 * | hangup, or no analysis and not completed                | nothing; reason recorded                        |
 * | no candidate / several candidates without a clear best  | review no_match / ambiguous_match; nothing proposed |
 * | best match medium or low / sensitive / review_everything | review; every step proposed                    |
 * | job named by the call, or the only open job and it fits | note:intake on the job                          |
 * | client matched, work done but never raised              | job:create (settings' status) + note on it      |
 * | client matched, no job fits                             | review insufficient_context with the open jobs and "create a job" |
 * | any finance step                                        | ONE task:finance, one checklist line per step (docs/money-policy.md) |
 * | job change, non-money non-legal field, live job loaded  | job:update:<field>; money → money_change, access/legal → legal_or_access (proposed) |
 *
 * Money requests (refund, credit, payment plan, promise to pay, …) follow MONEY_RULES: each has its
 * note words, its line's verb, and whether and against which amount it waits for an approver.
 */
export function decide(input: PolicyInput): Decision {
  const skipped = notActionable(input.outcome);
  if (skipped) return skipped;
  const best = input.match.best;
  if (!best || input.match.confidence === 'none') return unmatched(input);
  const base = buildContext(input, best);
  const ctx: PolicyContext = { ...base, destination: chooseDestination(base) };
  return assemble(ctx, planCall(ctx), gateReviews(ctx));
}

// Reasons that mean a held step changes money: only staff with approval rights may release it (DESIGN.md).
const APPROVAL_REASONS: readonly ReviewReason[] = ['money_change', 'above_threshold', 'vip', 'unverified_identity', 'unknown_amount'];

/** Reviews that hold every step of the call, not just one. */
function gateReviews(ctx: PolicyContext): ReviewRequest[] {
  const gates: ReviewRequest[] = [];
  const { confidence } = ctx.input.match;
  if (confidence !== 'high') {
    gates.push({ reason: 'low_confidence', detail: `the match to ${ctx.best.companyName} is only ${confidence} confidence` });
  }
  if (ctx.analysis?.sensitiveRequest) {
    gates.push({ reason: 'sensitive', detail: 'the caller made a sensitive request; a person decides what is written' });
  }
  if (ctx.input.settings.automationMode === 'review_everything') {
    gates.push({ reason: 'review_everything', detail: 'this account has a person confirm every step before it is written' });
  }
  return gates;
}

function assemble(ctx: PolicyContext, plan: Plan, gates: ReviewRequest[]): Decision {
  const gated = gates.length > 0;
  const actions = gated ? [] : plan.steps;
  const proposed = gated ? [...plan.steps, ...plan.held] : plan.held;
  const review = [...gates, ...plan.review].filter((r, i, all) => all.findIndex((x) => x.reason === r.reason) === i);
  const anyTask = [...actions, ...proposed].find((a): a is TaskAction => a.kind === 'task');
  const job = ctx.jobNumber ? `, job ${ctx.jobNumber}` : '';
  const reasons = [
    `matched ${ctx.best.companyName}${job} with ${ctx.input.match.confidence} confidence: ${ctx.best.reasons.join('; ')}`,
    ...plan.reasons,
    ...review.map((r) => `waiting for a person (${reviewWords(r.reason)}): ${r.detail}`),
    ...(anyTask ? ctx.deadline.notes : []),
  ];
  return {
    actions,
    proposed,
    review,
    reasons,
    headline: buildHeadline(ctx, actions, review[0]?.reason),
    ...nextStep(ctx, anyTask, review),
    ...choicesOf(ctx),
    ...sendOf(plan, gates),
    ...(review.length > 0 ? { awaiting: review.some((r) => APPROVAL_REASONS.includes(r.reason)) ? 'approval' : 'review' } : {}),
  };
}

function nextStep(ctx: PolicyContext, task: TaskAction | undefined, review: ReviewRequest[]): Pick<Decision, 'nextStep'> {
  if (task) {
    const owner = ctx.owner ? { ownerStaffUuid: ctx.owner.uuid } : {};
    // The panel offers what the call's main request needs ("Approve or decline the payment plan").
    const primary = primaryRequest(ctx.requests);
    const text = primary && MONEY_RULES[primary.kind].line ? MONEY_RULES[primary.kind].next : task.name;
    return { nextStep: { text, owner: ownerLabel(ctx), ...owner, deadline: task.dueDate } };
  }
  if (review.length > 0) return { nextStep: { text: 'Confirm or change the proposed steps in the review queue' } };
  return {};
}

/** A call held as a whole (weak match, sensitive, review everything) sends nothing by itself: its send waits for a person's tap. */
function sendOf(plan: Plan, gates: ReviewRequest[]): Pick<Decision, 'send'> {
  if (!plan.send) return {};
  const gate = gates[0];
  return { send: gate && plan.send.state === 'proposed' ? { ...plan.send, state: 'review', why: gate.detail, heldBy: 'call' } : plan.send };
}

/** Where a person may put a call the policy would not place: the client's open jobs, or a new job. */
function choicesOf(ctx: PolicyContext): Pick<Decision, 'choices'> {
  if (ctx.destination !== 'none') return {};
  const jobs = (ctx.input.openJobs ?? []).map((j) => ({ jobUuid: j.uuid, jobNumber: j.jobNumber, description: j.description }));
  return { choices: { companyUuid: ctx.best.companyUuid, companyName: ctx.best.companyName, jobs, createJob: true } };
}
