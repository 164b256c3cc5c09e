import { claimOf, uncoveredStretches } from './run-claims.js';
import { isLikelyCard } from './card-numbers.js';
import { runDigits, type Group, type Run } from './spoken-digits.js';
import type { Doc } from './run-context.js';
import { SENSITIVE_CATS, type LabelCat } from './context-labels.js';
import type { Emit } from './segmenter.js';
import type { Span } from './tokens.js';
import { mergeSpans } from './keep-zones.js';
import { isNamedNzbn } from './benign-readings.js';

// Fail-closed (issue 12): any 13-19 digit run — written, spoken or mixed, with spaces, dashes, dots or
// fillers between its groups — is a card unless something proves it benign (run-claims.ts): a document
// label or letters glued to it, an amount, a phone, a date. A phone word does not vouch for it.
// Card context decides a reading, not the checksum: callers misread digits.

export function noneCovered(run: Run, covered: (g: Group) => boolean): boolean {
  for (const g of run.groups) if (covered(g)) return false;
  return true;
}

export function digitCount(run: Run): number {
  let n = 0;
  for (const g of run.groups) n += g.digits.length;
  return n;
}

const CLAUSE_SEPS: ReadonlySet<string> = new Set(['comma', 'and']);

/** A run split where a comma or an "and" / "then" joins its groups. */
export function clauses(run: Run): Run[] {
  const out: Run[] = [];
  let from = 0;
  for (let g = 1; g <= run.groups.length; g++) {
    if (g === run.groups.length || CLAUSE_SEPS.has(run.groups[g]!.sep)) {
      const groups = run.groups.slice(from, g);
      out.push({ groups, first: groups[0]!.first, last: groups[groups.length - 1]!.last });
      from = g;
    }
  }
  return out;
}

/** Digit counts of a run's comma-separated clauses: a NZ account read aloud is 2, 4, 7, 2 or 3. */
function isSpokenNzAccount(run: Run): boolean {
  const counts: number[] = [];
  for (const c of clauses(run)) counts.push(digitCount(c));
  return counts.length === 4 && counts[0] === 2 && counts[1] === 4 && counts[2] === 7 && (counts[3] === 2 || counts[3] === 3);
}

/** Index of the token that starts at or covers `offset` (tokens are sorted by start). */
export function tokenAt(doc: Doc, offset: number): number {
  let lo = 0;
  let hi = doc.tokens.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (doc.tokens[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Index of the last label ending before offset `start` (-1 if none). */
export function labelBefore(doc: Doc, start: number): number {
  let lo = 0;
  let hi = doc.labels.length - 1;
  let best = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (doc.labels[mid]!.end <= start) {
      best = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return best;
}

/**
 * Removes every unproven 13-19 digit stretch. A run the label-by-label pass kept is asked again:
 * a phone word or a label in another sentence does not prove a card-sized number benign.
 */
export function failClosed(doc: Doc, runs: readonly Run[], covered: (g: Group) => boolean, emit: Emit, answered: ReadonlySet<Run> = new Set()): void {
  // Digits a document word has already vouched for: read back later ("your customer reference number is
  // 8841 2270 3319 5" / "8841 2270 3319 5, ok"), they are that reference again (the first reading decides).
  const vouched = new Set<string>();
  for (const run of runs) {
    if (digitCount(run) < 13) continue;
    const digits = runDigits(run.groups);
    // The answer to a document question ("your NZBN?" / "9429041234567") is proven, unless it is card-shaped.
    if (((answered.has(run) || vouched.has(digits)) && !isLikelyCard(digits) && !namedSensitive(doc, run)) || isNamedNzbn(doc, run, digits)) {
      vouched.add(digits);
      continue;
    }
    if (isSpokenNzAccount(run) && noneCovered(run, covered)) {
      emit('bank_account', run.groups);
      continue;
    }
    // A run nothing has taken yet is judged whole (its label, its neighbours); once part of it is
    // gone, each stretch is judged alone, as a later pass would see it.
    const whole = noneCovered(run, covered);
    if (whole && claimOf(doc, run, labelBefore(doc, doc.tokens[run.first]!.start), 'card') === 'keep') {
      vouched.add(digits);
      continue;
    }
    // Clauses of four digits or fewer are a card read in its groups ("four seven three six, six seven
    // one seven, …"), not several numbers: the run is judged whole.
    const parts = clauses(run);
    for (const clause of parts.every((c) => digitCount(c) <= 4) ? [run] : parts) {
      for (const groups of uncoveredStretches(clause, covered)) {
        let n = 0;
        for (const g of groups) n += g.digits.length;
        if (n < 13 || n > 19) continue;
        const part: Run = { groups, first: groups[0]!.first, last: groups[groups.length - 1]!.last };
        if (claimOf(doc, part, labelBefore(doc, doc.tokens[part.first]!.start), 'card') === null) emit('card', groups);
      }
    }
  }
}

// The words that name a sensitive value: a card's end ("ending") and a bare "code" do not; a group prompt does.
const SENSITIVE: ReadonlySet<LabelCat> = new Set<LabelCat>([...SENSITIVE_CATS, 'group' as const].filter((c) => c !== 'ending' && c !== 'code'));

/** A sensitive word on the run's own line, the last label before it: "caller_claim: refund to account twelve, …". */
function namedSensitive(doc: Doc, run: Run): boolean {
  const l = doc.labels[labelBefore(doc, doc.tokens[run.first]!.start)];
  return l !== undefined && SENSITIVE.has(l.cat) && doc.tokens[l.first]!.line === doc.tokens[run.first]!.line;
}

/** A test for "this group is inside a span already found", over spans in any order. */
export function coverage(spans: Span[]): (g: Group) => boolean {
  // Merged, the spans are sorted and disjoint, so one binary search answers.
  const merged = mergeSpans([...spans].sort((a, b) => a.start - b.start));
  return (g) => {
    let lo = 0;
    let hi = merged.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = merged[mid]!;
      if (s.end <= g.start) lo = mid + 1;
      else if (s.start > g.start) hi = mid - 1;
      else return s.end >= g.end;
    }
    return false;
  };
}
