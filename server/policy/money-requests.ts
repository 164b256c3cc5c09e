import type { CallAnalysis, Intent } from '../domain/call-outcome.js';
import type { Money } from '../domain/money.js';
import { readMoneyTerms, type PlanTerms, type PromiseTerms, type TermsContext } from './terms/read-terms.js';

/** The closed set of things a caller can ask of finance about money (docs/money-policy.md). */
export const MONEY_REQUEST_KINDS = [
  'refund', 'credit', 'payment_plan', 'promise_to_pay', 'dispute', 'chargeback', 'duplicate_charge', 'failed_renewal',
  'payment_method_update', 'payment_status', 'subscription_change', 'collections', 'billing_question',
] as const;
export type MoneyRequestKind = (typeof MONEY_REQUEST_KINDS)[number];

export type MoneyRequest = {
  kind: MoneyRequestKind;
  /** The amount the request is about (a refund's, a credit's, a promise's, the disputed charge). */
  amount?: Money;
  plan?: PlanTerms;
  promise?: PromiseTerms;
  /** Money words that said no clear request ("sort out the bill"): a person reads them. */
  unclear?: string;
};

const FROM_INTENT: Partial<Record<Intent, MoneyRequestKind>> = {
  refund_request: 'refund', dispute: 'dispute', chargeback: 'chargeback', duplicate_charge: 'duplicate_charge',
  failed_renewal: 'failed_renewal', payment_update: 'payment_method_update', payment_status: 'payment_status',
  subscription_change: 'subscription_change', collections: 'collections', billing_question: 'billing_question',
};

// Intents that say too little for the caller's own words not to decide what they asked for.
const VAGUE: readonly (MoneyRequestKind | undefined)[] = [undefined, 'billing_question', 'refund'];

/**
 * What the caller asked of finance, from DialNexa's intent and the caller's own words (`credit_request`,
 * then a plan or promise in `caller_claim`). A plan or a promise on a collections call sits beside the
 * collections follow-up; a credit asked for on a refund call is a credit (no money leaves); text that
 * names no clear request makes a vague call a billing question for review, never a guess.
 */
export function readMoneyRequests(a: CallAnalysis | undefined, ctx: TermsContext): MoneyRequest[] {
  if (!a) return [];
  const base = FROM_INTENT[a.intent];
  const own = readMoneyTerms(a.creditRequest, ctx);
  const claim = readMoneyTerms(a.callerClaim, ctx);
  const terms = own ?? (claim && ['payment_plan', 'promise_to_pay'].includes(claim.kind) ? claim : undefined);
  const fromIntent: MoneyRequest | undefined = base ? { kind: base, ...money(a.amount) } : undefined;
  if (!terms) return fromIntent ? [fromIntent] : [];
  if (terms.kind === 'unclear') {
    if (!VAGUE.includes(base) || base === 'refund') return fromIntent ? [fromIntent] : [];
    return [{ kind: 'billing_question', unclear: terms.text }];
  }
  const said: MoneyRequest = terms.kind === 'payment_plan'
    ? { kind: 'payment_plan', plan: terms, ...money(terms.total) }
    : terms.kind === 'promise_to_pay'
      ? { kind: 'promise_to_pay', promise: terms, ...money(terms.amount ?? a.amount) }
      : { kind: terms.kind, ...money(terms.amount ?? a.amount) };
  if (VAGUE.includes(base)) return [said];
  return said.kind === base ? [said] : [fromIntent!, said];
}

function money(m: Money | undefined): { amount?: Money } {
  return m ? { amount: m } : {};
}
