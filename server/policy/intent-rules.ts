import type { Intent } from '../domain/call-outcome.js';

export type IntentRule = {
  /** What the caller asked, in words a technician reads. */
  words: string;
  /** Tell technicians not to collect payment while finance sorts it out. */
  holdPayment?: boolean;
};

/**
 * How each DialNexa intent reads (contracts/dialnexa-webhooks.md, `intent`). What finance does about
 * money is not here but in MONEY_RULES, keyed by the money request the call makes.
 */
export const INTENT_RULES: Record<Intent, IntentRule> = {
  billing_question: { words: 'Billing question' },
  refund_request: { words: 'Refund request', holdPayment: true },
  dispute: { words: 'Billing dispute', holdPayment: true },
  chargeback: { words: 'Chargeback', holdPayment: true },
  document_resend: { words: 'Document resend request' },
  payment_status: { words: 'Payment status question' },
  payment_update: { words: 'Payment details update' },
  subscription_change: { words: 'Subscription change' },
  failed_renewal: { words: 'Failed renewal' },
  duplicate_charge: { words: 'Duplicate charge', holdPayment: true },
  collections: { words: 'Collections call' },
  job_change: { words: 'Job change request' },
  other: { words: 'Billing call' },
  unknown: { words: 'Call with no clear request' },
};
