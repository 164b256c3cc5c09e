import type { CallOutcome } from '../domain/call-outcome.js';
import type { Store, Repos } from '../store/store.js';
import type { DeliveryOutcome } from '../store/delivery-repo.js';
import { planFollowUps } from './plan-follow-ups.js';

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

/**
 * Records one verified, parsed and redacted delivery exactly once. In ONE transaction: keep the delivery,
 * claim the call on (account, provider call id) with insert-or-ignore, enrich it only if this revision is
 * higher, and enqueue the follow-ups (detail fetch, decision) as outbox rows keyed by revision, so 50
 * concurrent copies of one delivery leave one call and one set of planned actions. No ServiceM8 or
 * DialNexa request happens here: the webhook must answer fast.
 */
export async function recordDelivery(store: Store, input: DeliveryInput): Promise<DeliveryResult> {
  return store.transaction(async (tx) => {
    const o = input.outcome;
    if (o.kind === 'ignored') {
      const deliveryId = await keep(tx, input, 'ignored');
      return { deliveryId, outcome: 'ignored' as const, planned: 0 };
    }
    const detailsStatus = o.kind === 'notification' || (o.status === 'completed' && !o.analysis) ? 'pending' : 'not_needed';
    const claim = await tx.calls.claim({ accountUuid: input.accountUuid, outcome: o, redactionKinds: input.redactionKinds, detailsStatus });
    let call = claim.call;
    let result: DeliveryOutcome = 'duplicate';
    let planned = 0;
    if (claim.created) {
      await tx.audit.append({ accountUuid: input.accountUuid, callId: call.id, actor: 'dialnexa', action: 'call.recorded', detail: { event: o.event, revision: o.revision, redacted: input.redactionKinds } });
      result = 'accepted';
    } else if (o.kind === 'outcome') {
      const enriched = await tx.calls.enrich(input.accountUuid, o, input.redactionKinds);
      if (enriched) {
        call = enriched;
        await tx.audit.append({ accountUuid: input.accountUuid, callId: call.id, actor: 'dialnexa', action: 'call.enriched', detail: { event: o.event, revision: o.revision } });
        result = 'accepted';
      } else if (o.revision !== call.revision) result = 'stale';
    } else if (!call.outcome.analysis && call.outcome.status !== 'hangup') {
      // A notification for a call we hold without analysis yet: fetch again (keyed by this revision, so a
      // repeat of the same notification plans nothing and stays a duplicate).
      planned = await planFollowUps(tx, call.accountUuid, call.id, o);
      if (planned) result = 'accepted';
    }
    if (result === 'accepted' && !planned) planned = await planFollowUps(tx, call.accountUuid, call.id, o);
    const deliveryId = await keep(tx, input, result);
    return { deliveryId, outcome: result, callId: call.id, planned };
  });
}

function keep(tx: Repos, input: DeliveryInput, outcome: DeliveryOutcome): Promise<string> {
  return tx.deliveries.record({
    accountUuid: input.accountUuid, connectionId: input.connectionId, providerCallId: input.outcome.providerCallId || undefined,
    event: input.outcome.event, outcome, bodyRedacted: input.bodyRedacted, redactionKinds: input.redactionKinds,
  });
}
