import type { Doc } from './run-context.js';
import type { Emit } from './segmenter.js';
import type { Group, Run } from './spoken-digits.js';

// A New Zealand account read in its four parts, a part per answer or per field: "bank number first?"
// / "01" / "branch?" / "0242" / "the main part?" / "0123456" / "and the suffix?" / "00", or
// `refund_bank: 12` / `refund_branch: 3140` / `refund_account_base: 0456781` / `refund_suffix: 00`.
// Each part alone is short enough to pass for anything; together they are the canonical BB-bbbb-
// AAAAAAA-SS(S) layout (canonical-bank.ts catches it written in one piece). The layout plus a branch
// or suffix word among or near the parts is the proof, so every part goes.

type Part = { groups: Group[]; digits: number; first: number; last: number };

const LAYOUT = [2, 4, 7] as const;
/** Tokens between the end of one part and the start of the next: a question or a field key, not a page. */
const MAX_GAP = 30;
const PART_WORD = /(?:^|[^a-z])(?:branch|suffix)/i;
/** Characters either side of the parts where the part word may be. */
const AROUND = 150;

/** Runs cut where a reading moves to another line or turn. */
function partsOf(doc: Doc, runs: readonly Run[]): Part[] {
  const out: Part[] = [];
  for (const run of runs) {
    let part: Part | null = null;
    for (const g of run.groups) {
      const sameLine = part !== null && doc.tokens[g.first]!.line === doc.tokens[part.last]!.line;
      // One answer is one part, however it was paced ("oh three four, seven eight nine one").
      if (part && sameLine && g.sep !== 'turn') {
        part.groups.push(g);
        part.digits += g.digits.length;
        part.last = g.last;
      } else {
        part = { groups: [g], digits: g.digits.length, first: g.first, last: g.last };
        out.push(part);
      }
    }
  }
  return out;
}

export function bankParts(doc: Doc, runs: readonly Run[], covered: (g: Group) => boolean, emit: Emit): void {
  if (!PART_WORD.test(doc.text)) return;
  // A part's size said in the question ("the branch, four digits") is no part.
  const parts = partsOf(doc, runs).filter((p) => p.digits >= 2 && !/^digits?$/.test(doc.tokens[p.last + 1]?.lower ?? ''));
  for (let i = 0; i + 3 < parts.length; i++) {
    const window = parts.slice(i, i + 4);
    if (!LAYOUT.every((n, k) => window[k]!.digits === n) || (window[3]!.digits !== 2 && window[3]!.digits !== 3)) continue;
    if (window.some((p, k) => k > 0 && p.first - window[k - 1]!.last > MAX_GAP)) continue;
    // The parts named between them ("branch?"), or around them in a summary ("read it in four parts:
    // "oh three", …. He then said the branch is …").
    const from = doc.tokens[window[0]!.first]!.start;
    const to = doc.tokens[window[3]!.last]!.end;
    if (!PART_WORD.test(doc.text.slice(Math.max(0, from - AROUND), to + AROUND))) continue;
    for (const p of window) if (!p.groups.every(covered)) emit('bank_account', p.groups);
    i += 3;
  }
}
