import type { Span, Token } from './tokens.js';
import type { FindingKind } from './findings.js';

// Identifiers read letter by letter (issue 12: "Letters read aloud"): an IBAN as "G B nine four,
// N W B K, six oh one six, …", a NINO as "P L one nine three eight five nine D" or in the phonetic
// alphabet ("whiskey x-ray, oh four, nine three, four five, delta"). The reading is turned into a
// string of letters and digits and checked against the layout: IBAN country + check digits + at least
// 11 more, NINO two letters, six digits, A-D.

export type KindSpan = Span & { kind: FindingKind };

const DIGIT_WORDS = new Map<string, string>([
  ['zero', '0'], ['oh', '0'], ['nought', '0'], ['one', '1'], ['two', '2'], ['three', '3'], ['four', '4'], ['five', '5'],
  ['six', '6'], ['seven', '7'], ['eight', '8'], ['nine', '9'],
]);
const NATO = new Map<string, string>(['alpha', 'alfa', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel', 'india', 'juliet', 'juliett',
  'kilo', 'lima', 'mike', 'november', 'oscar', 'papa', 'quebec', 'romeo', 'sierra', 'tango', 'uniform', 'victor', 'whiskey', 'whisky',
  'xray', 'yankee', 'zulu'].map((w) => [w, w[0]!.toUpperCase()]));
const SKIP = new Set(['um', 'uh', 'er', 'erm', 'yeah', 'yep', 'and', 'then']);
const IBAN_COUNTRIES = new Set(['GB', 'IE', 'DE', 'FR', 'NL', 'ES', 'IT', 'BE', 'AT', 'CH', 'PT', 'LU', 'PL', 'SE', 'DK', 'NO', 'FI']);
type Unit = { ch: string; start: number; end: number };

/** "P for Papa", "N as in Nancy": the index of the word that spells the letter at i out, or -1. */
function spelledOut(tokens: readonly Token[], i: number): number {
  const letter = tokens[i]!.lower;
  let k = i + 1;
  if (tokens[k]?.lower === 'for') k += 1;
  else if (tokens[k]?.lower === 'as' && tokens[k + 1]?.lower === 'in') k += 2;
  else return -1;
  const w = tokens[k];
  return w && w.kind === 'word' && w.text.length > 1 && w.lower[0] === letter ? k : -1;
}

/** Chains of spelled letters and digits, each unit with its source span. */
function chains(tokens: readonly Token[]): Unit[][] {
  const out: Unit[][] = [];
  let cur: Unit[] = [];
  const flush = (): void => {
    if (cur.length > 0) out.push(cur);
    cur = [];
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    // A full stop before a space ends the sentence, and the reading ("… oh six. And oh eight nine …").
    const after = tokens[i + 1];
    if (t.kind === 'punct' && t.text === '.' && tokens[i - 1]?.text !== '.' && after?.space && after.kind === 'word' && after.text.length > 1
      && !DIGIT_WORDS.has(after.lower) && !NATO.has(after.lower)) {
      flush();
      continue;
    }
    if (t.kind === 'punct' && (t.text === ',' || t.text === '-' || t.text === '.')) continue;
    if (t.kind === 'num') {
      for (let k = 0; k < t.text.length; k++) cur.push({ ch: t.text[k]!, start: t.start + k, end: t.start + k + 1 });
      continue;
    }
    if (t.kind !== 'word' || t.label >= 0) {
      flush();
      continue;
    }
    // "double oh", "triple seven": the next digit (or letter) read that many times.
    const times = t.lower === 'double' ? 2 : t.lower === 'triple' ? 3 : 0;
    const next = tokens[i + 1];
    if (times > 0 && next?.kind === 'word' && (DIGIT_WORDS.has(next.lower) || next.text.length === 1)) {
      const ch = DIGIT_WORDS.get(next.lower) ?? next.text.toUpperCase();
      for (let r = 0; r < times; r++) cur.push({ ch, start: t.start, end: next.end });
      i += 1;
    } else if (t.lower === 'x' && tokens[i + 1]?.text === '-' && tokens[i + 2]?.lower === 'ray') {
      cur.push({ ch: 'X', start: t.start, end: tokens[i + 2]!.end });
      i += 2;
    } else if (t.text.length === 1 && spelledOut(tokens, i) > 0) {
      // "P for Papa", "N as in Nancy": one letter, said twice.
      const last = spelledOut(tokens, i);
      cur.push({ ch: t.text.toUpperCase(), start: t.start, end: tokens[last]!.end });
      i = last;
    } else if (t.text.length === 1) cur.push({ ch: t.text.toUpperCase(), start: t.start, end: t.end });
    else if (DIGIT_WORDS.has(t.lower)) cur.push({ ch: DIGIT_WORDS.get(t.lower)!, start: t.start, end: t.end });
    else if (NATO.has(t.lower)) cur.push({ ch: NATO.get(t.lower)!, start: t.start, end: t.end });
    else if (!SKIP.has(t.lower)) flush();
  }
  flush();
  return out;
}

const isLetter = (c: string): boolean => c >= 'A' && c <= 'Z';
const isDigit = (c: string): boolean => c >= '0' && c <= '9';

/**
 * Spelled IBANs and NINOs among the tokens of a text (detect-digits.ts). `letters`: the text has a
 * one-letter word outside a contraction (markHomophones tells, in the walk it makes anyway).
 */
export function findSpelledIds(tokens: readonly Token[], letters: boolean): KindSpan[] {
  if (!letters) return [];
  const found: KindSpan[] = [];
  for (const chain of chains(tokens)) {
    const s = chain.map((u) => u.ch).join('');
    for (let i = 0; i + 9 <= s.length; i++) {
      if (!isLetter(s[i]!) || !isLetter(s[i + 1]!)) continue;
      if (IBAN_COUNTRIES.has(s.slice(i, i + 2)) && isDigit(s[i + 2]!) && isDigit(s[i + 3]!) && s.length - i >= 15) {
        found.push({ kind: 'iban', start: chain[i]!.start, end: chain[s.length - 1]!.end });
        break;
      }
      // The layout alone: a misheard letter ("Z V five one …") still reads out a NINO.
      const nino = s.slice(i, i + 9);
      if (/^[A-Z]{2}\d{6}[A-D]$/.test(nino)) {
        found.push({ kind: 'tax_id', start: chain[i]!.start, end: chain[i + 8]!.end });
        i += 8;
      }
    }
  }
  return found;
}
