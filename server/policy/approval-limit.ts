import type { Money } from '../domain/money.js';
import { compareMoney, formatMoney } from '../domain/money.js';

const DECIMAL = /^\d+(\.\d+)?$/;

export type LimitCheck =
  | { kind: 'within'; detail: string }
  | { kind: 'unknown_amount'; detail: string }
  | { kind: 'above_threshold'; detail: string };

/**
 * Compares a requested refund or credit with the account's approval threshold as decimals (never floats):
 * equal to the limit is within it; another currency cannot be compared and so is not within policy.
 */
export function checkApprovalLimit(amount: Money | undefined, limit: Money): LimitCheck {
  const value = amount?.amount.trim() ?? '';
  if (!amount || !DECIMAL.test(value) || compareMoney(value, '0') <= 0) {
    return { kind: 'unknown_amount', detail: 'the amount was not stated clearly on the call' };
  }
  const asked = formatMoney({ amount: value, currency: amount.currency });
  if (!DECIMAL.test(limit.amount.trim())) {
    return { kind: 'above_threshold', detail: `${asked} cannot be checked: the approval limit is not set correctly` };
  }
  if (amount.currency.toUpperCase() !== limit.currency.toUpperCase()) {
    return { kind: 'above_threshold', detail: `${asked} is not in ${limit.currency}, the currency of the approval limit` };
  }
  if (compareMoney(value, limit.amount.trim()) > 0) {
    return { kind: 'above_threshold', detail: `${asked} is above the ${formatMoney(limit)} approval limit` };
  }
  return { kind: 'within', detail: `${asked} is within the ${formatMoney(limit)} approval limit` };
}
