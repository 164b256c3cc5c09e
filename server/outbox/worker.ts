import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Store } from '../store/store.js';
import type { OutboxItem } from '../store/outbox-repo.js';
import { backoffDelay, type Backoff } from '../http/backoff.js';
import { classifyFailure, type ActionRunner } from './runner.js';

export type WorkerOptions = {
  store: Store;
  runners: Record<string, ActionRunner>;
  clock: () => Date;
  log: Logger;
  onResult?: (kind: string, result: 'done' | 'retry' | 'failed') => void;
  owner?: string;
  batchSize?: number;
  leaseMs?: number;
  idleMs?: number;
  maxAttempts?: number;
  baseDelayMs?: number;
  random?: () => number;
  /** Waited on before each batch the running loop claims (intake-first.ts); drain() does not wait. */
  beforeBatch?: () => Promise<void>;
};

/**
 * Claims due outbox rows with a lease, runs them, and records the result. Retries with jittered
 * exponential back-off; permanent failures (and exhausted retries) fail the row and open a review item
 * so a person sees why. Any number of workers can share a PostgreSQL queue (SKIP LOCKED).
 */
export function createOutboxWorker(o: WorkerOptions) {
  const owner = o.owner ?? `worker-${randomUUID().slice(0, 8)}`;
  const batch = o.batchSize ?? 10;
  // Longer than the worst case for one item: ServiceM8 retries (~1 min) plus rate-limit waits (a minute
  // window frees within 60 s; longer waits — the daily cap — fail the attempt); renewed before each item.
  const leaseMs = o.leaseMs ?? 5 * 60_000;
  const maxAttempts = o.maxAttempts ?? 8;
  const random = o.random ?? Math.random;
  // Doubling from 1 s to at most 5 min, spread over the upper half, so many workers retrying after one
  // ServiceM8 hiccup do not stampede together.
  const backoff: Backoff = { baseMs: o.baseDelayMs ?? 1_000, maxMs: 5 * 60_000, growth: 2, jitter: 'equal' };
  let running = false;
  let loop: Promise<void> | undefined;
  let wakeUp: (() => void) | undefined;

  async function runItem(item: OutboxItem): Promise<void> {
    const runner = o.runners[item.kind];
    const log = o.log.child({ outbox: item.id, kind: item.kind, call: item.callId, attempt: item.attempts });
    try {
      if (!runner) throw Object.assign(new Error(`no runner for action kind ${item.kind}`), { retryable: false });
      const r = await runner(item);
      if (!(await o.store.outbox.complete(item.id, owner, r.recordUuid))) log.warn('lease lost before completion; another worker owns it');
      o.onResult?.(item.kind, 'done');
    } catch (err) {
      const f = classifyFailure(err);
      if ((f.disposition === 'retry' && item.attempts < maxAttempts) || f.disposition === 'wait') {
        const at = new Date(o.clock().getTime() + backoffDelay(item.attempts, backoff, random));
        log.warn({ err: f.message, retryAt: at.toISOString() }, 'action failed; will retry');
        await o.store.outbox.retryLater(item.id, owner, f.message, at);
        o.onResult?.(item.kind, 'retry');
        return;
      }
      log.error({ err: f.message }, 'action failed permanently; sent to review');
      await o.store.transaction(async (tx) => {
        await tx.outbox.fail(item.id, owner, f.message);
        await tx.reviews.open(item.accountUuid, item.callId, 'delivery_failed', `Could not ${describe(item.kind)}: ${f.message}`);
        await tx.audit.append({ accountUuid: item.accountUuid, callId: item.callId, actor: 'system', action: 'action.failed', detail: { kind: item.kind, key: item.actionKey, error: f.message, attempts: item.attempts } });
      });
      o.onResult?.(item.kind, 'failed');
    }
  }

  /** Claims and runs one batch; returns how many items it ran. */
  async function runOnce(): Promise<number> {
    const items = await o.store.outbox.claim(owner, batch, leaseMs);
    for (const item of items) {
      if (await o.store.outbox.renew(item.id, owner, leaseMs)) await runItem(item);
      else o.log.warn({ outbox: item.id }, 'lease lapsed before this item ran; leaving it to the worker that holds it');
    }
    return items.length;
  }

  async function sleep(ms: number) {
    await new Promise<void>((resolve) => {
      const t = setTimeout(resolve, ms);
      wakeUp = () => { clearTimeout(t); resolve(); };
    });
    wakeUp = undefined;
  }

  return {
    owner,
    runOnce,
    /** Runs until nothing is due (tests and the bench use it to drain the queue deterministically). */
    async drain(maxRounds = 10_000): Promise<number> {
      let total = 0;
      for (let i = 0; i < maxRounds; i++) {
        const n = await runOnce();
        if (!n) break;
        total += n;
      }
      return total;
    },
    start() {
      if (running) return;
      running = true;
      loop = (async () => {
        while (running) {
          let n = 0;
          try {
            await o.beforeBatch?.();
            n = await runOnce();
          } catch (err) { o.log.error({ err }, 'outbox poll failed (database?)'); }
          if (!n && running) await sleep(o.idleMs ?? 1_000);
        }
      })();
    },
    wake() { wakeUp?.(); },
    async stop() {
      running = false;
      wakeUp?.();
      await loop;
    },
  };
}
export type OutboxWorker = ReturnType<typeof createOutboxWorker>;

function describe(kind: string): string {
  return ({ note: 'add the job note', task: 'create the finance task', task_update: 'update the finance task', create_job: 'create the job', update_job: 'update the job', fetch_details: 'fetch call details from DialNexa', decide: 'match and decide', refresh_job: 'refresh the job', send_document: 'send the document' } as Record<string, string>)[kind] ?? kind;
}
