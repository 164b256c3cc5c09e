import { classifySegment, afterVerdict } from './classify-segment.js';
import { isLikelyCard } from './card-numbers.js';
import { STRONG_SEPS } from './number-shapes.js';
import { runDigits, type Group } from './spoken-digits.js';
import { KEEPISH } from './context-labels.js';
import type { FindingKind, Segment, SegmentContext, Verdict } from './findings.js';

export type Emit = (kind: FindingKind, groups: readonly Group[]) => void;
export type Unit = readonly [number, number];
export type Found = { from: number; to: number; kind: FindingKind };

export const MAX_DIGITS = 19;

/**
 * State for deciding the groups of one run: longest decidable prefix first, over clauses or single
 * groups. A class, not closures: closures made per run cost more than the deciding (profiled).
 */
export class Segmenter {
  private readonly upTo: number[] = [0];
  private readonly digits: string;
  private readonly lastClause: number;
  /** clauseEdge[g]: bit 1 when a clause starts at group g, bit 2 when one ends there. */
  private readonly clauseEdge: number[];
  /** Group ranges that became findings, in the order they were found. */
  readonly found: Found[] = [];

  constructor(private readonly groups: readonly Group[], public ctx: SegmentContext, private readonly text: string, private readonly emit: Emit) {
    let clause = 0;
    this.clauseEdge = groups.map(() => 0);
    for (let g = 0; g < groups.length; g++) {
      this.upTo.push(this.upTo[g]! + groups[g]!.digits.length);
      const starts = g === 0 || STRONG_SEPS.has(groups[g]!.sep);
      if (starts) {
        clause = g;
        this.clauseEdge[g]! |= 1;
        if (g > 0) this.clauseEdge[g - 1]! |= 2;
      }
    }
    this.clauseEdge[groups.length - 1]! |= 2;
    this.lastClause = clause;
    this.digits = runDigits(groups);
  }

  /** A trailing label covers only the run's last clause: "4111… , 0412 345 678 is my mobile". */
  private covered(from: number, to: number): boolean {
    return this.ctx.trailing !== undefined && to === this.groups.length - 1 && from >= this.lastClause;
  }

  /** A keep label after the number wins unless a label right before it already claims it. */
  private trailingVerdict(from: number, to: number, seg: Segment): Verdict {
    const t = this.ctx.trailing;
    if (!t || !KEEPISH.has(t) || (this.ctx.lab && this.ctx.leading)) return null;
    return this.covered(from, to) && !isLikelyCard(seg.digits) ? 'keep' : null;
  }

  private segmentContext(from: number, to: number): SegmentContext {
    const t = this.ctx.trailing;
    if (this.ctx.lab || !t || KEEPISH.has(t) || !this.covered(from, to)) return this.ctx;
    return { ...this.ctx, lab: t, leading: true };
  }

  digitsIn(from: number, to: number): number {
    return this.upTo[to + 1]! - this.upTo[from]!;
  }

  decide(from: number, to: number): Verdict {
    if (from !== to && this.digitsIn(from, to) > MAX_DIGITS) return null;
    const slice = this.groups.slice(from, to + 1);
    const whole = (this.clauseEdge[from]! & 1) !== 0 && (this.clauseEdge[to]! & 2) !== 0;
    const seg = { groups: slice, digits: this.digits.slice(this.upTo[from]!, this.upTo[to + 1]!), whole };
    const v = this.trailingVerdict(from, to, seg) ?? classifySegment(seg, this.segmentContext(from, to), this.text);
    if (v) {
      if (v !== 'keep') {
        this.emit(v, slice);
        this.found.push({ from, to, kind: v });
      }
      this.ctx = afterVerdict(this.ctx, v);
    }
    return v;
  }

  /** Greedy over units; the farthest candidate only moves forward, so thousands of groups stay linear. */
  greedy(units: readonly Unit[], inner: boolean): void {
    let far = 0;
    for (let i = 0; i < units.length; ) {
      const head = units[i]![0];
      far = Math.max(far, i);
      while (far + 1 < units.length && this.digitsIn(head, units[far + 1]![1]) <= MAX_DIGITS) far++;
      let j = far;
      while (j >= i && !this.decide(head, units[j]![1])) j--;
      if (j >= i) {
        i = j + 1;
        continue;
      }
      const end = units[i]![1];
      if (inner && end > head) this.greedy(singles(head, end), false);
      i++;
    }
  }
}

export function singles(from: number, to: number): Unit[] {
  const out: [number, number][] = [];
  for (let k = from; k <= to; k++) out.push([k, k]);
  return out;
}
