import Decimal from 'decimal.js';

/** Money is a decimal string plus ISO 4217 currency, never a float (DESIGN.md non-negotiable 6). */
export type Money = { amount: string; currency: string };

const CURRENCY = /^[A-Z]{3}$/;

/**
 * Converts a number or numeric string to a fixed two-place decimal string without float error.
 * `349.5` → `"349.50"`; `"1,234.5"` → `"1234.50"`. Returns undefined when the input is not a number.
 * Numbers go through their shortest round-trip text (String(n)), so 0.1 + 0.2 style noise never appears.
 */
export function toDecimalString(value: unknown, places = 2): string | undefined {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return undefined;
    return new Decimal(String(value)).toFixed(places);
  }
  if (typeof value !== 'string') return undefined;
  const cleaned = value.trim().replace(/^[A-Z]{3}\s*/i, '').replace(/^[$£€]/, '').replace(/,/g, '');
  if (!/^-?\d+(\.\d+)?$/.test(cleaned)) return undefined;
  return new Decimal(cleaned).toFixed(places);
}

export function isCurrency(code: unknown): code is string {
  return typeof code === 'string' && CURRENCY.test(code);
}

export function compareMoney(a: string, b: string): number {
  return new Decimal(a).comparedTo(new Decimal(b));
}

export function sumMoney(amounts: readonly string[]): string {
  return amounts.reduce((acc, x) => acc.plus(new Decimal(x)), new Decimal(0)).toFixed(2);
}

export function formatMoney(m: Money): string {
  return `${m.currency} ${m.amount}`;
}
