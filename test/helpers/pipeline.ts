import type { Express } from 'express';
import { SAMPLE_CALLS, type SampleCallOptions } from '../../server/sandbox/sample-calls.js';
import { callDetailsFromEnvelope } from '../../server/sandbox/dialnexa-simulator.js';
import type { TestRuntime } from './make-deps.js';
import { deliver } from './deliver.js';

/** Sends a sandbox sample call through the real webhook route, signed like DialNexa. */
export async function sendSample(rt: TestRuntime, scenario: string, callId: string, opts: SampleCallOptions = {}, app: Express = rt.app) {
  const sample = SAMPLE_CALLS.find((s) => s.id === scenario);
  if (!sample) throw new Error(`no sample ${scenario}`);
  const body = sample.build(callId, rt.deps.clock(), opts);
  rt.sandbox!.dialnexa.addCall(callDetailsFromEnvelope(body)); // DialNexa knows its own calls (details, recordings)
  const res = await deliver(app, rt.sandbox!.connectionId, rt.sandbox!.webhookSecret, body);
  if (res.status !== 200) throw new Error(`webhook answered ${res.status}: ${res.text}`);
  return body;
}

/** Runs the outbox until nothing is pending or running (retries are due within milliseconds in tests). */
export async function settle(rt: TestRuntime, maxMs = 20_000): Promise<void> {
  const end = Date.now() + maxMs;
  for (;;) {
    await rt.worker.drain();
    const d = await rt.deps.store.outbox.depth();
    if (!d.pending && !d.running) return;
    if (Date.now() > end) throw new Error(`outbox did not settle: ${JSON.stringify(d)}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Records the add-on wrote into the simulated ServiceM8 (ours carry the stable call link). */
export function written(rt: TestRuntime) {
  const d = rt.sandbox!.servicem8.data(rt.sandbox!.accountUuid);
  const str = (v: unknown) => String(v ?? '');
  return {
    notes: d.note.filter((n) => str(n.note).includes('/calls/')),
    tasks: d.task.filter((t) => str(t.task_details).includes('/calls/')),
    jobs: d.job.filter((j) => !str(j.uuid).startsWith('5e3d00')),
    notesOn: (jobUuid: string) => d.note.filter((n) => str(n.related_object_uuid) === jobUuid && str(n.note).includes('/calls/')),
    writes: rt.sandbox!.servicem8.requests.filter((r) => r.method === 'POST'),
  };
}
