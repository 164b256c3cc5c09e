import Decimal from 'decimal.js';
import type { Money } from '../../domain/money.js';
import { findAmounts, splitEvenly, times, type FoundAmount } from './amounts.js';
import { findCorrectedCount, findCount, findFrequency, type Frequency } from './counts.js';
import { findDate, type DateContext } from './dates.js';
import { correctionAt, requested } from './said.js';

export type PlanTerms = { kind: 'payment_plan'; count?: number; instalment?: Money; frequency?: Frequency; firstDate?: string; total?: Money };
export type PromiseTerms = { kind: 'promise_to_pay'; amount?: Money; date?: string };
export type AmountTerms = { kind: 'refund' | 'credit'; amount?: Money };
/** Money words were said, but not what should happen: a person reads it, nobody guesses. */
export type UnclearTerms = { kind: 'unclear'; text: string };
export type MoneyTerms = PlanTerms | PromiseTerms | AmountTerms | UnclearTerms;

export type TermsContext = DateContext & { currency: string };

// The patterns below read `marked` text: each amount is "¤" (padded to its length), so "the $380"
// reads as "the ¤" and a pattern can say where an amount stands without parsing it again.
const N = '(?:\\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)';
const PLAN = new RegExp([
  `\\b(?:payment\\s+plan|instal(?:l)?ments?|repayments?|pay\\s+(?:it\\s+)?off|split\\s+(?:it|the|this|into|over)|spread\\b`,
  `break\\s+(?:it|this|that|the\\s+\\S+)\\s+(?:up|down|into)`,
  `(?:in|into)\\s+${N}\\s+(?:\\w+\\s+)?(?:payments|parts|lots|goes|amounts|chunks)`,
  `${N}\\s+(?:equal\\s+|even\\s+)?(?:\\w+\\s+)?payments`,
  `over\\s+(?:the\\s+next\\s+)?${N}\\s+(?:weeks|fortnights|months|pay\\s*days)`,
  `\\d+\\s*(?:x|×)\\s*[¤A-Z\\d]|(?:per|a|each|every)\\s+(?:week|fortnight|month)|every\\s+(?:two|2|other|second)\\s+weeks?`,
  `weekly|fortnightly|monthly|bi-?weekly|twice\\s+a\\s+month|semi-?monthly|pcm|pw)\\b|\\/\\s*(?:wk|week|fortnight|mo|mth|month)\\b`,
].join('|'), 'gi');

