import { claimOf, isWrittenPhone } from './run-claims.js';
import { runDigits } from './spoken-digits.js';
import { clauses, digitCount, labelBefore, noneCovered } from './fail-closed.js';
import type { FindingKind } from './findings.js';
import type { Doc } from './run-context.js';
import type { Emit } from './segmenter.js';
import type { Group, Run } from './spoken-digits.js';
import type { Span } from './tokens.js';

// A branch number (BSB, sort code, routing number) is read before its account: "it's like a weird
// symbol then 322291186, another symbol, then 4401 339 718" reads a US cheque's bottom line, routing
// then account. Once a later layer (a slot, a checksum) has found the branch, the next reading in the
// same turn is the account, unless a claim keeps it (the label-by-label pass has its own trail rule).

const BRANCH: ReadonlySet<FindingKind> = new Set<FindingKind>(['bsb', 'sort_code', 'routing_number']);
const MAX_GAP_TOKENS = 12;

export function bankTrail(doc: Doc, runs: readonly Run[], found: readonly { kind: FindingKind; pieces: readonly Span[] }[], covered: (g: Group) => boolean, emit: Emit): void {
  // Only the reading right after each branch number is looked at (found by the branch's end).
  const after = new Set<number>();
  for (const f of found) if (BRANCH.has(f.kind)) after.add(f.pieces[f.pieces.length - 1]!.end);
  if (after.size === 0) return;
  for (let r = 1; r < runs.length; r++) {
    const prev = runs[r - 1]!;
    if (!after.has(doc.tokens[prev.last]!.end)) continue;
    const run = runs[r]!;
    const n = digitCount(run);
    if (n < 6 || n > 17 || !noneCovered(run, covered)) continue;
    // The branch must be the reading right before this one, a few words back, in the same turn.
    if (run.first - prev.last > MAX_GAP_TOKENS || doc.tokens[run.first]!.turn !== doc.tokens[prev.last]!.turn) continue;
    const start = doc.tokens[run.first]!.start;
    const before = labelBefore(doc, start);
    const claim = claimOf(doc, run, before, 'bank_account');
    // Right after a branch number, a 4-3-3 reading is the account, not a phone, unless a phone word says so.
    const phoneTalk = doc.labels[before]?.cat === 'phone' && doc.labels[before]!.turn === doc.tokens[run.first]!.turn;
    // Only its first clause: "4412 338 719, then 1187" is the account and then the cheque number.
    const head = clauses(run)[0]!;
    if (digitCount(head) < 6) continue;
    if (claim === null || (claim === 'keep' && !phoneTalk && isWrittenPhone(head, runDigits(head.groups)))) emit('bank_account', head.groups);
  }
}
