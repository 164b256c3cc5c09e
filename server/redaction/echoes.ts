import { claimOf, uncoveredStretches } from './run-claims.js';
import { digitCount, labelBefore, tokenAt } from './fail-closed.js';
import type { FindingKind } from './findings.js';
import type { Doc } from './run-context.js';
import type { Emit } from './segmenter.js';
import type { Group, Run } from './spoken-digits.js';
import type { Span } from './tokens.js';

// Readings of a value already found (issue 12: corrections, restarts, read-backs): the same digits in
// part or whole, or with a digit or two different, go under the found value's kind.

/** Same length, at most two digits different or two neighbours swapped: a misread or a corrected reading. */
function nearlySame(a: string, b: string): boolean {
  return a.length === b.length && nearlyAt(a, 0, b);
}

/** b against a's stretch starting at `at`: at most two digits different (no copies made). */
function nearlyAt(a: string, at: number, b: string): boolean {
  let diff = 0;
  for (let i = 0; i < b.length; i++) if (a.charCodeAt(at + i) !== b.charCodeAt(i) && ++diff > 2) return false;
  return true;
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
  // One entry per distinct value: a transcript reads the same card or account many times.
  const seen = new Set<string>();
  for (const f of found) {
    if (f.digits.length < 6 || seen.has(f.digits)) continue;
    seen.add(f.digits);
    starts.push(joined.length);
    kinds.push(f.kind);
    joined += `${f.digits}|`;
    const same = byLength.get(f.digits.length);
    if (same) same.push(f);
    else byLength.set(f.digits.length, [f]);
  }
  // The same reading comes back many times too: each is looked up once.
  const memo = new Map<string, FindingKind | undefined>();
  const lookup = (digits: string): FindingKind | undefined => {
    if (memo.has(digits)) return memo.get(digits);
    const k = echoKind(digits, joined, starts, kinds, byLength);
    memo.set(digits, k);
    return k;
  };
  shortEchoes(doc, runs, found, covered, emit);
  // (Values of five digits count too: a number read in halves, each half repeated.)
  if (kinds.length === 0 && !found.some((f) => f.digits.length === 5 && OPENED.has(f.kind))) return;
  // Where each value of eight digits or more was first read: only a later reading is "the very digits".
  const sameDigits = new Map<string, number>();
  for (const f of found) {
    const at = f.pieces?.[0]?.start ?? Infinity;
    if (f.digits.length >= 8 && !(sameDigits.get(f.digits)! <= at)) sameDigits.set(f.digits, at);
  }
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
      const opening = digits.length >= 4 && digits.length < 6 ? valueStarts(found, digits) : undefined;
      if (digits.length < (split === 'card' || opening ? 1 : 6)) continue;
      const kind = opening ?? (digits.length < 6 ? split : lookup(digits) ?? split);
      if (kind === undefined) continue;
      const part: Run = { groups, first: groups[0]!.first, last: groups[groups.length - 1]!.last };
      // The very digits of a value found are that value, whatever word stands before them ("ird_number:
      // 824-744-535" / "gst_number: 824-744-535": in NZ a person's GST number is their IRD number).
      const exact = digits.length >= 8 && (sameDigits.get(digits) ?? Infinity) < doc.tokens[groups[0]!.first]!.start;
      const claim = exact ? null : claimOf(doc, part, labelBefore(doc, doc.tokens[part.first]!.start), kind);
      if (claim === null || (claim === 'date' && kind === 'expiry')) emit(kind, groups);
    }
  }
}

// A first group read before a restart: of a card, a tax number or an account ("three one seven, four
// four..." then "317 448 925").
const OPENED: ReadonlyMap<FindingKind, number> = new Map<FindingKind, number>([['card', 13], ['tax_id', 8], ['bank_account', 8]]);

function valueStarts(found: readonly { kind: FindingKind; digits: string }[], digits: string): FindingKind | undefined {
  for (const f of found) if (f.digits.length >= (OPENED.get(f.kind) ?? Infinity) && f.digits.startsWith(digits)) return f.kind;
  // Five digits of a long value anywhere in it are more than the four the rule lets stand ("No, 91561 at
  // the end"; "Sorry, you broke up — 30941 and then?").
  if (digits.length === 5) {
    for (const f of found) if (f.digits.length >= (OPENED.get(f.kind) ?? Infinity) && f.digits.includes(digits)) return f.kind;
    // Or the same five digits as a piece of one read in halves.
    for (const f of found) if (OPENED.has(f.kind) && f.digits === digits) return f.kind;
  }
  return undefined;
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
  // Nearly the same only for long values: two dates a digit or two apart are two dates ("exp. 2027-06" /
  // "the warranty runs through 2028-09").
  for (const v of byLength.get(digits.length) ?? []) if (!NEAR_EXEMPT.has(v.kind) && nearlySame(v.digits, digits)) return v.kind;
  // "it's actually got a zero in front, oh five nine, …": a value read again with a leading zero.
  if (digits[0] === '0') for (const v of byLength.get(digits.length - 1) ?? []) if (v.digits === digits.slice(1)) return v.kind;
  // A part corrected ("…zero four four one two two six, zero zero… no wait, zero four one four two two
  // six"): seven digits or more, nearly the same as a stretch of a longer value (a random reading
  // comes this close to some stretch of a 15-digit value about once in 600).
  if (digits.length < 7) return undefined;
  for (const [len, values] of byLength) {
    if (len <= digits.length) continue;
    for (const v of values) for (let i = 0; i + digits.length <= len; i++) if (nearlyAt(v.digits, i, digits)) return v.kind;
  }
  return undefined;
}

const NEAR_EXEMPT: ReadonlySet<FindingKind> = new Set<FindingKind>(['expiry', 'security_code', 'pin']);
const SHORT_KINDS: ReadonlySet<FindingKind> = new Set<FindingKind>(['security_code', 'pin', 'expiry']);
/** How many turns after a short value its read-back may come ("four eight four" / "no dramas, 484, got it"). */
const SHORT_ECHO_TURNS = 2;

/**
 * A short value (a security code, a PIN, an expiry) read back in the next turn or two, the very same
 * digits: it is that value again. Short values are too common to echo further away or approximately.
 */
function shortEchoes(doc: Doc, runs: readonly Run[], found: readonly { kind: FindingKind; digits: string; pieces?: readonly Span[] }[], covered: (g: Group) => boolean, emit: Emit): void {
  const shorts = new Map<string, { kind: FindingKind; turn: number }[]>();
  for (const f of found) {
    if (!SHORT_KINDS.has(f.kind) || f.digits.length < 3 || f.digits.length > 4 || !f.pieces?.length) continue;
    const s = { kind: f.kind, turn: doc.tokens[tokenAt(doc, f.pieces[0]!.start)]!.turn };
    const list = shorts.get(f.digits);
    if (list) list.push(s);
    else shorts.set(f.digits, [s]);
  }
  if (shorts.size === 0) return;
  for (const run of runs) {
    if (digitCount(run) < 3 || digitCount(run) > 4) continue;
    const turn = doc.tokens[run.first]!.turn;
    let digits = '';
    for (const g of run.groups) digits += g.digits;
    const match = shorts.get(digits)?.find((s) => turn > s.turn && turn - s.turn <= SHORT_ECHO_TURNS);
    if (!match || run.groups.some(covered)) continue;
    if (claimOf(doc, run, labelBefore(doc, doc.tokens[run.first]!.start), match.kind) === null) emit(match.kind, run.groups);
  }
}
