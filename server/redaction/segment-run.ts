import { afterVerdict, BANK_LABS, TAX_LABS } from './classify-segment.js';
import { isLikelyCard } from './card-numbers.js';
import { STRONG_SEPS } from './number-shapes.js';
import { MAX_DIGITS, Segmenter, singles, type Emit, type Found } from './segmenter.js';
import type { Run } from './spoken-digits.js';
import type { FindingKind, SegmentContext } from './findings.js';

// Splits a digit run into the numbers it holds ("<16-digit card> 04/27 123" is a card, an expiry
// and a security code) and decides each one: whole run first, then clauses, then groups.

export type { Emit } from './segmenter.js';

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

/** Stretches of groups between findings, which a second redaction pass would read as runs of their own. */
function gaps(found: readonly Found[], count: number): { from: number; to: number; after?: FindingKind }[] {
  const sorted = [...found].sort((a, b) => a.from - b.from);
  const out: { from: number; to: number; after?: FindingKind }[] = [];
  let at = 0;
  let prev: FindingKind | undefined;
  for (const f of sorted) {
    if (f.from > at) out.push({ from: at, to: f.from - 1, after: prev });
    at = f.to + 1;
    prev = f.kind;
  }
  if (at < count) out.push({ from: at, to: count - 1, after: prev });
  return out;
}

/** Decides every number in a run and reports the sensitive ones; returns the context after the run. */
export function segmentRun(run: Run, ctx0: SegmentContext, text: string, emit: Emit): SegmentContext {
  const groups = run.groups;
  if (groups.length === 1 && groups[0]!.digits.length < 3) return ctx0;
  if (groups.length > MAX_GROUPS) {
    segmentOverlong(run, ctx0, emit);
    return afterVerdict(ctx0, null);
  }
  const seg = new Segmenter(groups, ctx0, text, emit);
  if (seg.decide(0, groups.length - 1)) return seg.ctx;
  const clauses: [number, number][] = [];
  let begin = 0;
  for (let g = 1; g <= groups.length; g++) {
    if (g === groups.length || STRONG_SEPS.has(groups[g]!.sep)) {
      clauses.push([begin, g - 1]);
      begin = g;
    }
  }
  seg.greedy(clauses.length > 1 ? clauses : singles(0, groups.length - 1), clauses.length > 1);
  if (seg.found.length === 0) return seg.ctx;
  // Once a finding splits the run, each stretch around it is decided again as a run of its own, as a
  // second pass over the redacted text would see it: that keeps redaction idempotent.
  for (const gap of gaps(seg.found, groups.length)) {
    const { from, after } = gap;
    let to = gap.to;
    // A month name reads as digits only before a number ("April 2027"); once that number is gone, so is it.
    while (to >= from && groups[to]!.month) to--;
    if (to < from) continue;
    const last = to === groups.length - 1;
    const ctx: SegmentContext = from === 0
      ? { ...ctx0, trailing: undefined }
      : { ...seg.ctx, lab: undefined, trail: after, leading: false, atTurnStart: false, datePrep: false, trailing: last ? ctx0.trailing : undefined };
    segmentRun({ groups: groups.slice(from, to + 1), first: groups[from]!.first, last: groups[to]!.last }, ctx, text, emit);
  }
  return seg.ctx;
}
