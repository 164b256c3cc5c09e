/**
 * Realistic DialNexa billing calls for the sandbox: each builds a full envelope-A `call_ended` body
 * (contract, "The three envelopes") for an Australian plumbing and electrical business.
 * This is DialNexa's wire format on purpose (it is what the simulator sends), so it names wire fields.
 * Card data appears only as spoken words, never as digits, and only Visa's public TEST number.
 */

import { dayAfter, envelope } from './sample-envelope.js';
import { MONEY_SAMPLE_CALLS } from './money-sample-calls.js';

export type SampleCallOptions = {
  /** The customer's number as DialNexa sends it (no `+`): the caller, or the callee of the outbound hangup. Defaults: SAMPLE_PHONES. */
  customerNumber?: string;
  invoiceNumber?: string;
  /** `resend-invoice-on-file` only: what is asked for, whether the caller passed DialNexa's check, a recipient they name. */
  resend?: { kind?: 'Invoice' | 'Receipt' | 'Payment Link' | 'Statement'; verified?: boolean; email?: string };
};

export type SampleCall = {
  id: string;
  title: string;
  description: string;
  build(callId: string, now: Date, options?: SampleCallOptions): Record<string, unknown>;
};

/**
 * Numbers the sandbox seed should know. Apart from the job-1042 client (given), they are ACMA's
 * fictitious ranges (0491 570 xxx, 02 5550 xxxx), so no real subscriber is ever "called".
 */
export const SAMPLE_PHONES = {
  business: '61290001234',
  /** Natarajan Plumbing Supplies, client of job 1042: billing mobile stored as "0491 570 156". */
  job1042Client: '61491570156',
  /** Margaret Chen, client of job 1038 (hot-water system), stored as "0491570158". */
  job1038Client: '61491570158',
  /** On no client record at all. */
  unknownCaller: '61491570006',
  /** Kylie Barnes' mobile: a contact of two clients (Westside Property Management and Harold Fitzgerald). */
  sharedNumber: '61491570157',
  /** Kellett Street Dental (reception stored as "61 2 5550 4321"), a VIP on a maintenance plan. */
  vipClient: '61255504321',
} as const;

const SPOKEN_TEST_CARD = 'four one one one, one one one one, one one one one, one one one one';

