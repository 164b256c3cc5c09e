import type { AccountSettings } from '../domain/account-settings.js';
import type { AuditEvent } from '../store/audit-repo.js';
import type { StoredCall } from '../store/call-repo.js';
import type { OutboxItem } from '../store/outbox-repo.js';
import type { ReviewItem } from '../store/review-repo.js';
import { compareClaim } from './compare-claim.js';
import { reasonLabel } from './review-labels.js';
import { financeTaskOf } from '../policy/finance-lines.js';
import type { ActionView, CallView, ClaimView, FinanceLineView, FinanceTaskView, RecordView } from './view-types.js';

const INTENT_LABELS: Record<string, string> = {
  billing_question: 'Billing question', refund_request: 'Refund request', dispute: 'Billing dispute', chargeback: 'Chargeback',
  document_resend: 'Document resend', payment_status: 'Payment status', payment_update: 'Payment details update',
  subscription_change: 'Subscription change', failed_renewal: 'Failed renewal', duplicate_charge: 'Duplicate charge',
  collections: 'Collections', job_change: 'Job change request', other: 'Other billing call', unknown: 'Unclassified call',
};
export const intentLabel = (intent: string) => INTENT_LABELS[intent] ?? INTENT_LABELS.other!;

const ACTION_LABELS: Record<string, string> = {
  note: 'Job note', task: 'Finance task', task_update: 'Finance task update', create_job: 'New job', update_job: 'Job field change',
  fetch_details: 'Fetch call details from DialNexa', decide: 'Match and decide', refresh_job: 'Refresh job from ServiceM8', send_document: 'Document send',
};

const STEP_PILL: Record<CallView['stepStatus'], CallView['stepPill']> = {
  none: { label: 'No next step', tone: 'neutral' }, planning: { label: 'Being planned', tone: 'info' }, open: { label: 'Open', tone: 'info' },
  awaiting_review: { label: 'Waiting for review', tone: 'warn' }, awaiting_approval: { label: 'Needs approval', tone: 'warn' },
  confirmed: { label: 'Confirmed', tone: 'ok' }, escalated: { label: 'With finance', tone: 'warn' }, resolved: { label: 'Resolved', tone: 'ok' },
};

const DELIVERY_PILL: Record<ActionView['status'], ActionView['pill']> = {
  pending: { label: 'Queued', tone: 'info' }, running: { label: 'Sending', tone: 'info' }, done: { label: 'Done', tone: 'ok' }, failed: { label: 'Failed', tone: 'bad' },
};

// A mark and words for each state, so the state never rests on colour alone (WCAG 1.4.1).
const LINE_STATE: Record<FinanceLineView['state'], { mark: string; stateWords: string }> = {
  open: { mark: '☐', stateWords: 'To do' }, waiting: { mark: '⏳', stateWords: 'Waiting' },
  approved: { mark: '☑', stateWords: 'Approved' }, declined: { mark: '☒', stateWords: 'Declined' },
};

const TASK_DELIVERY: Record<FinanceTaskView['delivery'], string> = {
  proposed: 'not in ServiceM8 yet (waits for review)', pending: 'sending to ServiceM8', running: 'sending to ServiceM8',
  done: 'in ServiceM8', failed: 'ServiceM8 refused it',
};

export function claimOf(call: StoredCall): ClaimView {
  const a = call.outcome.analysis;
  if (!a) return {};
  return {
    invoiceNumber: a.invoiceNumber ?? a.jobNumber, amount: a.amount, dueDate: a.dueDate, paymentStatus: a.paymentStatus,
    callerClaim: a.callerClaim, refundReason: a.refundReason, disputeReason: a.disputeReason, creditRequest: a.creditRequest,
  };
}

function auditSummary(e: AuditEvent): string {
  const d = e.detail as Record<string, unknown>;
  if (e.action.startsWith('step.')) return [d.text, d.reason, d.outcome].filter(Boolean).join(' — ') || e.action;
  if (e.action === 'job.field_changed') return `${d.field}: "${d.oldValue}" → "${d.newValue}" (${d.reason})`;
  if (e.action === 'action.failed') return `${d.kind} failed: ${d.error}`;
  if (e.action.startsWith('send.')) return [d.reference, d.to && `to ${d.to}`, d.messageId && `message ${d.messageId}`, d.status && `ServiceM8 answered ${d.status}`].filter(Boolean).join(' ');
  if (e.action === 'call.decided') return (d.reasons as string[] | undefined)?.join('; ') ?? '';
  return '';
}

