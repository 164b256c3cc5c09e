import { FILLERS, isNumberWord, SOUNDS } from './number-words.js';
import { wordFilter } from './word-filter.js';
import type { Token } from './tokens.js';

// ASR writes digits as words that sound like them ("for won won won, to to to to": issue 12). Such a
// word is read as its digit only inside a chain of spoken digits, never alone: "paid for two visits"
// stays prose. A chain's leading or trailing "to"/"for" is prose too ("going to four one two"),
// unless another sound-alike follows it ("for won won won").


const EDGE_PROSE = new Set(['to', 'too', 'for', 'fore']);
const PREPOSITION_AFTER = new Set(['it', 'them', 'me', 'him', 'her', 'us', 'send', 'sent', 'text', 'link', 'back', 'forward', 'email',
  'mail', 'up', 'out', 'over', 'across', 'go', 'goes', 'went', 'refund', 'paid', 'pay', 'charged', 'number', 'mobile', 'changed', 'change']);
// Four or more: "one to two working days" and "three to five" are ranges.
const MIN_CHAIN = 4;

// Short numerals count as digits in a chain too: "4 1 2 2 ate for tree won", "07 / too nine".
const isDigitWord = (t: Token): boolean =>
  (t.kind === 'word' && t.label < 0 && (isNumberWord(t.lower) || SOUNDS.has(t.lower) || t.lower === 'hundred')) || (t.kind === 'num' && t.text.length <= 2);
const QUOTES = new Set(['"', '“', '”', "'"]);
// An expiry's "slash", said or written, joins its halves: "won won slash too nine", "07 / too nine".
const isJoin = (t: Token): boolean => (t.kind === 'punct' && (t.text === ',' || t.text === '-' || t.text === '/')) || (t.kind === 'word' && t.lower === 'slash');

function opensLine(tokens: readonly Token[], i: number): boolean {
  let k = i - 1;
  // A field's quoted value: cvv_heard: "ate won six".
  if (k >= 0 && QUOTES.has(tokens[k]!.text)) k--;
  while (k >= 0 && tokens[k]!.kind === 'word' && FILLERS.has(tokens[k]!.lower)) k--;
  if (k < 0 || tokens[k]!.kind === 'nl' || tokens[k]!.text === ':') return true;
  // "caller for to six for": a bare role word at the start of the line.
  return tokens[k]!.line !== undefined && (k === 0 || tokens[k - 1]!.kind === 'nl') && ROLE_WORDS.has(tokens[k]!.lower);
}
const ROLE_WORDS = new Set(['agent', 'caller', 'customer', 'user', 'assistant', 'bot', 'ai', 'rep']);
function closesLine(tokens: readonly Token[], i: number): boolean {
  if (tokens[i + 1] && QUOTES.has(tokens[i + 1]!.text)) i++;
  const next = tokens[i + 1];
  return next === undefined || next.kind === 'nl' || ((next.text === '.' || next.text === '?') && (tokens[i + 2] === undefined || tokens[i + 2]!.kind === 'nl'));
}

// "security code's won to three", "the code is to to ate": glue between a label and its reading.
const LABEL_GLUE = new Set(["'", '’', 's', 'is', 'was', ':', 'are', ',']);

function afterLabelOrNumber(tokens: readonly Token[], i: number): boolean {
  let k = i - 1;
  while (k >= i - 3 && k >= 0 && tokens[k]!.label < 0 && LABEL_GLUE.has(tokens[k]!.lower)) k--;
  const prev = tokens[k];
  if (!prev) return false;
  if (prev.label >= 0) return true;
  // "oh nine twenty seven and ate for for", "ten twenty-six, and to for ate".
  let b = k - 1;
  if (tokens[b]?.text === ',') b--;
  const before = tokens[b];
  return prev.lower === 'and' && before !== undefined && (before.kind === 'num' || isNumberWord(before.lower));
}

/** Marks sound-alikes (`sounds`: their token indices) that sit inside a chain of spoken digits so readNumber reads them as digits. */
export function markHomophones(tokens: Token[], sounds: readonly number[]): void {
  // Only around a sound-alike (assignTurns lists them): most words are never looked at twice.
  let done = -1;
  for (const i of sounds) {
    const t = tokens[i]!;
    if (i <= done || t.label >= 0 || !nextToDigitWord(tokens, i)) continue;
    let from = i;
    while (from > 0 && (isDigitWord(tokens[from - 1]!) || (isJoin(tokens[from - 1]!) && from > 1 && isDigitWord(tokens[from - 2]!)))) from--;
    const chain: number[] = [];
    let j = from;
    for (; j < tokens.length; j++) {
      const c = tokens[j]!;
      if (isDigitWord(c)) chain.push(j);
      else if (!isJoin(c)) break;
    }
    done = j;
    markChain(tokens, chain);
  }
}

