import type { ServiceM8Status } from './errors.js';

export type RetryPolicy = { attempts: number; baseDelayMs: number; maxDelayMs: number };

/**
 * Defaults follow the spec's `x-speakeasy-retries` (initial 500 ms, exponent 1.5, max 60 s;
 * platform-notes §4.8) with 5 attempts in total, so one call never spends more than a few seconds
 * waiting; the outbox worker retries the action later with its own, longer back-off.
 */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { attempts: 5, baseDelayMs: 500, maxDelayMs: 60_000 };

const GROWTH = 1.5;
/** Jitter adds up to +50 %, so each delay lies in [nominal, 1.5 × nominal) and never undercuts the previous one. */
const JITTER = 0.5;

export function resolveRetryPolicy(partial: Partial<RetryPolicy> = {}): RetryPolicy {
  const policy = { ...DEFAULT_RETRY_POLICY, ...stripUndefined(partial) };
  if (!Number.isInteger(policy.attempts) || policy.attempts < 1) throw new RangeError('retry.attempts must be an integer ≥ 1');
  if (policy.baseDelayMs < 0 || policy.maxDelayMs < policy.baseDelayMs) throw new RangeError('retry delays are inconsistent');
  return policy;
}

/**
 * Delay before retry number `retry` (1 = the wait after the first failed attempt):
 * nominal = base × 1.5^(retry−1), plus jitter in [0, 50 %) of nominal, capped at maxDelayMs.
 * Consecutive delays therefore grow by ×1..×2.25 (×1.5 nominal) until the cap.
 * `retryAfterMs` (a Retry-After header, undocumented for ServiceM8 but honoured if present) is a floor.
 */
export function backoffDelay(retry: number, policy: RetryPolicy, random: () => number, retryAfterMs?: number): number {
  const nominal = policy.baseDelayMs * GROWTH ** (retry - 1);
  const jittered = nominal * (1 + JITTER * clamp01(random()));
  const floor = retryAfterMs !== undefined && Number.isFinite(retryAfterMs) ? retryAfterMs : 0;
  return Math.floor(Math.min(policy.maxDelayMs, Math.max(jittered, floor)));
}

/** Only throttling, server errors and no-response are worth another try (platform-notes §4.7, §4.8). */
export function isRetryableStatus(status: ServiceM8Status): boolean {
  return status === 'network_error' || status === 429 || (status >= 500 && status <= 599);
}

/** Parses `Retry-After` as seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

function clamp01(x: number): number {
  return Number.isFinite(x) ? Math.min(Math.max(x, 0), 0.999_999) : 0;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
