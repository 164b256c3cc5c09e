import type { Group } from './spoken-digits.js';
import type { Token } from './tokens.js';
import { wordFilter } from './word-filter.js';

// Maps, not object literals: a transcript word like "constructor" must never hit Object.prototype.
function toMap(record: Record<string, string>): ReadonlyMap<string, string> {
  return new Map(Object.entries(record));
}

// Spoken number vocabulary. Callers read numbers digit by digit ("four one one one"), in pairs
// ("forty-one eleven"), with "double"/"triple", and years as "twenty twenty-seven" (the rule's examples).
const UNITS = toMap({
  zero: '0', oh: '0', o: '0', nought: '0', naught: '0', nil: '0',
  one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9',
});
const TEENS = toMap({
  ten: '10', eleven: '11', twelve: '12', thirteen: '13', fourteen: '14', fifteen: '15',
  sixteen: '16', seventeen: '17', eighteen: '18', nineteen: '19',
});
const TENS = toMap({
  twenty: '2', thirty: '3', forty: '4', fourty: '4', fifty: '5', sixty: '6', seventy: '7', eighty: '8', ninety: '9',
});
const REPEAT = new Map<string, number>([['double', 2], ['triple', 3], ['treble', 3]]);
export const MONTHS = toMap({
  january: '01', jan: '01', february: '02', feb: '02', march: '03', mar: '03', april: '04', apr: '04',
  may: '05', june: '06', jun: '06', july: '07', jul: '07', august: '08', aug: '08', september: '09',
  sep: '09', sept: '09', october: '10', oct: '10', november: '11', nov: '11', december: '12', dec: '12',
});

const NUMBER_WORDS: ReadonlySet<string> = new Set([...UNITS.keys(), ...TEENS.keys(), ...TENS.keys(), ...REPEAT.keys(), ...MONTHS.keys()]);
const MAYBE_NUMBER_WORD = wordFilter(NUMBER_WORDS);

/** Everything a number word can mean, found with one lookup (readNumber runs for every token of a pass). */
export type Spoken = { unit?: string; oh: boolean; teen?: string; tens?: string; repeat?: number; month?: string };
const SPOKEN: ReadonlyMap<string, Spoken> = new Map([...NUMBER_WORDS].map((w) => [w, {
  unit: UNITS.get(w), oh: w === 'o' || w === 'oh', teen: TEENS.get(w), tens: TENS.get(w), repeat: REPEAT.get(w), month: MONTHS.get(w),
}]));

/** A word that can be read as (part of) a number, so it is never a letter prefix like "INV-". */
export function isNumberWord(lower: string): boolean {
  return NUMBER_WORDS.has(lower);
}

const LETTERS = /[A-Za-z]+/g;

/**
 * False only when `text` cannot hold a sensitive number: no ASCII digit (IBANs, NINOs and written
 * numbers all have one) and no word a spoken number is read from (readNumber needs one of NUMBER_WORDS).
 * Most string fields of a webhook (ids, enums, names, intents) are answered here without a full pass.
 */
export function mayHoldNumber(text: string): boolean {
  if (/[0-9]/.test(text)) return true;
  for (const m of text.matchAll(LETTERS)) {
    const w = m[0].toLowerCase();
    if ((MAYBE_NUMBER_WORD(w) && NUMBER_WORDS.has(w)) || (MAYBE_SOUND(w) && SOUNDS.has(w))) return true;
  }
  return false;
}

/** Words ASR writes for digits ("won", "to", "ate"): read as digits only inside chains (homophones.ts). */
export const SOUNDS: ReadonlyMap<string, string> = new Map([
  ['won', '1'], ['wan', '1'], ['to', '2'], ['too', '2'], ['tree', '3'], ['free', '3'], ['for', '4'], ['fore', '4'], ['ate', '8'], ['sicks', '6'], ['siks', '6'], ['sex', '6'], ['fife', '5'],
  ['nein', '9'], ['nain', '9'],
]);
const MAYBE_SOUND = wordFilter(SOUNDS.keys());

/** The group read at tokens[first..last]; one object per number, built in one place (one shape). */
function group(tokens: readonly Token[], first: number, last: number, digits: string, spoken: boolean, month: boolean): Group {
  return { digits, start: tokens[first]!.start, end: tokens[last]!.end, sep: 'none', spoken, month, first, last };
}

const free = (t: Token | undefined): t is Token => t !== undefined && t.label < 0 && t.kind !== 'block';
const word = (t: Token | undefined): string => (free(t) && t.kind === 'word' ? t.lower : '');
const spokenOf = (t: Token | undefined): Spoken | undefined => {
  if (!free(t) || t.kind !== 'word') return undefined;
  let s = t.spoken;
  if (s === undefined) t.spoken = s = (MAYBE_NUMBER_WORD(t.lower) && SPOKEN.get(t.lower)) || null;
  return s ?? undefined;
};
const unitOf = (t: Token | undefined): string | undefined => spokenOf(t)?.unit;

/** Index after an optional no-space hyphen: "forty-one" reads as one pair. */
function afterHyphen(tokens: readonly Token[], i: number): number {
  const t = tokens[i + 1];
  return t && t.kind === 'punct' && t.text === '-' && !t.space ? i + 2 : i + 1;
}

