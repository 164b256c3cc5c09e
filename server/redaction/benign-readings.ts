import { isNumberWord } from './number-words.js';
import { isAmountShape, isDateRange, isFullDate, isPhoneShape } from './number-shapes.js';
import { abnChecksum } from './checksums.js';
import { runDigits, type Group, type Run } from './spoken-digits.js';
import type { FindingKind } from './findings.js';
import { SENSITIVE_CATS as SENSITIVE_LABEL } from './context-labels.js';
import type { Doc } from './run-context.js';
import type { Token } from './tokens.js';

// Readings that are plainly not sensitive values, whatever was asked before them (issue 12: "postcodes,
// phone numbers, amounts, dates, … must stay, verbatim"): a postcode after its state, a street number,
// a time, a date, a quantity, a phone written in a phone's groups. run-claims.ts asks these.

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

export function isPostcode(doc: Doc, run: Run, digits: string): boolean {
  if (digits.length !== 4 && digits.length !== 5 && digits.length !== 9) return false;
  // "78702-4411": a US ZIP+4, written as only a ZIP+4 is.
  const g = run.groups;
  if (g.length === 2 && g[0]!.digits.length === 5 && g[1]!.digits.length === 4 && g[1]!.sep === 'dash' && !g[0]!.spoken && !g[1]!.spoken) return true;
  let k = run.first - 1;
  if (doc.tokens[k]?.text === ',') k--;
  const prev = doc.tokens[k];
  return prev !== undefined && prev.kind === 'word' && (REGIONS.has(prev.text) || REGION_NAMES.has(prev.text));
}
// "Austin, Texas, seven eight seven oh two, dash four four one one": a state written out (its last word).
const REGION_NAMES = new Set(('Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Georgia Hawaii Idaho '
  + 'Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts Michigan Minnesota Mississippi Missouri Montana '
  + 'Nebraska Nevada Hampshire Jersey Mexico York Carolina Dakota Ohio Oklahoma Oregon Pennsylvania Island Tennessee Texas Utah '
  + 'Vermont Virginia Washington Wisconsin Wyoming Victoria Queensland Tasmania Territory').split(' '));

/** "4410 Elm St", "1812 Birch Ave": a street number. */
export function isStreetNumber(doc: Doc, run: Run): boolean {
  // "3/14 Marine Parade": a unit and a street number, as AU and NZ addresses write them.
  const unit = run.groups.length === 2 && run.groups[1]!.sep === 'slash' && run.groups[0]!.digits.length <= 4 && run.groups[1]!.digits.length <= 5;
  if ((run.groups.length !== 1 && !unit) || run.groups.some((g) => g.spoken) || run.groups[0]!.digits.length > 5) return false;
  for (let k = run.last + 1; k <= run.last + 3 && k < doc.tokens.length; k++) {
    const t = doc.tokens[k]!;
    if (t.kind !== 'word') return false;
    if (k > run.last + 1 && STREET.has(t.lower)) return true;
  }
  return false;
}

/** "14:05", "[00:41]": a time of day or a timestamp (digits either side of a colon, no spaces). */
export function isTime(doc: Doc, run: Run): boolean {
  return timeColon(doc.tokens, run.last + 1) || timeColon(doc.tokens, run.first - 1);
}

function timeColon(t: readonly Token[], k: number): boolean {
  const c = t[k];
  const after = t[k + 1];
  const before = t[k - 1];
  return c !== undefined && c.text === ':' && !c.space && after !== undefined && !after.space && after.kind === 'num' && before !== undefined && before.kind === 'num' && before.label < 0;
}

export function anySpoken(groups: readonly Group[]): boolean {
  for (const g of groups) if (g.spoken) return true;
  return false;
}