// A promise needs a date-like word after "by"/"on": "pay by direct debit" is a payment method, not a date.
const DATEISH = '(?=(?:the\\s+)?(?:\\d|(?:next|this|end|tomorrow|today|tonight|pay\\s*day)\\b|(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\b))';
const PAY = '(?:pay|settle|clear|transfer|send|deposit)';
const PROMISE = new RegExp([
  `\\b(?:promise[sd]?\\s+to\\s+pay`,
  `(?:will|shall|'ll)\\s+(?:be\\s+able\\s+to\\s+)?(?:${PAY}|make\\s+(?:the|a)\\s+payment|(?:have|get)\\s+(?:it|this|that|the\\s+\\S+)\\s+paid)`,
  `(?:can|could|going\\s+to|gonna|able\\s+to|intends?\\s+to|plans?\\s+to)\\s+(?:${PAY}|make\\s+(?:the|a)\\s+payment)`,
  `(?:until|till|til|'til)\\s+.{1,30}?\\s+to\\s+(?:pay|settle|clear)`,
  `pay(?:ing)?\\s+(?:(?:it|this|the\\s+(?:rest|balance|bill|invoice|amount|lot)|(?:the\\s+)?¤)\\s*)?(?:in\\s+full\\s+)?(?:(?:by|on|before)\\s+${DATEISH}|next|this|tomorrow|today|friday|monday)`,
  `payment\\s+(?:by|on|before)\\s+${DATEISH}|settle\\s+(?:it|up|the\\s+\\w+)?\\s*(?:by|on|before)\\s+${DATEISH})\\b`,
].join('|'), 'gi');
// "credit card", "on credit", "in credit", "credit limit", "debit or credit" are not a request for a credit.
const CREDIT = /(?<!\b(?:in|on)\s+)(?<!debit\s*(?:\/|or)\s*)\b(?:credit(?:\s+note)?|account\s+credit|credited)\b(?!\s*(?:cards?|limit|check|score|rating|history|union|facility|report|agency|terms)\b|\s*(?:\/|or)\s*debit)/gi;
const REFUND = new RegExp([
  `\\b(?:refund(?:ed)?|(?<!\\b(?:send|sending|pay|paying|transfer|return|give)\\s+(?:(?:the|your|you)\\s+)?)money\\s+back|reimburse(?:d|ment)?|pay\\s+(?:me|us)\\s+back|give\\s+(?:me|us)\\s+(?:the\\s+money\\s+)?back|charge\\s*back\\s+reversed`,
  // "get the $80 back onto my card", "wants my deposit back"
  `(?:get|getting|have|want|wants|wanted|need|needs|like|put)\\s+(?:(?:the|my|our|his|her|their|that)\\s+)?(?:¤|money|deposit|funds|payment|charge)\\s*(?:\\S+\\s+)?back`,
  // "reverse the second charge", "reversal of the duplicate $49.99 payment"
  `revers(?:e|al\\s+of)\\s+(?:(?:the|that|this|my|our|her|his)\\s+)?(?:\\S+\\s+){0,2}?(?:charges?|payments?|transactions?|debits?|deductions?))\\b`,
].join('|'), 'gi');
// A payment method said with no date is an arrangement ("will pay by credit card"), not a promise.
const METHOD = /\b(?:direct\s+debit|standing\s+order|auto-?pay|card|cheque|check|bank\s+transfer|bpay|paypal|cash|apple\s+pay|google\s+pay)\b/i;
const FIRST_DATE = /\b(?:from|starting|start(?:ing)?\s+on|beginning|commencing|first\s+(?:one|payment|instal(?:l)?ment)\s+(?:on|due)?)\s+(.{1,40})/i;
const INSTALMENT_AFTER = /(?:x|×|\*|instal(?:l)?ments?\s+of|payments?\s+of|repayments?\s+of|amounts?\s+of|parts\s+of|lots\s+of)\s*$/i;
const INSTALMENT_BEFORE = /^\s*(?:each|a\s+(?:week|fortnight|month)|per\s+\w+|every\s+|weekly|fortnightly|monthly|bi-?weekly|pcm\b|pw\b|\/\s*(?:wk|week|fortnight|mo|mth|month)\b)/i;
// An instalment said without a currency sign, where only a plan phrase makes it money: "4 payments of
// 105", "3 x 150", "62.50 each". Never a count or a length of time.
const BARE_INSTALMENT = [
  /(?:instal(?:l)?ments?|payments?|repayments?|amounts?)\s+of\s+(\d+(?:\.\d{1,2})?)\b(?![./]\d|\s*(?:%|per\s*cent|days?|weeks?|fortnights?|months?|years?)\b)/i,
  /\b\d{1,2}\s*(?:x|×)\s*(\d+(?:\.\d{1,2})?)\b(?![./]\d|\s*(?:days?|weeks?|fortnights?|months?|years?)\b)/i,
  /\b(\d+(?:\.\d{1,2})?)\s+(?:each|a\s+(?:week|fortnight|month)|per\s+(?:week|fortnight|month))\b/i,
];
// Two parts said as halves: "half now and half next month", "half of the $640 now and the other half".
const HALVES = /\bhalf\s+(?:of\s+(?:it|the\s+\S+)\s+)?(?:now|today|up\s*front|this\s+week|first|straight\s+away)\b.{0,40}?\b(?:the\s+(?:other\s+)?half|half|the\s+rest|the\s+remainder|the\s+balance)\b/gi;
// A part now and "the rest" later, or a deposit: parts that may differ, which a plan cannot say.
const PART_FIRST = /(?:¤|\bsome\b|\bpart\b|\ba\s+bit\b|\bdeposit\b|\bdown\s*payment\b)[^.;]{0,25}?\b(?:now|today|up\s*front|upfront|straight\s+away|right\s+away|this\s+week|first)\b|\b(?:deposit|down\s*payment|part[\s-]?payment|lump\s+sum)\b/i;
// "half the $200", "a third of the bill", "some of it": a part, whose amount is the fraction or nobody's guess.
const FRACTION = /\b(half|a\s+third|one\s+third|a\s+quarter|one\s+quarter)\s+(?:of\s+)?(?:(?:the|my|that|this|our|her|his)\s+)?$/i;
const PARTIAL = /\b(?:half|a\s+third|one\s+third|a\s+quarter|one\s+quarter|some\s+of|part\s+of|most\s+of|a\s+bit\s+of|a\s+portion)\b/i;
const DIVISOR: Record<string, number> = { half: 2, third: 3, quarter: 4 };
const REST = /\b(?:rest|remainder|remaining|balance|other\s+half)\b/i;

/**
 * Reads what a caller asked for with their money, from free text such as DialNexa's `credit_request`:
 * a payment plan ("3 x $140.00 fortnightly", "three monthly instalments of £120 from 1 December"), a
 * promise to pay ("will pay the $420 on Friday"), a credit or a refund with its amount — or "unclear"
 * when money words give no clear request ("sort out the bill"), when the request is negated or told as
 * past ("don't want a refund", "the refund was processed"), or when its parts differ ("$100 now and the
 * rest in two weeks"). A correction ("no, make it four payments") wins over what it corrects. Undefined
 * for empty text. Amounts are decimal strings (decimal.js); dates are `YYYY-MM-DD` in the account's calendar.
 */