/** "twenty seven" → 27, "twelve" → 12, "seven" → 07 (for "two thousand and seven"). */
function readPair(tokens: readonly Token[], i: number, allowUnit: boolean, s = spokenOf(tokens[i])): { digits: string; last: number } | null {
  if (!s) return null;
  if (s.teen) return { digits: s.teen, last: i };
  if (s.tens) {
    const k = afterHyphen(tokens, i);
    const u = unitOf(tokens[k]);
    return u && u !== '0' ? { digits: s.tens + u, last: k } : { digits: s.tens + '0', last: i };
  }
  return allowUnit && s.unit && !s.oh ? { digits: '0' + s.unit, last: i } : null;
}

/** Applies "hundred"/"thousand" after a spoken value: "four hundred and five" → 405. */
function readScale(tokens: readonly Token[], base: { digits: string; last: number }): { digits: string; last: number } {
  const scale = word(tokens[base.last + 1]);
  if (scale !== 'hundred' && scale !== 'thousand') return base;
  let k = base.last + 2;
  if (word(tokens[k]) === 'and') k++;
  const rest = readPair(tokens, k, true);
  const pad = scale === 'hundred' ? '' : '0';
  if (rest) return { digits: base.digits + pad + rest.digits, last: rest.last };
  return { digits: base.digits + (scale === 'hundred' ? '00' : '000'), last: base.last + 1 };
}

/** True when token i can begin a spoken or written number. */
export function startsNumber(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  if (!free(t)) return false;
  if (t.kind === 'num') return true;
  const s = spokenOf(t);
  return s !== undefined && ((s.unit !== undefined && !s.oh) || s.teen !== undefined || s.tens !== undefined || s.repeat !== undefined);
}

const PAUSE = new Set([',', '.', '…']);

/** "seven, oh... nine": an "oh" between spoken digits, with only pauses around it, is a zero. */
function ohBetweenDigits(tokens: readonly Token[], i: number): boolean {
  let k = i - 1;
  while (k >= 0 && tokens[k]!.kind === 'punct' && PAUSE.has(tokens[k]!.text)) k--;
  const before = tokens[k];
  if (k === i - 1 || !before || !(before.kind === 'num' || unitOf(before) !== undefined)) return false;
  let j = i + 1;
  while (j < tokens.length && tokens[j]!.kind === 'punct' && PAUSE.has(tokens[j]!.text)) j++;
  return startsNumber(tokens, j);
}

/**
 * Reads one number token (or spoken phrase) at i. `afterDigit` says the previous token was a digit,
 * which lets "oh" mean zero ("four oh") without turning an exclamation ("Oh, 4111…") into a digit.
 */
export function readNumber(tokens: readonly Token[], i: number, afterDigit: boolean): Group | null {
  const t = tokens[i];
  if (!free(t)) return null;
  if (t.kind === 'num') return group(tokens, i, i, t.text, false, false);
  const s = spokenOf(t);
  if (!s) return null;
  const month = s.month;
  // "October, 28", "October '28" (a year cut short).
  const skip = tokens[i + 1]?.text === ',' || tokens[i + 1]?.text === "'" || tokens[i + 1]?.text === '’' ? 1 : 0;
  if (month && startsNumber(tokens, i + 1 + skip)) {
    return group(tokens, i, i, month, true, true);
  }
  const times = s.repeat;
  if (times) {
    // "double oh", and "double-oh" as some transcripts hyphenate it.
    const at = tokens[i + 1]?.text === '-' && !tokens[i + 1]!.space && tokens[i + 2] && !tokens[i + 2]!.space ? i + 2 : i + 1;
    const next = tokens[at];
    const d = unitOf(next) ?? (free(next) && next.kind === 'num' && next.text.length === 1 ? next.text : undefined);
    return d ? group(tokens, i, at, d.repeat(times), true, false) : null;
  }
  if (s.oh && !afterDigit && !startsNumber(tokens, afterHyphen(tokens, i)) && word(tokens[i + 1]) !== 'oh' && !ohBetweenDigits(tokens, i)) return null;
  const pair = readPair(tokens, i, false, s);
  const unit = s.unit;
  const base = pair ?? (unit !== undefined ? { digits: unit, last: i } : null);
  if (!base) return null;
  const scaled = readScale(tokens, base);
  return group(tokens, i, scaled.last, scaled.digits, true, false);
}

export const FILLERS: ReadonlySet<string> = new Set(['um', 'umm', 'uh', 'uhh', 'uhm', 'er', 'erm', 'ah', 'hmm', 'mm', 'like']);
export const CURRENCY_BEFORE: ReadonlySet<string> = new Set(['$', '£', '€', '¥', 'aud', 'nzd', 'usd', 'gbp', 'eur', 'cad']);
export const CURRENCY_AFTER: ReadonlySet<string> = new Set([
  'dollars', 'dollar', 'bucks', 'cents', 'cent', 'pounds', 'pound', 'quid', 'pence', 'p', 'euros', 'euro',
  'aud', 'nzd', 'usd', 'gbp', 'eur', 'k', 'grand', 'percent', '%',
]);
