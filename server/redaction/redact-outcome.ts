import { KindSet } from './kind-set.js';
import { knownReferences } from './known-references.js';
import type { FindingKind } from './redact-text.js';
import type { CallAnalysis, CallOutcome, JobChangeRequest } from '../domain/call-outcome.js';

// Applies redactText to every free-text field of a call before it is stored, logged or sent
// (DESIGN.md non-negotiable 2; contracts/dialnexa-webhooks.md "Free text is never trusted").

function redactJobChange(j: JobChangeRequest, ks: KindSet): JobChangeRequest {
  const out: JobChangeRequest = { ...j, field: ks.text(j.field) };
  if (j.oldValue !== undefined) out.oldValue = ks.text(j.oldValue);
  if (j.newValue !== undefined) out.newValue = ks.text(j.newValue);
  if (j.reason !== undefined) out.reason = ks.text(j.reason);
  return out;
}

// Identifiers the add-on matches on verbatim and that cannot hold card data by type stay untouched:
// invoiceNumber, jobNumber, amount, dates, enums, booleans. Everything else that is a string is text.
const ANALYSIS_TEXT = [
  'customerName', 'customerEmail', 'accountRef', 'paymentId', 'subscriptionId', 'taxRegion', 'callerClaim',
  'refundReason', 'disputeReason', 'creditRequest', 'documentRecipientEmail', 'documentRecipientPhone',
  'promisedNextStep', 'nextStepOwner',
] as const satisfies readonly (keyof CallAnalysis)[];

function redactAnalysis(a: CallAnalysis, ks: KindSet): CallAnalysis {
  const out: CallAnalysis = { ...a, links: { ...a.links } };
  for (const key of ANALYSIS_TEXT) {
    const v = a[key];
    if (typeof v === 'string') out[key] = ks.text(v);
  }
  if (a.jobChange) out.jobChange = redactJobChange(a.jobChange, ks);
  // Links are URLs: redactText keeps a URL unless it carries a sensitive number.
  for (const key of ['crm', 'supportTicket', 'paymentPlatform'] as const) {
    const v = a.links[key];
    if (typeof v === 'string') out.links[key] = ks.text(v);
  }
  return out;
}

/** Redacts every free-text field of a call; `kinds` lists what was removed (sorted, unique). */
export function redactOutcome(o: CallOutcome): { outcome: CallOutcome; kinds: FindingKind[] } {
  const a = o.analysis;
  const ks = new KindSet(a ? knownReferences({ invoiceNumber: a.invoiceNumber, jobNumber: a.jobNumber, paymentId: a.paymentId, subscriptionId: a.subscriptionId }) : undefined);
  const outcome: CallOutcome = { ...o };
  if (o.summary !== undefined) outcome.summary = ks.text(o.summary);
  if (o.transcript !== undefined) outcome.transcript = ks.text(o.transcript);
  if (o.transcriptUrl !== undefined) outcome.transcriptUrl = ks.text(o.transcriptUrl);
  if (o.hangupReason !== undefined) outcome.hangupReason = ks.text(o.hangupReason);
  if (o.analysis) outcome.analysis = redactAnalysis(o.analysis, ks);
  return { outcome, kinds: ks.sorted() };
}

export { redactJsonValue } from './redact-json.js';
