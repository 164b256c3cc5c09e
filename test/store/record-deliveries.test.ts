import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallOutcome } from '../../server/domain/call-outcome.js';
import { createDeliveryBatcher } from '../../server/calls/delivery-batcher.js';
import { recordDeliveries, recordDelivery, type DeliveryInput } from '../../server/calls/record-delivery.js';
import { createSecretBox } from '../../server/security/secret-box.js';
import { createStore, type Store } from '../../server/store/store.js';
import { engines, openTestDb, type TestDb } from '../helpers/databases.js';
import { createFixedClock } from '../helpers/fixed-clock.js';

const A = 'acc-aaaa';
const B = 'acc-bbbb';
const ended = (id: string, revision: number, analysis = true): CallOutcome => ({
  kind: 'outcome', event: 'call_ended', providerCallId: id, revision, status: 'completed', hasRecording: false,
  summary: `summary r${revision}`, ...(analysis ? { analysis: { intent: 'payment_status' as const, links: {} } } : {}),
});
const notified = (id: string, revision: number): CallOutcome => ({ kind: 'notification', event: 'call.analysis_ready', providerCallId: id, revision, status: 'unknown', hasRecording: false });
const ignored: CallOutcome = { kind: 'ignored', event: 'agent.updated', providerCallId: '', revision: 0, status: 'unknown', hasRecording: false };
const input = (accountUuid: string, outcome: CallOutcome): DeliveryInput => ({ accountUuid, outcome, redactionKinds: [], bodyRedacted: JSON.stringify(outcome) });

// Every kind of delivery the intake sees, including repeats of a call inside one batch.
const SCRIPT: DeliveryInput[] = [
  input(A, ended('c1', 1)), input(A, ended('c1', 1)), input(A, ended('c1', 3)), input(A, ended('c1', 2)),
  input(A, notified('c2', 5)), input(A, notified('c2', 5)), input(A, notified('c2', 6)), input(A, ignored),
  input(A, ended('c3', 1, false)), input(B, ended('c1', 1)), input(A, ended('c4', 1)), input(A, notified('c1', 9)),
];

/** What a batch leaves behind, without generated ids (they differ between runs by design). */
async function snapshot(store: Store) {
  const calls = [];
  for (const [acc, id] of [[A, 'c1'], [A, 'c2'], [A, 'c3'], [A, 'c4'], [B, 'c1']] as const) {
    const c = await store.calls.getByProviderId(acc, id);
    if (!c) continue;
    const audit = (await store.audit.listForCall(acc, c.id)).map((e) => e.action);
    const deliveries = (await store.deliveries.listForCall(acc, id)).map((d) => d.outcome);
    calls.push({ acc, id, revision: c.revision, summary: c.outcome.summary, details: c.detailsStatus, audit, deliveries });
  }
  return calls;
}

describe.each(engines)('recording deliveries in batches on %s', (engine) => {
  const dbs: TestDb[] = [];
  const open = async () => {
    const tdb = await openTestDb(engine);
    dbs.push(tdb);
    const store = createStore(tdb, createSecretBox(randomBytes(32)), createFixedClock().now);
    await store.accounts.upsert(A, 'A');
    await store.accounts.upsert(B, 'B');
    return store;
  };
  let oneByOne: Store;
  let batched: Store;
  beforeAll(async () => { oneByOne = await open(); batched = await open(); });
  afterAll(async () => { for (const d of dbs) { await d.close(); await d.drop(); } });

  it('records a batch exactly as recording its deliveries one by one, in order', async () => {
    const sequential = [];
    for (const i of SCRIPT) sequential.push(await recordDelivery(oneByOne, i));
    const together = await recordDeliveries(batched, SCRIPT);
    const shape = (r: { outcome: string; planned: number; callId?: string }) => ({ outcome: r.outcome, planned: r.planned, hasCall: Boolean(r.callId) });
    expect(together.map(shape)).toEqual(sequential.map(shape));
    expect(together.map((r) => r.outcome)).toEqual(['accepted', 'duplicate', 'accepted', 'stale', 'accepted', 'duplicate', 'accepted', 'ignored', 'accepted', 'accepted', 'accepted', 'duplicate']);
    expect(await snapshot(batched)).toEqual(await snapshot(oneByOne));
    const outbox = async (s: Store, acc: string, id: string) => {
      const c = await s.calls.getByProviderId(acc, id);
      return (await s.outbox.listForCall(acc, c!.id)).map((o) => o.actionKey).sort();
    };
    for (const [acc, id] of [[A, 'c1'], [A, 'c2'], [A, 'c3'], [B, 'c1']] as const) {
      expect(await outbox(batched, acc, id)).toEqual(await outbox(oneByOne, acc, id));
    }
    expect(await outbox(batched, A, 'c1')).toEqual(['decide:r1', 'decide:r3']);
    expect(await outbox(batched, A, 'c2')).toEqual(['fetch_details:r5', 'fetch_details:r6']);
  });

  it('groups concurrent deliveries into few transactions and answers each with its own result', async () => {
    const store = await open();
    let transactions = 0;
    const counting: Store = { ...store, transaction: (fn) => { transactions += 1; return store.transaction(fn); } };
    const batcher = createDeliveryBatcher(counting);
    const ids = Array.from({ length: 40 }, (_, i) => `g${i % 25}`); // 15 repeats
    const results = await Promise.all(ids.map((id) => batcher.record(input(A, ended(id, 1)))));
    expect(transactions).toBeLessThan(ids.length);
    const accepted = new Map<string, number>();
    results.forEach((r, i) => { if (r.outcome === 'accepted') accepted.set(ids[i]!, (accepted.get(ids[i]!) ?? 0) + 1); });
    expect([...accepted.values()]).toEqual(Array(25).fill(1));
    expect(results.filter((r) => r.outcome === 'duplicate')).toHaveLength(15);
    expect(new Set(results.map((r) => r.deliveryId)).size).toBe(40);
    expect(await store.calls.countForAccount(A)).toBe(25);
  });

  it('fails only the delivery that cannot be written when its batch fails', async () => {
    const store = await open();
    const batcher = createDeliveryBatcher(store);
    const broken = input(A, { ...ended('bad', 1), providerCallId: null as unknown as string });
    const settled = await Promise.allSettled([batcher.record(input(A, ended('ok1', 1))), batcher.record(broken), batcher.record(input(A, ended('ok2', 1)))]);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(await store.calls.countForAccount(A)).toBe(2);
    expect((await store.deliveries.listForCall(A, 'ok1')).map((d) => d.outcome)).toEqual(['accepted']);
  });
});
