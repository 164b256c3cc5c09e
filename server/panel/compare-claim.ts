import Decimal from 'decimal.js';
import type { ClaimView, Mismatch, MismatchKind, RecordView } from './view-types.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** `2025-11-03 10:14:22` → `3 Nov 2025`: read by people, on a phone. */
const shortDate = (ts: string) => { const [y, m, d] = ts.slice(0, 10).split('-'); return `${Number(d)} ${MONTHS[Number(m) - 1] ?? m} ${y}`; };

const LABEL: Record<MismatchKind, string> = {
  amount_differs: 'Amount differs', duplicate_payment: 'Possible duplicate payment', claimed_paid_not_recorded: 'Payment not recorded',
  claimed_unpaid_but_paid: 'Already paid', currency_differs: 'Currency differs',
};
const mismatch = (kind: MismatchKind, message: string): Mismatch => ({ kind, label: LABEL[kind], message });

/** Two payments are "the same" when amount and method agree (record-view marks them, this file reports them). */
export const samePaymentKey = (p: { amount: { amount: string }; method: string }) => `${new Decimal(p.amount.amount).toFixed(2)}|${p.method.toLowerCase()}`;

/** Same amount, same method, both active: the "charged twice" pattern staff must see at a glance. */
function duplicatePayments(record: RecordView): Mismatch[] {
  const seen = new Map<string, string[]>();
  for (const p of record.payments) {
    const key = samePaymentKey(p);
    seen.set(key, [...(seen.get(key) ?? []), shortDate(p.timestamp)]);
  }
  return [...seen.entries()].filter(([, dates]) => dates.length > 1).map(([key, dates]) => mismatch('duplicate_payment',
    `The same payment is recorded ${dates.length} times: ${record.invoiceTotal.currency} ${key.split('|')[0]} on ${dates.join(' and ')}.`));
}

/**
 * Pure comparison of what the caller claims with what ServiceM8 records: amount differs, the same payment
 * recorded twice, claimed paid but nothing recorded, claimed unpaid but fully paid. Decimal maths only.
 */
export function compareClaim(claim: ClaimView, record: RecordView): Mismatch[] {
  const out: Mismatch[] = [];
  const total = new Decimal(record.invoiceTotal.amount || '0');
  if (claim.amount) {
    if (claim.amount.currency !== record.invoiceTotal.currency) {
      out.push(mismatch('currency_differs', `Caller spoke of ${claim.amount.currency}; ServiceM8 records ${record.invoiceTotal.currency}.`));
    } else if (!new Decimal(claim.amount.amount).equals(total) && !total.isZero()) {
      out.push(mismatch('amount_differs', `Caller says ${claim.amount.currency} ${claim.amount.amount}; the invoice total is ${record.invoiceTotal.currency} ${total.toFixed(2)}.`));
    }
  }
  out.push(...duplicatePayments(record));
  if (claim.paymentStatus === 'paid' && record.payments.length === 0) {
    out.push(mismatch('claimed_paid_not_recorded', 'Caller says they paid, but ServiceM8 has no payment recorded for this job.'));
  }
  if (claim.paymentStatus === 'unpaid' && record.paymentReceived) {
    out.push(mismatch('claimed_unpaid_but_paid', 'Caller says it is unpaid, but ServiceM8 marks this job fully paid.'));
  }
  return out;
}
