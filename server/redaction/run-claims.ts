import { KEEPISH, type Label, type LabelCat } from './context-labels.js';
import { beforePrefix, isAttached, isCurrencyOrPlus, onlyGlue, precededByDateWord } from './run-neighbours.js';
import { isDateRange, isDateShape, isFullDate, isPhoneShape } from './number-shapes.js';
import { afterWeekday, anyMonth, anySpoken, isDayAndMonth, isDayOfMonth, isPostcode, isQuantity, isStreetNumber, isTime, isWrittenAbn, isWrittenPhone, isEinShape, amountOrAppointment, isLetterPrefixed, namesCardEnd, phoneCue, isNamedNzbn, isNumberList } from './benign-readings.js';
import { isLikelyCard } from './card-numbers.js';
import { irdChecksum, tfnChecksum } from './checksums.js';
import { runDigits, type Group, type Run } from './spoken-digits.js';
import type { FindingKind } from './findings.js';
import type { Doc } from './run-context.js';

// Which numbers the rule keeps however the conversation got to them (issue 12: "postcodes, phone
// numbers, invoice/job/PO/receipt numbers, amounts, dates, … must stay, verbatim"): a document word
// linked to the number, an account "with us", and the plainly benign readings (benign-readings.ts).
// The dialogue slots and the fail-closed rule ask this before removing a number that no label names.

export { isBenign, isWrittenPhone, layoutOf } from './benign-readings.js';

/** 'keep' moves the conversation on (a document number, an amount); 'date' and 'ending' do not. */
export type Claim = 'keep' | 'ending' | 'date' | null;

const SENTENCE_END = new Set(['?', '!', '.']);
// What may link a document label to its number inside a sensitive slot's own turn: glue words and
// ':', '#', '-' ("invoice no: 1042", "call back on oh four…"), not a comma or bracket ("my social on
// the work order, 177-99-4969" names the social).
const DIRECT_PUNCT = new Set([':', '#', '-', '=', '.', '"']); // '"': a JSON key and its value
const TRAIL_WORDS = new Set(['is', 'was', 'as', 'for', 'my', 'the', 'our', 'your', 'his', 'her', 'their', 'that', 's', "'", '’', 'on', 'in', 'of']);

// "company no. 11482937", "ref. 5521": a full stop after an abbreviation ends no sentence.
const ABBREVIATIONS = new Set(['no', 'nr', 'ref', 'inv', 'acct', 'acc', 'tel', 'ph', 'num', 'co', 'reg', 'lic', 'approx']);

function sentenceBreak(doc: Doc, from: number, to: number): boolean {
  for (let k = from; k <= to; k++) {
    const t = doc.tokens[k]!;
    if (SENTENCE_END.has(t.text) && !(t.text === '.' && ABBREVIATIONS.has(doc.tokens[k - 1]?.lower ?? ''))) return true;
  }
  return false;
}

function directLink(doc: Doc, from: number, to: number): boolean {
  for (let k = from; k <= to; k++) {
    const t = doc.tokens[k]!;
    if (t.kind === 'punct' && !DIRECT_PUNCT.has(t.text)) return false;
  }
  return true;
}

/** The label right before the run, joined to it only by glue words in the same sentence. */
function adjacentLabel(doc: Doc, run: Run, before: number): Label | undefined {
  const l = doc.labels[before];
  // "vat_reg: GB 552 0193 84": a country prefix stands between a VAT label and its number.
  const upTo = l?.cat === 'keep' ? beforePrefix(doc.tokens, run.first) : run.first - 1;
  if (!l) return undefined;
  // "the ref on the BPAY slip is 7719 0033 8421 5", "my reference on the letter is …": where the document is.
  // "the PayPoint reference on your bill is …": the document word inside the where-it-is names nothing.
  const outer = doc.labels[before - 1];
  if ((l.cat === 'money' || l.cat === 'card') && outer?.cat === 'keep' && WHERE_IT_IS.test(doc.text.slice(outer.end, doc.tokens[run.first]!.start))) return outer;
  if (l.cat === 'keep' && saysWhereItIs(doc, l, run.first)) return l;
  if (!onlyGlue(doc.tokens, l.last + 1, upTo, 6) || sentenceBreak(doc, l.last + 1, upTo)) return undefined;
  return l;
}
// "our GST number, which is 121-557-804".
const WHICH_IS = /^\s*,?\s*which\s+(?:is|was)\s*:?\s*$/i;
// "the Gas Safe number is on the service record, 558102".
const IS_ON_THE = /^\s+(?:is|was)\s+(?:on|in)\s+(?:the|your|my|our)\s+[A-Za-z]+(?:\s+[A-Za-z]+)?\s*[,:]\s*$/i;
// "the GST number on there is 115-196-596", "the invoice number on it says 4471".
const ON_THERE = /^\s+(?:on|in)\s+(?:there|here|it)\s+(?:is|was|says|reads)\s*:?\s*$/i;
// A noun, not a pronoun: "under customer ref it says 395 903 285 — that's my tax file number!".
const WHERE_IT_IS = /^\s+(?:(?:on|from|in|off)\s+(?:the|my|your|this|that|our)\s+)?(?!(?:it|that|this|he|she|they)\b)[A-Za-z]+(?:\s+[A-Za-z]+)?\s+(?:is|was|reads|says)\s*:?\s*$/i;

