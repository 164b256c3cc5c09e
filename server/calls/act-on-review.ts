import type { AppDeps } from '../app-deps.js';
import type { MatchResult } from '../domain/match.js';
import { AppError } from '../errors.js';
import { normaliseJobReference } from '../matching/index.js';
import { decide } from '../policy/index.js';
import { idempotencyKey } from '../outbox/idempotency.js';
import type { PanelSession } from '../panel/session-token.js';
import type { ReviewRequest } from '../panel/view-types.js';
import { redactText } from '../redaction/redact-text.js';
import { callLink, stepStatusFor } from './decide-call.js';
import { createJobFromReview } from './create-job-from-review.js';

/**
 * Finance acts on a review item: link the call to a job (then the same policy runs with that match and its
 * effects go through the outbox), create a job for an existing client, dismiss it with a reason, or retry
 * failed ServiceM8 deliveries.
 * Scoped by the token's account: another account's item is 404.
 */
export async function actOnReview(deps: AppDeps, session: PanelSession, itemId: string, req: ReviewRequest): Promise<void> {
  const account = await deps.store.accounts.get(session.accountUuid);
  const item = account ? await deps.store.reviews.get(account.uuid, itemId) : undefined;
  const call = item ? await deps.store.calls.get(item.accountUuid, item.callId) : undefined;
  if (!account || !item || !call) throw new AppError('NOT_FOUND', 'No such review item');
  if (item.status !== 'open') return;
  const by = session.staffUuid;
  const reason = req.reason ? redactText(req.reason).text : undefined;
  if (req.action === 'dismiss') {
    if (!reason) throw new AppError('BAD_REQUEST', 'Give a reason for dismissing this item');
    await deps.store.transaction(async (tx) => {
      await tx.reviews.close(account.uuid, item.id, 'dismissed', reason, by);
      await tx.audit.append({ accountUuid: account.uuid, callId: call.id, actor: `staff:${by}`, action: 'review.dismissed', detail: { requestId: req.requestId, reason, item: item.reason } });
    });
    return;
  }
  if (req.action === 'retry') {
    const failed = (await deps.store.outbox.listForCall(account.uuid, call.id)).filter((x) => x.status === 'failed');
    for (const f of failed) await deps.store.outbox.requeue(account.uuid, f.id);
    await deps.store.reviews.close(account.uuid, item.id, 'resolved', 'retried', by);
    await deps.store.audit.append({ accountUuid: account.uuid, callId: call.id, actor: `staff:${by}`, action: 'review.retried', detail: { requestId: req.requestId, actions: failed.map((f) => f.actionKey) } });
    deps.wakeWorker();
    return;
  }
  if (req.action === 'create_job') return createJobFromReview(deps, account, item, call, req.companyUuid, by, req.requestId);
  const number = req.jobNumber ? normaliseJobReference(req.jobNumber) : undefined;
  const client = await deps.servicem8For(account.uuid);
  if (!number || !client) throw new AppError('BAD_REQUEST', 'Enter the job number to link this call to');
  const [job] = await client.listJobs({ jobNumber: number });
  if (!job) throw new AppError('BAD_REQUEST', `ServiceM8 has no active job ${number}`);
  const dir = await deps.directory.get(account.uuid, client);
  const company = dir.companies.find((c) => c.uuid === job.companyUuid);
  const best = { companyUuid: job.companyUuid, companyName: company?.name ?? 'client', jobUuid: job.uuid, jobNumber: job.jobNumber, score: 1, reasons: ['chosen in the review queue'] };
  const match: MatchResult = { confidence: 'high', best, candidates: [best], reasons: [`linked to job ${job.jobNumber} by a reviewer`] };
  const recipients = dir.contacts.filter((c) => c.active && (c.companyUuid === job.companyUuid || c.jobUuid === job.uuid));
  const decision = decide({ outcome: call.outcome, match, settings: account.settings, staff: dir.staff, job, recipients, callLink: callLink(deps.config.publicUrl, call), now: deps.clock() });
  const linked = await deps.store.transaction(async (tx) => {
    // Close first: if another reviewer handled this item a moment ago, change nothing.
    if (!(await tx.reviews.close(account.uuid, item.id, 'resolved', `linked to job ${job.jobNumber}`, by))) return false;
    await tx.calls.update(account.uuid, call.id, { match, decision, jobUuid: job.uuid, companyUuid: job.companyUuid, stepStatus: stepStatusFor(decision) });
    await tx.references.link(account.uuid, call.id, { recordType: 'job', recordUuid: job.uuid, score: '1.00', reasons: best.reasons, chosen: true });
    for (const a of decision.actions) {
      await tx.outbox.enqueue({ accountUuid: account.uuid, callId: call.id, kind: a.kind, actionKey: a.key, idempotencyKey: idempotencyKey(account.uuid, call.providerCallId, a.key), payload: a });
    }
    await tx.audit.append({ accountUuid: account.uuid, callId: call.id, actor: `staff:${by}`, action: 'review.linked', detail: { requestId: req.requestId, jobNumber: job.jobNumber } });
    return true;
  });
  if (linked) deps.wakeWorker();
}
