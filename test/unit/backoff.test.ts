import { describe, expect, it } from 'vitest';
import { backoffDelay, parseRetryAfter, type Backoff } from '../../server/http/backoff.js';

const up: Backoff = { baseMs: 500, maxMs: 60_000, growth: 1.5, jitter: 'up' };
const equal: Backoff = { baseMs: 1_000, maxMs: 300_000, growth: 2, jitter: 'equal' };
const full: Backoff = { baseMs: 100, maxMs: 30_000, growth: 2, jitter: 'full' };
const lowest = () => 0;
const highest = () => 0.999_999_9;

describe('backoffDelay', () => {
  it('grows by the policy and jitters within each mode', () => {
    expect([1, 2, 3].map((n) => backoffDelay(n, up, lowest))).toEqual([500, 750, 1125]);
    expect(backoffDelay(1, up, highest)).toBe(749);
    expect([1, 2, 3].map((n) => backoffDelay(n, equal, lowest))).toEqual([500, 1000, 2000]);
    expect([1, 2, 3].map((n) => backoffDelay(n, equal, highest))).toEqual([999, 1999, 3999]);
    expect([1, 2, 3].map((n) => backoffDelay(n, full, () => 0.5))).toEqual([50, 100, 200]);
    expect(backoffDelay(1, full, lowest)).toBe(0);
  });

  it('caps before jitter where waits should still spread at the cap, after it where they must not shrink', () => {
    const atCap = [0, 0.5, highest()].map((r) => backoffDelay(20, equal, () => r));
    expect(atCap).toEqual([150_000, 225_000, 299_999]);
    expect(backoffDelay(30, up, () => 0.5)).toBe(60_000);
  });

  it('takes Retry-After as a floor, still under the cap', () => {
    expect(backoffDelay(1, full, lowest, 2_000)).toBe(2_000);
    expect(backoffDelay(1, full, lowest, 120_000)).toBe(30_000);
    expect(backoffDelay(1, up, lowest, Number.NaN)).toBe(500);
  });

  it('treats a broken random source as the lowest jitter', () => {
    expect(backoffDelay(2, equal, () => Number.NaN)).toBe(1_000);
    expect(backoffDelay(2, equal, () => 7)).toBe(1_999);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-11-26T10:00:00Z');
  it('reads seconds, an HTTP date, or the first of repeated headers', () => {
    expect(parseRetryAfter('2', now)).toBe(2_000);
    expect(parseRetryAfter('Thu, 26 Nov 2026 10:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Thu, 26 Nov 2026 09:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter(['5', '9'], now)).toBe(5_000);
  });
  it('is undefined when absent or unreadable', () => {
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter('', now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-3', now)).toBeUndefined();
  });
});