export const SAMPLE_CALLS: readonly SampleCall[] = [
  ...MONEY_SAMPLE_CALLS,
  {
    id: 'duplicate-charge-1042',
    title: 'Charged twice for invoice 1042',
    description: 'Known client (job 1042) says $349.00 was taken twice and reads the card number aloud. Exercises invoice matching, a duplicate-charge claim and spoken-card redaction.',
    build: (callId, now, o = {}) => envelope(callId, now, {
      from: o.customerNumber ?? SAMPLE_PHONES.job1042Client,
      duration: 328,
      summary: `Caller says invoice ${o.invoiceNumber ?? '1042'} for $349.00 was charged twice on 21 November and wants the duplicate refunded. Agent promised finance would check the payment records and call back within two business days.`,
      transcript: [
        'Agent: Thanks for calling Harbour Plumbing and Electrical, this is the billing assistant. How can I help?',
        `User: Hi, I think I was charged twice for invoice ${o.invoiceNumber ?? '1042'}. Three forty-nine came out two times on Thursday.`,
        'Agent: Sorry about that. Can I confirm the name on the account?',
        'User: Dana Whitfield. The card was ' + SPOKEN_TEST_CARD + ', and the code on the back is one two three.',
        'Agent: Thank you, please don\'t read out card details, we never need them. I can see the invoice. I\'ll pass this to our finance team to check both payments and they\'ll call you back within two business days.',
        'User: Great, thanks.',
      ].join('\n'),
      analysis: {
        intent: 'duplicate_charge', intent_confidence: 0.93, customer_name: 'Dana Whitfield',
        invoice_number: o.invoiceNumber ?? '1042', amount: 349, currency: 'AUD', payment_status: 'paid',
        caller_claim: 'Charged twice for the same invoice on 21 November', refund_reason: 'duplicate charge',
        promised_next_step: 'Finance to check both payments and call back', next_step_owner: 'finance',
        follow_up_deadline: dayAfter(now, 2), caller_verified: true, vip: false, sensitive_request: false,
      },
      hangupReason: 'user_hangup',
    }),
  },
  {
    id: 'refund-under-threshold',
    title: 'Call-out fee refund ($89.50)',
    description: 'Verified client asks for the call-out fee back because the technician arrived three hours late. Amount arrives as the float 89.5; stays under the default $500 approval threshold.',
    build: (callId, now, o = {}) => envelope(callId, now, {
      from: o.customerNumber ?? SAMPLE_PHONES.job1042Client,
      duration: 211,
      summary: 'Caller asks for the $89.50 call-out fee on invoice 1042 to be refunded because the technician arrived three hours after the booked window.',
      transcript: 'Agent: Harbour Plumbing and Electrical billing, how can I help?\nUser: Your tech turned up three hours late on Tuesday and I still got charged the call-out fee.\nAgent: I\'m sorry. I\'ve confirmed your details. I\'ll request a refund of the $89.50 call-out fee on invoice 1042.\nUser: Thanks, that\'s fair.',
      analysis: {
        intent: 'refund_request', intent_confidence: 0.9, customer_name: 'Dana Whitfield',
        invoice_number: `INV-${o.invoiceNumber ?? '1042'}`, amount: 89.5, currency: 'AUD',
        refund_reason: 'Technician arrived three hours late', caller_verified: 'yes',
        promised_next_step: 'Refund the call-out fee', next_step_owner: 'finance', follow_up_deadline: dayAfter(now, 2),
      },
      hangupReason: 'user_hangup',
    }),
  },
  {
    id: 'refund-over-threshold',
    title: 'Refund of $1,850.00 on a hot-water job',
    description: 'Client of job 1038 (Margaret Chen) wants most of a hot-water system replacement refunded after a leak. Amount is the string "$1,850.00", above the approval threshold: needs an approver.',
    build: (callId, now, o = {}) => envelope(callId, now, {
      from: o.customerNumber ?? SAMPLE_PHONES.job1038Client,
      duration: 402,
      summary: 'Caller says the new hot-water system installed under job 1038 leaked and flooded the laundry; asks for $1,850.00 back and is disputing the workmanship.',
      transcript: 'Agent: Billing assistant speaking.\nUser: The hot water unit you put in last month has been leaking, the laundry floor is ruined. I want one thousand eight hundred and fifty dollars back.\nAgent: I understand. A refund of that size needs approval from our finance manager. I\'ll log it today and someone will call you by Friday.',
      analysis: {
        intent: 'refund_request', intent_confidence: 0.88, customer_name: 'Marco Ruiz',
        invoice_number: o.invoiceNumber ?? '#1038', job_number: '1038', amount: '$1,850.00', currency: 'aud',
        refund_reason: 'Installed hot-water system leaked', dispute_reason: 'Workmanship',
        caller_verified: true, promised_next_step: 'Finance manager to review refund', next_step_owner: 'finance manager',
        follow_up_deadline: dayAfter(now, 3),
      },
      hangupReason: 'user_hangup',
    }),
  },
  {
    id: 'resend-invoice-new-email',
    title: 'Resend invoice 1042 to a new address',
    description: 'Client asks for invoice 1042 to be sent to their strata manager\'s email, which is not on file: a sensitive destination change that needs a person.',
    build: (callId, now, o = {}) => envelope(callId, now, {
      from: o.customerNumber ?? SAMPLE_PHONES.job1042Client,
      duration: 154,
      summary: 'Caller asks for a copy of invoice 1042 to be emailed to strata.manager@example.com so the strata can pay it.',
      transcript: 'Agent: How can I help today?\nUser: Can you send invoice 1042 to my strata manager? It\'s strata dot manager at example dot com.\nAgent: That address isn\'t on your account, so a team member will confirm it before sending.',
      analysis: {
        intent: 'document_resend', intent_confidence: 0.95, invoice_number: o.invoiceNumber ?? '1042', document_kind: 'Invoice',
        document_recipient_email: 'strata.manager@example.com', caller_verified: false, sensitive_request: 'true',
        promised_next_step: 'Confirm new address, then resend invoice', next_step_owner: 'office',
      },
      hangupReason: 'user_hangup',
    }),
  },
  {
    id: 'resend-invoice-on-file',
    title: 'Resend invoice 1042 to the billing email on file',
    description: 'A verified caller asks for invoice 1042 again at the accounts address ServiceM8 already holds: proposed in the panel, sent with one tap.',
    build: (callId, now, o = {}) => envelope(callId, now, {
      from: o.customerNumber ?? SAMPLE_PHONES.job1042Client,
      duration: 88,
      summary: `Anand from Natarajan Plumbing Supplies asks for ${o.resend?.kind === 'Payment Link' ? 'a payment link for' : 'a copy of'} invoice 1042 at the accounts address you have on file.`,
      transcript: 'Agent: How can I help?\nUser: Could you send invoice 1042 again? The usual accounts address is fine.\nAgent: I\'ll have that sent to the address on file.',
      analysis: {
        intent: 'document_resend', intent_confidence: 0.96, customer_name: 'Anand Natarajan', invoice_number: o.invoiceNumber ?? '1042',
        document_kind: o.resend?.kind ?? 'Invoice', caller_verified: o.resend?.verified ?? true,
        ...(o.resend?.email ? { document_recipient_email: o.resend.email } : {}),
        promised_next_step: 'Resend the invoice to the address on file', next_step_owner: 'office',
      },
      hangupReason: 'user_hangup',
    }),
  },
  {
    id: 'unknown-caller-payment-status',
    title: 'Unknown caller asks whether a payment landed',
    description: 'A number on no client record asks if a bank transfer for invoice 1077 arrived. No match by phone: goes to the review queue.',
    build: (callId, now, o = {}) => envelope(callId, now, {
      from: o.customerNumber ?? SAMPLE_PHONES.unknownCaller,
      duration: 97,
      summary: 'Caller (Jamie Rivera) says they paid invoice 1077 by bank transfer on Monday and asks whether it has been received.',
      transcript: 'Agent: Billing assistant, how can I help?\nUser: I paid invoice 1077 by bank transfer on Monday, just checking you got it.\nAgent: I can\'t see that invoice under this number. I\'ll ask the office to check and text you.',
      analysis: {
        intent: 'payment_status', intent_confidence: 0.81, customer_name: 'Jamie Rivera', invoice_number: o.invoiceNumber ?? '1077',
        payment_status: 'paid', caller_claim: 'Paid by bank transfer on Monday', due_date: dayAfter(now, -3),
      },
      hangupReason: 'user_hangup',
    }),
  },
  {
    id: 'shared-number-two-clients',
    title: 'Property manager\'s mobile shared by two clients',
    description: 'The caller\'s mobile is on two client records (Westside Property Management and Harold Fitzgerald) and no invoice is quoted: an ambiguous match that must not pick one on its own.',
    build: (callId, now, o = {}) => envelope(callId, now, {
      from: o.customerNumber ?? SAMPLE_PHONES.sharedNumber,
      duration: 188,
      summary: 'Kylie, a property manager, asks why the latest plumbing bill for one of her properties is higher than the quote.',
      transcript: 'Agent: How can I help?\nUser: It\'s Kylie, I manage a few properties with you. The last bill is higher than the quote.\nAgent: Do you have the invoice number?\nUser: Not in front of me, sorry.',
      analysis: {
        intent: 'billing_question', intent_confidence: 0.77, customer_name: 'Kylie Barnes',
        caller_claim: 'Invoice higher than the quote', caller_verified: false,
        ...(o.invoiceNumber && { invoice_number: o.invoiceNumber }),
      },
      hangupReason: 'user_hangup',
    }),
  },
  {
    id: 'failed-renewal-vip',
    title: 'VIP maintenance-plan renewal failed',
    description: 'VIP client\'s annual maintenance plan ($219) failed to renew; they read a new card and CVV aloud. Transcript in the array form; exercises VIP escalation and redaction.',
    build: (callId, now, o = {}) => envelope(callId, now, {
      from: o.customerNumber ?? SAMPLE_PHONES.vipClient,
      duration: 276,
      summary: 'VIP client says the annual maintenance plan renewal failed and wants to update the card on file.',
      transcript: [
        { role: 'agent', content: 'Billing assistant, how can I help?' },
        { role: 'user', content: 'My maintenance plan renewal bounced, I got an email. Can I give you a new card?' },
        { role: 'agent', content: 'I can\'t take card details on this call, but I can send a secure payment link.' },
        { role: 'user', content: `It's ${SPOKEN_TEST_CARD}, expiry oh nine twenty-eight, security code one two three.` },
        { role: 'agent', content: 'Thanks, I won\'t record that. Our accounts team will send you a payment link today.' },
      ],
      analysis: {
        intent: 'failed_renewal', intent_confidence: 0.9, customer_name: 'Helen Zhou', subscription_id: 'SUB-2231',
        amount: 219, currency: 'AUD', payment_status: 'failed', document_kind: 'payment link',
        vip: 1, caller_verified: true, sensitive_request: true,
        promised_next_step: 'Send a secure payment link', next_step_owner: 'accounts', follow_up_deadline: dayAfter(now, 1),
        ...(o.invoiceNumber && { invoice_number: o.invoiceNumber }),
      },
      hangupReason: 'user_hangup',
    }),
  },
  {
    id: 'hangup-no-answer',
    title: 'Call-back not picked up',
    description: 'Outbound call-back to the job-1042 client that was never answered: status hangup, recorded with no ServiceM8 action.',
    build: (callId, now, o = {}) => envelope(callId, now, {
      direction: 'outbound',
      from: SAMPLE_PHONES.business,
      to: o.customerNumber ?? SAMPLE_PHONES.job1042Client,
      status: 'hangup',
      duration: 0,
      hangupReason: 'user_did_not_pick_up',
    }),
  },
];
