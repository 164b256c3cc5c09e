import type { FindingKind } from './findings.js';
import type { Span } from './tokens.js';

// Bank details whose printed layout alone identifies them (issue 12: "canonical bank formats go with
// or without a label"): NZ accounts as every NZ invoice prints them (bank-branch-account-suffix,
// 2-4-7-2 or 2-4-7-3), an AU BSB followed by its account, a UK sort code followed by its 8-digit
// account, and building-society roll numbers after their label (letters and slashes included).

export type KindSpan = Span & { kind: FindingKind };

const NZ = /(?<![\w-])\d{2}([- ])\d{4}\1\d{7}\1\d{2,3}(?![\w-])/g;
const AU_PAIR = /(?<![\w-])(\d{3}-\d{3})(\s*[,/]\s*|\s+)(\d{6,10})(?![\w-])/g;
const UK_PAIR = /(?<![\w-])(\d{2}-\d{2}-\d{2})(\s*[,/]\s*|\s+)(\d{8})(?![\w-])/g;
const ROLL = /\b(?:roll[ _](?:number|no)|building[ _]society[ _](?:roll[ _]number|reference|ref|account(?:[ _]number)?))\b(?:\s+(?:back|again|is|was|as))?[\s:#.,-]*(?:(?:is|was|it's)\s+)?([A-Za-z]{0,3}[/. -]?\d[\d/. -]{4,}\d[A-Za-z]?)/gi;

function pair(m: RegExpExecArray, offset: number, branch: FindingKind, out: KindSpan[]): void {
  const at = offset + m.index;
  const accountAt = at + m[1]!.length + m[2]!.length;
  out.push({ kind: branch, start: at, end: at + m[1]!.length });
  out.push({ kind: 'bank_account', start: accountAt, end: accountAt + m[3]!.length });
}

// An IBAN as printed, in groups of four after the country and check digits; a misread one fails mod-97
// but is still an IBAN (bank-numbers.ts finds the valid ones).
const ROLL_HINT = /[Rr][Oo][Ll][Ll]|[Ss][Oo][Cc][Ii][Ee][Tt][Yy]/;
// A roll number as building societies print it: "R/527731-06".
const ROLL_SHAPE = /(?<![\w/])[A-Z]\/\d{6}-\d{2}(?![\w-])/g;
const IBAN_GROUPED = /(?:GB|IE|DE|FR|NL|ES|IT|BE|AT|CH|PT|LU|PL|SE|DK|NO|FI)\d{2}(?: [A-Z0-9]{4}){2,7}(?: [A-Z0-9]{1,3})?\b/y;

/** Runs pattern `re` (global) on a window around each long digit run only, mapping matches back. */
function aroundLongRuns(text: string, longRuns: readonly number[], re: RegExp, onMatch: (m: RegExpExecArray, offset: number) => void): void {
  let done = -1;
  for (let i = 0; i < longRuns.length; i += 2) {
    const from = Math.max(done, longRuns[i]! - 14);
    const to = Math.min(text.length, longRuns[i + 1]! + 6);
    if (to <= from) continue;
    const window = text.slice(from, to);
    re.lastIndex = 0;
    for (let m = re.exec(window); m; m = re.exec(window)) onMatch(m, from);
    done = to;
  }
}

/** Every canonical bank layout in the text, sorted by start; `ibanStarts` from findIbans. */
export function findCanonicalBank(text: string, ibanStarts: readonly number[]): KindSpan[] {
  const out: KindSpan[] = [];
  // Every layout holds a run of six or more digits (NZ 7, AU 6-10, UK 8): a plain scan finds them, and
  // the layout patterns run only around them (tried on the whole text they cost ~50 µs per 10 KB).
  const longRuns = longDigitRuns(text);
  if (longRuns.length > 0) {
    aroundLongRuns(text, longRuns, NZ, (m, o) => out.push({ kind: 'bank_account', start: o + m.index, end: o + m.index + m[0].length }));
    aroundLongRuns(text, longRuns, AU_PAIR, (m, o) => pair(m, o, 'bsb', out));
    aroundLongRuns(text, longRuns, UK_PAIR, (m, o) => pair(m, o, 'sort_code', out));
    if (text.includes('/')) aroundLongRuns(text, longRuns, ROLL_SHAPE, (m, o) => out.push({ kind: 'bank_account', start: o + m.index, end: o + m.index + m[0].length }));
  }
  ROLL.lastIndex = 0;
  if (ROLL_HINT.test(text)) for (let m = ROLL.exec(text); m; m = ROLL.exec(text)) {
    const end = m.index + m[0].length;
    out.push({ kind: 'bank_account', start: end - m[1]!.length, end });
  }
  // The country alternatives are slow to try at every word: only where findIbans saw a start.
  for (const at of ibanStarts) {
    IBAN_GROUPED.lastIndex = at;
    const m = IBAN_GROUPED.exec(text);
    if (m && m.index === at) out.push({ kind: 'iban', start: at, end: at + m[0].length });
  }
  if (out.length < 2) return out;
  out.sort((a, b) => a.start - b.start);
  const kept: KindSpan[] = [];
  for (const x of out) if (kept.length === 0 || x.start >= kept[kept.length - 1]!.end) kept.push(x);
  return kept;
}

/** [start, end) pairs of every run of six or more ASCII digits, by a plain scan (cheaper than a pattern). */
function longDigitRuns(text: string): number[] {
  const out: number[] = [];
  let from = -1;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 0;
    if (c >= 48 && c <= 57) {
      if (from < 0) from = i;
    } else if (from >= 0) {
      if (i - from >= 6) out.push(from, i);
      from = -1;
    }
  }
  return out;
}
