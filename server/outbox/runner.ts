import type { OutboxItem } from '../store/outbox-repo.js';

/** Runs one outbox item. Returns the ServiceM8 record it created or touched, if any. */
export type ActionRunner = (item: OutboxItem) => Promise<{ recordUuid?: string; note?: string }>;

/**
 * Why an action failed, in terms the worker acts on: `retry` (429, 5xx, network — try again later),
 * `permanent` (a 4xx other than 429, bad data — a person must look), `wait` (another action of the same
 * call must finish first: tried again later without using up the retries, since nothing failed).
 */
export class ActionFailure extends Error {
  constructor(readonly disposition: 'retry' | 'permanent' | 'wait', message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ActionFailure';
  }
}

/** Maps any thrown error to a disposition: ServiceM8/DialNexa client errors carry `retryable`. */
export function classifyFailure(err: unknown): ActionFailure {
  if (err instanceof ActionFailure) return err;
  const e = err as { retryable?: boolean; message?: string };
  if (typeof e?.retryable === 'boolean') return new ActionFailure(e.retryable ? 'retry' : 'permanent', e.message ?? 'request failed', { cause: err });
  // Unknown errors (a bug, the database blipping) are retried: a permanent failure needs a clear reason.
  return new ActionFailure('retry', (err as Error)?.message ?? String(err), { cause: err });
}
