import type { AppDeps } from '../app-deps.js';
import type { CreateJobAction } from '../domain/actions.js';
import { AppError } from '../errors.js';
import { idempotencyKey } from '../outbox/idempotency.js';
import { buildJobNote } from '../policy/index.js';
import type { Account } from '../store/account-repo.js';
import type { StoredCall } from '../store/call-repo.js';
import type { ReviewItem } from '../store/review-repo.js';
import { callLink } from './decide-call.js';

/**
 * Finance creates a job for a caller the add-on could not place on an existing job (DESIGN.md: review
 * queue — link / create job / dismiss). The client must be an active ServiceM8 client; the add-on never
 * creates clients. The job goes through the outbox under the policy's own key (`job:create`), so a call
 * can never get two jobs, and its UUID is derived from the call id.
 */
export async function createJobFromReview(deps: AppDeps, account: Account, item: ReviewItem, call: StoredCall, companyUuid: string | undefined, by: string, requestId: string): Promise<void> {
  const client = await deps.servicem8For(account.uuid);
  if (!client || !companyUuid) throw new AppError('BAD_REQUEST', 'Choose the client to create the job for');
  const dir = await deps.directory.get(account.uuid, client);
  const company = dir.companies.find((c) => c.uuid === companyUuid && c.active);
  if (!company) throw new AppError('BAD_REQUEST', 'That client is not an active ServiceM8 client');
  if (call.jobUuid) throw new AppError('CONFLICT', 'This call is already on a job');
  const description = buildJobNote({ outcome: call.outcome, record: { companyName: company.name, newJob: true }, next: ['Created from the billing call review queue'], callLink: callLink(deps.config.publicUrl, call) });
  const action: CreateJobAction = { kind: 'create_job', key: 'job:create', companyUuid, description, status: account.settings.newJobStatus ?? 'Quote' };
  const created = await deps.store.transaction(async (tx) => {
    if (!(await tx.reviews.close(account.uuid, item.id, 'resolved', `new job for ${company.name}`, by))) return false;
    await tx.calls.update(account.uuid, call.id, { companyUuid, stepStatus: 'open' });
    await tx.outbox.enqueue({ accountUuid: account.uuid, callId: call.id, kind: action.kind, actionKey: action.key, idempotencyKey: idempotencyKey(account.uuid, call.providerCallId, action.key), payload: action });
    await tx.audit.append({ accountUuid: account.uuid, callId: call.id, actor: `staff:${by}`, action: 'review.job_created', detail: { requestId, company: company.name } });
    return true;
  });
  if (created) deps.wakeWorker();
}
