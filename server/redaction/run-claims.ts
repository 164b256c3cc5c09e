import { KEEPISH, type Label } from './context-labels.js';
import { isAttached, isCurrencyOrPlus, onlyGlue, precededByDateWord } from './run-neighbours.js';
import { isNumberWord } from './number-words.js';
import { isDateShape, isPhoneShape } from './number-shapes.js';
import { isLikelyCard } from './card-numbers.js';
import { runDigits, type Group, type Run } from './spoken-digits.js';
import type { FindingKind } from './findings.js';
import type { Doc } from './run-context.js';
import type { Token } from './tokens.js';

// Which numbers the rule keeps however the conversation got to them (issue 12: "postcodes, phone
// numbers, invoice/job/PO/receipt numbers, amounts, dates, … must stay, verbatim"). The dialogue slots
// and the fail-closed rule (dialogue-slots.ts) ask this before removing a number that no label names.

/** 'keep' moves the conversation on (a document number, an amount); 'date' and 'ending' do not. */
export type Claim = 'keep' | 'ending' | 'date' | null;

const SENTENCE_END = new Set(['?', '!', '.']);
// AU states and territories, US states: "Parramatta NSW 2150", "Austin, TX 78704" (a postcode, not a card group).
const REGIONS = new Set(('NSW VIC QLD SA WA TAS NT ACT AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV '
  + 'NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WV WI WY DC').split(' '));
const STREET = new Set(['st', 'street', 'rd', 'road', 'ave', 'avenue', 'dr', 'drive', 'ln', 'lane', 'way', 'cres', 'crescent', 'ct', 'court',
  'pl', 'place', 'blvd', 'boulevard', 'hwy', 'highway', 'tce', 'terrace', 'pde', 'parade', 'cl', 'close', 'cct', 'circuit', 'pkwy', 'parkway', 'grove', 'gr', 'square', 'sq']);
// Words that make a number a quantity: "about two thousand one hundred", "roughly 350".
const APPROX = new Set(['about', 'around', 'roughly', 'approximately', 'approx', 'nearly', 'almost', 'over', 'under', 'maybe', 'like', 'some', 'at', 'between']);
// Units after a number make it a quantity or a range: "1–2 business days", "3 visits", "4 x 15 metre".
const UNITS = new Set(['day', 'days', 'week', 'weeks', 'fortnight', 'fortnights', 'month', 'months', 'year', 'years', 'hour', 'hours', 'hrs',
  'minute', 'minutes', 'mins', 'business', 'working', 'visits', 'visit', 'instalments', 'installments', 'payments', 'times', 'x', 'percent',
  'metre', 'metres', 'meter', 'meters', 'am', 'pm', 'tomorrow', 'today', 'tonight', 'morning', 'afternoon', 'o\'clock', 'oclock', 'people', 'items', 'units', 'lots']);