/** "the ref on the BPAY slip is …", "the GST number on there is …": a document label naming a number a few words on. */
export function saysWhereItIs(doc: Doc, l: Label, runFirst: number): boolean {
  const between = doc.text.slice(l.end, doc.tokens[runFirst]!.start);
  return WHERE_IT_IS.test(between) || ON_THERE.test(between) || IS_ON_THE.test(between) || WHICH_IS.test(between);
}

/**
 * The run is the value of an extracted field whose key's last label is a document word
 * ("vat_number_of_business: GB 294 7718 06"), whatever a slot from the line before says.
 */
function keyNamesKeep(doc: Doc, run: Run, before: number, cat: LabelCat = 'keep'): boolean {
  const line = doc.lines[doc.tokens[run.first]!.line]!;
  if (line.key < 0 || run.first < line.key) return false;
  const l = doc.labels[before];
  if (!l || l.first < line.content || l.last > line.key) return false;
  for (let k = line.key + 1; k < run.first; k++) if (doc.tokens[k]!.kind === 'num' || doc.tokens[k]!.kind === 'block') return false;
  return l.cat === cat;
}

/** A keep-ish label a few words after the run ("… 3318 as the reference"), before any other number. */
function trailingKeep(doc: Doc, run: Run): boolean {
  for (let k = run.last + 1, n = 0; k < doc.tokens.length && n < 5; k++, n++) {
    const t = doc.tokens[k]!;
    if (t.label >= 0) return KEEPISH.has(doc.labels[t.label]!.cat);
    if (t.kind !== 'word' || !TRAIL_WORDS.has(t.lower)) return false;
  }
  return false;
}

