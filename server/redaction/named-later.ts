import { claimOf } from './run-claims.js';
import { isLikelyCard } from './card-numbers.js';
import { digitCount, labelBefore, tokenAt } from './fail-closed.js';
import { SENSITIVE_CATS } from './context-labels.js';
import { runDigits, type Run } from './spoken-digits.js';
import type { Doc } from './run-context.js';
import type { NumberFinding } from './detect-digits.js';

// A long number read with no name, then named by the other side: "it gave me a long confirmation
// number" / "go ahead" / "7100 4492 1187 3360." / "That confirmation, 7100 4492 1187 3360, is for
// $275.00". Fail-closed took the first reading for a card; the second, with its document word, proves
// both are the confirmation. Only when the digits are not card-shaped (issuer prefix and Luhn), and
// the first reading was not itself under a sensitive word.

const MIN_DIGITS = 10;

/** Drops findings whose digits a later, document-named reading of the same digits proves benign (runs last: no layer reads coverage after it). */
export function dropNamedLater(doc: Doc, found: NumberFinding[], kept: ReadonlySet<Run>): void {
  const named = new Map<string, number>();
  for (const run of kept) {
    if (digitCount(run) < MIN_DIGITS) continue;
    const digits = runDigits(run.groups);
    if (isLikelyCard(digits)) continue;
    const start = doc.tokens[run.first]!.start;
    // Named by a document word (not merely phone-shaped, which a bank account can be too).
    const before = labelBefore(doc, start);
    if (doc.labels[before]?.cat !== 'keep' || claimOf(doc, run, before, 'card') !== 'keep') continue;
    if (!(named.get(digits)! <= start)) named.set(digits, start);
  }
  if (named.size === 0) return;
  for (let i = found.length - 1; i >= 0; i--) {
    const f = found[i]!;
    // Only what fail-closed took for a card (and its echoes); a tax number a rule named stays named.
    if (f.kind !== 'card') continue;
    const at = named.get(f.digits);
    const start = f.pieces[0]!.start;
    // The named reading itself goes back too (echoes.ts took it as a read-back of the first).
    if (at === undefined || at < start) continue;
    const l = doc.labels[labelBefore(doc, start)];
    if (l && SENSITIVE_CATS.has(l.cat) && doc.tokens[l.first]!.turn === doc.tokens[tokenAt(doc, start)]!.turn) continue;
    found.splice(i, 1);
  }
}
