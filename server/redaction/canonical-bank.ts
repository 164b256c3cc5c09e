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

function pairs(text: string, re: RegExp, branch: FindingKind, out: KindSpan[]): void {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const accountAt = m.index + m[1]!.length + m[2]!.length;
    out.push({ kind: branch, start: m.index, end: m.index + m[1]!.length });
    out.push({ kind: 'bank_account', start: accountAt, end: accountAt + m[3]!.length });
  }
}

// An IBAN as printed, in groups of four after the country and check digits; a misread one fails mod-97
// but is still an IBAN (bank-numbers.ts finds the valid ones).
// A roll number as building societies print it: "R/527731-06".
const ROLL_SHAPE = /(?<![\w/])[A-Z]\/\d{6}-\d{2}(?![\w-])/g;
const IBAN_GROUPED = /\b(?:GB|IE|DE|FR|NL|ES|IT|BE|AT|CH|PT|LU|PL|SE|DK|NO|FI)\d{2}(?: [A-Z0-9]{4}){2,7}(?: [A-Z0-9]{1,3})?\b/g;

/** Every canonical bank layout in the text, sorted by start. */
export function findCanonicalBank(text: string): KindSpan[] {
  const out: KindSpan[] = [];
  if (!/\d[- ]?\d/.test(text)) return out;
  NZ.lastIndex = 0;
  for (let m = NZ.exec(text); m; m = NZ.exec(text)) out.push({ kind: 'bank_account', start: m.index, end: m.index + m[0].length });
  pairs(text, AU_PAIR, 'bsb', out);
  pairs(text, UK_PAIR, 'sort_code', out);
  ROLL.lastIndex = 0;
  for (let m = ROLL.exec(text); m; m = ROLL.exec(text)) {
    const end = m.index + m[0].length;
    out.push({ kind: 'bank_account', start: end - m[1]!.length, end });
  }
  ROLL_SHAPE.lastIndex = 0;
  for (let m = ROLL_SHAPE.exec(text); m; m = ROLL_SHAPE.exec(text)) out.push({ kind: 'bank_account', start: m.index, end: m.index + m[0].length });
  IBAN_GROUPED.lastIndex = 0;
  for (let m = IBAN_GROUPED.exec(text); m; m = IBAN_GROUPED.exec(text)) out.push({ kind: 'iban', start: m.index, end: m.index + m[0].length });
  out.sort((a, b) => a.start - b.start);
  return out.filter((x, i) => i === 0 || x.start >= out[i - 1]!.end);
}
