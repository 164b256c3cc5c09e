import { describe, expect, it } from 'vitest';
import { SEED } from '../../server/sandbox/seed.js';
import { engines } from '../helpers/databases.js';
import { useRuntime } from '../helpers/make-deps.js';
import { sendSample, settle, written } from '../helpers/pipeline.js';
import { api, openPanel } from '../helpers/panel.js';
import { deliver } from '../helpers/deliver.js';

/** Issue 13's "done when", end to end against the ServiceM8 simulator. */
describe.each(engines)('money calls → ServiceM8 on %s', async (engine) => {
  const rt = await useRuntime({ engine });
  const account = rt.sandbox!.accountUuid;
  const data = () => rt.sandbox!.servicem8.data(account);
  const callOf = async (id: string) => (await rt.deps.store.calls.getByProviderId(account, id))!;
  const mine = (linkToken: string) => ({
    notes: data().note.filter((n) => String(n.note).includes(`/calls/${linkToken}`)),
    tasks: data().task.filter((t) => String(t.task_details).includes(`/calls/${linkToken}`)),
  });
  const acc = await rt.deps.store.accounts.get(account);
  await rt.deps.store.accounts.saveSettings(account, { ...acc!.settings, newJobStatus: 'Work Order' });

  it('the payment-plan call makes one note and one task that reads as a payment plan, with no credit or refund anywhere', async () => {
    await sendSample(rt, 'payment-plan-1039', 'call_m_plan');
    await settle(rt);
    const call = await callOf('call_m_plan');
    const { notes, tasks } = mine(call.linkToken);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ related_object_uuid: SEED.jobs.j1039.uuid });
    expect(tasks).toHaveLength(1);
    const details = String(tasks[0]!.task_details);
    expect(details).toContain('[ ] Approve a payment plan: 3 × AUD 140.00 fortnightly');
    expect(details).toContain('(total AUD 420.00)');
    expect(details).toContain('[ ] Follow up collections on invoice 1039');
    expect(tasks[0]).toMatchObject({ assigned_to_staff_uuid: SEED.staff.finance.uuid, related_object_uuid: SEED.jobs.j1039.uuid });
    expect(`${notes[0]!.note} ${tasks[0]!.name} ${details}`).not.toMatch(/credit|refund/i);
    expect(String(notes[0]!.note)).toMatch(/^DialNexa call: Payment plan request/);
    expect(call.stepStatus).toBe('awaiting_approval');
  });

  it('a later revision of the same call updates that task instead of adding a second', async () => {
    const body = (await import('../../server/sandbox/sample-calls.js')).SAMPLE_CALLS.find((s) => s.id === 'payment-plan-1039')!.build('call_m_plan', rt.deps.clock());
    const later = { ...body, timestamp: new Date(rt.deps.clock().getTime() + 60_000).toISOString() } as Record<string, any>;
    later.payload.call.post_call_analysis.credit_request = 'Payment plan: 3 x $140.00 fortnightly from 4 December';
    const res = await deliver(rt.app, rt.sandbox!.connectionId, rt.sandbox!.webhookSecret, later);
    expect(res.status).toBe(200);
    await settle(rt);
    const call = await callOf('call_m_plan');
    const { notes, tasks } = mine(call.linkToken);
    expect(notes).toHaveLength(1);
    expect(tasks).toHaveLength(1);
    expect(String(tasks[0]!.task_details)).toMatch(/Approve a payment plan: 3 × AUD 140\.00 fortnightly from 4 Dec 20\d\d/);
    const updates = rt.sandbox!.servicem8.requests.filter((r) => r.method === 'POST' && r.path.includes(`/task/${tasks[0]!.uuid}.json`));
    expect(updates).toHaveLength(1);
  });

  it('approving in the panel ticks the plan line and updates the ServiceM8 task once; the panel shows the lines with their state', async () => {
    const call = await callOf('call_m_plan');
    const { boot } = await openPanel(rt, { jobUuid: SEED.jobs.j1039.uuid, staff: SEED.staff.finance.uuid });
    const before = (await api(rt, boot.token).get('/job')).body.calls.find((c: { id: string }) => c.id === call.id);
    expect(before.financeTask.lines.map((l: { id: string; state: string }) => `${l.id}:${l.state}`)).toEqual(['collections:open', 'payment_plan:waiting', 'escalation:open']);
    const taskUuid = mine(call.linkToken).tasks[0]!.uuid;
    const updatesOf = () => rt.sandbox!.servicem8.requests.filter((r) => r.method === 'POST' && r.path.includes(`/task/${taskUuid}.json`)).length;
    const updatesBefore = updatesOf();
    const body = { action: 'approve', requestId: 'req-approve-plan-01' };
    expect((await api(rt, boot.token).post(`/calls/${call.id}/steps`, body)).status).toBe(200);
    expect((await api(rt, boot.token).post(`/calls/${call.id}/steps`, { ...body, requestId: 'req-approve-plan-02' })).status).toBe(200);
    await settle(rt);
    expect(updatesOf() - updatesBefore).toBe(1);
    const details = String(mine(call.linkToken).tasks[0]!.task_details);
    expect(details).toMatch(/\[x\] Approve a payment plan: 3 × AUD 140\.00 fortnightly .* — approved by Sam Okafor/);
    const after = (await api(rt, boot.token).get('/job')).body.calls.find((c: { id: string }) => c.id === call.id);
    expect(after.financeTask.lines.find((l: { id: string }) => l.id === 'payment_plan')).toMatchObject({ state: 'approved', by: 'approved by Sam Okafor' });
    expect(mine(call.linkToken).notes).toHaveLength(1);
  });

  it('a refund above the threshold makes one task with both the refund and the escalation lines', async () => {
    await sendSample(rt, 'refund-over-threshold', 'call_m_refund');
    await settle(rt);
    const call = await callOf('call_m_refund');
    const { notes, tasks } = mine(call.linkToken);
    expect(notes).toHaveLength(1);
    expect(tasks).toHaveLength(1);
    const details = String(tasks[0]!.task_details);
    expect(details).toContain('[ ] Refund AUD 1850.00 to the payer on invoice');
    expect(details).toContain('waiting for approval: AUD 1850.00 is above the AUD 500.00 approval limit');
    expect(details).toContain('[ ] Own the escalation and call the client back: refund request: AUD 1850.00 is above the AUD 500.00 approval limit');
  });

  it('the "never raised" call creates exactly one job for the client with the note on it and touches no other job', async () => {
    const jobsBefore = data().job.length;
    const notesOnSeedJobs = () => data().note.filter((n) => String(n.related_object_uuid).startsWith('5e3d0005')).length;
    const seedNotes = notesOnSeedJobs();
    await sendSample(rt, 'never-raised-natarajan', 'call_m_never');
    await settle(rt);
    await sendSample(rt, 'never-raised-natarajan', 'call_m_never');
    await settle(rt);
    const call = await callOf('call_m_never');
    const created = data().job.filter((j) => !String(j.uuid).startsWith('5e3d00'));
    const forCall = created.filter((j) => j.uuid === call.jobUuid);
    expect(data().job.length - jobsBefore).toBe(1);
    expect(forCall).toHaveLength(1);
    expect(forCall[0]).toMatchObject({ company_uuid: SEED.companies.natarajan.uuid, status: 'Work Order' });
    expect(String(forCall[0]!.job_description)).toContain('outdoor taps at their loading dock');
    expect(String(forCall[0]!.job_description)).toContain('Billing contact: Anand Natarajan, accounts@natarajan-supplies.example');
    const { notes } = mine(call.linkToken);
    expect(notes).toHaveLength(1);
    expect(notes[0]!.related_object_uuid).toBe(call.jobUuid);
    expect(notesOnSeedJobs()).toBe(seedNotes);
    expect(call.decision?.reasons).toContain('opens a new Work Order job for Natarajan Plumbing Supplies: the caller says the work was done but never raised');
  });

  it('a client with two open jobs and no job reference goes to review listing both; nothing is written', async () => {
    const writes = written(rt).writes.length;
    await sendSample(rt, 'two-open-jobs-sunrise', 'call_m_two');
    await settle(rt);
    const call = await callOf('call_m_two');
    expect(written(rt).writes.length).toBe(writes);
    const review = await rt.deps.store.reviews.listForCall(account, call.id);
    const place = review.find((r) => r.reason === 'insufficient_context');
    expect(place?.detail).toMatch(/job 1039 \(.*\), job 1047 \(.*\) — or create a job/);
    expect(call.decision?.choices?.jobs.map((j) => j.jobNumber)).toEqual(['1039', '1047']);
    expect(call.decision?.choices?.createJob).toBe(true);
    expect(call.match?.best?.reasons).toContain('client has 2 open jobs; none chosen');
  });

  it('the review canvas offers both open jobs and "create a job"; choosing job 1047 puts the one note there', async () => {
    const call = await callOf('call_m_two');
    const canvas = await openPanel(rt, { staff: SEED.staff.finance.uuid, event: 'dialnexa_billing_review' });
    const q = await api(rt, canvas.boot.token).get('/review');
    const item = q.body.items.find((i: { callId: string; reason: string }) => i.callId === call.id && i.reason === 'insufficient_context');
    expect(item.call.choices).toMatchObject({ companyName: 'Sunrise Café Bondi', createJob: true, jobs: [{ jobNumber: '1039' }, { jobNumber: '1047' }] });
    const res = await api(rt, canvas.boot.token).post(`/review/${item.id}`, { action: 'link_job', requestId: 'req-choose-1047', jobNumber: '1047' });
    expect(res.status).toBe(200);
    await settle(rt);
    const { notes } = mine(call.linkToken);
    expect(notes).toHaveLength(1);
    expect(notes[0]!.related_object_uuid).toBe(SEED.jobs.j1047.uuid);
  });
});
