import type { CallOutcome } from '../domain/call-outcome.js';
import type { PolicyContext } from './policy-context.js';
import { stripUnsafeLinks } from './unsafe-links.js';

// "done but never invoiced", "no invoice was ever raised", "haven't been billed for the work": the caller
// says work happened that ServiceM8 has no job for. Only then may the add-on open a job by itself.
const NEVER_RAISED = [
  /\b(?:never|not|no|wasn't|weren't|hasn't|haven't|hadn't|didn't)\s+(?:been\s+|yet\s+|ever\s+)?(?:invoiced|billed|raised|charged\s+for|sent\s+(?:an?\s+)?(?:invoice|bill))\b/i,
  /\bno\s+(?:job|invoice|bill)\s+(?:was\s+|has\s+been\s+|had\s+been\s+)?(?:ever\s+)?(?:raised|created|sent|opened|issued)\b/i,
  /\bnever\s+(?:got|received)\s+(?:an?\s+)?(?:invoice|bill)\b/i,
];
const WORK_DONE = /\b(?:done|did|completed|finished|fixed|installed|replaced|repaired|came\s+out|attended|work)\b/i;
const MAX_DESCRIPTION = 500;

/** True when the call says work was done that was never raised as a job or invoice. */
export function isWorkNeverRaised(outcome: CallOutcome): boolean {
  const text = [outcome.summary, outcome.analysis?.callerClaim, outcome.analysis?.creditRequest].filter(Boolean).join(' ');
  return NEVER_RAISED.some((re) => re.test(text)) && WORK_DONE.test(text);
}

/** The new job's description: the redacted summary, and the client's billing contact when ServiceM8 holds one. */
export function describeNewJob(ctx: PolicyContext): string {
  const said = stripUnsafeLinks(ctx.input.outcome.summary ?? ctx.analysis?.callerClaim ?? '').replace(/\s+/g, ' ').trim();
  const billing = ctx.input.recipients.find((r) => r.type.trim().toUpperCase() === 'BILLING' && r.scope === 'company');
  const contact = billing ? ` Billing contact: ${[billing.name, billing.email || billing.mobile || billing.phone].filter(Boolean).join(', ')}.` : '';
  const text = `Raised from a DialNexa billing call: ${said || 'work the caller says was done but never raised'}.${contact}`;
  return text.length <= MAX_DESCRIPTION ? text : `${text.slice(0, MAX_DESCRIPTION - 1).trimEnd()}…`;
}
