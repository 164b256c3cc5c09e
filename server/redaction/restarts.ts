import { claimOf, uncoveredStretches } from './run-claims.js';
import { labelBefore, tokenAt } from './fail-closed.js';
import type { FindingKind } from './findings.js';
import type { Doc } from './run-context.js';
import type { Emit } from './segmenter.js';
import type { Group, Run } from './spoken-digits.js';
import type { Span } from './tokens.js';

// Issue 12, restarts: "ok it's 4363 98... hang on I'm reading the wrong card. Start again." and
// "seven three two, oh, um, sorry I'll start again. Seven three two, zero four five." What was read
// before the restart, in its turn, is the value read after it: it goes under that value's kind, even
// when the two readings share no digits (a different card) or the first stopped after a digit.

const MAX_TURNS_AFTER = 3;

type Found = { kind: FindingKind; pieces: readonly Span[] };

export function restarts(doc: Doc, runs: readonly Run[], found: readonly Found[], covered: (g: Group) => boolean, emit: Emit): void {
  const marks = doc.labels.filter((l) => l.cat === 'restart');
  if (marks.length === 0 || found.length === 0) return;
  const byStart = [...found].sort((a, b) => a.pieces[0]!.start - b.pieces[0]!.start);
  for (const mark of marks) {
    const next = byStart.find((f) => f.pieces[0]!.start >= mark.end);
    if (!next || doc.tokens[tokenAt(doc, next.pieces[0]!.start)]!.turn - mark.turn > MAX_TURNS_AFTER) continue;
    for (const run of runs) {
      const first = doc.tokens[run.first]!;
      if (first.turn !== mark.turn || doc.tokens[run.last]!.end > mark.start) continue;
      for (const groups of uncoveredStretches(run, covered)) {
        let n = 0;
        for (const g of groups) n += g.digits.length;
        // One digit left right after a value just read ("[bsb], oh, um, sorry") goes too.
        const leftover = n >= 1 && groups[0]!.first > run.first;
        if (n < 2 && !leftover) continue;
        const part: Run = { groups, first: groups[0]!.first, last: groups[groups.length - 1]!.last };
        if (claimOf(doc, part, labelBefore(doc, doc.tokens[part.first]!.start), next.kind) === null) emit(next.kind, groups);
      }
    }
  }
}