export function anyMonth(groups: readonly Group[]): boolean {
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
export function isQuantity(doc: Doc, run: Run, kind: FindingKind): boolean {
  const prev = doc.tokens[run.first - 1];
  if (prev?.kind === 'word' && APPROX.has(prev.lower)) return true;
  const next = doc.tokens[run.last + 1];
  // "52 STCs", "3 RCDs": a count of things named by an acronym.
  if (next?.kind === 'word' && (UNITS.has(next.lower) || /^[A-Z]{2,}s$/.test(next.text))) return true;
  // "two thousand …", "one hundred and twelve fifty": amounts; "one six oh, seven hundred" is digits.
  for (let k = run.first; k <= run.last; k++) {
    const w = doc.tokens[k]!.lower;
    // "two thousand and twenty-nine" is a year in an expiry.
    if ((w === 'thousand' && kind !== 'expiry') || (w === 'hundred' && doc.tokens[k + 1]?.lower === 'and')) return true;
  }
  return false;
}

/** "28/02", "31-05": a day and a month, written; no card expires in month 28. */
export function isDayAndMonth(groups: readonly Group[]): boolean {
  if (groups.length !== 2 || groups[0]!.spoken || groups[1]!.spoken) return false;
  const [a, b] = groups as [Group, Group];
  if (a.digits.length > 2 || b.digits.length !== 2 || !(b.sep === 'slash' || b.sep === 'dash' || b.sep === 'dot')) return false;
  const day = Number(a.digits);
  const month = Number(b.digits);
  return day > 12 && day <= 31 && month >= 1 && month <= 12;
}

/** "the twenty-third of March", "the 3rd": a day of the month. */
export function isDayOfMonth(doc: Doc, run: Run): boolean {
  let k = run.last + 1;
  if (doc.tokens[k]?.text === '-') k++;
  const next = doc.tokens[k];
  return next?.kind === 'word' && ORDINALS.has(next.lower);
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
export function afterWeekday(doc: Doc, run: Run): boolean {
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
  if (isLetterPrefixed(doc, run) || namesCardEnd(doc, run) || isNumberList(run)) return true;
  // A spoken phone number said with a word for sending or calling (phoneCue).
  if (run.groups.some((g) => g.spoken) && run.groups[0]!.digits[0] === '0' && phoneCue(doc, run) && isPhoneShape(runDigits(run.groups), false)) return true;
  if (isTime(doc, run) || isFullDate(run.groups) || isDateRange(run.groups) || isStreetNumber(doc, run) || isPlainMonth(doc, run) || isSpokenAmount(doc, run) || amountOrAppointment(doc, run)) return true;
  let n = 0;
  for (const g of run.groups) n += g.digits.length;
  if (n !== 4 && n !== 5 && n < 9) return false; // postcodes, phones, ABNs and EINs only
  const digits = runDigits(run.groups);
  return isPostcode(doc, run, digits) || isWrittenPhone(run, digits) || isWrittenAbn(run, digits) || isEinShape(run, doc.text) || isNamedNzbn(doc, run, digits);
}

/**
 * "Our NZBN for your records is 9429038110457": an NZ Business Number is a GS1 number with NZ's prefix
 * 94 (nzbn.govt.nz), public like an ABN. No card issuer uses 94, so thirteen digits starting 94 with
 * "NZBN" said in this turn or the one before are kept, check digit or not (callers misread).
 */
export function isNamedNzbn(doc: Doc, run: Run, digits: string): boolean {
  if (digits.length !== 13 || !digits.startsWith('94')) return false;
  const turn = doc.tokens[run.first]!.turn;
  const at = doc.tokens[run.first]!.start;
  for (const l of doc.labels) {
    if (l.start > at) break;
    if (turn - l.turn <= 1 && /nzbn/i.test(doc.text.slice(l.start, l.end))) return true;
  }
  return false;
}

const PHONE_CUES = new Set(['send', 'link', 'text', 'sms', 'mobile', 'phone', 'number', 'call', 'ring', 'whatsapp', 'cell']);

/**
 * "Send it to oh four one seven, three three oh, two six one", "add my partner's number … Oh seven seven
 * double oh, …": a spoken phone number, said with a word for sending or calling earlier in its turn.
 * (Without one, a spoken run starting with "oh" may be the middle of a card read aloud.)
 */
export function phoneCue(doc: Doc, run: Run): boolean {
  const turn = doc.tokens[run.first]!.turn;
  // "the card number is oh four one seven, …" names it a card (a misread one): a sensitive word in the
  // run's own sentence, with no cue after it, wins.
  let sentence = true;
  for (let k = run.first - 1; k >= 0 && doc.tokens[k]!.turn === turn; k--) {
    const t = doc.tokens[k]!;
    if (t.label >= 0 && sentence && SENSITIVE_LABEL.has(doc.labels[t.label]!.cat)) return false;
    if (t.text === '.' || t.text === '?' || t.text === '!') sentence = false;
    if (PHONE_CUES.has(t.lower)) return true;
  }
  return false;
}

/** "the 1806 card", "the 1806 one", "got the 6616 at the end": four digits that name a card by its end. */
export function namesCardEnd(doc: Doc, run: Run): boolean {
  let n = 0;
  for (const g of run.groups) n += g.digits.length;
  if (n !== 4) return false;
  const t = doc.tokens;
  const next = t[run.last + 1]?.lower;
  if (next === 'card' || next === 'one') return t[run.first - 1]?.lower === 'the';
  return next === 'at' && t[run.last + 2]?.lower === 'the' && t[run.last + 3]?.lower === 'end';
}

/**
 * "invoices 33019, 33020 and 33022": three or more numbers of one length (five or six digits), listed
 * with commas and an "and". No bank account or card is read that way (a card's groups are fours).
 */
export function isNumberList(run: Run): boolean {
  const g = run.groups;
  if (g.length < 3 || g[g.length - 1]!.sep !== 'and') return false;
  const len = g[0]!.digits.length;
  if (len < 5 || len > 6) return false;
  for (let i = 1; i < g.length; i++) {
    if (g[i]!.digits.length !== len) return false;
    if (i < g.length - 1 && g[i]!.sep !== 'comma') return false;
  }
  return true;
}

const LETTER_PREFIX_MAX_DIGITS = 6;
const NINO_ENDS = new Set(['bee', 'be', 'see', 'sea', 'dee', 'ay', 'eh']);

/**
 * "JC, four four seven one", "S C C, two one oh four four", "PG, seven seven oh one nine": a document
 * reference whose letters were read out before its digits (invoice, contract and job numbers carry a
 * letter prefix). One to three capital letters, or one 2-3 letter capital word, then at most a comma.
 * Not a lone "I" or "A" (a word), not after a sensitive word ("roll number R 527731"), never card-sized.
 */
export function isLetterPrefixed(doc: Doc, run: Run): boolean {
  let n = 0;
  for (const g of run.groups) n += g.digits.length;
  if (n > LETTER_PREFIX_MAX_DIGITS) return false;
  let k = run.first - 1;
  // "JC, four four …", "H H dash two oh four one nine".
  if (doc.tokens[k]?.text === ',' || doc.tokens[k]?.lower === 'dash') k--;
  let letters = '';
  while (k >= 0) {
    const t = doc.tokens[k]!;
    if (t.kind !== 'word' || t.label >= 0 || !/^[A-Z]{1,3}$/.test(t.text)) break;
    if (t.text.length > 1 && letters.length > 0) break;
    letters = t.text + letters;
    k--;
    if (t.text.length > 1) break;
  }
  if (letters === '' || letters === 'I' || letters === 'A') return false;
  // Two letters, six digits and a letter after them is a NINO's layout ("ZW five one three four five nine C").
  const after = doc.tokens[run.last + 1];
  if (letters.length === 2 && n === 6 && after?.kind === 'word' && (/^[A-Da-d]$/.test(after.text) || NINO_ENDS.has(after.lower))) return false;
  const before = doc.tokens[k];
  return !(before && before.label >= 0 && SENSITIVE_LABEL.has(doc.labels[before.label]!.cat));
}

/** "51 824 753 556": an ABN in its printed groups with a valid check (1 in 89 for any other number). */
export function isWrittenAbn(run: Run, digits: string): boolean {
  return digits.length === 11 && layoutOf(run.groups) === '2-3-3-3' && !anySpoken(run.groups) && abnChecksum(digits);
}

/**
 * "47-3318820": a US EIN, written 2-7 with a hyphen (IRS); a person's SSN or ITIN is 3-2-4, so even
 * under "payer TIN" this layout is the business's public id.
 */
export function isEinShape(run: Run, text = ''): boolean {
  const g = run.groups;
  if (g.length === 2 && g[0]!.digits.length === 2 && g[1]!.digits.length === 7 && g[1]!.sep === 'dash' && !g[0]!.spoken && !g[1]!.spoken) return true;
  // Spoken forms (below): nine digits, every group spoken.
  let total = 0;
  for (const x of g) total += x.digits.length;
  if (total !== 9 || g.length < 2 || !g.every((x) => x.spoken)) return false;
  // Said after its name in two parts: "an EIN for the LLC, two six, four four seven one nine two oh".
  if (g.length >= 2 && g.every((x) => x.spoken) && /\bEIN\b[^.?!\d]{0,30}$/.test(text.slice(Math.max(0, g[0]!.start - 40), g[0]!.start))) {
    const split = g.findIndex((x, i) => i > 0 && x.sep === 'comma');
    let before = 0;
    let after = 0;
    for (let i = 0; i < g.length; i++) (i < split ? (before += g[i]!.digits.length) : (after += g[i]!.digits.length));
    if (split > 0 && before === 2 && after === 7) return true;
  }
  // Said with its dash: "five eight, dash, one nine oh four four seven two".
  const dashed = (i: number): boolean => i > 0 && (g[i]!.sep === 'dash' || /dash|[-–]/i.test(text.slice(g[i - 1]!.end, g[i]!.start)));
  const dash = g.findIndex((_, i) => dashed(i));
  if (dash < 1 || !g.every((x) => x.spoken) || g.some((_, i) => i !== dash && dashed(i))) return false;
  let before = 0;
  let after = 0;
  for (let i = 0; i < g.length; i++) (i < dash ? (before += g[i]!.digits.length) : (after += g[i]!.digits.length));
  return before === 2 && after === 7;
}

/** "$4,012.76" without its currency ("amount_gbp": "4,012.76"), or "callback for 10/21 at 4:00 PM": an amount, or a date with its time. */
export function amountOrAppointment(doc: Doc, run: Run): boolean {
  const t = doc.tokens;
  if (!run.groups.some((g) => g.spoken) && isAmountShape(doc.text.slice(t[run.first]!.start, t[run.last]!.end))) return true;
  if (t[run.last + 1]?.lower !== 'at') return false;
  const time = t[run.last + 2];
  return time?.kind === 'num' && (t[run.last + 3]?.text === ':' || ['am', 'pm', 'a.m', 'p.m'].includes(t[run.last + 3]?.lower ?? ''));
}
