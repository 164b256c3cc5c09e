import { describe, expect, it } from 'vitest';
import { policyScenarios, scenarioAnalysis } from '../../server/policy/money-policy-table.js';
import { callDetailsFromEnvelope } from '../../server/sandbox/dialnexa-simulator.js';
import { SAMPLE_CALLS } from '../../server/sandbox/sample-calls.js';
import { engines } from '../helpers/databases.js';
import { deliver } from '../helpers/deliver.js';
import { useRuntime } from '../helpers/make-deps.js';
import { settle } from '../helpers/pipeline.js';
import { seededRandom } from '../helpers/servicem8-sim.js';

/** A policy scenario as DialNexa would send it: the job-1042 client's billing mobile, invoice 1042. */
function scenarioBody(callId: string, i: number, now: Date): Record<string, any> {
  const a = scenarioAnalysis(policyScenarios()[i]!);
  return {
    event_type: 'call_ended',
    payload: { call: {
      id: callId, direction: 'inbound', type: 'phone_call', from_number: '61491570156', to_number: '61290001234', status: 'completed',
      initiated_at: new Date(now.getTime() - 300_000).toISOString(), duration: 240, summary: 'Caller rang about invoice 1042.',
      post_call_analysis: {
        intent: a.intent, invoice_number: a.invoiceNumber, subscription_id: a.subscriptionId, caller_verified: a.callerVerified, vip: a.vip,
        ...(a.amount ? { amount: a.amount.amount, currency: a.amount.currency } : {}), ...(a.creditRequest ? { credit_request: a.creditRequest } : {}),
      },
    } },
  };
}

function shuffle<T>(items: T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * Every sandbox sample call and every money-policy scenario, delivered three times (the second and third
 * copy as later revisions of the same call) in a shuffled order, a batch at a time with the worker
 * draining in between: each call ends with at most one finance task and at most one note, and exactly
 * one of each where its decision planned one.
 */
describe.each(engines)('replaying every sample and policy scenario three times, shuffled, on %s', async (engine) => {
  // ServiceM8 allows 180 requests a minute (the simulator enforces it): a clock that moves a second per
  // reading lets 537 deliveries through in seconds without waiting out real minutes.
  let ms = Date.parse('2026-11-25T03:07:02Z');
  const rt = await useRuntime({ engine, clock: () => new Date((ms += 1000)) });
  const now = rt.deps.clock();
  const calls = [
    ...SAMPLE_CALLS.map((s) => ({ id: `call_r_${s.id}`, body: (id: string) => s.build(id, now) })),
    ...policyScenarios().map((_s, i) => ({ id: `call_r_s${i}`, body: (id: string) => scenarioBody(id, i, now) })),
  ];

  it(`${calls.length} calls × 3 deliveries → at most one task and one note per call`, async () => {
    const deliveries = calls.flatMap((c) => [0, 1, 2].map((copy) => {
      const body = c.body(c.id);
      return copy === 0 ? body : { ...body, timestamp: new Date(now.getTime() + copy * 60_000).toISOString() };
    }));
    for (const c of calls) rt.sandbox!.dialnexa.addCall(callDetailsFromEnvelope(c.body(c.id)));
    const order = shuffle(deliveries, seededRandom(13));
    for (let i = 0; i < order.length; i += 25) {
      const batch = order.slice(i, i + 25);
      const answers = await Promise.all(batch.map((b) => deliver(rt.app, rt.sandbox!.connectionId, rt.sandbox!.webhookSecret, b)));
      expect(answers.map((r) => r.status).every((s) => s === 200)).toBe(true);
      await rt.worker.drain();
    }
    await settle(rt, 120_000);
    const d = rt.sandbox!.servicem8.data(rt.sandbox!.accountUuid);
    let tasks = 0;
    let notes = 0;
    for (const c of calls) {
      const call = (await rt.deps.store.calls.getByProviderId(rt.sandbox!.accountUuid, c.id))!;
      const link = `/calls/${call.linkToken}`;
      const myTasks = d.task.filter((t) => String(t.task_details).includes(link));
      const myNotes = d.note.filter((n) => String(n.note).includes(link));
      expect(myTasks.length, c.id).toBeLessThanOrEqual(1);
      expect(myNotes.length, c.id).toBeLessThanOrEqual(1);
      const planned = (call.decision?.actions ?? []).map((a) => a.key);
      expect(myTasks.length, c.id).toBe(planned.includes('task:finance') ? 1 : 0);
      expect(myNotes.length, c.id).toBe(planned.includes('note:intake') ? 1 : 0);
      tasks += myTasks.length;
      notes += myNotes.length;
    }
    // The table makes a task for most scenarios: the replay must have exercised the path it guards.
    expect(tasks).toBeGreaterThan(100);
    expect(notes).toBeGreaterThan(150);
  }, 300_000);
});
