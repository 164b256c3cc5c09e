import Decimal from 'decimal.js';
import type { Money } from '../../domain/money.js';

/** An amount found in free text, where it was, and what the words around it say it is. */
export type FoundAmount = { money: Money; start: number; end: number };

// Currency marks callers and DialNexa write in AU, NZ, UK and US phrasing. A bare "$" is the account's
// currency: an Australian caller's "$140" is AUD, a New Zealander's is NZD.
const PREFIXES: [RegExp, string | undefined][] = [
  [/^(?:A\$|AU\$|AUD\s*\$?)$/i, 'AUD'], [/^(?:NZ\$|NZD\s*\$?)$/i, 'NZD'], [/^(?:US\$|USD\s*\$?)$/i, 'USD'],
  [/^(?:£|GBP\s*£?)$/i, 'GBP'], [/^(?:€|EUR\s*€?)$/i, 'EUR'], [/^\$$/, undefined],
];
const SUFFIXES: [RegExp, string | undefined][] = [
  [/^(?:aud|australian dollars?)$/i, 'AUD'], [/^(?:nzd|nz dollars?)$/i, 'NZD'], [/^(?:usd)$/i, 'USD'],
  [/^(?:gbp|pounds?|quid)$/i, 'GBP'], [/^(?:eur|euros?)$/i, 'EUR'], [/^(?:dollars?|bucks)$/i, undefined],
];

// A number with optional thousands separators and cents, led by a currency mark or followed by a
// currency word; a number with neither is a count or a date, never money.
const AMOUNT = /(A\$|AU\$|NZ\$|US\$|AUD\s*\$?|NZD\s*\$?|USD\s*\$?|GBP\s*£?|EUR\s*€?|[$£€])\s?(\d{1,3}(?:,\d{3})+|\d+)(\.\d{1,2})?(?:\s*(aud|nzd|usd|gbp|eur|dollars?|bucks|pounds?|quid|euros?)\b)?|\b(\d{1,3}(?:,\d{3})+|\d+)(\.\d{1,2})?\s*(aud|nzd|usd|gbp|eur|australian dollars?|nz dollars?|dollars?|bucks|pounds?|quid|euros?)\b/gi;

/**
 * Every amount of money in `text`, in order, as decimal strings (decimal.js, never floats): "$1,850",
 * "NZ$ 200", "£120.50", "140 dollars", "AUD 420". `currency` is the account's, for a bare "$".
 */
export function findAmounts(text: string, currency: string): FoundAmount[] {
  const out: FoundAmount[] = [];
  for (const m of text.matchAll(AMOUNT)) {
    const [, prefix, whole, cents, suffix, bareWhole, bareCents, bareSuffix] = m;
    const digits = (whole ?? bareWhole ?? '').replace(/,/g, '');
    const fraction = cents ?? bareCents ?? '';
    const code = currencyOf(prefix, PREFIXES) ?? currencyOf(suffix ?? bareSuffix, SUFFIXES) ?? currency;
    const amount = new Decimal(`${digits}${fraction}`).toFixed(2);
    out.push({ money: { amount, currency: code }, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

function currencyOf(mark: string | undefined, table: [RegExp, string | undefined][]): string | undefined {
  const text = mark?.trim();
  if (!text) return undefined;
  return table.find(([re]) => re.test(text))?.[1];
}

/** instalment × count as a two-place decimal string. */
export function times(m: Money, count: number): Money {
  return { amount: new Decimal(m.amount).times(count).toFixed(2), currency: m.currency };
}

/** total ÷ count, only when it splits into whole cents (else a person decides the instalments). */
export function splitEvenly(m: Money, count: number): Money | undefined {
  const each = new Decimal(m.amount).dividedBy(count);
  return each.decimalPlaces() <= 2 ? { amount: each.toFixed(2), currency: m.currency } : undefined;
}
