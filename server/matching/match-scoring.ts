import type { MatchConfidence } from '../domain/match.js';

/**
 * How much each signal alone says about "this call is about this client", 0..1. Signals of different
 * kinds combine as independent evidence: score = 1 − Π(1 − weight), strongest signal per kind.
 *
 * | signals on one client                          | score | level  |
 * |------------------------------------------------|-------|--------|
 * | invoice/job number + phone (or email)          | 0.85  | high   |
 * | invoice/job number + matching name             | 0.76  | high   |
 * | known payment/subscription id + phone          | 0.80  | high   |
 * | phone + email                                  | 0.75  | high   |
 * | invoice/job number alone                       | 0.70  | medium |
 * | invoice named only in the summary              | 0.50  | medium |
 * | phone alone, email alone                       | 0.50  | medium |
 * | phone shared by 2 clients (each)               | 0.25  | low    |
 * | name alone                                     | 0.20  | low    |
 *
 * A job number alone is medium, not high: it is a spoken number (one misheard digit lands on another
 * client's job) and a job diary note cannot be taken back, so it needs one corroborating signal.
 */
export const SIGNAL_WEIGHTS = {
  reference: 0.7,
  summaryReference: 0.5,
  knownReference: 0.6,
  phone: 0.5,
  email: 0.5,
  name: 0.2,
} as const;

export const HIGH_SCORE = 0.75;
export const MEDIUM_SCORE = 0.45;
/** The winner must lead the runner-up by at least this much, or the match is ambiguous. */
export const CLEAR_MARGIN = 0.2;
/** A caller name that fits none of the client's names weakens, but never vetoes, other evidence. */
export const NAME_MISMATCH_FACTOR = 0.9;

/** Noisy-or of independent signals, rounded to 2 places so thresholds compare exactly. */
export function combineWeights(weights: readonly number[], factor = 1): number {
  const miss = weights.reduce((acc, w) => acc * (1 - w), 1);
  return roundScore((1 - miss) * factor);
}

export function roundScore(score: number): number {
  return Math.round(score * 100) / 100;
}

export function levelOf(score: number): MatchConfidence {
  if (score >= HIGH_SCORE) return 'high';
  if (score >= MEDIUM_SCORE) return 'medium';
  return score > 0 ? 'low' : 'none';
}

export function downgrade(level: MatchConfidence): MatchConfidence {
  if (level === 'high') return 'medium';
  if (level === 'medium') return 'low';
  return level;
}

/** True when `top` leads `runnerUp` by the clear margin (compared in hundredths to avoid float noise). */
export function leadsClearly(top: number, runnerUp: number | undefined): boolean {
  if (runnerUp === undefined) return true;
  return Math.round(top * 100) - Math.round(runnerUp * 100) >= Math.round(CLEAR_MARGIN * 100);
}
