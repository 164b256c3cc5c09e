import { backoffDelay } from '../http/backoff.js';
import type { ServiceM8Status } from './errors.js';

export type RetryPolicy = { attempts: number; baseDelayMs: number; maxDelayMs: number };

/**
 * Defaults follow the spec's `x-speakeasy-retries` (initial 500 ms, exponent 1.5, max 60 s;
 * platform-notes §4.8) with 5 attempts in total, so one call never spends more than a few seconds
 * waiting; the outbox worker retries the action later with its own, longer back-off.
 */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { attempts: 5, baseDelayMs: 500, maxDelayMs: 60_000 };

// Growth 1.5 with up to +50 % jitter: each delay lies in [nominal, 1.5 × nominal), so waits never shrink.
const BACKOFF = { growth: 1.5, jitter: 'up' } as const;

export function resolveRetryPolicy(partial: Partial<RetryPolicy> = {}): RetryPolicy {
  const policy = { ...DEFAULT_RETRY_POLICY, ...stripUndefined(partial) };
  if (!Number.isInteger(policy.attempts) || policy.attempts < 1) throw new RangeError('retry.attempts must be an integer ≥ 1');
  if (policy.baseDelayMs < 0 || policy.maxDelayMs < policy.baseDelayMs) throw new RangeError('retry delays are inconsistent');
  return policy;
}

/**
 * Delay before retry number `retry` (1 = the wait after the first failed attempt): base × 1.5^(retry−1)
 * plus up to 50 % jitter, capped at maxDelayMs. `retryAfterMs` (a Retry-After header, undocumented for
 * ServiceM8 but honoured if present) is a floor, still capped.
 */
export function retryDelay(retry: number, policy: RetryPolicy, random: () => number, retryAfterMs?: number): number {
  return backoffDelay(retry, { ...BACKOFF, baseMs: policy.baseDelayMs, maxMs: policy.maxDelayMs }, random, retryAfterMs);
}

/** Only throttling, server errors and no-response are worth another try (platform-notes §4.7, §4.8). */
export function isRetryableStatus(status: ServiceM8Status): boolean {
  return status === 'network_error' || status === 429 || (status >= 500 && status <= 599);
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
