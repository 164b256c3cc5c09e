import type { Intent } from '../domain/call-outcome.js';

export type IntentRule = {
  /** What the caller asked, in words a technician reads. */
  words: string;
  /** Tell technicians not to collect payment while finance sorts it out. */
  holdPayment?: boolean;
  /** Always an escalation to the finance owner, with this reason. */
  escalate?: string;
  /** An escalation when urgent (VIP, or a deadline inside the default follow-up window). */
  escalateWhenUrgent?: boolean;
  /** Stops a VIP client paying or being charged correctly: escalated for VIPs. */
  vipBlocker?: boolean;
  /** A finance follow-up that changes nothing by itself. */
  followUp?: string;
  /** A step that changes what the customer pays or has agreed to: always waits for a person. */
  moneyStep?: string;
};

/** How each DialNexa intent is handled (contracts/dialnexa-webhooks.md, `intent`). */
export const INTENT_RULES: Record<Intent, IntentRule> = {
  billing_question: { words: 'Billing question' },
  refund_request: { words: 'Refund request', holdPayment: true },
  dispute: { words: 'Billing dispute', holdPayment: true, escalate: 'billing disputes are owned by finance' },
  chargeback: { words: 'Chargeback', holdPayment: true, vipBlocker: true, escalate: 'chargebacks are owned by finance' },
  document_resend: { words: 'Document resend request' },
  payment_status: { words: 'Payment status question' },
  payment_update: {
    words: 'Payment details update',
    vipBlocker: true,
    followUp: 'Update the payment details with the customer through a secure channel (never over the phone or in a note)',
  },
  subscription_change: { words: 'Subscription change', moneyStep: 'Change the subscription as the caller asked' },
  failed_renewal: { words: 'Failed renewal', vipBlocker: true, escalateWhenUrgent: true },
  duplicate_charge: {
    words: 'Duplicate charge',
    holdPayment: true,
    vipBlocker: true,
    escalate: 'duplicate charges are owned by finance',
  },
  collections: { words: 'Collections call', escalate: 'collections calls are sensitive and owned by finance' },
  job_change: { words: 'Job change request' },
  other: { words: 'Billing call' },
  unknown: { words: 'Call with no clear request' },
};
