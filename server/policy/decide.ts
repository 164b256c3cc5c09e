import type { Decision, ReviewReason, ReviewRequest, TaskAction } from '../domain/actions.js';
import { buildHeadline, reviewWords } from './headline.js';
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
 * | best match high confidence                              | steps go out automatically (subject to rows below) |
 * | best match medium or low                                | review low_confidence; steps proposed           |
 * | sensitive request                                       | review sensitive; steps proposed                |
 * | automation mode review_everything                       | review review_everything; steps proposed        |
 * | client matched, no job, call clear (intent + ≥30 chars) | create_job (description = note text)            |
 * | client matched, no job, call unclear                    | review insufficient_context                     |
 * | job matched                                             | note:intake on the job                          |
 * | refund/credit: verified, known amount ≤ limit, not VIP  | task:refund; else review (unverified_identity / unknown_amount / above_threshold / vip), task proposed |
 * | dispute, chargeback, duplicate, collections, VIP blocker, urgent failed renewal, refund above limit | task:escalation |
 * | document resend to a recipient on file (billing first)  | task:resend; else review recipient_not_on_file  |
 * | job change, non-money non-legal field, live job loaded  | job:update:<field>; money → money_change, access/legal → legal_or_access (proposed) |
 * | subscription change                                     | review money_change; task:follow-up proposed    |
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
    ...(review.length > 0 ? { awaiting: review.some((r) => APPROVAL_REASONS.includes(r.reason)) ? 'approval' : 'review' } : {}),
  };
}

function nextStep(ctx: PolicyContext, task: TaskAction | undefined, review: ReviewRequest[]): Pick<Decision, 'nextStep'> {
  if (task) {
    const owner = ctx.owner ? { ownerStaffUuid: ctx.owner.uuid } : {};
    return { nextStep: { text: task.name, owner: ownerLabel(ctx), ...owner, deadline: task.dueDate } };
  }
  if (review.length > 0) return { nextStep: { text: 'Confirm or change the proposed steps in the review queue' } };
  return {};
}
