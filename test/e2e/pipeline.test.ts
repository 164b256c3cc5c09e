import { describe, expect, it } from 'vitest';
import { SEED } from '../../server/sandbox/seed.js';
import { engines } from '../helpers/databases.js';
import { useRuntime } from '../helpers/make-deps.js';
import { sendSample, settle, written } from '../helpers/pipeline.js';

describe.each(engines)('call → ServiceM8 against the simulator on %s', async (engine) => {
  const rt = await useRuntime({ engine });
  const account = rt.sandbox!.accountUuid;
  const callOf = (id: string) => rt.deps.store.calls.getByProviderId(account, id);

  it('turns a duplicate-charge call quoting invoice 1042 into exactly one note on job 1042 and one finance task', async () => {
    await sendSample(rt, 'duplicate-charge-1042', 'call_e2e_dup');
    await settle(rt);
    await sendSample(rt, 'duplicate-charge-1042', 'call_e2e_dup');
    await settle(rt);
    const w = written(rt);
    const call = (await callOf('call_e2e_dup'))!;
    const mine = w.notesOn(SEED.jobs.j1042.uuid).filter((n) => String(n.note).includes(call.linkToken));
    expect(mine).toHaveLength(1);
    const note = String(mine[0]!.note);
    expect(note).toContain('job 1042');
    expect(note).toContain('AUD 349.00');
    expect(note).not.toMatch(/X-Amz|recording/i);
    expect(note).not.toMatch(/4111|one one one one/);
    const tasks = rt.sandbox!.servicem8.data(account).task.filter((t) => String(t.task_details).includes(call.linkToken));
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ assigned_to_staff_uuid: SEED.staff.finance.uuid, related_object: 'job', related_object_uuid: SEED.jobs.j1042.uuid });
    expect(call).toMatchObject({ jobUuid: SEED.jobs.j1042.uuid, companyUuid: SEED.companies.natarajan.uuid });
    expect(call.match?.confidence).toBe('high');
    expect(call.match?.best?.reasons.join(' ')).toMatch(/1042/);
    const links = await rt.deps.store.references.links(account, call.id);
    expect(links.find((l) => l.chosen)).toMatchObject({ recordType: 'job', recordUuid: SEED.jobs.j1042.uuid });
  });

  it('sends an unknown caller to the review queue and writes nothing to ServiceM8', async () => {
    const before = written(rt).writes.length;
    await sendSample(rt, 'unknown-caller-payment-status', 'call_e2e_unknown');
    await settle(rt);
    const call = (await callOf('call_e2e_unknown'))!;
    expect(written(rt).writes.length).toBe(before);
    const review = await rt.deps.store.reviews.listForCall(account, call.id);
    expect(review.map((r) => r.reason)).toContain('no_match');
    expect(call.jobUuid).toBeUndefined();
  });

  it('sends a caller whose mobile two clients share to review with both candidates listed', async () => {
    const before = written(rt).writes.length;
    await sendSample(rt, 'shared-number-two-clients', 'call_e2e_shared');
    await settle(rt);
    const call = (await callOf('call_e2e_shared'))!;
    expect(written(rt).writes.length).toBe(before);
    expect(call.match?.best).toBeUndefined();
    expect(call.match?.candidates.map((c) => c.companyName).sort()).toEqual(['Harold Fitzgerald', 'Westside Property Management']);
    expect((await rt.deps.store.reviews.listForCall(account, call.id)).map((r) => r.reason)).toContain('ambiguous_match');
    expect(JSON.stringify(call.match)).toMatch(/shared by 2 clients/);
  });

  it('sends a document resend to an email not on file to review', async () => {
    await sendSample(rt, 'resend-invoice-new-email', 'call_e2e_resend');
    await settle(rt);
    const call = (await callOf('call_e2e_resend'))!;
    expect((await rt.deps.store.reviews.listForCall(account, call.id)).map((r) => r.reason)).toContain('recipient_not_on_file');
    expect(written(rt).notes.filter((n) => String(n.note).includes(call.linkToken) && /strata\.manager/.test(String(n.note)))).toHaveLength(0);
  });

  it('records a call that never connected with no action and no review', async () => {
    const before = written(rt).writes.length;
    await sendSample(rt, 'hangup-no-answer', 'call_e2e_hangup');
    await settle(rt);
    const call = (await callOf('call_e2e_hangup'))!;
    expect(call.outcome.status).toBe('hangup');
    expect(written(rt).writes.length).toBe(before);
    expect(await rt.deps.store.reviews.listForCall(account, call.id)).toEqual([]);
    expect(call.decision?.actions).toEqual([]);
  });

  it('holds a refund above the approval threshold for an approver instead of writing it', async () => {
    await sendSample(rt, 'refund-over-threshold', 'call_e2e_refund_big');
    await settle(rt);
    const call = (await callOf('call_e2e_refund_big'))!;
    expect(call.stepStatus).toBe('awaiting_approval');
    const reasons = (await rt.deps.store.reviews.listForCall(account, call.id)).map((r) => r.reason);
    expect(reasons).toContain('above_threshold');
  });

  it('fetches details in the background for a notification, then decides', async () => {
    const sample = (await import('../../server/sandbox/sample-calls.js')).SAMPLE_CALLS.find((s) => s.id === 'duplicate-charge-1042')!;
    const { callDetailsFromEnvelope } = await import('../../server/sandbox/dialnexa-simulator.js');
    rt.sandbox!.dialnexa.addCall(callDetailsFromEnvelope(sample.build('call_e2e_notified', rt.deps.clock())));
    const { deliver, fixture } = await import('../helpers/deliver.js');
    const n = fixture('c-call-analysis-ready');
    n.session_id = 'call_e2e_notified';
    expect((await deliver(rt.app, rt.sandbox!.connectionId, rt.sandbox!.webhookSecret, n)).status).toBe(200);
    expect(rt.sandbox!.servicem8.requests.length).toBeGreaterThan(0);
    await settle(rt);
    const call = (await callOf('call_e2e_notified'))!;
    expect(call.detailsStatus).toBe('fetched');
    expect(call.outcome.analysis?.intent).toBe('duplicate_charge');
    expect(written(rt).notes.filter((x) => String(x.note).includes(call.linkToken))).toHaveLength(1);
  });
});
