import type { AppDeps } from '../app-deps.js';
import type { AddonEvent } from '../servicem8/addon-event.js';
import type { AddonReply } from '../routes/addon-event.js';

/**
 * Manifest `webhook_subscription` for jobs. The event carries no field values (platform-notes §2.4), so
 * for each job that a call is linked to, a refresh is queued; the worker re-fetches the job and updates
 * the call's open step. Answers quickly with `{}`-like data; jobs nobody watches are ignored.
 */
export async function handleJobWebhookEvent(event: AddonEvent, deps: AppDeps): Promise<AddonReply> {
  const object = String(event.args.object ?? '').toLowerCase();
  const entries = Array.isArray(event.args.entry) ? (event.args.entry as { uuid?: unknown; time?: unknown }[]) : [];
  if (object !== 'job') return { data: { ok: true } };
  let queued = 0;
  for (const entry of entries) {
    if (typeof entry.uuid !== 'string') continue;
    const callIds = await deps.store.references.callsLinkedToJob(event.accountUuid, entry.uuid);
    for (const callId of callIds) {
      const stamp = typeof entry.time === 'string' ? entry.time : deps.clock().toISOString();
      const added = await deps.store.outbox.enqueue({
        accountUuid: event.accountUuid, callId, kind: 'refresh_job', actionKey: `refresh_job:${entry.uuid}:${stamp}`,
        idempotencyKey: `${event.accountUuid}:${callId}:refresh_job:${entry.uuid}:${stamp}`, payload: { jobUuid: entry.uuid },
      });
      if (added) queued += 1;
    }
  }
  if (queued) deps.wakeWorker();
  return { data: { ok: true, queued } };
}