// "Customer account number with us is 20934", "your balance on account 55091": the caller's account
// with the business, however the sentence puts it (bank accounts are paid into, not "on" or "with us").
const ACCOUNT_WITH_US = /^\s+(?:(?:number|no\.?|#)\s+)?with\s+(?:us|you|your\s+company)\s*(?:is|was|:)?\s*:?\s*$/i;

/** The label before the run names the caller's account with the business (see ACCOUNT_WITH_US). */
export function accountWithUs(doc: Doc, run: Run, before: number): boolean {
  const l = doc.labels[before];
  if (!l || (l.cat !== 'account' && l.cat !== 'keep')) return false;
  const between = doc.text.slice(l.end, doc.tokens[run.first]!.start);
  if (ACCOUNT_WITH_US.test(between)) return true;
  return l.cat === 'account' && /^\s*$/.test(between) && doc.tokens[l.first - 1]?.lower === 'on' && l.first === l.last;
}

/** "Account 3308 with us": the caller's account with the business, not a bank account. */
export function withTheBusiness(doc: Doc, run: Run): boolean {
  const t = doc.tokens;
  return t[run.last + 1]?.lower === 'with' && ['us', 'you', 'your'].includes(t[run.last + 2]?.lower ?? '');
}

const MASKS = new Set(['*', '•', '·', '#']);

/** "****5512", "•••• 7781", "xxxx-4410": the end of a card shown masked, as receipts and apps print it. */
function maskedBefore(doc: Doc, run: Run): boolean {
  if (run.groups.length !== 1 || run.groups[0]!.digits.length !== 4) return false;
  let k = run.first - 1;
  if (doc.tokens[k]?.text === '-') k--;
  const prev = doc.tokens[k];
  if (prev?.kind === 'word') return /^[xX]{2,}$/.test(prev.text);
  let n = 0;
  while (k >= 0 && MASKS.has(doc.tokens[k]!.text)) {
    n++;
    k--;
  }
  return n >= 2;
}

/** A single capital letter read just before the number ("33 L Q M 5149 …", "R 5218"): part of an identifier. */
function afterSpelledLetter(doc: Doc, run: Run): boolean {
  const prev = doc.tokens[run.first - 1];
  return prev !== undefined && prev.kind === 'word' && prev.text.length === 1 && prev.text !== prev.lower;
}

const BRANCH_OR_EXPIRY: ReadonlySet<FindingKind> = new Set<FindingKind>(['expiry', 'sort_code', 'bsb']);

/**
 * What keeps a run from being a slot's answer. `before` is the index of the last label that ends
 * before the run (-1 if none); `kind` is what the slot would make of it; `slotTurn` is the turn whose
 * label opened the slot: in that turn a document label claims only a number it is directly linked to
 * ("my social on the work order, 177-99-4969" is the social).
 */
export function claimOf(doc: Doc, run: Run, before: number, kind: FindingKind, slotTurn = -1): Claim {
  const digits = runDigits(run.groups);
  // Letters glued to the digits are part of an IBAN ("DE83 2651") or a roll number ("R/527731-06").
  // A hyphen never joins an IBAN's letters to its digits: "RF-2019", "DEP-2219" are references.
  const hyphened = doc.tokens[run.first - 1]?.text === '-' && !doc.tokens[run.first]!.space;
  const lettered = (kind === 'iban' && !hyphened) || (kind === 'bank_account' && doc.tokens[run.first - 1]?.text === '/');
  if ((!lettered && isAttached(doc, run)) || isCurrencyOrPlus(doc, run, digits, false)) return 'keep';
  const lab = adjacentLabel(doc, run, before);
  // "card_last4_confirmed: 7952": a key whose last label is a card's end.
  if (digits.length <= 4 && (lab?.cat === 'ending' || keyNamesKeep(doc, run, before, 'ending'))) return 'ending';
  if (maskedBefore(doc, run) || namesCardEnd(doc, run)) return 'ending';
  // A phone word vouches for a phone-sized number only ("card on call: 6011 7380 8825 2026" is a card).
  const sized = lab?.cat === 'money' ? digits.length <= 8 : lab?.cat === 'phone' ? digits.length <= 12 || isPhoneShape(digits, false) : true;
  // A document word does not vouch for a number that is card-shaped (issuer prefix and Luhn): "invoice
  // 4532 0151 1283 0366" is a card read under the wrong name, and fail-closed says it goes (issue 12).
  const cardShaped = kind === 'card' && isLikelyCard(digits);
  // A valid TFN or IRD is a tax id even under a reference key ("payment_reference_used: 104599443":
  // NZ tax payments quote the IRD number as their reference).
  if (!cardShaped && keyNamesKeep(doc, run, before) && !tfnChecksum(digits) && !irdChecksum(digits)) return 'keep';
  if (lab && KEEPISH.has(lab.cat) && sized && !cardShaped) {
    const sameTurn = doc.tokens[run.first]!.turn === slotTurn;
    if (!sameTurn || directLink(doc, lab.last + 1, run.first - 1)) return 'keep';
  }
  if ((!cardShaped && (trailingKeep(doc, run) || withTheBusiness(doc, run) || accountWithUs(doc, run, before) || isNumberList(run))) || isNamedNzbn(doc, run, digits) || isPostcode(doc, run, digits) || isStreetNumber(doc, run) || isQuantity(doc, run, kind) || isWrittenAbn(run, digits) || isEinShape(run, doc.text)) return 'keep';
  if (kind !== 'iban' && kind !== 'bank_account' && (afterSpelledLetter(doc, run) || isLetterPrefixed(doc, run))) return 'keep';
  if (isTime(doc, run) || isDayOfMonth(doc, run) || afterWeekday(doc, run) || isFullDate(run.groups) || isDateRange(run.groups) || (kind === 'expiry' && isDayAndMonth(run.groups))) return 'date';
  if (amountOrAppointment(doc, run)) return 'date';
  // BSBs and sort codes are written with dashes, never a slash: "matched on 22/11" is a date.
  if ((kind === 'bsb' || kind === 'sort_code') && run.groups.some((g) => g.sep === 'slash')) return 'date';
  if (!BRANCH_OR_EXPIRY.has(kind) && (isDateShape(run.groups) || (precededByDateWord(doc.tokens, run.first) && anyMonth(run.groups)))) return 'date';
  // Card numbers never start with 0; a number that does and is written like a phone is one.
  // (Written only: "double oh ten" is the middle of a card read aloud.)
  if ((digits[0] === '0' && anySpoken(run.groups) && phoneCue(doc, run) && isPhoneShape(digits, false)) || (kind === 'card' && digits[0] === '0' && !anySpoken(run.groups) && isPhoneShape(digits, false)) || (isWrittenPhone(run, digits) && !accountField(doc, run, lab, digits))) return 'keep';
  return null;
}

/**
 * "a/c: 03 981 2264": a field keyed by an account word holds an account, even one a landline could be
 * (nine digits or fewer: AU and UK phones are longer, and a key that says account is not a phone's).
 */
function accountField(doc: Doc, run: Run, lab: Label | undefined, digits: string): boolean {
  if (lab?.cat !== 'account' || digits.length > 9) return false;
  const key = doc.lines[doc.tokens[run.first]!.line]!.key;
  return key > lab.last && key - lab.last <= 2 && key < run.first;
}

/** Groups of the run outside every span already found, as maximal stretches of consecutive groups. */
export function uncoveredStretches(run: Run, covered: (g: Group) => boolean): Group[][] {
  const out: Group[][] = [];
  let cur: Group[] = [];
  for (const g of run.groups) {
    if (covered(g)) {
      if (cur.length > 0) out.push(cur);
      cur = [];
    } else {
      cur.push(g);
    }
  }
  if (cur.length > 0) out.push(cur);
  return out;
}
