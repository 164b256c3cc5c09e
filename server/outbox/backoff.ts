/**
 * Full-jitter exponential back-off: attempt n waits a random time in [base·2^(n-1)/2, base·2^(n-1)],
 * capped, so many workers retrying after one ServiceM8 hiccup do not stampede together.
 */
export function backoffDelay(attempt: number, random: () => number, baseMs = 1_000, maxMs = 5 * 60_000): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
