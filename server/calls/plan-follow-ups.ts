import type { CallOutcome } from '../domain/call-outcome.js';
import type { Repos } from '../store/store.js';
import { idempotencyKey } from '../outbox/idempotency.js';

/**
 * What the worker must do next for a call, as outbox rows written in the caller's transaction:
 * fetch details when DialNexa only notified us (or sent no analysis), and decide once there is an outcome.
 * Keys carry the revision, so a richer later event plans a new decision while repeats plan nothing.
 */
export async function planFollowUps(tx: Repos, accountUuid: string, callId: string, o: CallOutcome): Promise<number> {
  const jobs: { kind: 'fetch_details' | 'decide'; key: string }[] = [];
  const needsDetails = o.kind === 'notification' || (o.status === 'completed' && !o.analysis);
  // Keyed by revision: a later notification (call.analysis_ready after call.ended) fetches again,
  // while a repeat of the same notification (same revision) collapses onto the first.
  if (needsDetails) jobs.push({ kind: 'fetch_details', key: `fetch_details:r${o.revision}` });
  if (o.kind === 'outcome' && (!needsDetails || o.status !== 'completed')) jobs.push({ kind: 'decide', key: `decide:r${o.revision}` });
  let added = 0;
  for (const j of jobs) {
    const ok = await tx.outbox.enqueue({
      accountUuid, callId, kind: j.kind, actionKey: j.key,
      idempotencyKey: idempotencyKey(accountUuid, o.providerCallId, j.key),
      payload: { providerCallId: o.providerCallId, revision: o.revision },
    });
    if (ok) added += 1;
  }
  return added;
}
