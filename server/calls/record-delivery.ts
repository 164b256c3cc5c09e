import type { CallOutcome } from '../domain/call-outcome.js';
import type { Store, Repos } from '../store/store.js';
import type { DeliveryOutcome } from '../store/delivery-repo.js';
import type { NewAuditEvent } from '../store/audit-repo.js';
import type { DetailsStatus } from '../store/call-repo.js';
import { followUpsFor, planFollowUps } from './plan-follow-ups.js';

export type DeliveryInput = {
  accountUuid: string;
  connectionId?: string;
  /** Already redacted. */
  outcome: CallOutcome;
  redactionKinds: string[];
  /** The whole body, redacted, kept for the operator. */
  bodyRedacted: string;
};

export type DeliveryResult = { deliveryId: string; outcome: DeliveryOutcome; callId?: string; planned: number };
type Recorded = Omit<DeliveryResult, 'deliveryId'>;

const detailsStatusOf = (o: CallOutcome): DetailsStatus =>
  o.kind === 'notification' || (o.status === 'completed' && !o.analysis) ? 'pending' : 'not_needed';

/** Records one delivery exactly once (see recordDeliveries). */
export async function recordDelivery(store: Store, input: DeliveryInput): Promise<DeliveryResult> {
  return (await recordDeliveries(store, [input]))[0]!;
}

/**
 * Records verified, parsed and redacted deliveries exactly once, all in ONE transaction: claim each call on
 * (account, provider call id) with insert-or-ignore, enrich a held call only if this revision is higher,
 * enqueue follow-ups (detail fetch, decision) as outbox rows keyed by revision, and keep every delivery.
 * 50 concurrent copies of one delivery leave one call and one set of planned actions. New calls — the
 * common case — are written with one statement per table for the whole batch (group commit: on
 * PostgreSQL each statement is a round trip). The result equals recording the inputs one by one in order.
 * No ServiceM8 or DialNexa request happens here: the webhook must answer fast.
 */
export async function recordDeliveries(store: Store, inputs: readonly DeliveryInput[]): Promise<DeliveryResult[]> {
  return store.transaction(async (tx) => {
    const results: Recorded[] = inputs.map(() => ({ outcome: 'ignored', planned: 0 }));
    const callsAt = inputs.flatMap((input, i) => (input.outcome.kind === 'ignored' ? [] : [i]));
    const ids = await tx.calls.claimMany(callsAt.map((i) => {
      const { accountUuid, outcome, redactionKinds } = inputs[i]!;
      return { accountUuid, outcome, redactionKinds, detailsStatus: detailsStatusOf(outcome) };
    }));
    const audit: NewAuditEvent[] = [];
    const created: number[] = [];
    ids.forEach((callId, k) => {
      if (!callId) return;
      const i = callsAt[k]!;
      const { accountUuid, outcome: o, redactionKinds } = inputs[i]!;
      audit.push({ accountUuid, callId, actor: 'dialnexa', action: 'call.recorded', detail: { event: o.event, revision: o.revision, redacted: redactionKinds } });
      results[i] = { outcome: 'accepted', callId, planned: 0 };
      created.push(i);
    });
    await tx.audit.appendMany(audit);
    const plans = created.flatMap((i) => followUpsFor(inputs[i]!.accountUuid, results[i]!.callId!, inputs[i]!.outcome));
    const added = await tx.outbox.enqueueMany(plans);
    const byCall = new Map(created.map((i) => [results[i]!.callId!, results[i]!]));
    for (const p of plans) if (added.has(p.idempotencyKey)) byCall.get(p.callId)!.planned += 1;
    // Calls already held (by an earlier delivery, or an earlier input of this batch), in input order.
    for (const [k, i] of callsAt.entries()) if (!ids[k]) results[i] = await recordHeld(tx, inputs[i]!);
    const deliveryIds = await tx.deliveries.recordMany(inputs.map((input, i) => ({
      accountUuid: input.accountUuid, connectionId: input.connectionId, providerCallId: input.outcome.providerCallId || undefined,
      event: input.outcome.event, outcome: results[i]!.outcome, bodyRedacted: input.bodyRedacted, redactionKinds: input.redactionKinds,
    })));
    return results.map((r, i) => ({ deliveryId: deliveryIds[i]!, ...r }));
  });
}

/** A delivery for a call this account already holds: enrich, re-plan, or record it as a duplicate/stale copy. */
async function recordHeld(tx: Repos, input: DeliveryInput): Promise<Recorded> {
  const o = input.outcome;
  let call = await tx.calls.getByProviderId(input.accountUuid, o.providerCallId);
  if (!call) throw new Error('call claim lost its row');
  let result: DeliveryOutcome = 'duplicate';
  let planned = 0;
  if (o.kind === 'outcome') {
    const enriched = await tx.calls.enrich(input.accountUuid, o, input.redactionKinds);
    if (enriched) {
      call = enriched;
      await tx.audit.append({ accountUuid: input.accountUuid, callId: call.id, actor: 'dialnexa', action: 'call.enriched', detail: { event: o.event, revision: o.revision } });
      result = 'accepted';
      planned = await planFollowUps(tx, call.accountUuid, call.id, o);
    } else if (o.revision !== call.revision) result = 'stale';
  } else if (!call.outcome.analysis && call.outcome.status !== 'hangup') {
    // A notification for a call we hold without analysis yet: fetch again (keyed by this revision, so a
    // repeat of the same notification plans nothing and stays a duplicate).
    planned = await planFollowUps(tx, call.accountUuid, call.id, o);
    if (planned) result = 'accepted';
  }
  return { outcome: result, callId: call.id, planned };
}
