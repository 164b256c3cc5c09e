import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallOutcome } from '../../server/domain/call-outcome.js';
import { createSecretBox } from '../../server/security/secret-box.js';
import { migrate, migrationsApplied } from '../../server/store/db.js';
import { createStore, type Store } from '../../server/store/store.js';
import { engines, openTestDb, type TestDb } from '../helpers/databases.js';
import { createFixedClock } from '../helpers/fixed-clock.js';

const ACCOUNT = 'acc-1111';
const OTHER = 'acc-2222';
const outcome = (id: string, revision: number, summary = 'caller asked about invoice 1042'): CallOutcome => ({
  kind: 'outcome', event: 'call_ended', providerCallId: id, revision, status: 'completed', hasRecording: true,
  summary, analysis: { intent: 'duplicate_charge', links: {} },
});

describe.each(engines)('store contract on %s', (engine) => {
  let tdb: TestDb;
  let store: Store;
  const clock = createFixedClock();
  const box = createSecretBox(randomBytes(32));

  beforeAll(async () => {
    tdb = await openTestDb(engine, 20);
    store = createStore(tdb, box, clock.now);
    await store.accounts.upsert(ACCOUNT, 'Harbourside');
    await store.accounts.upsert(OTHER, 'Other Co');
  });
  afterAll(async () => { await store.close(); await tdb.drop(); });

  it('reports migrations applied and migrates again as a no-op', async () => {
    expect(await migrationsApplied(tdb)).toBe(true);
    expect(await migrate(tdb)).toEqual([]);
  });

  it('claims a call exactly once under 50 concurrent deliveries', async () => {
    const results = await Promise.all(Array.from({ length: 50 }, () =>
      store.calls.claim({ accountUuid: ACCOUNT, outcome: outcome('call_conc', 10), redactionKinds: [], detailsStatus: 'not_needed' })));
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.call.id)).size).toBe(1);
  });

  it('scopes the call id by account: the same provider id under another account is another call', async () => {
    const a = await store.calls.claim({ accountUuid: ACCOUNT, outcome: outcome('call_shared', 1), redactionKinds: [], detailsStatus: 'not_needed' });
    const b = await store.calls.claim({ accountUuid: OTHER, outcome: outcome('call_shared', 1), redactionKinds: [], detailsStatus: 'not_needed' });
    expect(a.created && b.created).toBe(true);
    expect(a.call.id).not.toBe(b.call.id);
    expect(await store.calls.get(OTHER, a.call.id)).toBeUndefined();
  });

  it('lets a higher revision enrich and never lets a lower one overwrite', async () => {
    await store.calls.claim({ accountUuid: ACCOUNT, outcome: outcome('call_rev', 5, 'first'), redactionKinds: [], detailsStatus: 'not_needed' });
    expect(await store.calls.enrich(ACCOUNT, outcome('call_rev', 9, 'newer'), ['card'])).toBeDefined();
    expect(await store.calls.enrich(ACCOUNT, outcome('call_rev', 7, 'older'), [])).toBeUndefined();
    const c = await store.calls.getByProviderId(ACCOUNT, 'call_rev');
    expect(c?.outcome.summary).toBe('newer');
    expect(c?.revision).toBe(9);
    expect(c?.redactionKinds).toEqual(['card']);
  });

  it('enqueues an outbox action once per idempotency key and leases it to one claimer', async () => {
    const { call } = await store.calls.claim({ accountUuid: ACCOUNT, outcome: outcome('call_box', 1), redactionKinds: [], detailsStatus: 'not_needed' });
    const item = { accountUuid: ACCOUNT, callId: call.id, idempotencyKey: `${ACCOUNT}:call_box:note:intake`, actionKey: 'note:intake', kind: 'note', payload: { a: 1 } };
    expect(await store.outbox.enqueue(item)).toBe(true);
    expect(await store.outbox.enqueue(item)).toBe(false);
    const claims = await Promise.all(['w1', 'w2', 'w3'].map((w) => store.outbox.claim(w, 10, 30_000)));
    const claimed = claims.flat().filter((i) => i.callId === call.id);
    expect(claimed).toHaveLength(1);
    expect(claimed[0]!.attempts).toBe(1);
    const owner = claims.findIndex((c) => c.some((i) => i.callId === call.id));
    expect(await store.outbox.complete(claimed[0]!.id, 'someone-else', 'x')).toBe(false);
    expect(await store.outbox.complete(claimed[0]!.id, `w${owner + 1}`, 'rec-1')).toBe(true);
    const [done] = await store.outbox.listForCall(ACCOUNT, call.id);
    expect(done).toMatchObject({ status: 'done', recordUuid: 'rec-1' });
    expect(await store.outbox.listForCall(OTHER, call.id)).toEqual([]);
  });

  it('makes an expired lease claimable again (a crashed worker)', async () => {
    const { call } = await store.calls.claim({ accountUuid: ACCOUNT, outcome: outcome('call_lease', 1), redactionKinds: [], detailsStatus: 'not_needed' });
    await store.outbox.enqueue({ accountUuid: ACCOUNT, callId: call.id, idempotencyKey: `${ACCOUNT}:call_lease:task`, actionKey: 'task', kind: 'task', payload: {} });
    const first = (await store.outbox.claim('dead', 10, 1_000)).filter((i) => i.callId === call.id);
    expect(first).toHaveLength(1);
    expect((await store.outbox.claim('alive', 10, 1_000)).filter((i) => i.callId === call.id)).toHaveLength(0);
    clock.advance(2_000);
    const again = (await store.outbox.claim('alive', 10, 1_000)).filter((i) => i.callId === call.id);
    expect(again).toHaveLength(1);
    expect(again[0]!.attempts).toBe(2);
    expect(await store.outbox.complete(again[0]!.id, 'dead', undefined)).toBe(false);
    expect(await store.outbox.renew(again[0]!.id, 'dead', 1_000)).toBe(false);
    expect(await store.outbox.renew(again[0]!.id, 'alive', 1_000)).toBe(true);
    clock.advance(2_000);
    expect(await store.outbox.renew(again[0]!.id, 'alive', 1_000)).toBe(false); // lapsed: someone else may hold it now
  });

  it('keeps one open review item per call and reason, scoped by account', async () => {
    const { call } = await store.calls.claim({ accountUuid: ACCOUNT, outcome: outcome('call_rev_q', 1), redactionKinds: [], detailsStatus: 'not_needed' });
    expect(await store.reviews.open(ACCOUNT, call.id, 'no_match', 'unknown caller')).toBe(true);
    expect(await store.reviews.open(ACCOUNT, call.id, 'no_match', 'unknown caller')).toBe(false);
    const [item] = await store.reviews.listForCall(ACCOUNT, call.id);
    expect(await store.reviews.get(OTHER, item!.id)).toBeUndefined();
    expect(await store.reviews.close(OTHER, item!.id, 'dismissed', 'x', 'staff')).toBe(false);
    expect(await store.reviews.close(ACCOUNT, item!.id, 'dismissed', 'spam', 'staff-1')).toBe(true);
    expect((await store.reviews.get(ACCOUNT, item!.id))?.status).toBe('dismissed');
  });

  it('keeps the audit trail append-only', async () => {
    await store.audit.append({ accountUuid: ACCOUNT, callId: 'c-audit', actor: 'system', action: 'recorded' });
    await expect(tdb.db.updateTable('audit_events').set({ action: 'tampered' }).execute()).rejects.toThrow(/append-only/);
    await expect(tdb.db.deleteFrom('audit_events').execute()).rejects.toThrow(/append-only/);
    expect((await store.audit.listForCall(ACCOUNT, 'c-audit')).map((e) => e.action)).toEqual(['recorded']);
    expect(await store.audit.listForCall(OTHER, 'c-audit')).toEqual([]);
  });

  it('seals credentials and webhook secrets at rest and accepts the previous secret after rotation', async () => {
    await store.accounts.saveCredentials(ACCOUNT, { kind: 'apiKey', apiKey: 'smk_live_SECRET_VALUE_123' });
    const conn = await store.accounts.createConnection(ACCOUNT, 'whsec_first_secret_value_0001');
    const raw = JSON.stringify([
      await tdb.db.selectFrom('accounts').selectAll().execute(),
      await tdb.db.selectFrom('dialnexa_connections').selectAll().execute(),
    ]);
    expect(raw).not.toContain('SECRET_VALUE_123');
    expect(raw).not.toContain('whsec_first_secret_value_0001');
    expect(await store.accounts.getCredentials(ACCOUNT)).toEqual({ kind: 'apiKey', apiKey: 'smk_live_SECRET_VALUE_123' });
    await store.accounts.rotateConnectionSecret(ACCOUNT, conn.id, 'whsec_second_secret_value_002');
    expect((await store.accounts.getConnection(conn.id))?.secrets).toEqual(['whsec_second_secret_value_002', 'whsec_first_secret_value_0001']);
  });

  it('shares a sliding-minute request budget atomically and says how long to wait', async () => {
    const t0 = Date.parse('2026-11-25T03:20:05Z');
    const takes = await Promise.all(Array.from({ length: 30 }, () => store.transaction((tx) => tx.rateWindows.take('acc-rate', t0, 25, 1000))));
    expect(takes.filter((t) => t.ok)).toHaveLength(25);
    const refused = takes.find((t) => !t.ok) as { ok: false; waitMs: number };
    expect(refused.waitMs).toBeGreaterThan(0);
    expect(refused.waitMs).toBeLessThanOrEqual(60_000);
    // Still inside the same sliding minute 50 s later: refused; once the first bucket ages out: allowed.
    expect((await store.transaction((tx) => tx.rateWindows.take('acc-rate', t0 + 50_000, 25, 1000))).ok).toBe(false);
    expect((await store.transaction((tx) => tx.rateWindows.take('acc-rate', t0 + 61_000, 25, 1000))).ok).toBe(true);
  });

  it('enforces the daily budget', async () => {
    const t0 = Date.parse('2026-11-25T05:00:00Z');
    for (let i = 0; i < 3; i++) expect((await store.transaction((tx) => tx.rateWindows.take('acc-day', t0 + i * 61_000, 100, 3))).ok).toBe(true);
    expect((await store.transaction((tx) => tx.rateWindows.take('acc-day', t0 + 10 * 61_000, 100, 3))).ok).toBe(false);
  });

  it('runs a transaction all-or-nothing', async () => {
    await expect(store.transaction(async (tx) => {
      await tx.calls.claim({ accountUuid: ACCOUNT, outcome: outcome('call_tx', 1), redactionKinds: [], detailsStatus: 'not_needed' });
      throw new Error('boom');
    })).rejects.toThrow('boom');
    expect(await store.calls.getByProviderId(ACCOUNT, 'call_tx')).toBeUndefined();
  });
});
