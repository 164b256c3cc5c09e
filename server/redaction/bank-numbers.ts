import { isLikelyCard } from './card-numbers.js';
import { abaChecksum, ibanMod97 } from './checksums.js';
import { groupLengths, hasInnerSep, isNzBankShape, isPhoneShape, STRONG_SEPS } from './number-shapes.js';
import type { Segment, SegmentContext, Verdict } from './findings.js';
import type { Span } from './tokens.js';

// Bank details: AU BSB + account, NZ 2-4-7-2/3 accounts, UK sort code + account, US routing + account, IBANs.

// IBAN lengths per country (SWIFT IBAN registry); a known country code keeps prose like "at12…" out.
const IBAN_LENGTHS: Record<string, number> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BR: 29, CH: 21, CR: 22, CY: 28,
  CZ: 24, DE: 22, DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18, FO: 18, FR: 27, GB: 22, GE: 22, GI: 23,
  GL: 18, GR: 27, GT: 28, HR: 21, HU: 28, IE: 22, IL: 23, IS: 26, IT: 27, JO: 30, KW: 30, KZ: 20, LB: 28,
  LC: 32, LI: 21, LT: 20, LU: 20, LV: 21, MC: 27, MD: 24, ME: 22, MK: 19, MR: 27, MT: 31, MU: 30, NL: 18,
  NO: 15, PK: 24, PL: 28, PS: 29, PT: 25, QA: 29, RO: 24, RS: 22, SA: 24, SE: 24, SI: 19, SK: 24, SM: 27,
  TN: 24, TR: 26, UA: 29, VG: 24, XK: 20,
};

const isAlnum = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** Reads up to 34 IBAN characters from i, allowing single spaces or dashes (or a line break) between groups. */
function readIban(text: string, i: number): Span | null {
  let chars = '';
  const cuts: { len: number; end: number }[] = [];
  let j = i;
  while (j < text.length && chars.length < 34) {
    const c = text.charCodeAt(j);
    if (isAlnum(c)) {
      chars += text[j]!.toUpperCase();
      j++;
      continue;
    }
    cuts.push({ len: chars.length, end: j });
    const sep = text[j];
    if ((sep === ' ' || sep === '-') && j + 1 < text.length && isAlnum(text.charCodeAt(j + 1))) j++;
    else if (sep === '\n') {
      // Wrapped onto the next line ("iban: GB03 BARC 2004 5571" / " 8822 63"); the check digits decide.
      let k = j + 1;
      while (text[k] === ' ') k++;
      if (k < text.length && isAlnum(text.charCodeAt(k))) j = k;
      else break;
    } else break;
  }
  if (cuts.length === 0 || cuts[cuts.length - 1]!.end !== j) cuts.push({ len: chars.length, end: j });
  const expected = IBAN_LENGTHS[chars.slice(0, 2)];
  if (expected === undefined) return null;
  const exact = cuts.find((c) => c.len === expected);
  if (exact && ibanMod97(chars.slice(0, expected))) return { start: i, end: exact.end };
  for (let k = cuts.length - 1; k >= 0; k--) {
    const c = cuts[k]!;
    if (c.len >= 15 && ibanMod97(chars.slice(0, c.len))) return { start: i, end: c.end };
  }
  return null;
}

/**
 * Every mod-97-valid IBAN in the text, written compact or in groups (GB82 WEST 1234 5698 7654 32), and
 * where IBAN-like starts (two letters, two digits) stand at all, for the misread ones (canonical-bank.ts).
 */
export function findIbans(text: string): Span[] & { starts: number[] } {
  const spans = Object.assign([] as Span[], { starts: [] as number[] });
  const starts = /(?<![A-Za-z0-9])[A-Za-z]{2}\d{2}/g;
  for (let m = starts.exec(text); m; m = starts.exec(text)) {
    spans.starts.push(m.index);
    const span = readIban(text, m.index);
    if (span) {
      spans.push(span);
      starts.lastIndex = span.end;
    }
  }
  return spans;
}

/** Number of groups forming a dashed BSB (3-3) or sort code (2-2-2) at the start of the segment, or null. */
function branchPrefix(seg: Segment): number | null {
  const g = seg.groups;
  const dashed = (n: number): boolean => g.slice(1, n).every((x) => x.sep === 'dash') && g.slice(0, n).every((x) => !x.spoken);
  if (g.length >= 2 && g[0]!.digits.length === 3 && g[1]!.digits.length === 3 && dashed(2)) return 2;
  if (g.length >= 3 && g[0]!.digits.length === 2 && g[1]!.digits.length === 2 && g[2]!.digits.length === 2 && dashed(3)) return 3;
  return null;
}

function hasStrongSeparator(seg: Segment): boolean {
  return hasInnerSep(seg.groups, STRONG_SEPS);
}

const BANK_TRAIL = new Set(['bsb', 'sort_code', 'routing_number']);

/** BSB, sort code, routing number and bank account decisions for one segment. */
export function classifyBank(seg: Segment, ctx: SegmentContext): Verdict {
  const d = seg.digits;
  const L = d.length;
  const phone = isPhoneShape(d, false);
  if (ctx.lab === 'bsb' && L === 6) return 'bsb';
  if (ctx.lab === 'sort' && L === 6) return 'sort_code';
  // "sc: 30-54-98": UK forms write s/c for the sort code; a security code is never six digits in pairs.
  if (ctx.lab === 'cvv' && L === 6 && groupLengths(seg.groups) === '2-2-2' && !ctx.strict) return 'sort_code';
  if (ctx.lab === 'routing' && L === 9 && abaChecksum(d)) return 'routing_number';
  // An IBAN read aloud ("G B eight two W E S T one two three …") never matches the written pattern;
  // under an IBAN label its long digit stretch is the account part (the check digits alone are not).
  if (ctx.lab === 'iban' && !ctx.strict && L >= 6 && !phone && !isLikelyCard(d)) return 'iban';
  if (ctx.lab !== 'account' && ctx.bankWindow && L === 6 && !ctx.strict) {
    // "bank details are 012-003 and …": the 3-3 (AU) or 2-2-2 (UK) layout names the branch code.
    const shape = groupLengths(seg.groups);
    if (shape === '3-3') return 'bsb';
    if (shape === '2-2-2') return 'sort_code';
  }
  if (ctx.lab === 'account' || ctx.lab === 'bank') {
    // "bank account is 013-006 4455 6677": a dashed 3-3 (AU BSB) or 2-2-2 (UK sort code) opening names
    // the branch; the rest is the account (see trail below).
    const branch = branchPrefix(seg);
    if (branch !== null) return branch === seg.groups.length ? (seg.groups.length === 2 ? 'bsb' : 'sort_code') : null;
  }
  if (ctx.lab === 'account') {
    // "account" alone is enough for 6–17 digits (AU 6–10, US up to 17); 4–5 digit US accounts need bank words.
    const size = (L >= 6 && L <= 17) || (L >= 4 && ctx.bankWindow);
    if (size && !(phone && ctx.phoneWindow)) return 'bank_account';
  }
  // Bank words without "account" ("my bank details are …") claim one plain AU-sized number only.
  if (ctx.lab === 'bank' && !ctx.strict && L >= 6 && L <= 10 && !phone && !hasStrongSeparator(seg)) return 'bank_account';
  if (ctx.strict) return null;
  if (ctx.trail && BANK_TRAIL.has(ctx.trail) && !ctx.lab && L >= 4 && L <= 17) return 'bank_account';
  return isNzBankShape(seg.groups) ? 'bank_account' : null;
}
