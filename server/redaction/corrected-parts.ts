import { claimOf } from './run-claims.js';
import { labelBefore, noneCovered, tokenAt } from './fail-closed.js';
import type { FindingKind } from './findings.js';
import type { Doc } from './run-context.js';
import type { Emit } from './segmenter.js';
import type { Group, Run } from './spoken-digits.js';
import type { Span } from './tokens.js';
import { MONTHS } from './number-words.js';

// A part of a value corrected right after it was read: "Four oh, two two, five one. No wait, the last
// bit is five seven not five one", "… six six three eight one. No wait, the last bit is seven not one.
// Six six three eight seven". Each corrected piece is a piece of that value, under its kind.

const CUE = /\b(?:no wait|wait|actually|should be|last bit|last part|last digits? (?:is|are|should)|first bit|middle bit|i mean|correction)\b|\bnot (?=\d)/i;
/** The cue comes right after the value; the pieces within a couple of sentences of it. */
const CUE_REACH = 40;
const PIECE_REACH = 140;

type Found = { kind: FindingKind; digits: string; pieces: readonly Span[] };

/** Index of the first run starting after offset `end` (runs are in text order). */
function firstRunAfter(doc: Doc, runs: readonly Run[], end: number): number {
  let lo = 0;
  let hi = runs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (doc.tokens[runs[mid]!.first]!.start <= end) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function correctedParts(doc: Doc, runs: readonly Run[], found: readonly Found[], covered: (g: Group) => boolean, emit: Emit): void {
  if (found.length === 0 || !CUE.test(doc.text)) return;
  for (const f of found) {
    const end = f.pieces[f.pieces.length - 1]!.end;
    if (!CUE.test(doc.text.slice(end, end + CUE_REACH))) continue;
    const turn = doc.tokens[tokenAt(doc, end)]!.turn;
    for (let r = firstRunAfter(doc, runs, end); r < runs.length; r++) {
      const run = runs[r]!;
      const start = doc.tokens[run.first]!.start;
      if (start - end > PIECE_REACH) break;
      if (doc.tokens[run.first]!.turn !== turn || !noneCovered(run, covered)) continue;
      let n = 0;
      for (const g of run.groups) n += g.digits.length;
      // "before 30 September": a date.
      if (n > f.digits.length || MONTHS.has(doc.tokens[run.last + 1]?.lower ?? '')) continue;
      if (claimOf(doc, run, labelBefore(doc, start), f.kind) === null) emit(f.kind, run.groups);
    }
  }
}
