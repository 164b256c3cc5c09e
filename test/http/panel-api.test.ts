import jwt from 'jsonwebtoken';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { derivePanelKey } from '../../server/panel/session-token.js';
import { SEED } from '../../server/sandbox/seed.js';
import { engines } from '../helpers/databases.js';
import { useRuntime } from '../helpers/make-deps.js';
import { sendSample, settle, written } from '../helpers/pipeline.js';
import { api, openPanel } from '../helpers/panel.js';

describe.each(engines)('panel API on %s', async (engine) => {
  const rt = await useRuntime({ engine });
  const finance = SEED.staff.finance.uuid;
  const j1042 = SEED.jobs.j1042.uuid;
  await sendSample(rt, 'duplicate-charge-1042', 'call_panel_dup');
  await settle(rt);
  const call = (await rt.deps.store.calls.getByProviderId(rt.sandbox!.accountUuid, 'call_panel_dup'))!;

  it('shows the call beside the live ServiceM8 record with the double payment called out', async () => {
    const { boot } = await openPanel(rt, { jobUuid: j1042, staff: finance });
    const res = await api(rt, boot.token).get('/job');
    expect(res.status).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.body.record).toMatchObject({ ok: true, value: { jobNumber: '1042', invoiceTotal: { amount: '349.00', currency: 'AUD' }, paymentReceived: true, paidTotal: { amount: '698.00', currency: 'AUD' } } });
    expect(res.body.record.value.payments).toHaveLength(2);
    const c = res.body.calls.find((x: { id: string }) => x.id === call.id);
    expect(c).toMatchObject({ intent: 'duplicate_charge', claim: { invoiceNumber: '1042', amount: { amount: '349.00', currency: 'AUD' } } });
    expect(c.mismatches.map((m: { kind: string }) => m.kind)).toContain('duplicate_payment');
    expect(c.match.reasons.length + c.policyReasons.length).toBeGreaterThan(0);
    expect(c.audit.map((a: { action: string }) => a.action)).toEqual(expect.arrayContaining(['call.recorded', 'call.decided']));
    expect(res.body.viewer.canApprove).toBe(true);
  });

  it('confirms the next step once, even when the request is repeated or double-tapped', async () => {
    const { boot } = await openPanel(rt, { jobUuid: j1042, staff: finance });
    const before = written(rt).notesOn(j1042).length;
    const body = { action: 'confirm', requestId: 'req-confirm-0001', text: 'Refund the second payment of AUD 349.00' };
    const [a, b] = await Promise.all([api(rt, boot.token).post(`/calls/${call.id}/steps`, body), api(rt, boot.token).post(`/calls/${call.id}/steps`, { ...body, requestId: 'req-confirm-0002' })]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect((await api(rt, boot.token).post(`/calls/${call.id}/steps`, body)).status).toBe(200);
    await settle(rt);
    const notes = written(rt).notesOn(j1042);
    expect(notes.length - before).toBe(1);
    expect(String(notes.at(-1)!.note)).toMatch(/confirmed by Sam Okafor: Refund the second payment/);
    const view = (await api(rt, boot.token).get('/job')).body.calls.find((x: { id: string }) => x.id === call.id);
    expect(view.nextStep.status).toBe('confirmed');
    expect(view.audit.filter((e: { action: string }) => e.action === 'step.confirm')).toHaveLength(1);
  });

  it('refuses approve for someone who is not an approver, naming why', async () => {
    await sendSample(rt, 'refund-over-threshold', 'call_panel_big');
    await settle(rt);
    const big = (await rt.deps.store.calls.getByProviderId(rt.sandbox!.accountUuid, 'call_panel_big'))!;
    expect(big.stepStatus).toBe('awaiting_approval');
    const tech = await openPanel(rt, { jobUuid: big.jobUuid, staff: SEED.staff.plumber.uuid });
    const refused = await api(rt, tech.boot.token).post(`/calls/${big.id}/steps`, { action: 'approve', requestId: 'req-approve-tech' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/approver/);
    const fin = await openPanel(rt, { jobUuid: big.jobUuid, staff: finance });
    const approved = await api(rt, fin.boot.token).post(`/calls/${big.id}/steps`, { action: 'approve', requestId: 'req-approve-fin' });
    expect(approved.status).toBe(200);
    expect(approved.body.nextStep.status).toBe('confirmed');
  });

  it('validates step requests and names the bad fields', async () => {
    const { boot } = await openPanel(rt, { jobUuid: j1042, staff: finance });
    const res = await api(rt, boot.token).post(`/calls/${call.id}/steps`, { action: 'explode', requestId: 'x' });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['action', 'requestId']);
  });

  it('answers 404 for a call on another job, another account or a job-scoped token on the review API', async () => {
    const other = await openPanel(rt, { jobUuid: SEED.jobs.j1039.uuid, staff: finance });
    expect((await api(rt, other.boot.token).get(`/calls/${call.id}/recording`)).status).toBe(404);
    expect((await api(rt, other.boot.token).post(`/calls/${call.id}/steps`, { action: 'confirm', requestId: 'req-other-job' })).status).toBe(404);
    expect((await api(rt, other.boot.token).get('/job')).body.calls.map((c: { id: string }) => c.id)).not.toContain(call.id);
    expect((await api(rt, other.boot.token).get('/review')).status).toBe(404);
    const key = derivePanelKey(Buffer.alloc(32)); // a token signed with another key is not ours at all
    const foreign = jwt.sign({ acc: rt.sandbox!.accountUuid, stf: finance, scp: 'job', job: j1042, aud: 'panel' }, key, { algorithm: 'HS256', expiresIn: 600 });
    expect((await api(rt, foreign).get('/job')).status).toBe(401);
    await rt.deps.store.accounts.upsert('another-account', 'Coastal Aircon Services');
    const { signPanelToken } = await import('../../server/panel/session-token.js');
    const otherAccount = signPanelToken({ accountUuid: 'another-account', staffUuid: finance, scope: 'job', jobUuid: j1042 }, rt.deps.panelKey, new Date());
    const view = await api(rt, otherAccount).get('/job');
    expect(view.body.calls ?? []).toEqual([]);
    expect((await api(rt, otherAccount).post(`/calls/${call.id}/steps`, { action: 'confirm', requestId: 'req-other-acc' })).status).toBe(404);
  });

  it('rejects expired, tampered and missing tokens with 401 and a reopen hint', async () => {
    const { signPanelToken } = await import('../../server/panel/session-token.js');
    const old = signPanelToken({ accountUuid: rt.sandbox!.accountUuid, staffUuid: finance, scope: 'job', jobUuid: j1042 }, rt.deps.panelKey, new Date(Date.now() - 16 * 60_000));
    const expired = await api(rt, old).get('/job');
    expect(expired.status).toBe(401);
    expect(expired.body.error.message).toMatch(/expired.*[Rr]eopen/);
    const { boot } = await openPanel(rt, { jobUuid: j1042, staff: finance });
    const [h, p, s] = boot.token.split('.');
    const tampered = `${h}.${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(p!, 'base64url').toString()), job: SEED.jobs.j1039.uuid })).toString('base64url')}.${s}`;
    expect((await api(rt, tampered).get('/job')).status).toBe(401);
    expect((await request(rt.app).get('/api/panel/job')).status).toBe(401);
    expect((await request(rt.app).options('/api/panel/job')).status).toBe(204);
  });

  it('fetches a fresh recording link on demand and never stores it', async () => {
    const { boot } = await openPanel(rt, { jobUuid: j1042, staff: finance });
    const one = await api(rt, boot.token).get(`/calls/${call.id}/recording`);
    expect(one.status).toBe(200);
    expect(one.body.url).toMatch(/^https:\/\/.*X-Amz-Expires=604800/);
    const stored = JSON.stringify(await rt.tdb.db.selectFrom('calls').selectAll().execute()) + JSON.stringify(await rt.tdb.db.selectFrom('deliveries').selectAll().execute());
    expect(stored).not.toContain('X-Amz');
  });

  it('gives finance a review queue, lets them link a call to a job, and saves settings', async () => {
    await sendSample(rt, 'unknown-caller-payment-status', 'call_panel_unknown');
    await settle(rt);
    const canvas = await openPanel(rt, { staff: finance, event: 'dialnexa_billing_review' });
    const q = await api(rt, canvas.boot.token).get('/review');
    expect(q.status).toBe(200);
    const item = q.body.items.find((i: { reason: string; call: { callerName: string } }) => i.reason === 'no_match' && i.call.callerName === 'Jamie Rivera');
    expect(item).toBeDefined();
    expect(q.body.staff.map((s: { name: string }) => s.name)).toContain('Sam Okafor');
    expect(q.body.connections[0].webhookUrl).toMatch(/\/dialnexa\/webhook\/dnx_/);
    const linked = await api(rt, canvas.boot.token).post(`/review/${item.id}`, { action: 'link_job', requestId: 'req-link-0001', jobNumber: 'INV-1039' });
    expect(linked.status).toBe(200);
    expect(linked.body.items.map((i: { id: string }) => i.id)).not.toContain(item.id);
    const c = (await rt.deps.store.calls.getByProviderId(rt.sandbox!.accountUuid, 'call_panel_unknown'))!;
    expect(c.jobUuid).toBe(SEED.jobs.j1039.uuid);
    const bad = await api(rt, canvas.boot.token).put('/settings', { ...q.body.settings, approvalThreshold: { amount: '1,000', currency: 'aud' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['approvalThreshold.amount', 'approvalThreshold.currency']);
    const saved = await api(rt, canvas.boot.token).put('/settings', { ...q.body.settings, approvalThreshold: { amount: '750.00', currency: 'AUD' }, automationMode: 'review_everything' });
    expect(saved.status).toBe(200);
    expect((await rt.deps.store.accounts.get(rt.sandbox!.accountUuid))!.settings).toMatchObject({ approvalThreshold: { amount: '750.00' }, automationMode: 'review_everything' });
    expect(q.body.settings.newJobStatus).toBe('Quote');
    const status = await api(rt, canvas.boot.token).put('/settings', { ...q.body.settings, newJobStatus: 'Work Order' });
    expect(status.status).toBe(200);
    expect((await rt.deps.store.accounts.get(rt.sandbox!.accountUuid))!.settings.newJobStatus).toBe('Work Order');
    expect((await api(rt, canvas.boot.token).put('/settings', { ...q.body.settings, newJobStatus: 'Invoice' })).status).toBe(400);
  });
});
