import {
  DOCUMENT_KINDS, INTENTS, PAYMENT_STATUSES,
  type CallAnalysis, type ClaimedPaymentStatus, type DocumentKind, type Intent, type JobChangeRequest,
} from '../domain/call-outcome.js';
import { isCurrency, toDecimalString, type Money } from '../domain/money.js';
import { toE164 } from './phone.js';
import { field, readBoolean, readHttpUrl, readIsoDate, readNumber, readText, readToken } from './parse-values.js';

/** Maps `post_call_analysis` / `analysis` (contract: "Post-call analysis keys") to the domain. */
export function parseAnalysis(raw: object, ctx: { defaultRegion: string; defaultCurrency: string }): CallAnalysis {
  const text = (key: string) => readText(field(raw, key));
  const flag = (key: string) => readBoolean(field(raw, key));
  const recipientPhone = field(raw, 'document_recipient_phone');
  return dropUndefined({
    intent: readIntent(field(raw, 'intent')),
    intentConfidence: readConfidence(field(raw, 'intent_confidence')),
    customerName: text('customer_name'),
    customerEmail: text('customer_email'),
    accountRef: text('account_ref'),
    invoiceNumber: text('invoice_number'),
    jobNumber: text('job_number'),
    paymentId: text('payment_id'),
    subscriptionId: text('subscription_id'),
    taxRegion: text('tax_region'),
    amount: readMoney(field(raw, 'amount'), field(raw, 'currency'), ctx.defaultCurrency),
    dueDate: readIsoDate(field(raw, 'due_date')),
    paymentStatus: readPaymentStatus(field(raw, 'payment_status')),
    callerClaim: text('caller_claim'),
    refundReason: text('refund_reason'),
    disputeReason: text('dispute_reason'),
    creditRequest: text('credit_request'),
    documentKind: readDocumentKind(field(raw, 'document_kind')),
    documentRecipientEmail: text('document_recipient_email'),
    // Kept as spoken when it is not a number libphonenumber accepts: staff still need to see the request.
    documentRecipientPhone: toE164(recipientPhone, ctx.defaultRegion) ?? readText(recipientPhone, 64),
    jobChange: readJobChange(raw),
    promisedNextStep: text('promised_next_step'),
    nextStepOwner: text('next_step_owner'),
    followUpDeadline: readIsoDate(field(raw, 'follow_up_deadline')),
    vip: flag('vip'),
    callerVerified: flag('caller_verified'),
    sensitiveRequest: flag('sensitive_request'),
    links: dropUndefined({
      crm: readHttpUrl(field(raw, 'crm_url')),
      supportTicket: readHttpUrl(field(raw, 'support_ticket_url')),
      paymentPlatform: readHttpUrl(field(raw, 'payment_platform_url')),
    }),
  });
}

const INTENT_SET: ReadonlySet<string> = new Set(INTENTS);

/** Contract: a known intent maps; anything else → `other`; missing → `unknown`. */
export function readIntent(value: unknown): Intent {
  if (value === undefined || value === null) return 'unknown';
  const token = readToken(value);
  if (token === undefined) return typeof value === 'string' ? 'unknown' : 'other';
  return INTENT_SET.has(token) ? (token as Intent) : 'other';
}

function readConfidence(value: unknown): number | undefined {
  const n = readNumber(value);
  return n !== undefined && n >= 0 && n <= 1 ? n : undefined;
}

/** Spoken-style statuses seen from LLM extraction (*assumed* aliases); unrecognised → `unknown`. */
const PAYMENT_ALIASES: Record<string, ClaimedPaymentStatus> = {
  partial: 'partially_paid', part_paid: 'partially_paid', partly_paid: 'partially_paid',
  not_paid: 'unpaid', outstanding: 'unpaid', overdue: 'unpaid', due: 'unpaid',
  declined: 'failed', bounced: 'failed', refund_issued: 'refunded',
};
const PAYMENT_SET: ReadonlySet<string> = new Set(PAYMENT_STATUSES);

function readPaymentStatus(value: unknown): ClaimedPaymentStatus | undefined {
  const token = readToken(value);
  if (token === undefined) return undefined;
  if (PAYMENT_SET.has(token)) return token as ClaimedPaymentStatus;
  return Object.hasOwn(PAYMENT_ALIASES, token) ? PAYMENT_ALIASES[token] : 'unknown';
}

const DOCUMENT_ALIASES: Record<string, DocumentKind> = {
  tax_invoice: 'invoice', bill: 'invoice', tax_statement: 'tax_form', account_statement: 'statement',
  payment_url: 'payment_link', pay_link: 'payment_link', link: 'payment_link',
};
const DOCUMENT_SET: ReadonlySet<string> = new Set(DOCUMENT_KINDS);

/** The document enum has no `unknown` in the domain, so an unrecognised kind is simply absent. */
function readDocumentKind(value: unknown): DocumentKind | undefined {
  const token = readToken(value);
  if (token === undefined) return undefined;
  if (DOCUMENT_SET.has(token)) return token as DocumentKind;
  return Object.hasOwn(DOCUMENT_ALIASES, token) ? DOCUMENT_ALIASES[token] : undefined;
}

/**
 * Amount as a decimal string (never a float, DESIGN.md non-negotiable 6). Tolerates "$1,234.5",
 * "AUD 349", "349.50 AUD" and "A$349". More than 15 integer digits is not a billing amount.
 */
export function readMoney(amount: unknown, currency: unknown, defaultCurrency: string): Money | undefined {
  let raw = amount;
  let spokenCurrency: string | undefined;
  if (typeof raw === 'string') {
    const text = raw.trim().slice(0, 64);
    const suffix = /^(.*?)\s*([A-Za-z]{3})$/.exec(text);
    raw = (suffix ? suffix[1] ?? '' : text).replace(/^(AU|A|NZ|US)\$/i, '$');
    spokenCurrency = suffix?.[2]?.toUpperCase() ?? /^([A-Za-z]{3})\s*\S/.exec(text)?.[1]?.toUpperCase();
  }
  const decimal = toDecimalString(raw);
  if (decimal === undefined || decimal.replace('-', '').split('.')[0]!.length > 15) return undefined;
  const stated = typeof currency === 'string' ? currency.trim().toUpperCase() : undefined;
  const code = isCurrency(stated) ? stated : isCurrency(spokenCurrency) ? spokenCurrency : defaultCurrency.toUpperCase();
  return { amount: decimal, currency: code };
}

function readJobChange(raw: object): JobChangeRequest | undefined {
  const change = dropUndefined({
    field: readText(field(raw, 'job_change_field')),
    oldValue: readText(field(raw, 'job_change_old_value')),
    newValue: readText(field(raw, 'job_change_new_value')),
    reason: readText(field(raw, 'job_change_reason')),
  });
  if (Object.keys(change).length === 0) return undefined;
  // The domain needs a field name; a change without one is still worth showing to a person.
  return { ...change, field: change.field ?? 'unspecified' };
}

/** Omits undefined members so stored JSON and test expectations stay small. */
export function dropUndefined<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = v;
  return out as T;
}
