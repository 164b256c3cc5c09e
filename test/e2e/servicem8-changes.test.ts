import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { replayStoredDelivery } from '../../server/calls/replay-delivery.js';
import { SEED } from '../../server/sandbox/seed.js';
import { engines } from '../helpers/databases.js';
import { useRuntime } from '../helpers/make-deps.js';
import { addonEvent } from '../helpers/sign.js';
import { deliver, fixture } from '../helpers/deliver.js';
import { sendSample, settle } from '../helpers/pipeline.js';

describe.each(engines)('ServiceM8 changes flowing back, and replays, on %s', async (engine) => {
  const rt = await useRuntime({ engine });
  const account = rt.sandbox!.accountUuid;

  it('a job webhook re-fetches the job and updates the linked call\'s open step with an audit entry', async () => {
    await sendSample(rt, 'refund-over-threshold', 'call_back_1');
    await settle(rt);
    const call = (await rt.deps.store.calls.getByProviderId(account, 'call_back_1'))!;
    expect(call.jobUuid).toBe(SEED.jobs.j1038.uuid);
    rt.sandbox!.servicem8.put('job', { ...rt.sandbox!.servicem8.data().job.find((j) => j.uuid === SEED.jobs.j1038.uuid)!, uuid: SEED.jobs.j1038.uuid, payment_received: 1 });
    const event = addonEvent({ secret: rt.config.servicem8.appSecret!, account, eventName: 'Webhook_Subscription', args: { object: 'Job', entry: [{ uuid: SEED.jobs.j1038.uuid, changed_fields: ['payment_received'], time: '2026-11-25 14:02:11' }] } });
    const res = await request(rt.app).post('/servicem8/addon-event').send(event);
    expect(JSON.parse(res.body.eventResponse)).toEqual({ ok: true, queued: 1 });
    expect(JSON.parse((await request(rt.app).post('/servicem8/addon-event').send(event)).body.eventResponse)).toEqual({ ok: true, queued: 0 });
    await settle(rt);
    const after = (await rt.deps.store.calls.get(account, call.id))!;
    expect(after.decision?.nextStep?.text).toMatch(/fully paid/);
    const audit = (await rt.deps.store.audit.listForCall(account, call.id)).map((e) => e.action);
    expect(audit).toEqual(expect.arrayContaining(['job.refreshed', 'step.updated']));
    expect(audit.filter((a) => a === 'job.refreshed')).toHaveLength(1);
  });

  it('replays a stored delivery: a duplicate changes nothing; a previously refused one is still refused with the reason', async () => {
    await sendSample(rt, 'duplicate-charge-1042', 'call_replay_1');
    const kept = await rt.deps.store.deliveries.listForCall(account, 'call_replay_1');
    const again = await replayStoredDelivery(rt.deps.store, kept[0]!.id);
    expect(again).toMatchObject({ outcome: 'duplicate', replayOf: kept[0]!.id });
    expect(JSON.stringify(kept[0])).not.toContain('X-Amz');
    expect((await deliver(rt.app, rt.sandbox!.connectionId, rt.sandbox!.webhookSecret, fixture('hostile-missing-call-id'))).status).toBe(400);
    const invalid = await rt.tdb.db.selectFrom('deliveries').select('id').where('outcome', '=', 'invalid').executeTakeFirstOrThrow();
    await expect(replayStoredDelivery(rt.deps.store, invalid.id)).rejects.toThrow(/still not valid: payload\.call\.id/);
  });
});
