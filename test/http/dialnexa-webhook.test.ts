import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { dialnexaSignature } from '../helpers/sign.js';
import { engines } from '../helpers/databases.js';
import { useRuntime } from '../helpers/make-deps.js';
import { callEnded, deliver, fixture } from '../helpers/deliver.js';

describe.each(engines)('POST /dialnexa/webhook/:connectionId on %s', async (engine) => {
  const rt = await useRuntime({ engine });
  const sb = rt.sandbox!;
  const account = sb.accountUuid;
  const counts = async () => ({
    calls: Number((await rt.tdb.db.selectFrom('calls').select((e) => e.fn.countAll<string>().as('n')).executeTakeFirst())!.n),
    deliveries: Number((await rt.tdb.db.selectFrom('deliveries').select((e) => e.fn.countAll<string>().as('n')).executeTakeFirst())!.n),
  });

  it('records a signed call_ended once and answers 200 with the call id', async () => {
    const res = await deliver(rt.app, sb.connectionId, sb.webhookSecret, callEnded('call_ok_1'));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ok: true, status: 'recorded', callId: expect.any(String) });
    const call = await rt.deps.store.calls.getByProviderId(account, 'call_ok_1');
    expect(call?.outcome).toMatchObject({ fromNumber: '+61412345678', status: 'completed', analysis: { intent: 'duplicate_charge', amount: { amount: '349.00', currency: 'AUD' } } });
    const planned = await rt.deps.store.outbox.listForCall(account, call!.id);
    expect(planned.map((p) => p.kind)).toEqual(['decide']);
  });

  it('accepts the older x-nexa-signature header and an unprefixed signature', async () => {
    const raw = JSON.stringify(callEnded('call_ok_2'));
    const res = await request(rt.app).post(`/dialnexa/webhook/${sb.connectionId}`).set('X-Nexa-Signature', dialnexaSignature(raw, sb.webhookSecret, false)).set('content-type', 'application/json').send(raw);
    expect(res.status).toBe(200);
  });

  it.each([
    ['missing', (raw: string) => ({ raw, sig: undefined })],
    ['wrong secret', (raw: string) => ({ raw, sig: dialnexaSignature(raw, 'not-the-secret-0123456789abcdef') })],
    ['tampered body', (raw: string) => ({ raw: raw.replace('349', '3490'), sig: dialnexaSignature(raw, sb.webhookSecret) })],
    ['garbage', (raw: string) => ({ raw, sig: 'sha256=zz' })],
  ])('rejects a %s signature with 401 and stores nothing', async (_n, make) => {
    const before = await counts();
    const { raw, sig } = make(JSON.stringify(callEnded('call_bad_sig')));
    const req = request(rt.app).post(`/dialnexa/webhook/${sb.connectionId}`).set('content-type', 'application/json');
    const res = await (sig ? req.set('x-dialnexa-signature', sig) : req).send(raw);
    expect(res.status).toBe(401);
    expect(await counts()).toEqual(before);
  });

  it('accepts the previous secret during rotation, then only the new one after the next', async () => {
    const conn = await rt.deps.store.accounts.createConnection(account, 'rotation-secret-one-0123456789');
    const two = await rt.deps.store.accounts.rotateConnectionSecret(account, conn.id, 'rotation-secret-two-0123456789');
    expect((await deliver(rt.app, conn.id, 'rotation-secret-one-0123456789', callEnded('call_rot_1'))).status).toBe(200);
    expect((await deliver(rt.app, conn.id, two, callEnded('call_rot_2'))).status).toBe(200);
    await rt.deps.store.accounts.rotateConnectionSecret(account, conn.id, 'rotation-secret-three-012345678');
    expect((await deliver(rt.app, conn.id, 'rotation-secret-one-0123456789', callEnded('call_rot_3'))).status).toBe(401);
  });

  it('answers 404 for an unknown connection and 413 beyond 1 MiB', async () => {
    expect((await deliver(rt.app, 'dnx_unknown', sb.webhookSecret, callEnded('x'))).status).toBe(404);
    const big = JSON.stringify(callEnded('call_big', { transcript: 'a'.repeat(1_100_000) }));
    expect((await deliver(rt.app, sb.connectionId, sb.webhookSecret, null, { raw: big })).status).toBe(413);
  });

  it('answers 400 naming the fields for signed but invalid bodies, and keeps the redacted delivery', async () => {
    const res = await deliver(rt.app, sb.connectionId, sb.webhookSecret, fixture('hostile-missing-call-id'));
    expect(res.status).toBe(400);
    expect(res.body.error.fields.map((f: { field: string }) => f.field)).toContain('payload.call.id');
    const notJson = await deliver(rt.app, sb.connectionId, sb.webhookSecret, null, { raw: '{"event_type": "call_ended", card 4111 1111 1111 1111' });
    expect(notJson.status).toBe(400);
    const kept = await rt.tdb.db.selectFrom('deliveries').selectAll().where('outcome', '=', 'invalid').execute();
    expect(kept.length).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(kept)).not.toContain('4111 1111 1111 1111');
  });

  it('acknowledges unknown and verification events with 200 and records no call', async () => {
    const before = await counts();
    for (const name of ['webhook-verification', 'ping', 'b-campaign-completed', 'c-alert-triggered']) {
      const res = await deliver(rt.app, sb.connectionId, sb.webhookSecret, fixture(name));
      expect(res.status, name).toBe(200);
    }
    expect((await counts()).calls).toBe(before.calls);
  });

  it('records a notification and plans a background detail fetch (not before answering)', async () => {
    const n = fixture('c-call-analysis-ready');
    n.session_id = 'call_notify_1';
    const res = await deliver(rt.app, sb.connectionId, sb.webhookSecret, n);
    expect(res.status).toBe(200);
    const call = await rt.deps.store.calls.getByProviderId(account, 'call_notify_1');
    expect(call?.detailsStatus).toBe('pending');
    expect((await rt.deps.store.outbox.listForCall(account, call!.id)).map((x) => x.kind)).toEqual(['fetch_details']);
  });

  it('turns 50 concurrent copies of one delivery into one call and one set of planned actions', async () => {
    const body = callEnded('call_burst');
    const results = await Promise.all(Array.from({ length: 50 }, () => deliver(rt.app, sb.connectionId, sb.webhookSecret, body)));
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(new Set(results.map((r) => r.body.callId)).size).toBe(1);
    const rows = await rt.tdb.db.selectFrom('calls').selectAll().where('provider_call_id', '=', 'call_burst').execute();
    expect(rows).toHaveLength(1);
    expect(await rt.deps.store.outbox.listForCall(account, rows[0]!.id)).toHaveLength(1);
    const kept = await rt.tdb.db.selectFrom('deliveries').select('outcome').where('provider_call_id', '=', 'call_burst').execute();
    expect(kept).toHaveLength(50);
    expect(kept.filter((d) => d.outcome === 'accepted')).toHaveLength(1);
  });

  it('lets a later, richer event enrich the call and never lets an older one overwrite it', async () => {
    const early = callEnded('call_order', { summary: 'older summary', initiated_at: '2026-11-25T03:00:00Z' }, {});
    delete early.payload.call.post_call_analysis;
    const rich = callEnded('call_order', { summary: 'newer summary' });
    expect((await deliver(rt.app, sb.connectionId, sb.webhookSecret, rich)).status).toBe(200);
    expect((await deliver(rt.app, sb.connectionId, sb.webhookSecret, early)).status).toBe(200);
    const call = await rt.deps.store.calls.getByProviderId(account, 'call_order');
    expect(call?.outcome.summary).toBe('newer summary');
    expect(call?.outcome.analysis?.intent).toBe('duplicate_charge');
  });

  it('answers 503 when storage is unavailable so DialNexa retries', async () => {
    const broken = { ...rt.deps.store, transaction: async () => { throw new Error('database is locked'); } };
    const { createApp } = await import('../../server/app.js');
    const app = createApp({ ...rt.deps, store: broken as typeof rt.deps.store });
    const res = await deliver(app, sb.connectionId, sb.webhookSecret, callEnded('call_503'));
    expect(res.status).toBe(503);
    expect(res.text).not.toContain('database is locked');
  });
});

describe('POST /dialnexa/webhook (single account)', async () => {
  const rt = await useRuntime({ env: { DIALNEXA_WEBHOOK_SECRET: 'single-account-secret-0123456789', DIALNEXA_WEBHOOK_SECRET_PREVIOUS: 'single-account-old-secret-01234' } });
  it('verifies with DIALNEXA_WEBHOOK_SECRET (and the previous one) and records to the default account', async () => {
    for (const [id, secret] of [['call_single_1', 'single-account-secret-0123456789'], ['call_single_2', 'single-account-old-secret-01234']] as const) {
      const raw = JSON.stringify(callEnded(id));
      const res = await request(rt.app).post('/dialnexa/webhook').set('x-dialnexa-signature', dialnexaSignature(raw, secret)).set('content-type', 'application/json').send(raw);
      expect(res.status).toBe(200);
      expect(await rt.deps.store.calls.getByProviderId(rt.sandbox!.accountUuid, id)).toBeDefined();
    }
    const raw = JSON.stringify(callEnded('call_single_3'));
    expect((await request(rt.app).post('/dialnexa/webhook').set('x-dialnexa-signature', dialnexaSignature(raw, 'wrong-secret-0123456789abcdef')).send(raw)).status).toBe(401);
  });
});
