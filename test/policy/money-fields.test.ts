import { describe, expect, it } from 'vitest';
import { isLegalOrAccessField, isMoneyChangingField } from '../../server/policy/index.js';

describe('isMoneyChangingField', () => {
  it.each([
    'total', 'totalInvoiceAmount', 'price', 'amount', 'payment_terms', 'paymentReceived', 'invoice_sent', 'discount',
    'credit', 'refund', 'tax_rate', 'GST', 'terms', 'due_date', 'Due Date', 'deposit', 'billing_address',
    'purchase_order_number', 'purchaseOrderNumber', 'PO number', 'quote', 'subscription',
  ])('%s changes money', (field) => {
    expect(isMoneyChangingField(field)).toBe(true);
  });

  it.each(['job_address', 'jobAddress', 'description', 'job_description', 'work_done_description', 'status', 'category'])(
    '%s does not',
    (field) => {
      expect(isMoneyChangingField(field)).toBe(false);
    },
  );
});

describe('isLegalOrAccessField', () => {
  it.each(['gate code', 'access_instructions', 'lockbox', 'alarm pin', 'contract', 'warranty'])('%s is access or legal', (field) => {
    expect(isLegalOrAccessField(field)).toBe(true);
  });

  it.each(['job_address', 'description', 'price'])('%s is not', (field) => {
    expect(isLegalOrAccessField(field)).toBe(false);
  });
});
