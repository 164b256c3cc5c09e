/**
 * Per-account request budget for ServiceM8: 180 requests/minute and 20 000/day per add-on per account
 * (platform-notes §4.8). `acquire` resolves when one request may be sent; it waits, never fails,
 * unless the caller set `maxWaitMs`. A PostgreSQL-shared implementation can satisfy the same interface.
 */
export interface RateLimiter {
  acquire(accountUuid: string): Promise<void>;
}

export type RateLimits = { perMinute: number; perDay: number };

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

/** Thrown only when `maxWaitMs` is set and the next free slot is further away than that. */
export class RateLimitWaitTooLongError extends Error {
  constructor(readonly accountUuid: string, readonly waitMs: number) {
    super(`ServiceM8 request budget exhausted for this account; next slot in ${Math.ceil(waitMs / 1000)} s`);
    this.name = 'RateLimitWaitTooLongError';
  }
}

/** Drops grants older than a day; `granted` is ascending epoch milliseconds. Mutates and returns it. */
export function pruneGrants(granted: number[], nowMs: number): number[] {
  let drop = 0;
  while (drop < granted.length && (granted[drop] as number) <= nowMs - DAY_MS) drop += 1;
  if (drop > 0) granted.splice(0, drop);
  return granted;
}

/**
 * Pure: milliseconds until one more request fits both sliding windows (0 = now).
 * A grant at t counts in the window (now − size, now], so any half-open window of `size` ms holds at
 * most `limit` grants. When a window is full, the slot frees when its oldest blocking grant ages out.
 */
export function slotWaitMs(granted: readonly number[], nowMs: number, limits: RateLimits): number {
  return Math.max(
    windowWait(granted, nowMs, MINUTE_MS, limits.perMinute),
    windowWait(granted, nowMs, DAY_MS, limits.perDay),
  );
}

function windowWait(granted: readonly number[], nowMs: number, size: number, limit: number): number {
  let inWindow = 0;
  for (let i = granted.length - 1; i >= 0 && (granted[i] as number) > nowMs - size; i -= 1) inWindow += 1;
  if (inWindow < limit) return 0;
  const blocking = granted[granted.length - limit] as number;
  return Math.max(1, blocking + size - nowMs);
}

export type MemoryRateLimiterOptions = {
  /** Default 170: ten below ServiceM8's 180 to absorb clock skew and calls made outside this process. */
  perMinute?: number;
  /** Default 19 500: 500 below ServiceM8's 20 000 for the same reason. */
  perDay?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  maxWaitMs?: number;
};

/**
 * In-memory sliding-window limiter for one process. Acquires for one account are served in order
 * (a promise chain per account), so waiters don't stampede when a slot frees.
 * @example const limiter = createMemoryRateLimiter(); await limiter.acquire(accountUuid);
 */
export function createMemoryRateLimiter(opts: MemoryRateLimiterOptions = {}): RateLimiter {
  const limits: RateLimits = { perMinute: opts.perMinute ?? 170, perDay: opts.perDay ?? 19_500 };
  if (!(limits.perMinute >= 1 && limits.perDay >= 1)) throw new RangeError('rate limits must be ≥ 1');
  const now = opts.now ?? Date.now;
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const maxWaitMs = opts.maxWaitMs ?? Number.POSITIVE_INFINITY;
  const grants = new Map<string, number[]>();
  const tails = new Map<string, Promise<void>>();

  async function take(accountUuid: string): Promise<void> {
    const granted = grants.get(accountUuid) ?? [];
    grants.set(accountUuid, granted);
    for (;;) {
      const t = now();
      pruneGrants(granted, t);
      const wait = slotWaitMs(granted, t, limits);
      if (wait === 0) {
        granted.push(t);
        return;
      }
      if (wait > maxWaitMs) throw new RateLimitWaitTooLongError(accountUuid, wait);
      await sleep(wait);
    }
  }

  return {
    acquire(accountUuid) {
      const previous = tails.get(accountUuid) ?? Promise.resolve();
      const mine = previous.then(() => take(accountUuid));
      const tail = mine.catch(() => undefined);
      tails.set(accountUuid, tail);
      void tail.then(() => {
        if (tails.get(accountUuid) === tail) tails.delete(accountUuid);
      });
      return mine;
    },
  };
}

/** A limiter that never waits: for tests and for callers that budget elsewhere. */
export function createUnlimitedRateLimiter(): RateLimiter {
  return { acquire: () => Promise.resolve() };
}