export function readMoneyTerms(text: string | undefined, ctx: TermsContext): MoneyTerms | undefined {
  const said = text?.replace(/\s+/g, ' ').trim();
  if (!said) return undefined;
  const unclear: UnclearTerms = { kind: 'unclear', text: said };
  const work = said.replace(/[\u2018\u2019]/g, "'");
  const amounts = findAmounts(work, ctx.currency);
  const plain = blankOut(work, amounts, ' ');
  const marked = blankOut(work, amounts, '¤');
  const fix = correctionAt(plain);
  const parts = splitParts(marked, amounts);
  if (parts) return parts === 'uneven' ? unclear : parts;
  if (requested(marked, PLAN) && (amounts.length > 0 || findCount(plain) || bareInstalment(plain, ctx))) {
    return readPlan(work, plain, amounts, fix, ctx) ?? unclear;
  }
  const refund = requested(marked, REFUND);
  if (refund || requested(marked, CREDIT)) {
    const amount = amountOf(work, amounts, fix);
    if (amount === 'partial') return unclear;
    // Amounts that differ ("charged $129 instead of $99"): the request is clear, its amount is not.
    return { kind: refund ? 'refund' : 'credit', ...(amount === 'several' ? {} : amount) };
  }
  if (requested(marked, PROMISE)) {
    const date = (fix !== undefined ? findDate(plain.slice(fix), ctx) : undefined) ?? findDate(plain, ctx);
    const amount = amountOf(work, amounts, fix, true);
    // A promise needs one sum: two ("$100 on Friday and $100 next Friday") or a part are for a person.
    if (amount === 'partial' || amount === 'several' || (!date && METHOD.test(plain))) return unclear;
    return { kind: 'promise_to_pay', ...amount, ...dated(date, 'date') };
  }
  return unclear;
}

// "Half now and half later" is a plan of two; "$200 today and $200 on Friday" a plan of two equal parts;
// "$100 now and the rest in two weeks" or a deposit and the rest are parts that differ: 'uneven'.
function splitParts(marked: string, amounts: FoundAmount[]): PlanTerms | 'uneven' | undefined {
  const distinct = [...new Set(amounts.map((a) => `${a.money.amount} ${a.money.currency}`))];
  if (requested(marked, HALVES)) {
    if (distinct.length > 1) return 'uneven';
    const whole = amounts[0]?.money;
    const instalment = whole ? splitEvenly(whole, 2) : undefined;
    return { kind: 'payment_plan', count: 2, ...(instalment ? { instalment } : {}), ...(whole ? { total: whole } : {}) };
  }
  const first = PART_FIRST.exec(marked);
  if (!first) return undefined;
  if (REST.test(marked.slice(first.index + first[0].length))) return 'uneven';
  if (!first[0].startsWith('¤') || amounts.length < 2) return undefined;
  if (distinct.length > 1) return 'uneven';
  const instalment = amounts[0]!.money;
  return { kind: 'payment_plan', count: amounts.length, instalment, total: times(instalment, amounts.length) };
}

type Role = 'each' | 'whole';
type Part = { money: Money; role: Role | undefined; start: number };

function readPlan(said: string, plain: string, amounts: FoundAmount[], fix: number | undefined, ctx: TermsContext): PlanTerms | undefined {
  const after = fix !== undefined ? plain.slice(fix) : undefined;
  let count = (after !== undefined ? findCorrectedCount(after) : undefined) ?? findCount(plain);
  const frequency = (after !== undefined ? findFrequency(after) : undefined) ?? findFrequency(plain);
  const parts = corrected(amounts.map((a) => ({ money: a.money, start: a.start, role: roleOf(said, a) })), fix);
  if (!parts.some((p) => p.role === 'each')) {
    const bare = bareInstalment(plain, ctx);
    if (bare) parts.push({ money: bare, role: 'each', start: -1 });
  }
  const eaches = distinctMoney(parts.filter((p) => p.role === 'each'));
  const wholes = distinctMoney(parts.filter((p) => p.role !== 'each'));
  // Two instalments or two totals that differ: which one holds is for a person to say.
  if (eaches.length > 1 || wholes.length > 1) return undefined;
  const [each, whole] = [eaches[0], wholes[0]];
  if (each && whole && whole.currency !== each.currency) return undefined;
  if (each && whole && !count) count = wholeCount(whole, each);
  // The instalments must make the total that was said: "$900 in 3 payments of $250" is not a plan to guess.
  if (each && whole && (!count || !new Decimal(each.amount).times(count).equals(whole.amount))) return undefined;
  const instalment = each ?? (whole && count ? splitEvenly(whole, count) : undefined);
  const total = instalment && count ? times(instalment, count) : whole;
  return {
    kind: 'payment_plan',
    ...(count ? { count } : {}),
    ...(instalment ? { instalment } : {}),
    ...(frequency ? { frequency } : {}),
    ...(total ? { total } : {}),
    ...dated(firstDate(plain, ctx), 'firstDate'),
  };
}

