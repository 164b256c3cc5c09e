import type { Money } from '../../domain/money.js';
import { findAmounts, splitEvenly, times, type FoundAmount } from './amounts.js';
import { findCount, findFrequency, type Frequency } from './counts.js';
import { findDate, type DateContext } from './dates.js';

export type PlanTerms = { kind: 'payment_plan'; count?: number; instalment?: Money; frequency?: Frequency; firstDate?: string; total?: Money };
export type PromiseTerms = { kind: 'promise_to_pay'; amount?: Money; date?: string };
export type AmountTerms = { kind: 'refund' | 'credit'; amount?: Money };
/** Money words were said, but not what should happen: a person reads it, nobody guesses. */
export type UnclearTerms = { kind: 'unclear'; text: string };
export type MoneyTerms = PlanTerms | PromiseTerms | AmountTerms | UnclearTerms;

export type TermsContext = DateContext & { currency: string };

const PLAN = /\b(?:payment\s+plan|instal(?:l)?ments?|repayments?|pay\s+(?:it\s+)?off|split\s+(?:it|the|this|into|over)|in\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?:payments|parts|lots|goes)|\d+\s*(?:x|×)\s*[$£€A-Z\d]|(?:per|a|each|every)\s+(?:week|fortnight|month)|weekly|fortnightly|monthly|bi-?weekly)\b/i;
const PROMISE = /\b(?:promise[sd]?\s+to\s+pay|will\s+(?:pay|settle|clear)|(?:can|could|going\s+to|gonna)\s+(?:pay|settle|clear)|pay(?:ing)?\s+(?:it|this|the\s+(?:rest|balance|bill|invoice|amount|lot))?\s*(?:in\s+full\s+)?(?:by|on|before|next|this|tomorrow|today|friday|monday)|payment\s+(?:by|on|before)|settle\s+(?:it|up|the\s+\w+)?\s*(?:by|on|before))\b/i;
// "credit card" and "on credit" are not a request for a credit note.
const CREDIT = /\b(?:credit(?:\s+note)?|account\s+credit|credited)\b(?!\s+card)/i;
const REFUND = /\b(?:refund(?:ed)?|money\s+back|reimburse(?:d|ment)?|pay\s+(?:me|us)\s+back|give\s+(?:me|us)\s+(?:the\s+money\s+)?back|charge\s*back\s+reversed)\b/i;
const FIRST_DATE = /\b(?:from|starting|start(?:ing)?\s+on|beginning|commencing|first\s+(?:one|payment|instal(?:l)?ment)\s+(?:on|due)?)\s+(.{1,40})/i;
const INSTALMENT_AFTER = /(?:x|×|\*|instal(?:l)?ments?\s+of|payments?\s+of|repayments?\s+of|parts\s+of|lots\s+of)\s*$/i;
const INSTALMENT_BEFORE = /^\s*(?:each|a\s+(?:week|fortnight|month)|per\s+\w+|every\s+|weekly|fortnightly|monthly|bi-?weekly)/i;

/**
 * Reads what a caller asked for with their money, from free text such as DialNexa's `credit_request`:
 * a payment plan ("3 x $140.00 fortnightly", "three monthly instalments of £120 from 1 December"), a
 * promise to pay ("will pay the $420 on Friday"), a credit or a refund with its amount — or "unclear"
 * when money words give no clear request ("sort out the bill"). Undefined for empty text. Amounts are
 * decimal strings (decimal.js); dates are `YYYY-MM-DD` in the account's calendar.
 */
export function readMoneyTerms(text: string | undefined, ctx: TermsContext): MoneyTerms | undefined {
  const said = text?.replace(/\s+/g, ' ').trim();
  if (!said) return undefined;
  const amounts = findAmounts(said, ctx.currency);
  const plain = blankOut(said, amounts);
  if (PLAN.test(said) && (amounts.length > 0 || findCount(plain))) return readPlan(said, plain, amounts, ctx);
  if (REFUND.test(said)) return { kind: 'refund', ...amountOf(amounts) };
  if (CREDIT.test(said)) return { kind: 'credit', ...amountOf(amounts) };
  if (PROMISE.test(said)) return { kind: 'promise_to_pay', ...amountOf(amounts), ...dated(findDate(plain, ctx), 'date') };
  return { kind: 'unclear', text: said };
}

function readPlan(said: string, plain: string, amounts: FoundAmount[], ctx: TermsContext): PlanTerms {
  const count = findCount(plain);
  const frequency = findFrequency(plain);
  const each = amounts.find((a) => INSTALMENT_AFTER.test(said.slice(0, a.start)) || INSTALMENT_BEFORE.test(said.slice(a.end)));
  const whole = amounts.find((a) => a !== each);
  const instalment = each?.money ?? (whole && count ? splitEvenly(whole.money, count) : undefined);
  const total = instalment && count ? times(instalment, count) : whole?.money;
  return {
    kind: 'payment_plan',
    ...(count ? { count } : {}),
    ...(instalment ? { instalment } : {}),
    ...(frequency ? { frequency } : {}),
    ...(total ? { total } : {}),
    ...dated(firstDate(plain, ctx), 'firstDate'),
  };
}

function amountOf(amounts: FoundAmount[]): { amount?: Money } {
  return amounts[0] ? { amount: amounts[0].money } : {};
}

// The first instalment's date follows "from"/"starting"; a bare date in a plan may be anything else.
function firstDate(plain: string, ctx: TermsContext): string | undefined {
  const m = FIRST_DATE.exec(plain);
  return m ? findDate(m[0], ctx) : undefined;
}

function dated<K extends string>(date: string | undefined, key: K): Partial<Record<K, string>> {
  return date ? ({ [key]: date } as Partial<Record<K, string>>) : {};
}

// Amounts blanked to spaces so "$14.50" is never read as the 14th of a 50th month, keeping offsets.
function blankOut(text: string, amounts: FoundAmount[]): string {
  let out = text;
  for (const a of amounts) out = out.slice(0, a.start) + ' '.repeat(a.end - a.start) + out.slice(a.end);
  return out;
}
