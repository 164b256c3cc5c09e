import { RateLimitWaitTooLongError, type RateLimiter } from '../servicem8/rate-limit.js';
import type { Store } from '../store/store.js';

/**
 * ServiceM8's limits are per add-on per account, not per process, so with several processes the budget
 * lives in the shared database (store/rate-window-repo.ts). Waits, never fails.
 */
export function createSharedRateLimiter(o: { store: Store; now: () => number; perMinute?: number; perDay?: number; maxWaitMs?: number; sleep?: (ms: number) => Promise<void> }): RateLimiter {
  const perMinute = o.perMinute ?? 170;
  const perDay = o.perDay ?? 19_500;
  const sleep = o.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  let prunedAt = 0;
  return {
    async acquire(accountUuid) {
      for (;;) {
        const r = await o.store.transaction((tx) => tx.rateWindows.take(accountUuid, o.now(), perMinute, perDay));
        if (r.ok) {
          // Buckets older than the window are dead weight; drop them about once a minute per process.
          if (o.now() - prunedAt > 60_000) { prunedAt = o.now(); await o.store.rateWindows.prune(prunedAt); }
          return;
        }
        // A long wait (the daily cap) fails the attempt so the outbox retries later instead of holding a lease.
        if (o.maxWaitMs !== undefined && r.waitMs > o.maxWaitMs) throw new RateLimitWaitTooLongError(accountUuid, r.waitMs);
        await sleep(Math.min(r.waitMs, 5_000));
      }
    },
  };
}