function roleOf(said: string, a: FoundAmount): Role | undefined {
  return INSTALMENT_AFTER.test(said.slice(0, a.start)) || INSTALMENT_BEFORE.test(said.slice(a.end)) ? 'each' : undefined;
}

// After a correction, the first amount said replaces the last one before it, in its role unless its own
// words give one: "3 payments of $100, sorry, $120 each".
function corrected(parts: Part[], fix: number | undefined): Part[] {
  if (fix === undefined) return parts;
  const before = parts.filter((p) => p.start < fix);
  const after = parts.filter((p) => p.start >= fix);
  if (!after.length || !before.length) return parts;
  const replaced = before[before.length - 1]!;
  return [...before.slice(0, -1), { ...after[0]!, role: after[0]!.role ?? replaced.role }, ...after.slice(1)];
}

function distinctMoney(parts: Part[]): Money[] {
  const seen = new Map<string, Money>();
  for (const p of parts) seen.set(`${new Decimal(p.money.amount).toFixed(2)} ${p.money.currency}`, p.money);
  return [...seen.values()];
}

// "$75 a fortnight until the $600 is cleared": 8 instalments, only when they divide exactly.
function wholeCount(whole: Money, each: Money): number | undefined {
  const n = new Decimal(whole.amount).dividedBy(each.amount);
  return n.isInteger() && n.greaterThan(0) && n.lessThanOrEqualTo(60) ? n.toNumber() : undefined;
}

function bareInstalment(plain: string, ctx: TermsContext): Money | undefined {
  for (const re of BARE_INSTALMENT) {
    const m = re.exec(plain);
    if (m?.[1] && new Decimal(m[1]).greaterThan(0)) return { amount: new Decimal(m[1]).toFixed(2), currency: ctx.currency };
  }
  return undefined;
}

// The amount a refund, credit or promise is about: after a correction, the corrected one; "half the $200"
// is 100.00. 'partial' when a part is named that cannot be worked out, 'several' when amounts differ.
// A promise counts each sum said ("$100 on Friday and $100 next Friday" is two payments).
function amountOf(said: string, amounts: FoundAmount[], fix: number | undefined, eachSum = false): { amount?: Money } | 'partial' | 'several' {
  const heard = fix !== undefined && amounts.some((a) => a.start >= fix) ? amounts.filter((a) => a.start >= fix) : amounts;
  const distinct = new Set(heard.map((a) => `${new Decimal(a.money.amount).toFixed(2)} ${a.money.currency}`));
  // "$50 of the $129": the first is the part asked for.
  const partOf = heard.length === 2 && /^\s*(?:of|out\s+of)\s+(?:(?:the|my|that|this|her|his|our)\s+)?$/i.test(said.slice(heard[0]!.end, heard[1]!.start));
  if (partOf) return { amount: heard[0]!.money };
  if (distinct.size > 1 || (eachSum && heard.length > 1)) return 'several';
  const chosen = heard[0];
  if (!chosen) return PARTIAL.test(said) ? 'partial' : {};
  const fraction = FRACTION.exec(said.slice(0, chosen.start));
  if (fraction) {
    const part = splitEvenly(chosen.money, DIVISOR[fraction[1]!.toLowerCase().split(/\s+/).pop()!]!);
    return part ? { amount: part } : 'partial';
  }
  const rest = blankOut(said, [chosen], ' ');
  return PARTIAL.test(rest) ? 'partial' : { amount: chosen.money };
}

// The first instalment's date follows "from"/"starting"; a bare date in a plan may be anything else.
function firstDate(plain: string, ctx: TermsContext): string | undefined {
  const m = FIRST_DATE.exec(plain);
  return m ? findDate(m[0], ctx) : undefined;
}

function dated<K extends string>(date: string | undefined, key: K): Partial<Record<K, string>> {
  return date ? ({ [key]: date } as Partial<Record<K, string>>) : {};
}

// Amounts blanked (to spaces, or to "¤" and spaces) so "$14.50" is never read as the 14th of a 50th
// month, keeping offsets.
function blankOut(text: string, amounts: FoundAmount[], mark: ' ' | '¤'): string {
  let out = text;
  for (const a of amounts) out = out.slice(0, a.start) + mark.padEnd(a.end - a.start, ' ') + out.slice(a.end);
  return out;
}
