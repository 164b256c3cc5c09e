import { ActionFailure } from '../outbox/runner.js';
import type { ServiceM8Client } from '../servicem8/client.js';
import type { OutboxItem } from '../store/outbox-repo.js';
import type { Store } from '../store/store.js';

/**
 * A ServiceM8 job webhook said a watched field changed; the event carries no values, so re-fetch the job
 * (platform-notes §2.4). When the job is now fully paid or its invoice was sent, the linked call's open
 * step says so, with an audit entry.
 */
export async function refreshJob(d: { store: Store; servicem8For: (a: string) => Promise<ServiceM8Client | undefined>; onJobChanged?: (accountUuid: string) => void }, item: OutboxItem) {
  const { jobUuid } = item.payload as { jobUuid: string };
  const client = await d.servicem8For(item.accountUuid);
  if (!client) throw new ActionFailure('permanent', 'this ServiceM8 account is not connected');
  const job = await client.getJob(jobUuid);
  d.onJobChanged?.(item.accountUuid);
  if (!job) return { note: 'job not found' };
  const call = await d.store.calls.get(item.accountUuid, item.callId);
  if (!call || call.stepStatus === 'resolved') return { note: 'nothing open' };
  const facts = { invoiceSent: job.invoiceSent, paymentReceived: job.paymentReceived, totalInvoiceAmount: job.totalInvoiceAmount, status: job.status };
  const step = call.decision?.nextStep;
  const news = [
    job.paymentReceived && !step?.text.includes('fully paid') ? `ServiceM8 now shows job ${job.jobNumber} fully paid` : undefined,
    job.invoiceSent && !step?.text.includes('invoice sent') ? `ServiceM8 shows the job ${job.jobNumber} invoice sent` : undefined,
  ].filter((x): x is string => Boolean(x));
  await d.store.transaction(async (tx) => {
    await tx.audit.append({ accountUuid: item.accountUuid, callId: item.callId, actor: 'servicem8', action: 'job.refreshed', detail: facts });
    if (!call.decision || !step || !news.length) return;
    await tx.calls.update(item.accountUuid, item.callId, {
      decision: { ...call.decision, nextStep: { ...step, text: `${step.text} — ${news.join('; ')}; check before acting.` } },
    });
    await tx.audit.append({ accountUuid: item.accountUuid, callId: item.callId, actor: 'servicem8', action: 'step.updated', detail: { reason: news.join('; ') } });
  });
  return { recordUuid: jobUuid };
}
