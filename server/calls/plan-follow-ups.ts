import type { CallOutcome } from '../domain/call-outcome.js';
import type { Repos } from '../store/store.js';
import type { NewOutboxItem } from '../store/outbox-repo.js';
import { idempotencyKey } from '../outbox/idempotency.js';

/**
 * What the worker must do next for a call: fetch details when DialNexa only notified us (or sent no
 * analysis), and decide once there is an outcome. Keys carry the revision, so a richer later event
 * (call.analysis_ready after call.ended) plans anew while a repeat of the same revision collapses onto
 * the first.
 */
export function followUpsFor(accountUuid: string, callId: string, o: CallOutcome): NewOutboxItem[] {
  const keys: { kind: 'fetch_details' | 'decide'; key: string }[] = [];
  const needsDetails = o.kind === 'notification' || (o.status === 'completed' && !o.analysis);
  if (needsDetails) keys.push({ kind: 'fetch_details', key: `fetch_details:r${o.revision}` });
  if (o.kind === 'outcome' && (!needsDetails || o.status !== 'completed')) keys.push({ kind: 'decide', key: `decide:r${o.revision}` });
  return keys.map((j) => ({
    accountUuid, callId, kind: j.kind, actionKey: j.key,
    idempotencyKey: idempotencyKey(accountUuid, o.providerCallId, j.key),
    payload: { providerCallId: o.providerCallId, revision: o.revision },
  }));
}

/** Writes a call's follow-ups as outbox rows in the caller's transaction; returns how many were new. */
export async function planFollowUps(tx: Repos, accountUuid: string, callId: string, o: CallOutcome): Promise<number> {
  return (await tx.outbox.enqueueMany(followUpsFor(accountUuid, callId, o))).size;
}