const ORDINALS = new Set(['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth',
  'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'nineteenth', 'twentieth', 'thirtieth', 'th', 'st', 'nd', 'rd']);
// Phone layouts by group sizes (cards are read 4-4-4-4 or 4-6-5, never like these).
const PHONE_LAYOUTS = new Set(['3-3-4', '4-3-3', '2-4-4', '1-3-3-4', '2-3-4', '3-4-4', '5-6', '5-3-3', '2-2-3-3', '3-3-3-3']);
// What may link a document label to its number inside a sensitive slot's own turn: glue words and
// ':', '#', '-' ("invoice no: 1042", "call back on oh four…"), not a comma or bracket ("my social on
// the work order, 177-99-4969" names the social).
const DIRECT_PUNCT = new Set([':', '#', '-', '=', '.']);
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
  if (!l || !onlyGlue(doc.tokens, l.last + 1, run.first - 1, 6) || sentenceBreak(doc, l.last + 1, run.first - 1)) return undefined;
  return l;
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

function isPostcode(doc: Doc, run: Run, digits: string): boolean {
  if (digits.length !== 4 && digits.length !== 5 && digits.length !== 9) return false;
  let k = run.first - 1;
  if (doc.tokens[k]?.text === ',') k--;
  const prev = doc.tokens[k];
  return prev !== undefined && prev.kind === 'word' && REGIONS.has(prev.text);
}

/** "Account 3308 with us": the caller's account with the business, not a bank account. */
function withTheBusiness(doc: Doc, run: Run): boolean {
  const t = doc.tokens;
  return t[run.last + 1]?.lower === 'with' && ['us', 'you', 'your'].includes(t[run.last + 2]?.lower ?? '');
}

/** "4410 Elm St", "1812 Birch Ave": a street number. */
function isStreetNumber(doc: Doc, run: Run): boolean {
  if (run.groups.length !== 1 || run.groups[0]!.spoken || run.groups[0]!.digits.length > 5) return false;
  for (let k = run.last + 1; k <= run.last + 3 && k < doc.tokens.length; k++) {
    const t = doc.tokens[k]!;
    if (t.kind !== 'word') return false;
    if (k > run.last + 1 && STREET.has(t.lower)) return true;
  }
  return false;
}

/** "14:05", "[00:41]": a time of day or a timestamp (digits either side of a colon, no spaces). */
function isTime(doc: Doc, run: Run): boolean {
  return timeColon(doc.tokens, run.last + 1) || timeColon(doc.tokens, run.first - 1);
}

function timeColon(t: readonly Token[], k: number): boolean {
  const c = t[k];
  const after = t[k + 1];
  const before = t[k - 1];
  return c !== undefined && c.text === ':' && !c.space && after !== undefined && !after.space && after.kind === 'num' && before !== undefined && before.kind === 'num' && before.label < 0;
}

function anySpoken(groups: readonly Group[]): boolean {
  for (const g of groups) if (g.spoken) return true;
  return false;
}

function anyMonth(groups: readonly Group[]): boolean {
  for (const g of groups) if (g.month) return true;
  return false;
}

/** Group sizes joined by '-': "3-3-4". */
export function layoutOf(groups: readonly Group[]): string {
  let s = '';
  for (const g of groups) s += (s ? '-' : '') + g.digits.length;
  return s;
}

/** A quantity, not a reading: "about 350", "two thousand one hundred", "1–2 business days", "at nine thirty". */
function isQuantity(doc: Doc, run: Run, kind: FindingKind): boolean {
  const prev = doc.tokens[run.first - 1];
  if (prev?.kind === 'word' && APPROX.has(prev.lower)) return true;
  const next = doc.tokens[run.last + 1];
  if (next?.kind === 'word' && UNITS.has(next.lower)) return true;
  // "two thousand …", "one hundred and twelve fifty": amounts; "one six oh, seven hundred" is digits.
  for (let k = run.first; k <= run.last; k++) {
    const w = doc.tokens[k]!.lower;
    // "two thousand and twenty-nine" is a year in an expiry.
    if ((w === 'thousand' && kind !== 'expiry') || (w === 'hundred' && doc.tokens[k + 1]?.lower === 'and')) return true;
  }
  return false;
}

/** "the twenty-third of March", "the 3rd": a day of the month. */
function isDayOfMonth(doc: Doc, run: Run): boolean {
  let k = run.last + 1;
  if (doc.tokens[k]?.text === '-') k++;
  const next = doc.tokens[k];
  return next?.kind === 'word' && ORDINALS.has(next.lower);
}

/** A single capital letter read just before the number ("33 L Q M 5149 …", "R 5218"): part of an identifier. */
function afterSpelledLetter(doc: Doc, run: Run): boolean {
  const prev = doc.tokens[run.first - 1];
  return prev !== undefined && prev.kind === 'word' && prev.text.length === 1 && prev.text !== prev.lower;
}

/**
 * Written like a phone number, in groups: "512-555-0119", "0412 345 678" (a spoken string of digits
 * is not judged). A first group of five is a phone only as a UK trunk code ("07700 900123"); "75493
 * 78016" is a UTR.
 */
export function isWrittenPhone(run: Run, digits: string): boolean {
  if (digits.length < 9 || run.groups.length < 2 || anySpoken(run.groups) || !isPhoneShape(digits, false)) return false;
  const layout = layoutOf(run.groups);
  // With a trunk 0 in front, UK and NZ layouts too: "0161 496 0733", "021 123 4567".
  return PHONE_LAYOUTS.has(layout) || (digits[0] === '0' && digits[1] !== '0' && TRUNK_LAYOUTS.has(layout));
}

const TRUNK_LAYOUTS = new Set(['4-3-4', '4-4-3', '3-3-4', '3-7', '4-7', '5-5', '2-3-4', '2-8']);
const WEEKDAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun']);
const DATE_LEAD = new Set(['around', 'about', 'in', 'by', 'until', 'till', 'from', 'since', 'before', 'after', 'early', 'late', 'mid', 'during']);

/** "Tuesday, November 18": a weekday makes a month and number a date whatever was asked (cards print no weekday). */
function afterWeekday(doc: Doc, run: Run): boolean {
  if (!run.groups[0]!.month) return false;
  let prev = doc.tokens[run.first - 1];
  if (prev?.text === ',') prev = doc.tokens[run.first - 2];
  return prev?.kind === 'word' && WEEKDAYS.has(prev.lower);
}

/** "around September 2026", "by March 2027": a month and year in plain talk, not an expiry read out. */
function isPlainMonth(doc: Doc, run: Run): boolean {
  if (!run.groups[0]!.month) return false;
  if (afterWeekday(doc, run)) return true;
  const prev = doc.tokens[run.first - 1];
  if (!prev || prev.kind !== 'word' || !DATE_LEAD.has(prev.lower)) return false;
  const lab = doc.tokens[run.first - 2];
  return !(lab && lab.label >= 0 && doc.labels[lab.label]!.cat === 'expiry');
}

/** Amounts said in words: "two thousand two hundred and forty dollars". */
function isSpokenAmount(doc: Doc, run: Run): boolean {
  for (let k = run.last + 1; k <= run.last + 6 && k < doc.tokens.length; k++) {
    const w = doc.tokens[k]!.lower;
    if (CURRENCY_WORDS.has(w)) return true;
    if (doc.tokens[k]!.kind !== 'word' || !(isNumberWord(w) || w === 'and' || w === 'hundred' || w === 'thousand')) return false;
  }
  return false;
}
const CURRENCY_WORDS = new Set(['dollars', 'dollar', 'bucks', 'pounds', 'quid', 'euros', 'cents', 'pence']);

/**
 * Numbers the rule keeps whatever the talk around them: a postcode after its state, a street number,
 * a time, a phone written in a phone's groups. The label-by-label pass keeps these too (detect-digits.ts).
 */
export function isBenign(doc: Doc, run: Run): boolean {
  if (isTime(doc, run) || isStreetNumber(doc, run) || isPlainMonth(doc, run) || isSpokenAmount(doc, run)) return true;
  let n = 0;
  for (const g of run.groups) n += g.digits.length;
  if (n !== 4 && n !== 5 && n < 9) return false; // postcodes and phones only
  const digits = runDigits(run.groups);
  return isPostcode(doc, run, digits) || isWrittenPhone(run, digits);
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
  const lettered = kind === 'iban' || (kind === 'bank_account' && doc.tokens[run.first - 1]?.text === '/');
  if ((!lettered && isAttached(doc, run)) || isCurrencyOrPlus(doc, run, digits, false)) return 'keep';
  const lab = adjacentLabel(doc, run, before);
  if (lab?.cat === 'ending') return 'ending';
  // A phone word vouches for a phone-sized number only ("card on call: 6011 7380 8825 2026" is a card).
  const sized = lab?.cat === 'money' ? digits.length <= 8 : lab?.cat === 'phone' ? digits.length <= 12 || isPhoneShape(digits, false) : true;
  // A document word does not vouch for a number that is card-shaped (issuer prefix and Luhn): "invoice
  // 4532 0151 1283 0366" is a card read under the wrong name, and fail-closed says it goes (issue 12).
  if (lab && KEEPISH.has(lab.cat) && sized && !(kind === 'card' && isLikelyCard(digits))) {
    const sameTurn = doc.tokens[run.first]!.turn === slotTurn;
    if (!sameTurn || directLink(doc, lab.last + 1, run.first - 1)) return 'keep';
  }
  if (trailingKeep(doc, run) || withTheBusiness(doc, run) || isPostcode(doc, run, digits) || isStreetNumber(doc, run) || isQuantity(doc, run, kind)) return 'keep';
  if (kind !== 'iban' && kind !== 'bank_account' && afterSpelledLetter(doc, run)) return 'keep';
  if (isTime(doc, run) || isDayOfMonth(doc, run) || afterWeekday(doc, run)) return 'date';
  if (!BRANCH_OR_EXPIRY.has(kind) && (isDateShape(run.groups) || (precededByDateWord(doc.tokens, run.first) && anyMonth(run.groups)))) return 'date';
  // Card numbers never start with 0; a number that does and is written like a phone is one.
  // (Written only: "double oh ten" is the middle of a card read aloud.)
  if ((kind === 'card' && digits[0] === '0' && !anySpoken(run.groups) && isPhoneShape(digits, false)) || isWrittenPhone(run, digits)) return 'keep';
  return null;
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
