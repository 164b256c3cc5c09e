import { formatMoney, type Money } from '../domain/money.js';
import type { MoneyRequest, MoneyRequestKind } from './money-requests.js';
import { dateWords } from './terms/dates.js';

/** What the finance line may mention about the call beside the request itself. */
export type LineFacts = { invoice?: string; subscriptionId?: string; paymentId?: string; reason?: string; claim?: string };

export type MoneyRule = {
  /** How the note and the panel name the request. */
  words: string;
  /** One sentence for docs/money-policy.md: what the request means for money. */
  meaning: string;
  /**
   * `checks`: waits for approval unless the caller was verified, the amount is known and within the
   * approval limit, and the client is not a VIP; `always`: finance approves every one; `never`: no approval.
   */
  approval: 'checks' | 'always' | 'never';
  /** Which amount the approval limit is compared with. */
  against?: 'the amount' | "the plan's total";
  /** Always an escalation to the finance owner, for this reason. */
  escalate?: string;
  /** Technicians are told not to collect payment while finance sorts it out. */
  holdPayment?: boolean;
  /** A payment problem that blocks a VIP client: escalated for VIPs. */
  vipBlocker?: boolean;
  /** Short name of finance's step for the task title ("approve payment plan"); none: a note is enough. */
  label?: string;
  /** Finance's step, verb first. */
  line?: (r: MoneyRequest, f: LineFacts) => string;
  /** What the panel's next step offers. */
  next: string;
};

const amountOf = (m: Money | undefined) => (m ? formatMoney(m) : 'an amount not yet stated');
const on = (f: LineFacts) => (f.invoice ? ` on invoice ${f.invoice}` : '');
const because = (f: LineFacts) => (f.reason ? ` (${f.reason})` : '');

function planLine(r: MoneyRequest): string {
  const p = r.plan;
  const each = p?.instalment ? formatMoney(p.instalment) : 'an instalment not yet stated';
  const count = p?.count ? `${p.count} × ${each}` : `${each} per instalment, number of instalments not stated`;
  const often = p?.frequency ?? 'at a frequency not yet agreed';
  const from = p?.firstDate ? ` from ${dateWords(p.firstDate)}` : ', first date not yet agreed';
  const total = p?.total ? ` (total ${formatMoney(p.total)})` : '';
  return `Approve a payment plan: ${count} ${often}${from}${total}; no money moves until each instalment is paid`;
}

