import type { Decision } from '../domain/actions.js';
import type { Sm8Contact } from '../domain/servicem8-records.js';
import { isOpenJob, matchCall } from '../matching/index.js';
import { decide, type Recipient } from '../policy/index.js';
import { idempotencyKey } from '../outbox/idempotency.js';
import { ActionFailure } from '../outbox/runner.js';
import type { ServiceM8Client } from '../servicem8/client.js';
import type { OutboxItem } from '../store/outbox-repo.js';
import type { StepStatus, StoredCall } from '../store/call-repo.js';
import type { MatchResult } from '../domain/match.js';
import { reconcileRevision } from './reconcile-revision.js';
import { autoSend } from '../sends/auto-send.js';
import type { Store } from '../store/store.js';
import type { DirectoryCache } from './directory-cache.js';

export type DecideDeps = {
  store: Store;
  servicem8For: (accountUuid: string) => Promise<ServiceM8Client | undefined>;
  directory: DirectoryCache;
  publicUrl: string;
  clock: () => Date;
};

/**
 * Stable link to the call in the add-on; notes carry this, never a presigned recording URL. It names the
 * call by its random link token, not its time-ordered row id (issue 15, item 4).
 */
export function callLink(publicUrl: string, call: Pick<StoredCall, 'linkToken'>): string {
  return `${publicUrl}/calls/${call.linkToken}`;
}

/**
 * Matches a recorded call against ServiceM8 (cached directory), runs the pure policy, and writes the
 * result in ONE transaction: match and decision on the call, links with scores and reasons, review items,
 * and each ServiceM8 action as an outbox row keyed account + call id + action key (so re-deciding can
 * never enqueue the same effect twice).
 */
export async function decideCall(d: DecideDeps, item: OutboxItem): Promise<{ note: string }> {
  const { revision } = item.payload as { revision: number };
  const call = await d.store.calls.get(item.accountUuid, item.callId);
  if (!call) throw new ActionFailure('permanent', 'call no longer exists');
  if (call.revision > revision) return { note: 'superseded by a newer revision' };
  const account = await d.store.accounts.get(item.accountUuid);
  const client = await d.servicem8For(item.accountUuid);
  if (!account || !client) throw new ActionFailure('permanent', 'this ServiceM8 account is not connected (reconnect the add-on)');
  const dir = await d.directory.get(account.uuid, client);
  const a = call.outcome.analysis;
  const knownRefs = await d.store.references.list(account.uuid, [a?.paymentId, a?.subscriptionId].filter((v): v is string => Boolean(v)));
  const match = matchCall({ outcome: call.outcome, directory: dir, knownRefs, defaultRegion: account.settings.defaultRegion });
  const best = match.best;
  const job = best?.jobUuid ? dir.jobs.find((j) => j.uuid === best.jobUuid) : undefined;
  const decision = decide({
    outcome: call.outcome, match, settings: account.settings, staff: dir.staff, job,
    recipients: best ? recipientsFor(dir.contacts, best.companyUuid, best.jobUuid) : [],
    openJobs: best ? dir.jobs.filter((j) => j.companyUuid === best.companyUuid && isOpenJob(j)) : [],
    callLink: callLink(d.publicUrl, call), now: d.clock(),
  });
  await persistDecision(d.store, call, revision, decision, match);
  await autoSend(d, account, call.id);
  return { note: `${decision.actions.length} actions, ${decision.review.length} review items` };
}

/** The contacts ServiceM8 holds for a client and job: the only places a document may go. */
export function recipientsFor(contacts: readonly Sm8Contact[], companyUuid: string, jobUuid?: string): Recipient[] {
  return contacts.filter((c) => c.active && ((c.scope === 'company' && c.companyUuid === companyUuid) || (c.scope === 'job' && !!jobUuid && c.jobUuid === jobUuid)))
    .map((c) => ({ email: c.email, phone: c.phone, mobile: c.mobile, type: c.type, scope: c.scope, name: `${c.first} ${c.last}`.trim() }));
}

export function stepStatusFor(decision: Decision): StepStatus {
  if (decision.awaiting === 'approval') return 'awaiting_approval';
  if (decision.review.length) return 'awaiting_review';
  return decision.actions.length || decision.nextStep ? 'open' : 'none';
}

async function persistDecision(store: Store, call: StoredCall, revision: number, planned: Decision, match: MatchResult): Promise<void> {
  const { accountUuid, id: callId, providerCallId } = call;
  await store.transaction(async (tx) => {
    const held = await tx.outbox.listForCall(accountUuid, callId);
    const { decision, enqueue, keepPlace } = reconcileRevision(held, call.decision, planned, revision);
    const place = keepPlace ? { jobUuid: call.jobUuid, companyUuid: call.companyUuid } : { jobUuid: match.best?.jobUuid, companyUuid: match.best?.companyUuid };
    await tx.calls.update(accountUuid, callId, { match, decision, ...place, stepStatus: stepStatusFor(decision) });
    for (const c of match.candidates) {
      await tx.references.link(accountUuid, callId, { recordType: c.jobUuid ? 'job' : 'company', recordUuid: c.jobUuid ?? c.companyUuid, score: c.score.toFixed(2), reasons: c.reasons, chosen: c === match.best });
    }
    for (const r of decision.review) await tx.reviews.open(accountUuid, callId, r.reason, r.detail);
    if (match.best && match.confidence === 'high') await rememberReferences(tx, accountUuid, callId, match.best.companyUuid, match.best.jobUuid);
    // Actions a person must confirm first stay in the decision (`proposed`), not in the outbox.
    for (const action of enqueue) {
      await tx.outbox.enqueue({ accountUuid, callId, kind: action.kind, actionKey: action.key, idempotencyKey: idempotencyKey(accountUuid, providerCallId, action.key), payload: action });
    }
    await tx.audit.append({ accountUuid, callId, actor: 'system', action: 'call.decided', detail: { confidence: match.confidence, actions: enqueue.map((x) => x.key), review: decision.review.map((r) => r.reason), reasons: decision.reasons } });
  });
}

/** Payment and subscription ids of a confidently matched call identify the client on later calls. */
async function rememberReferences(tx: import('../store/store.js').Repos, accountUuid: string, callId: string, companyUuid: string, jobUuid?: string) {
  const call = await tx.calls.get(accountUuid, callId);
  const a = call?.outcome.analysis;
  if (a?.paymentId) await tx.references.remember(accountUuid, { kind: 'payment_id', value: a.paymentId, companyUuid, jobUuid });
  if (a?.subscriptionId) await tx.references.remember(accountUuid, { kind: 'subscription_id', value: a.subscriptionId, companyUuid, jobUuid });
}
