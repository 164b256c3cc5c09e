import { classifyCardFamily, isLikelyCard } from './card-numbers.js';
import { classifyBank } from './bank-numbers.js';
import { classifyTax } from './tax-ids.js';
import { isAmountShape, isDateShape, isPhoneShape } from './number-shapes.js';
import { runDigits, type Group, type Run } from './spoken-digits.js';
import { KEEPISH, type LabelCat } from './context-labels.js';
import type { FindingKind, Segment, SegmentContext, Verdict } from './findings.js';

// Splits a digit run into the numbers it holds ("4111 1111 1111 1111 04/27 123" is a card, an expiry
// and a security code) and decides each one. Whole run first, then clauses, then groups, longest first.

export type Emit = (kind: FindingKind, groups: readonly Group[]) => void;

type Family = (seg: Segment, ctx: SegmentContext) => Verdict;
const BANK_LABS: ReadonlySet<LabelCat> = new Set<LabelCat>(['account', 'bank', 'bsb', 'sort', 'routing', 'iban']);
const TAX_LABS: ReadonlySet<LabelCat> = new Set<LabelCat>(['tfn', 'ird', 'ssn', 'itin', 'ni', 'utr', 'tax']);
const STRONG = new Set(['comma', 'and', 'turn']);
const MAX_DIGITS = 19;

function families(lab: LabelCat | undefined): Family[] {
  if (lab && BANK_LABS.has(lab)) return [classifyBank, classifyTax, classifyCardFamily];
  if (lab && TAX_LABS.has(lab)) return [classifyTax, classifyBank, classifyCardFamily];
  return [classifyCardFamily, classifyBank, classifyTax];
}

/** One segment's verdict: a finding kind, 'keep' (a phone, date or amount that must not be split), or null. */
export function classifySegment(seg: Segment, ctx: SegmentContext, source: string): Verdict {
  if (seg.digits.length < 3) return null;
  if (ctx.lab !== 'expiry' && isAmountShape(source)) return 'keep';
  if (isDateShape(seg.groups)) {
    if (classifyCardFamily(seg, ctx) === 'expiry') return 'expiry';
    const bankish = ctx.lab === 'sort' || ctx.lab === 'bsb' || (ctx.bankWindow && (ctx.lab === undefined || BANK_LABS.has(ctx.lab)));
    if (bankish && !ctx.datePrep) {
      const b = classifyBank(seg, ctx);
      if (b === 'sort_code' || b === 'bsb') return b;
    }
    return 'keep';
  }
  for (const family of families(ctx.lab)) {
    const v = family(seg, ctx);
    if (v) return v;
  }
  if (isPhoneShape(seg.digits, false)) return 'keep';
  return null;
}

function after(ctx: SegmentContext, v: Verdict): SegmentContext {
  const kind = v === 'keep' || v === null ? undefined : v;
  return { ...ctx, lab: undefined, trail: kind, prevCard: ctx.prevCard || kind === 'card', leading: false, atTurnStart: false };
}

const MAX_GROUPS = 64;

function overlongKind(ctx: SegmentContext): FindingKind | undefined {
  if (ctx.lab && BANK_LABS.has(ctx.lab)) return 'bank_account';
  if (ctx.lab && TAX_LABS.has(ctx.lab)) return 'tax_id';
  if (ctx.lab || ctx.cardWindow || ctx.trail) return 'card';
  return ctx.bankWindow ? 'bank_account' : undefined;
}

/**
 * Nobody reads out more than 64 digit groups in one breath; such input is garbage or an attack, so it
 * gets a cheap linear pass: all of it goes in a sensitive context, otherwise only Luhn-valid cards.
 */