/** The rules for each money request: the same table the policy runs and docs/money-policy.md prints. */
export const MONEY_RULES: Record<MoneyRequestKind, MoneyRule> = {
  refund: {
    words: 'Refund request', meaning: 'money goes back to the payer', approval: 'checks', against: 'the amount', holdPayment: true,
    label: 'refund', line: (r, f) => `Refund ${amountOf(r.amount)} to the payer${on(f)}${because(f)} through the payment platform, then record it in ServiceM8`,
    next: 'Approve or decline the refund',
  },
  credit: {
    words: 'Credit request', meaning: "a credit note against the client's balance; no money leaves", approval: 'checks', against: 'the amount',
    label: 'credit note', line: (r, f) => `Raise a credit note of ${amountOf(r.amount)} against the client's balance${on(f)}${because(f)}`,
    next: 'Approve or decline the credit note',
  },
  payment_plan: {
    words: 'Payment plan request', meaning: 'the balance is paid in instalments; no money moves, finance approves the arrangement',
    approval: 'always', against: "the plan's total", label: 'approve payment plan', line: (r) => planLine(r),
    next: 'Approve or decline the payment plan',
  },
  promise_to_pay: {
    words: 'Promise to pay', meaning: 'the caller commits to pay an amount by a date; nothing to approve',
    approval: 'never', label: 'expect promised payment',
    line: (r, f) => `Expect payment of ${amountOf(r.amount)}${on(f)} by ${r.promise?.date ? dateWords(r.promise.date) : 'a date not yet stated'}; follow up if it has not arrived`,
    next: 'Confirm the promised payment date',
  },
  dispute: {
    words: 'Billing dispute', meaning: 'the caller says a charge is wrong', approval: 'never', holdPayment: true,
    escalate: 'billing disputes are owned by finance', label: 'review dispute',
    line: (r, f) => `Review the disputed charge${on(f)}${r.amount ? ` of ${formatMoney(r.amount)}` : ''}${because(f)} and call the client back`,
    next: 'Escalate or resolve the dispute',
  },
  chargeback: {
    words: 'Chargeback', meaning: "the card issuer is reversing a payment at the cardholder's request", approval: 'never', holdPayment: true, vipBlocker: true,
    escalate: 'chargebacks are owned by finance', label: 'answer chargeback',
    line: (r, f) => `Answer the chargeback${on(f)}${r.amount ? ` of ${formatMoney(r.amount)}` : ''} with the card issuer before its deadline`,
    next: 'Escalate or resolve the chargeback',
  },
  duplicate_charge: {
    words: 'Duplicate charge', meaning: 'the caller says one charge was taken twice', approval: 'never', holdPayment: true, vipBlocker: true,
    escalate: 'duplicate charges are owned by finance', label: 'check duplicate payment',
    line: (r, f) => `Check the duplicate payment${on(f)}: which of the payments${r.amount ? ` of ${formatMoney(r.amount)}` : ''}${f.paymentId ? ` (payment ${f.paymentId})` : ''} is the duplicate; refund only after approval`,
    next: 'Escalate or resolve the duplicate charge',
  },
  failed_renewal: {
    words: 'Failed renewal', meaning: 'a subscription or plan payment did not go through', approval: 'never', vipBlocker: true,
    label: 'follow up failed renewal',
    line: (r, f) => `Follow up the failed renewal${f.subscriptionId ? ` of subscription ${f.subscriptionId}` : ''}${r.amount ? ` (${formatMoney(r.amount)})` : ''}: send the secure payment link`,
    next: 'Confirm the secure payment link was sent',
  },
  payment_method_update: {
    words: 'Payment details update', meaning: 'new card or bank details: always through the secure payment flow, never taken on the call',
    approval: 'never', vipBlocker: true, label: 'send secure payment-method link',
    line: () => 'Send the secure payment-method update link (card and bank details are never taken on the phone or written in a note)',
    next: 'Confirm the secure link was sent',
  },
  payment_status: {
    words: 'Payment status question', meaning: 'the caller asks whether a payment arrived; ServiceM8 answers it', approval: 'never',
    next: 'Check the payments ServiceM8 records and reply',
  },
  subscription_change: {
    words: 'Subscription change', meaning: 'what the client pays or has agreed to changes', approval: 'always',
    label: 'approve subscription change',
    line: (_r, f) => `Approve the subscription change${f.subscriptionId ? ` for subscription ${f.subscriptionId}` : ''}${f.claim ? `: ${f.claim}` : ''}`,
    next: 'Approve or decline the subscription change',
  },
  collections: {
    words: 'Collections call', meaning: 'an overdue balance is being chased', approval: 'never',
    escalate: 'collections calls are sensitive and owned by finance', label: 'follow up collections',
    line: (r, f) => `Follow up collections${on(f)}${r.amount ? ` (${formatMoney(r.amount)} overdue)` : ''}`,
    next: 'Escalate or resolve the collections follow-up',
  },
  billing_question: {
    words: 'Billing question', meaning: 'a question about a bill; unclear requests go to a person, never guessed', approval: 'never',
    next: 'Answer the question, or say what the caller asked for',
  },
};

/** The request the note is headed by and the panel offers first: one an approver must decide, else the first with a step. */
export function primaryRequest(requests: readonly MoneyRequest[]): MoneyRequest | undefined {
  const withStep = requests.filter((r) => MONEY_RULES[r.kind].line);
  return withStep.find((r) => MONEY_RULES[r.kind].approval !== 'never') ?? withStep[0] ?? requests[0];
}
