/**
 * The one back-off formula for every retry in the add-on: delay n = base × growth^(n−1), jittered,
 * capped at `maxMs`, never below `floorMs` (a Retry-After header) except where the cap is lower.
 * Callers differ only in their policy, documented where the policy is chosen:
 * - `up`: nominal × [1, 1 + spread) — each delay at least the nominal, so waits never shrink
 *   (ServiceM8 calls, platform-notes §4.8);
 * - `equal`: ceiling × [1/2, 1] — spread out, never near zero (outbox retries minutes apart);
 * - `full`: ceiling × [0, 1) — AWS's "full jitter", for short in-request retries (DialNexa details).
 */
export type Backoff = { baseMs: number; maxMs: number; growth: number; jitter: 'up' | 'equal' | 'full' };

const UP_SPREAD = 0.5;

const clamp01 = (x: number): number => (Number.isFinite(x) ? Math.min(Math.max(x, 0), 0.999_999) : 0);

/** Delay before retry number `retry` (1 = the wait after the first failed attempt), in whole ms. */
export function backoffDelay(retry: number, b: Backoff, random: () => number, floorMs?: number): number {
  const nominal = b.baseMs * b.growth ** Math.max(0, retry - 1);
  const ceiling = Math.min(b.maxMs, nominal); // capped before jitter, so waits at the cap still spread
  const r = clamp01(random());
  const jittered = b.jitter === 'up' ? nominal * (1 + UP_SPREAD * r) : b.jitter === 'equal' ? ceiling / 2 + (ceiling / 2) * r : ceiling * r;
  const floor = floorMs !== undefined && Number.isFinite(floorMs) ? floorMs : 0;
  return Math.floor(Math.min(b.maxMs, Math.max(jittered, floor)));
}

/** `Retry-After` as seconds or an HTTP date (RFC 9110 §10.2.3), in ms from `nowMs`; undefined when unreadable. */
export function parseRetryAfter(value: string | readonly string[] | undefined, nowMs: number): number | undefined {
  const v = typeof value === 'string' ? value : value?.[0];
  if (!v) return undefined;
  const seconds = Number(v);
  // A number is only ever seconds (a negative one is broken); Date.parse would read "-3" as a year.
  if (Number.isFinite(seconds)) return seconds >= 0 ? seconds * 1000 : undefined;
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}
