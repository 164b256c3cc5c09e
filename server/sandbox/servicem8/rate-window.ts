/** The texts ServiceM8 sends with a 429 (spec info.description; platform-notes §4.8). The body is text, not JSON. */
export const PER_MINUTE_EXCEEDED = 'Number of allowed API requests per minute exceeded';
export const PER_DAY_EXCEEDED = 'Number of allowed API requests per day exceeded';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/**
 * Rolling per-account request counters. Only admitted requests count, so a client that keeps
 * hammering after a 429 is let back in once its oldest admitted request is a minute old.
 */
export function createRequestWindow(limits: { perMinute: number; perDay: number }) {
  const admitted = new Map<string, number[]>();
  return {
    admit(account: string, nowMs: number): 'ok' | 'minute' | 'day' {
      const times = (admitted.get(account) ?? []).filter((t) => t > nowMs - DAY_MS);
      admitted.set(account, times);
      if (times.length >= limits.perDay) return 'day';
      if (times.filter((t) => t > nowMs - MINUTE_MS).length >= limits.perMinute) return 'minute';
      times.push(nowMs);
      return 'ok';
    },
    reset(): void {
      admitted.clear();
    },
  };
}
