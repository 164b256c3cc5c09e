import type { UpdateJobAction } from '../domain/actions.js';
import type { Sm8Job } from '../domain/servicem8-records.js';
import { fieldWords, isLegalOrAccessField, isMoneyChangingField } from './money-fields.js';
import { addReview, type Plan, type PolicyContext } from './policy-context.js';

type ChangeableField = 'jobAddress' | 'description' | 'billingAddress' | 'purchaseOrderNumber';

// How callers and DialNexa name job fields, mapped to the domain job (servicem8-records.ts).
const JOB_FIELDS: Record<string, ChangeableField> = {
  'job address': 'jobAddress', address: 'jobAddress', 'site address': 'jobAddress', 'service address': 'jobAddress',
  description: 'description', 'job description': 'description',
  'billing address': 'billingAddress',
  'purchase order number': 'purchaseOrderNumber', 'purchase order': 'purchaseOrderNumber', 'po number': 'purchaseOrderNumber',
};

/**
 * A caller's job change is written only for a non-money, non-legal field, with the old value read from
 * the live job; money, commitments, access and legal terms wait for a person with the change proposed.
 */
export function planJobChange(ctx: PolicyContext, plan: Plan): void {
  if (ctx.intent !== 'job_change') return;
  const change = ctx.analysis?.jobChange;
  const asked = change?.field?.trim() ?? '';
  if (!asked) return addReview(plan, 'insufficient_context', 'the caller asked for a job change but not which field');
  const field = JOB_FIELDS[fieldWords(asked).join(' ')];
  const newValue = change?.newValue?.trim() ?? '';
  const update = field && newValue ? proposedUpdate(ctx, field, newValue, change?.reason) : undefined;
  if (isMoneyChangingField(asked) || isLegalOrAccessField(asked)) {
    const reason = isMoneyChangingField(asked) ? 'money_change' : 'legal_or_access';
    addReview(plan, reason, `changing "${asked}" ${reason === 'money_change' ? 'changes money or a customer commitment' : 'changes site access or legal terms'}`);
    if (update) plan.held.push(update);
    plan.next.push(`change to ${asked} waits for a person`);
    return;
  }
  if (!field) return addReview(plan, 'insufficient_context', `"${asked}" is not a job field the add-on changes by itself`);
  if (!newValue) return addReview(plan, 'insufficient_context', `the caller did not say what ${asked} should become`);
  if (!update) return addReview(plan, 'insufficient_context', 'the live job was not loaded, so the old value is unknown');
  if (update.oldValue === update.newValue) return void plan.reasons.push(`${asked} already reads "${newValue}"`);
  plan.steps.push(update);
  plan.reasons.push(`${asked} is not a money, access or legal field`);
  plan.next.push(`${asked} changed from "${update.oldValue}" to "${update.newValue}" (${update.reason})`);
}

function proposedUpdate(ctx: PolicyContext, field: ChangeableField, newValue: string, reason?: string): UpdateJobAction | undefined {
  const job: Sm8Job | undefined = ctx.input.job;
  if (!job || ctx.destination !== 'job' || job.uuid !== ctx.best.jobUuid) return undefined;
  return {
    kind: 'update_job',
    key: `job:update:${field}`,
    jobUuid: job.uuid,
    field,
    oldValue: job[field] ?? '',
    newValue,
    reason: reason?.trim() || 'asked for by the caller on a DialNexa call',
  };
}