/** A word ASR writes for a digit ("won", "to", "ate"). */
export function isSoundAlike(lower: string): boolean {
  return MAYBE_SOUND(lower) && SOUNDS.has(lower);
}
const MAYBE_SOUND = wordFilter(SOUNDS.keys());

/** A spoken digit or another sound-alike right before or after token i (commas and dashes between). */
function nextToDigitWord(tokens: readonly Token[], i: number): boolean {
  let k = i - 1;
  if (k >= 0 && isJoin(tokens[k]!)) k--;
  if (k >= 0 && isDigitWord(tokens[k]!)) return true;
  k = i + 1;
  if (k < tokens.length && isJoin(tokens[k]!)) k++;
  return k < tokens.length && isDigitWord(tokens[k]!);
}

const isSound = (tokens: readonly Token[], chain: readonly number[], k: number): boolean => SOUNDS.has(tokens[chain[k]!]!.lower);

/** Reads the sound-alikes of one chain of spoken digits as digits, if the chain is a reading. */
function markChain(tokens: Token[], chain: readonly number[]): void {
  let from = 0;
  let to = chain.length - 1;
  // A chain that is a whole answer ("Caller: ate ate too") is a reading, whatever its words.
  // A whole answer, or a whole quotation ('card read as "for too won ate, …"').
  const quoted = QUOTES.has(tokens[chain[0]! - 1]?.text ?? '') && QUOTES.has(tokens[chain[to]! + 1]?.text ?? '');
  const whole = quoted || (opensLine(tokens, chain[0]!) && closesLine(tokens, chain[to]!));
  const labelled = afterLabelOrNumber(tokens, chain[0]!);
  // Three or more that end the line on anything but "to"/"for" ("oh it's for oh won": no sentence ends that way).
  const ends = chain.length >= 3 && closesLine(tokens, chain[to]!) && !EDGE_PROSE.has(tokens[chain[to]!]!.lower);
  // "send it to oh four one seven, …": after these words a leading "to"/"for" is a preposition, even
  // where the chain ends the line.
  if (!whole && !labelled && EDGE_PROSE.has(tokens[chain[0]!]!.lower) && PREPOSITION_AFTER.has(tokens[chain[0]! - (tokens[chain[0]! - 1]?.text === ',' ? 2 : 1)]?.lower ?? '') && !isSound(tokens, chain, 1)) from = 1;
  // Right after its label the first word is the reading: 'read "sort code too oh, for five, …" and …'.
  while (!whole && !ends && !labelled && from <= to && EDGE_PROSE.has(tokens[chain[from]!]!.lower) && !(from + 1 <= to && isSound(tokens, chain, from + 1))
    && !(from === 0 && (opensLine(tokens, chain[0]!) || (chain.length >= 8 && tokens[chain[0]!]!.lower.startsWith('f'))))) from++;
  // A trailing "to"/"for" is prose ("four one two to"), unless a sound-alike comes before it ("ate won to to").
  while (!whole && !labelled && to > from && EDGE_PROSE.has(tokens[chain[to]!]!.lower) && !isSound(tokens, chain, to - 1)) to--;
  let real = 0;
  for (let k = from; k <= to; k++) if (!isSound(tokens, chain, k)) real++;
  const n = to - from + 1;
  // Right after its label ("security code five won nine"), after another number and "and" ("oh nine
  // twenty seven and ate for for"), or ending the line, three words are enough; a whole answer of two
  // with a real number word in it too ("User: to thirty").
  // An answer that opens with a sound-alike and a real number ("Ate twenty-seven. Sorry, oh ate …").
  const opens = from === 0 && opensLine(tokens, chain[0]!) && !EDGE_PROSE.has(tokens[chain[0]!]!.lower) && isSound(tokens, chain, 0);
  const enough = whole ? n >= 3 || (n === 2 && real >= 1) : labelled || ends ? n >= 3 : (n >= MIN_CHAIN && real >= 2) || (opens && n >= 2 && real >= 1);
  if (!enough) return;
  for (let k = from; k <= to; k++) {
    const t = tokens[chain[k]!]!;
    const d = SOUNDS.get(t.lower);
    if (d !== undefined && !isNumberWord(t.lower)) t.spoken = { unit: d, oh: false };
  }
}
