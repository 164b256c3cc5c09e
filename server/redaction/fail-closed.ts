import { irdChecksum, tfnChecksum } from './checksums.js';
import { isPhoneShape, isSsnLayout } from './number-shapes.js';
import { isValidItin, isValidSsn } from './tax-ids.js';
import { isAttached } from './run-neighbours.js';
import { claimOf, layoutOf, uncoveredStretches } from './run-claims.js';
import type { Group, Run } from './spoken-digits.js';
import type { Doc } from './run-context.js';
import type { Emit } from './segmenter.js';
import type { Span } from './tokens.js';
import { mergeSpans } from './keep-zones.js';
import type { FindingKind } from './findings.js';

// Fail-closed (issue 12): any 13-19 digit run — written, spoken or mixed, with spaces, dashes, dots or
// fillers between its groups — is a card unless something proves it benign: a label or letters that
// make it a document number (the label-by-label pass already kept those), an amount, a phone, a date.
// Card context decides a reading, not the checksum: callers misread digits.

function noneCovered(run: Run, covered: (g: Group) => boolean): boolean {
  for (const g of run.groups) if (covered(g)) return false;
  return true;
}

function digitCount(run: Run): number {
  let n = 0;
  for (const g of run.groups) n += g.digits.length;
  return n;
}

const CLAUSE_SEPS: ReadonlySet<string> = new Set(['comma', 'and']);

function clauses(run: Run): Run[] {
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

/** Index of the last label ending before offset `start` (-1 if none). */
function labelBefore(doc: Doc, start: number): number {
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
export function failClosed(doc: Doc, runs: readonly Run[], covered: (g: Group) => boolean, emit: Emit): void {
  for (const run of runs) {
    if (digitCount(run) < 13) continue;
    if (isSpokenNzAccount(run) && noneCovered(run, covered)) {
      emit('bank_account', run.groups);
      continue;
    }
    // A run nothing has taken yet is judged whole (its label, its neighbours); once part of it is
    // gone, each stretch is judged alone, as a later pass would see it.
    const whole = noneCovered(run, covered);
    if (whole && claimOf(doc, run, labelBefore(doc, doc.tokens[run.first]!.start), 'card') === 'keep') continue;
    for (const clause of clauses(run)) {
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

/** Same length, at most two digits different or two neighbours swapped: a misread or a corrected reading. */
function nearlySame(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diff++;
  return diff <= 2;
}

/**
 * A reading of a value already found, whole or in part, or with a digit or two different — a
 * restart, a read-back, a correction ("4899 9493 1162… I'll start over", "corrected it to
 * 4418 2093") — is that value again, under its kind.
 */
export function echoes(doc: Doc, runs: readonly Run[], found: readonly { kind: FindingKind; digits: string; pieces?: readonly Span[] }[], covered: (g: Group) => boolean, emit: Emit): void {
  // One string of every value ('|' between) answers "part of a value" with one search per reading.
  let joined = '|';
  const kinds: FindingKind[] = [];
  const starts: number[] = [];
  const byLength = new Map<number, { kind: FindingKind; digits: string }[]>();
  for (const f of found) {
    if (f.digits.length < 6) continue;
    starts.push(joined.length);
    kinds.push(f.kind);
    joined += `${f.digits}|`;
    const same = byLength.get(f.digits.length);
    if (same) same.push(f);
    else byLength.set(f.digits.length, [f]);
  }
  if (kinds.length === 0) return;
  for (const run of runs) {
    if (digitCount(run) < 4) continue;
    const stretches = uncoveredStretches(run, covered);
    // The rest of a run that was partly taken ("it's 297113292 then 8810294713") is the same talk.
    const split = stretches.length > 0 && (stretches.length > 1 || stretches[0]!.length < run.groups.length) ? takenKind(run, found, covered) : undefined;
    for (const groups of stretches) {
      let digits = '';
      for (const g of groups) digits += g.digits;
      // What a card left of its own run goes whatever its length ("four [card ending 2874]"); a first
      // group read before a restart is the start of a card found later ("four nine five nine — sorry —").
      const opening = digits.length >= 4 && digits.length < 6 && cardStarts(found, digits);
      if (digits.length < (split === 'card' || opening ? 1 : 6)) continue;
      const kind = opening ? 'card' : digits.length < 6 ? split : echoKind(digits, joined, starts, kinds, byLength) ?? split;
      if (kind === undefined) continue;
      const part: Run = { groups, first: groups[0]!.first, last: groups[groups.length - 1]!.last };
      if (claimOf(doc, part, labelBefore(doc, doc.tokens[part.first]!.start), kind) !== 'keep') emit(kind, groups);
    }
  }
}

function cardStarts(found: readonly { kind: FindingKind; digits: string }[], digits: string): boolean {
  for (const f of found) if (f.kind === 'card' && f.digits.length >= 13 && f.digits.startsWith(digits)) return true;
  return false;
}

/** The kind of the finding that took part of the run. */
function takenKind(run: Run, found: readonly { kind: FindingKind; pieces?: readonly Span[] }[], covered: (g: Group) => boolean): FindingKind | undefined {
  for (const g of run.groups) {
    if (!covered(g)) continue;
    for (const f of found) for (const p of f.pieces ?? []) if (p.start <= g.start && g.end <= p.end) return f.kind;
  }
  return undefined;
}

function echoKind(digits: string, joined: string, starts: readonly number[], kinds: readonly FindingKind[], byLength: ReadonlyMap<number, { kind: FindingKind; digits: string }[]>): FindingKind | undefined {
  const at = joined.indexOf(digits);
  if (at >= 0) {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= at) lo = mid;
      else hi = mid - 1;
    }
    return kinds[lo];
  }
  for (const v of byLength.get(digits.length) ?? []) if (nearlySame(v.digits, digits)) return v.kind;
  return undefined;
}

const TAX_LAYOUTS = new Set(['9', '3-3-3', '8', '2-3-3', '3-2-3']);

/**
 * A personal tax number with no label goes when its check digit passes (AU TFN, NZ IRD) and nothing
 * proves it benign (issue 12); `answered` are answers to a document question ("and the ACN?" / "143 399 606").
 */
export function checksumIds(doc: Doc, runs: readonly Run[], kept: ReadonlySet<Run>, answered: ReadonlySet<Run>, covered: (g: Group) => boolean, emit: Emit): void {
  for (const run of runs) {
    if (digitCount(run) < 8) continue;
    for (const groups of uncoveredStretches(run, covered)) {
      let n = 0;
      for (const g of groups) n += g.digits.length;
      if (n < 8 || n > 9) continue;
      let digits = '';
      for (const g of groups) digits += g.digits;
      // The US SSN layout (AAA-GG-SSSS) with a valid number is one wherever it stands, unless letters make it a reference.
      const part0: Run = { groups, first: groups[0]!.first, last: groups[groups.length - 1]!.last };
      if (isSsnLayout(groups) && (isValidSsn(digits) || isValidItin(digits)) && !isAttached(doc, part0)) {
        emit('tax_id', groups);
        continue;
      }
      if ((kept.has(run) || answered.has(run)) && noneCovered(run, covered)) continue;
      if (digits.length < 8 || digits.length > 9 || isPhoneShape(digits, false)) continue;
      if (!TAX_LAYOUTS.has(layoutOf(groups)) || !(tfnChecksum(digits) || irdChecksum(digits))) continue;
      const part: Run = { groups, first: groups[0]!.first, last: groups[groups.length - 1]!.last };
      if (claimOf(doc, part, labelBefore(doc, doc.tokens[part.first]!.start), 'tax_id') === null) emit('tax_id', groups);
    }
  }
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
