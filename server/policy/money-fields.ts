// Field words that mean money or a customer's money commitment. A purchase order number counts: it is the
// customer's authority to spend, and an invoice quoting the wrong PO is rejected by their accounts payable.
// Billing address counts too: redirecting invoices is the classic invoice-fraud request.
const MONEY_WORDS = new Set([
  'total', 'subtotal', 'price', 'pricing', 'amount', 'cost', 'fee', 'fees', 'charge', 'rate', 'payment', 'pay',
  'paid', 'invoice', 'invoiced', 'discount', 'credit', 'refund', 'tax', 'gst', 'vat', 'terms', 'due', 'deposit',
  'balance', 'billing', 'currency', 'quote', 'purchase', 'po', 'subscription',
]);

// Words for how people get into a site, and for what binds the business legally.
const LEGAL_OR_ACCESS_WORDS = new Set([
  'access', 'gate', 'key', 'keys', 'lockbox', 'alarm', 'code', 'pin', 'password', 'entry', 'legal', 'contract',
  'warranty', 'liability', 'consent', 'owner', 'ownership', 'abn', 'signature', 'authority',
]);

/** "jobAddress", "Job Address", "job-address" → ["job", "address"]. */
export function fieldWords(field: string): string[] {
  return field
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/**
 * True when changing this job field changes money or a money commitment (amounts, payment, invoice, discount,
 * credit, refund, tax, terms, due dates, billing address, purchase order). Such changes always go to a person.
 * @example isMoneyChangingField('job_address') // false
 */
export function isMoneyChangingField(field: string): boolean {
  return fieldWords(field).some((w) => MONEY_WORDS.has(w));
}

/** True when the field governs site access or legal terms (gate codes, keys, contracts, warranty). */
export function isLegalOrAccessField(field: string): boolean {
  return fieldWords(field).some((w) => LEGAL_OR_ACCESS_WORDS.has(w));
}
