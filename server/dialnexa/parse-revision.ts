/**
 * How much a delivery knows about a call. Richer stages always win over poorer ones, whatever their
 * timestamps (contract, "Idempotency and ordering": a later event enriches, never duplicates).
 */
export const STAGE = {
  /** `call_initiated`, `call.started` and other acknowledged-only events. */
  initiated: 1,
  /** Monitoring notifications (`call.ended`, `call.transcript_ready`, `call.analysis_ready`). */
  notification: 2,
  /** Call fields without post-call analysis (hangup, transfer, ended before analysis, details w/o analysis). */
  outcome: 3,
  /** A webhook that carries `post_call_analysis`. */
  analysed: 4,
  /** `GET /call-logs/{id}/details` with `analysis`: what DialNexa holds after the call is done. */
  details: 5,
} as const;
export type Stage = (typeof STAGE)[keyof typeof STAGE];

const TIME_SLOTS = 1e13; // ms since 1970 below 10^13 covers dates up to the year 2286
const SUB_SLOTS = 10;

/**
 * revision = stage × 10^14 + clamp(timestampMs, 0, 10^13 − 1) × 10 + subRank (0..9)
 *
 * - Same event delivered again → same stage, same timestamp from the body → same revision.
 * - `call.analysis_ready` after `call.ended`: same stage, later timestamp (and subRank 2 > 0 on a tie).
 * - A delayed older event: a lower stage, or the same stage with an earlier timestamp → lower.
 * The largest value (5.99 × 10^14) is far below Number.MAX_SAFE_INTEGER, so revisions compare exactly.
 * A missing timestamp counts as 0: such an event loses to a timed event of the same stage.
 */
export function revisionOf(stage: Stage, timestampMs: number | undefined, subRank = 0): number {
  const t = timestampMs !== undefined && Number.isFinite(timestampMs)
    ? Math.min(Math.max(Math.trunc(timestampMs), 0), TIME_SLOTS - 1)
    : 0;
  const sub = Math.min(Math.max(Math.trunc(subRank), 0), SUB_SLOTS - 1);
  return stage * TIME_SLOTS * SUB_SLOTS + t * SUB_SLOTS + sub;
}
