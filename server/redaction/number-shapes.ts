import type { Group } from './spoken-digits.js';

// Shapes of the numbers the rule says to KEEP (phones, dates, amounts) and of the few sensitive
// numbers whose written layout alone identifies them (NZ bank accounts, US SSNs).

const PHONE_PATTERNS: readonly RegExp[] = [
  /^0[23478]\d{8}$/, // AU landline and mobile: 02 9000 1234, 0412 345 678
  /^1[38]00\d{6}$/, // AU 1300 / 1800
  /^13\d{4}$/, // AU 13 xx xx
  /^0\d{8,10}$/, // NZ 021 123 4567, 09 123 4567; UK 07700 900123, 020 7946 0958
  /^(61|64|44)\d{8,10}$/, // country code written without "+"
  /^1?[2-9]\d{2}[2-9]\d{6}$/, // US (415) 555-0134, 1 415 555 0134
  /^00\d{8,14}$/, // international prefix 00
];

/** Written like a phone number in one of the four markets; a leading "+" makes any 8–15 digits a phone. */
export function isPhoneShape(digits: string, plus: boolean): boolean {
  if (plus) return digits.length >= 8 && digits.length <= 15;
  for (const p of PHONE_PATTERNS) if (p.test(digits)) return true;
  return false;
}

const DATE_SEPS = new Set(['slash', 'dash', 'dot']);

/** 12/04, 12/04/2025, 2025-11-27, 27.11.25, or anything with a month name ("April 2027"). */
export function isDateShape(groups: readonly Group[]): boolean {
  if (groups.length < 2 || groups.length > 3) return false;
  if (groups.some((g) => g.month)) return groups.every((g) => g.month || g.digits.length <= 2 || g.digits.length === 4);
  for (let i = 1; i < groups.length; i++) if (!DATE_SEPS.has(groups[i]!.sep)) return false;
  const lens = groups.map((g) => g.digits.length);
  const small = (n: number | undefined): boolean => n === 1 || n === 2;
  // "2028-09" (a year and a month, ISO), "2023-24" (a financial year).
  if (lens.length === 2 && lens[0] === 4 && lens[1] === 2 && /^(19|20)\d\d$/.test(groups[0]!.digits)) {
    const m = Number(groups[1]!.digits);
    return (m >= 1 && m <= 12) || m === (Number(groups[0]!.digits) + 1) % 100;
  }
  if (lens[0] === 4) return lens.length === 3 && small(lens[1]) && small(lens[2]);
  if (!small(lens[0]) || !small(lens[1])) return false;
  return lens.length === 2 || lens[2] === 2 || lens[2] === 4;
}

/**
 * A whole calendar date with a four-digit year: "15/08/2024", "1 Aug 2024", "August 1, 2024", "2024.08.15".
 * No bank detail, card or expiry is written this way (sort codes and BSBs are 2-2-2 or 3-3 with dashes,
 * expiries have no day), so it is a date whatever was asked before it.
 */
export function isFullDate(groups: readonly Group[]): boolean {
  if (groups.length !== 3) return false;
  const yearAt = [0, 2].find((i) => groups[i]!.digits.length === 4 && /^(19|20)\d\d$/.test(groups[i]!.digits));
  if (yearAt === undefined) return false;
  const rest = groups.filter((_, i) => i !== yearAt);
  if (rest.some((g) => g.month)) return rest.every((g) => g.month || (g.digits.length <= 2 && Number(g.digits) >= 1 && Number(g.digits) <= 31));
  // ISO dates lead with the year and use dashes: "2024-09-30".
  const iso = yearAt === 0 && groups.slice(1).every((g) => g.sep === 'dash');
  if (!iso && !groups.slice(1).every((g) => g.sep === 'slash' || g.sep === 'dot')) return false;
  const [a, b] = rest.map((g) => (g.digits.length <= 2 ? Number(g.digits) : 99));
  return a! >= 1 && b! >= 1 && ((a! <= 12 && b! <= 31) || (a! <= 31 && b! <= 12));
}

/** "01/04/2025 - 30/06/2025": two full dates joined by a dash, a period of time. */
export function isDateRange(groups: readonly Group[]): boolean {
  return groups.length === 6 && groups[3]!.sep === 'dash' && isFullDate(groups.slice(0, 3)) && isFullDate(groups.slice(3));
}

/** $1,234.50 or 349.00 written without a currency word: thousands commas and/or two decimals. */
export function isAmountShape(source: string): boolean {
  return /^\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?$|^\d+\.\d{2}$/.test(source);
}

/** NZ bank account layout bank-branch-account-suffix: 2-4-7-2 or 2-4-7-3 (e.g. 12-3140-0171323-00). */
export function isNzBankShape(groups: readonly Group[]): boolean {
  if (groups.length !== 4 || groups.some((g) => g.spoken)) return false;
  const lens = groups.map((g) => g.digits.length).join('-');
  if (lens !== '2-4-7-2' && lens !== '2-4-7-3') return false;
  return groups.slice(1).every((g) => g.sep === 'dash' || g.sep === 'space');
}

/** Written AAA-GG-SSSS (dashes or spaces), the US SSN/ITIN layout. */
export function isSsnLayout(groups: readonly Group[]): boolean {
  if (groups.length !== 3 || groups.some((g) => g.spoken)) return false;
  const [a, b, c] = groups as [Group, Group, Group];
  return a.digits.length === 3 && b.digits.length === 2 && c.digits.length === 4 && b.sep === c.sep && (b.sep === 'dash' || b.sep === 'space');
}

export function groupLengths(groups: readonly Group[]): string {
  return groups.map((g) => g.digits.length).join('-');
}

/** True when a separator of `kinds` sits between two groups of the segment (the first group's own sep is outside it). */
export function hasInnerSep(groups: readonly Group[], kinds: ReadonlySet<string>): boolean {
  for (let i = 1; i < groups.length; i++) if (kinds.has(groups[i]!.sep)) return true;
  return false;
}

export const STRONG_SEPS: ReadonlySet<string> = new Set(['comma', 'and', 'turn']);
