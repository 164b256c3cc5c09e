import type { Money } from './money.js';

/** The intents a DialNexa billing agent extracts (contracts/dialnexa-webhooks.md, analysis keys). */
export const INTENTS = [
  'billing_question', 'refund_request', 'dispute', 'chargeback', 'document_resend', 'payment_status',
  'payment_update', 'subscription_change', 'failed_renewal', 'duplicate_charge', 'collections',
  'job_change', 'other', 'unknown',
] as const;
export type Intent = (typeof INTENTS)[number];

export const PAYMENT_STATUSES = ['paid', 'unpaid', 'partially_paid', 'failed', 'refunded', 'unknown'] as const;
export type ClaimedPaymentStatus = (typeof PAYMENT_STATUSES)[number];

export const DOCUMENT_KINDS = ['invoice', 'receipt', 'statement', 'tax_form', 'payment_link'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** What a caller asked to change on a job (free text fields are redacted). */
export type JobChangeRequest = { field: string; oldValue?: string; newValue?: string; reason?: string };

/** Post-call analysis in domain terms. Every string here has been through redaction before storage. */
export type CallAnalysis = {
  intent: Intent;
  intentConfidence?: number;
  customerName?: string;
  customerEmail?: string;
  accountRef?: string;
  invoiceNumber?: string;
  jobNumber?: string;
  paymentId?: string;
  subscriptionId?: string;
  taxRegion?: string;
  amount?: Money;
  dueDate?: string;
  paymentStatus?: ClaimedPaymentStatus;
  callerClaim?: string;
  refundReason?: string;
  disputeReason?: string;
  creditRequest?: string;
  documentKind?: DocumentKind;
  documentRecipientEmail?: string;
  documentRecipientPhone?: string;
  jobChange?: JobChangeRequest;
  promisedNextStep?: string;
  nextStepOwner?: string;
  followUpDeadline?: string;
  vip?: boolean;
  callerVerified?: boolean;
  sensitiveRequest?: boolean;
  links: { crm?: string; supportTicket?: string; paymentPlatform?: string };
};

export type CallStatus = 'completed' | 'hangup' | 'in_progress' | 'failed' | 'unknown';

/**
 * What one DialNexa delivery tells us about one call, whatever envelope it came in.
 * `kind`: `outcome` carries call fields (maybe analysis); `notification` says details are ready to fetch;
 * `ignored` is an event the add-on acknowledges and does not act on.
 */
export type CallOutcome = {
  kind: 'outcome' | 'notification' | 'ignored';
  event: string;
  providerCallId: string;
  /** Higher wins; derived from the event's stage and timestamp so later events enrich earlier ones. */
  revision: number;
  direction?: 'inbound' | 'outbound';
  fromNumber?: string;
  toNumber?: string;
  agentId?: string;
  status: CallStatus;
  startedAt?: string;
  durationSeconds?: number;
  summary?: string;
  transcript?: string;
  transcriptUrl?: string;
  hasRecording: boolean;
  hangupReason?: string;
  analysis?: CallAnalysis;
};