/** Audit actors in words: a staff member's name rather than `staff:<uuid>`. */
function actorName(actor: string, staffName: (uuid?: string) => string | undefined): string {
  if (actor.startsWith('staff:')) return staffName(actor.slice(6)) ?? 'A staff member';
  return ({ system: 'Add-on', dialnexa: 'DialNexa', servicem8: 'ServiceM8' } as Record<string, string>)[actor] ?? actor;
}

export type CallViewInput = {
  call: StoredCall; outbox: OutboxItem[]; reviews: ReviewItem[]; audit: AuditEvent[]; record?: RecordView;
  settings: AccountSettings; canApprove: boolean; staffName: (uuid?: string) => string | undefined;
};

/** Builds what the panel shows for one call. Pure: everything it needs is passed in. */
export function buildCallView(i: CallViewInput): CallView {
  const { call } = i;
  const o = call.outcome;
  const claim = claimOf(call);
  const d = call.decision;
  const actions: ActionView[] = i.outbox.filter((x) => !['decide', 'fetch_details', 'refresh_job'].includes(x.kind)).map((x) => ({
    id: x.id, kind: x.kind, status: x.status, pill: DELIVERY_PILL[x.status], attempts: x.attempts, lastError: x.lastError, description: ACTION_LABELS[x.kind] ?? x.kind,
  }));
  return {
    id: call.id, providerCallId: call.providerCallId, startedAt: o.startedAt, durationSeconds: o.durationSeconds,
    callerName: o.analysis?.customerName, callerNumber: o.fromNumber, intent: o.analysis?.intent ?? 'unknown',
    intentLabel: intentLabel(o.analysis?.intent ?? 'unknown'), status: o.status, summary: o.summary, transcriptUrl: o.transcriptUrl,
    hasRecording: o.hasRecording, claim, mismatches: i.record ? compareClaim(claim, i.record) : [], headline: d?.headline, stepStatus: call.stepStatus, stepPill: STEP_PILL[call.stepStatus] ?? STEP_PILL.none,
    nextStep: d?.nextStep ? { text: d.nextStep.text, owner: d.nextStep.owner ?? i.staffName(d.nextStep.ownerStaffUuid), deadline: d.nextStep.deadline, status: call.stepStatus } : undefined,
    match: {
      confidence: call.match?.confidence ?? 'none', reasons: call.match?.reasons ?? [],
      candidates: (call.match?.candidates ?? []).map((c) => ({ companyUuid: c.companyUuid, companyName: c.companyName, jobNumber: c.jobNumber, score: c.score, reasons: c.reasons })),
    },
    policyReasons: d?.reasons ?? [],
    review: i.reviews.map((r) => ({ id: r.id, reason: r.reason, label: reasonLabel(r.reason), detail: r.detail, status: r.status })),
    actions,
    ...financeTaskView(call, i.outbox),
    audit: i.audit.map((e) => ({ at: e.at, actor: actorName(e.actor, i.staffName), action: e.action, summary: auditSummary(e) })),
    approval: call.stepStatus === 'awaiting_approval' || (d?.awaiting === 'approval' && !['confirmed', 'resolved'].includes(call.stepStatus))
      ? { required: true, threshold: i.settings.approvalThreshold, canApprove: i.canApprove } : undefined,
    redactedKinds: call.redactionKinds,
  };
}

/** The one finance task's checklist with each line's state, and whether ServiceM8 has it yet. */
function financeTaskView(call: StoredCall, outbox: OutboxItem[]): { financeTask?: FinanceTaskView } {
  const task = financeTaskOf(call.decision);
  if (!task) return {};
  const item = outbox.find((x) => x.actionKey === task.key);
  const lines = (task.lines ?? []).map(({ id, text, state, waitsFor, why, by }) => {
    const note = [state === 'waiting' ? `waiting for ${waitsFor === 'review' ? 'review' : 'approval'}${why ? `: ${why}` : ''}` : '', by ?? ''].filter(Boolean).join(' — ');
    return { id, text, state, ...LINE_STATE[state], ...(waitsFor ? { waitsFor } : {}), ...(why ? { why } : {}), ...(by ? { by } : {}), ...(note ? { note } : {}) };
  });
  const delivery = item?.status ?? 'proposed';
  return { financeTask: { name: task.name, dueDate: task.dueDate, lines, delivery, deliveryText: TASK_DELIVERY[delivery] } };
}
