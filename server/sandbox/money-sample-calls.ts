import type { SampleCall } from './sample-calls.js';
import { dayAfter, envelope } from './sample-envelope.js';

/** Tess Moreau, billing contact of Sunrise Café Bondi (jobs 1039 and 1047 open), stored as "0491 570 159". */
const SUNRISE_BILLING = '61491570159';
/** Anand Natarajan, billing contact of Natarajan Plumbing Supplies (job 1045 open), stored as "0491 570 156". */
const NATARAJAN_BILLING = '61491570156';

/**
 * The three calls of issue 13 that reached ServiceM8 wrongly: a payment plan read as a credit, one call
 * making two finance tasks, and work never raised put on an unrelated job.
 */
export const MONEY_SAMPLE_CALLS: readonly SampleCall[] = [
  {
    id: 'payment-plan-1039',
    title: 'Payment plan for overdue invoice 1039',
    description: 'Sunrise Café cannot pay the overdue $420.00 at once and asks for three fortnightly instalments of $140.00: one note and ONE finance task that reads as a payment plan waiting for approval, never a credit.',
    build: (callId, now, o = {}) => envelope(callId, now, {
      from: o.customerNumber ?? SUNRISE_BILLING,
      duration: 244,
      summary: `Caller says she cannot pay the overdue $420.00 on invoice ${o.invoiceNumber ?? '1039'} in one go and asks to pay it in three fortnightly instalments of $140.00.`,
      transcript: 'Agent: Harbourside billing, how can I help?\nUser: It\'s Tess from Sunrise Café. I know invoice 1039 is overdue, I can\'t do four twenty in one go. Could I do three payments of one forty, every fortnight?\nAgent: I\'ll ask our finance team to approve that and they\'ll confirm the dates with you.',
      analysis: {
        intent: 'collections', intent_confidence: 0.86, customer_name: 'Tess Moreau', customer_email: 'tess@sunrisecafe.example',
        invoice_number: o.invoiceNumber ?? '1039', amount: 420, currency: 'AUD', payment_status: 'unpaid',
        credit_request: 'Payment plan: 3 x $140.00 fortnightly', caller_verified: true,
        promised_next_step: 'Finance to confirm the payment plan', next_step_owner: 'finance', follow_up_deadline: dayAfter(now, 3),
      },
      hangupReason: 'user_hangup',
    }),
  },
  {
    id: 'never-raised-natarajan',
    title: 'Work done but never invoiced',
    description: 'Natarajan Plumbing Supplies (phone and email match) says two outdoor taps were replaced but no job or invoice was ever raised, and asks to be invoiced: a new job with the note on it, never their unrelated open job 1045.',
    build: (callId, now, o = {}) => envelope(callId, now, {
      from: o.customerNumber ?? NATARAJAN_BILLING,
      duration: 173,
      summary: 'Caller says your plumber replaced two leaking outdoor taps at their loading dock last Tuesday, but no invoice was ever raised; they want it invoiced so their books close this month.',
      transcript: 'Agent: How can I help?\nUser: Your plumber swapped the two outdoor taps at our loading dock last week but we never got a bill. We need it invoiced this month.\nAgent: Thanks for letting us know, I\'ll get the office to raise it.',
      analysis: {
        intent: 'billing_question', intent_confidence: 0.8, customer_name: 'Anand Natarajan', customer_email: 'accounts@natarajan-supplies.example',
        caller_claim: 'Work done but never invoiced', caller_verified: true, promised_next_step: 'Office to raise the invoice',
        ...(o.invoiceNumber && { invoice_number: o.invoiceNumber }),
      },
      hangupReason: 'user_hangup',
    }),
  },
  {
    id: 'two-open-jobs-sunrise',
    title: 'Question about "the latest bill" with two open jobs',
    description: 'Sunrise Café asks about its latest bill without quoting an invoice; it has two open jobs (1039 and 1047): review with both listed and "create a job" offered, nothing written.',
    build: (callId, now, o = {}) => envelope(callId, now, {
      from: o.customerNumber ?? SUNRISE_BILLING,
      duration: 121,
      summary: 'Caller asks why the latest bill is higher than she expected but does not have the invoice in front of her.',
      transcript: 'Agent: How can I help?\nUser: Your latest bill looks higher than I expected.\nAgent: Do you have the invoice number?\nUser: Not on me, sorry.',
      analysis: {
        intent: 'billing_question', intent_confidence: 0.74, customer_name: 'Tess Moreau', customer_email: 'tess@sunrisecafe.example',
        caller_claim: 'Latest bill higher than expected', caller_verified: true,
        ...(o.invoiceNumber && { invoice_number: o.invoiceNumber }),
      },
      hangupReason: 'user_hangup',
    }),
  },
];