function segmentOverlong(run: Run, ctx: SegmentContext, emit: Emit): void {
  const kind = overlongKind(ctx);
  if (kind) {
    emit(kind, run.groups);
    return;
  }
  const groups = run.groups;
  for (let i = 0; i < groups.length; i++) {
    let digits = '';
    let best = -1;
    for (let j = i; j < groups.length && digits.length + groups[j]!.digits.length <= MAX_DIGITS; j++) {
      digits += groups[j]!.digits;
      if (digits.length >= 13 && isLikelyCard(digits)) best = j;
    }
    if (best >= 0) {
      emit('card', groups.slice(i, best + 1));
      i = best;
    }
  }
}

/** State for deciding one run; a class rather than closures keeps the hot path allocation-free. */
class Segmenter {
  private readonly upTo: number[] = [0];
  private readonly lastClause: number;
  constructor(private readonly groups: readonly Group[], public ctx: SegmentContext, private readonly text: string, private readonly emit: Emit) {
    let clause = 0;
    for (let g = 0; g < groups.length; g++) {
      this.upTo.push(this.upTo[g]! + groups[g]!.digits.length);
      if (g > 0 && STRONG.has(groups[g]!.sep)) clause = g;
    }
    this.lastClause = clause;
  }

  /** A trailing label covers only the run's last clause: "4111… , 0412 345 678 is my mobile". */
  private covered(from: number, to: number): boolean {
    return this.ctx.trailing !== undefined && to === this.groups.length - 1 && from >= this.lastClause;
  }

  private trailingVerdict(from: number, to: number, seg: Segment): Verdict {
    const t = this.ctx.trailing;
    return t && KEEPISH.has(t) && this.covered(from, to) && !isLikelyCard(seg.digits) ? 'keep' : null;
  }

  private segmentContext(from: number, to: number): SegmentContext {
    const t = this.ctx.trailing;
    if (this.ctx.lab || !t || KEEPISH.has(t) || !this.covered(from, to)) return this.ctx;
    return { ...this.ctx, lab: t, leading: true };
  }

  private digitsIn(from: number, to: number): number {
    return this.upTo[to + 1]! - this.upTo[from]!;
  }

  decide(from: number, to: number): Verdict {
    if (from !== to && this.digitsIn(from, to) > MAX_DIGITS) return null;
    const slice = this.groups.slice(from, to + 1);
    const source = this.text.slice(slice[0]!.start, slice[slice.length - 1]!.end);
    const seg = { groups: slice, digits: runDigits(slice) };
    const v = this.trailingVerdict(from, to, seg) ?? classifySegment(seg, this.segmentContext(from, to), source);
    if (v) {
      if (v !== 'keep') this.emit(v, slice);
      this.ctx = after(this.ctx, v);
    }
    return v;
  }

  /**
   * Greedy over units [firstGroup, lastGroup] (clauses or single groups): longest decidable prefix
   * first. The farthest candidate only moves forward, so thousands of groups stay linear.
   */
  greedy(units: readonly (readonly [number, number])[], inner: boolean): void {
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

function singles(from: number, to: number): [number, number][] {
  const out: [number, number][] = [];
  for (let k = from; k <= to; k++) out.push([k, k]);
  return out;
}

/** Decides every number in a run and reports the sensitive ones; returns the context after the run. */
export function segmentRun(run: Run, ctx0: SegmentContext, text: string, emit: Emit): SegmentContext {
  const groups = run.groups;
  if (groups.length === 1 && groups[0]!.digits.length < 3) return ctx0;
  if (groups.length > MAX_GROUPS) {
    segmentOverlong(run, ctx0, emit);
    return after(ctx0, null);
  }
  const seg = new Segmenter(groups, ctx0, text, emit);
  if (seg.decide(0, groups.length - 1)) return seg.ctx;
  const clauses: [number, number][] = [];
  let begin = 0;
  for (let g = 1; g <= groups.length; g++) {
    if (g === groups.length || STRONG.has(groups[g]!.sep)) {
      clauses.push([begin, g - 1]);
      begin = g;
    }
  }
  if (clauses.length > 1) seg.greedy(clauses, true);
  else seg.greedy(singles(0, groups.length - 1), false);
  return seg.ctx;
}
