import { describe, expect, it } from 'vitest';
import { SEED } from '../../server/sandbox/seed.js';
import { SAMPLE_CALLS } from '../../server/sandbox/sample-calls.js';
import { callDetailsFromEnvelope } from '../../server/sandbox/dialnexa-simulator.js';
import { engines } from '../helpers/databases.js';
import { useRuntime } from '../helpers/make-deps.js';
import { deliver, fixture } from '../helpers/deliver.js';
import { sendSample, settle, written } from '../helpers/pipeline.js';
import { api, openPanel } from '../helpers/panel.js';

describe.each(engines)('hardening on %s', async (engine) => {
  const rt = await useRuntime({ engine, maxAttempts: 2 });
  const account = rt.sandbox!.accountUuid;
  const notify = (id: string, event: string, timestamp: string) => {
    const n = fixture('c-call-analysis-ready');
    Object.assign(n, { session_id: id, event, timestamp });
    return deliver(rt.app, rt.sandbox!.connectionId, rt.sandbox!.webhookSecret, n);
  };

  it('redacts the details response as a whole: a card number in an identifier field never reaches ServiceM8', async () => {
    const body = SAMPLE_CALLS.find((s) => s.id === 'duplicate-charge-1042')!.build('call_h1', rt.deps.clock()) as any;
    body.payload.call.post_call_analysis.job_number = '1042';
    body.payload.call.post_call_analysis.invoice_number = '4111 1111 1111 1111';
    rt.sandbox!.dialnexa.addCall(callDetailsFromEnvelope(body));
    expect((await notify('call_h1', 'call.analysis_ready', '2026-11-25T03:13:01Z')).status).toBe(200);
    await settle(rt);
    const sent = JSON.stringify(rt.sandbox!.servicem8.requests.map((r) => r.body ?? null));
    const stored = JSON.stringify(await rt.tdb.db.selectFrom('calls').selectAll().execute());
    expect(sent + stored).not.toContain('4111 1111 1111 1111');
    const call = (await rt.deps.store.calls.getByProviderId(account, 'call_h1'))!;
    expect(written(rt).notes.filter((n) => String(n.note).includes(call.linkToken))).toHaveLength(1);
  });

  it('fetches again when analysis arrives after an earlier notification found none', async () => {
    const body = SAMPLE_CALLS.find((s) => s.id === 'duplicate-charge-1042')!.build('call_h2', rt.deps.clock()) as any;
    const bare = JSON.parse(JSON.stringify(body));
    delete bare.payload.call.post_call_analysis;
    rt.sandbox!.dialnexa.addCall(callDetailsFromEnvelope(bare));
    expect((await notify('call_h2', 'call.ended', '2026-11-25T03:12:00Z')).status).toBe(200);
    await settle(rt).catch(() => undefined);
    await rt.worker.drain();
    expect((await rt.deps.store.calls.getByProviderId(account, 'call_h2'))?.outcome.analysis).toBeUndefined();
    rt.sandbox!.dialnexa.addCall(callDetailsFromEnvelope(body));
    expect((await notify('call_h2', 'call.analysis_ready', '2026-11-25T03:13:01Z')).status).toBe(200);
    await settle(rt);
    const call = (await rt.deps.store.calls.getByProviderId(account, 'call_h2'))!;
    expect(call.outcome.analysis?.intent).toBe('duplicate_charge');
    expect(written(rt).notes.filter((n) => String(n.note).includes(call.linkToken))).toHaveLength(1);
  });

  it('does not let a non-approver release a held money step by escalating first', async () => {
    await sendSample(rt, 'refund-over-threshold', 'call_h3');
    await settle(rt);
    const call = (await rt.deps.store.calls.getByProviderId(account, 'call_h3'))!;
    const tech = await openPanel(rt, { jobUuid: call.jobUuid, staff: SEED.staff.plumber.uuid });
    expect((await api(rt, tech.boot.token).post(`/calls/${call.id}/steps`, { action: 'escalate', requestId: 'req-h3-escalate', reason: 'customer is upset' })).status).toBe(200);
    const confirm = await api(rt, tech.boot.token).post(`/calls/${call.id}/steps`, { action: 'confirm', requestId: 'req-h3-confirm' });
    expect(confirm.status).toBe(409);
    expect(confirm.body.error.message).toMatch(/approver/);
    const fin = await openPanel(rt, { jobUuid: call.jobUuid, staff: SEED.staff.finance.uuid });
    const approved = await api(rt, fin.boot.token).post(`/calls/${call.id}/steps`, { action: 'approve', requestId: 'req-h3-approve' });
    expect(approved.status).toBe(200);
    expect(approved.body.stepStatus).toBe('confirmed');
  });

  it('lets only the finance owner or an approver change settings', async () => {
    const tech = await openPanel(rt, { staff: SEED.staff.plumber.uuid, event: 'dialnexa_billing_review' });
    const view = await api(rt, tech.boot.token).get('/review');
    const res = await api(rt, tech.boot.token).put('/settings', { ...view.body.settings, approverStaffUuids: [SEED.staff.plumber.uuid] });
    expect(res.status).toBe(409);
    expect((await rt.deps.store.accounts.get(account))!.settings.approverStaffUuids).toEqual([]);
  });

  it('a person retrying gets fresh attempts, and a second failure reopens the review item', async () => {
    rt.sandbox!.servicem8.setFaults({ failureRate: 1, failureStatuses: [500] });
    await sendSample(rt, 'duplicate-charge-1042', 'call_h5');
    await settle(rt);
    const call = (await rt.deps.store.calls.getByProviderId(account, 'call_h5'))!;
    const [item] = (await rt.deps.store.reviews.listForCall(account, call.id)).filter((r) => r.reason === 'delivery_failed');
    expect(item?.status).toBe('open');
    const canvas = await openPanel(rt, { staff: SEED.staff.finance.uuid, event: 'dialnexa_billing_review' });
    expect((await api(rt, canvas.boot.token).post(`/review/${item!.id}`, { action: 'retry', requestId: 'req-h5-retry-1' })).status).toBe(200);
    const requeued = await rt.deps.store.outbox.listForCall(account, call.id);
    expect(requeued.filter((x) => x.status === 'pending').every((x) => x.attempts === 0)).toBe(true);
    await settle(rt);
    expect((await rt.deps.store.reviews.get(account, item!.id))?.status).toBe('open');
    rt.sandbox!.servicem8.setFaults({});
    expect((await api(rt, canvas.boot.token).post(`/review/${item!.id}`, { action: 'retry', requestId: 'req-h5-retry-2' })).status).toBe(200);
    await settle(rt);
    expect((await rt.deps.store.outbox.listForCall(account, call.id)).every((x) => x.status === 'done')).toBe(true);
    expect(written(rt).notes.filter((n) => String(n.note).includes(call.linkToken))).toHaveLength(1);
  });

  it('lets finance create a job for an existing client from the review queue, once', async () => {
    await sendSample(rt, 'unknown-caller-payment-status', 'call_h6');
    await settle(rt);
    const call = (await rt.deps.store.calls.getByProviderId(account, 'call_h6'))!;
    const [item] = await rt.deps.store.reviews.listForCall(account, call.id);
    const canvas = await openPanel(rt, { staff: SEED.staff.finance.uuid, event: 'dialnexa_billing_review' });
    const bad = await api(rt, canvas.boot.token).post(`/review/${item!.id}`, { action: 'create_job', requestId: 'req-h6-bad', companyUuid: SEED.companies.parramattaKebabs.uuid });
    expect(bad.status).toBe(400);
    const body = { action: 'create_job', requestId: 'req-h6-create', companyUuid: SEED.companies.chen.uuid };
    expect((await api(rt, canvas.boot.token).post(`/review/${item!.id}`, body)).status).toBe(200);
    expect((await api(rt, canvas.boot.token).post(`/review/${item!.id}`, { ...body, requestId: 'req-h6-again' })).status).toBe(200);
    await settle(rt);
    const jobs = rt.sandbox!.servicem8.data().job.filter((j) => String(j.job_description).includes(call.linkToken));
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({ company_uuid: SEED.companies.chen.uuid, status: 'Quote' });
    expect((await rt.deps.store.calls.get(account, call.id))?.jobUuid).toBe(jobs[0]!.uuid);
  });
});
