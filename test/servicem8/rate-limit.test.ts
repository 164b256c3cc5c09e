import { describe, expect, it } from 'vitest';
import {
  createMemoryRateLimiter, DAY_MS, MINUTE_MS, RateLimitWaitTooLongError, slotWaitMs,
} from '../../server/servicem8/rate-limit.js';

const ACCOUNT = '5e3d0001-0000-4000-8000-000000000001';

/** A virtual clock: sleeping advances time instantly. */
function virtualClock(start = Date.UTC(2025, 10, 26, 0, 0, 0)) {
  let t = start;
  const slept: number[] = [];
  return {
    now: () => t,
    sleep: async (ms: number) => {
      slept.push(ms);
      t += ms;
    },
    advance: (ms: number) => {
      t += ms;
    },
    slept,
  };
}

/** The largest number of grants inside any half-open window [t, t + size). */
function maxInWindow(times: readonly number[], size: number): number {
  let max = 0;
  let lo = 0;
  for (let hi = 0; hi < times.length; hi += 1) {
    while ((times[hi] as number) - (times[lo] as number) >= size) lo += 1;
    max = Math.max(max, hi - lo + 1);
  }
  return max;
}

describe('memory rate limiter', () => {
  it('never lets more than perMinute through in any 60 s window (200 sequential acquires)', async () => {
    const clock = virtualClock();
    const limiter = createMemoryRateLimiter({ perMinute: 180, now: clock.now, sleep: clock.sleep });
    const granted: number[] = [];
    for (let i = 0; i < 200; i += 1) {
      await limiter.acquire(ACCOUNT);
      granted.push(clock.now());
      clock.advance(50); // a busy worker: one call every 50 ms wants 1 200/min
    }
    expect(maxInWindow(granted, MINUTE_MS)).toBe(180);
    expect(clock.slept.length).toBeGreaterThan(0);
    expect((granted[180] as number) - (granted[0] as number)).toBeGreaterThanOrEqual(MINUTE_MS);
  });

  it('defaults to 170/min and serves concurrent acquires without exceeding it', async () => {
    const clock = virtualClock();
    const limiter = createMemoryRateLimiter({ now: clock.now, sleep: clock.sleep });
    const granted: number[] = [];
    await Promise.all(Array.from({ length: 400 }, () => limiter.acquire(ACCOUNT).then(() => granted.push(clock.now()))));
    expect(granted).toHaveLength(400);
    expect(maxInWindow(granted, MINUTE_MS)).toBe(170);
  });

  it('enforces the daily cap over a rolling 24 h', async () => {
    const clock = virtualClock();
    const limiter = createMemoryRateLimiter({ perMinute: 1_000, perDay: 300, now: clock.now, sleep: clock.sleep });
    const granted: number[] = [];
    for (let i = 0; i < 400; i += 1) {
      await limiter.acquire(ACCOUNT);
      granted.push(clock.now());
      clock.advance(1_000);
    }
    expect(maxInWindow(granted, DAY_MS)).toBe(300);
    expect((granted[300] as number) - (granted[0] as number)).toBeGreaterThanOrEqual(DAY_MS);
  });

  it('keeps separate budgets per account', async () => {
    const clock = virtualClock();
    const limiter = createMemoryRateLimiter({ perMinute: 2, now: clock.now, sleep: clock.sleep });
    await limiter.acquire('a');
    await limiter.acquire('a');
    await limiter.acquire('b');
    expect(clock.slept).toEqual([]);
    await limiter.acquire('a');
    expect(clock.slept).toEqual([MINUTE_MS]);
  });

  it('rejects instead of waiting longer than maxWaitMs, when asked to', async () => {
    const clock = virtualClock();
    const limiter = createMemoryRateLimiter({ perMinute: 1, maxWaitMs: 1_000, now: clock.now, sleep: clock.sleep });
    await limiter.acquire(ACCOUNT);
    await expect(limiter.acquire(ACCOUNT)).rejects.toBeInstanceOf(RateLimitWaitTooLongError);
    clock.advance(MINUTE_MS);
    await expect(limiter.acquire(ACCOUNT)).resolves.toBeUndefined();
  });
});

describe('slotWaitMs (pure)', () => {
  const limits = { perMinute: 3, perDay: 5 };
  it('is 0 while both windows have room', () => {
    expect(slotWaitMs([], 0, limits)).toBe(0);
    expect(slotWaitMs([0, 10], 20, limits)).toBe(0);
  });
  it('waits for the oldest blocking grant to leave the minute window', () => {
    expect(slotWaitMs([0, 10, 20], 30, limits)).toBe(MINUTE_MS - 30);
    expect(slotWaitMs([0, 10, 20], MINUTE_MS, limits)).toBe(0);
  });
  it('waits for the day window when it is the tighter one', () => {
    const grants = [0, MINUTE_MS, 2 * MINUTE_MS, 3 * MINUTE_MS, 4 * MINUTE_MS];
    expect(slotWaitMs(grants, 10 * MINUTE_MS, limits)).toBe(DAY_MS - 10 * MINUTE_MS);
  });
});
