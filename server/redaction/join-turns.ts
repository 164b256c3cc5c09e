import { CURRENCY_AFTER, CURRENCY_BEFORE, FILLERS } from './number-words.js';
import type { Group, Run } from './spoken-digits.js';
import type { Line, Token, Turn } from './tokens.js';

// Two run-level rewrites before classification: amounts come off the front of a run ("$349.00 …"),
// and one number read in parts across turns ("User: 4111 1111" / "Agent: go on" / "User: 1111 1111")
// becomes one run again, as the rule requires.

const LEAD_IN = new Set(['and', 'then', 'yes', 'yeah', 'yep', 'ok', 'okay', 'so', 'right', 'sorry', 'it', 's', 'its', 'is', 'the', 'next', 'rest', ...FILLERS]);
const MAX_JOINED_DIGITS = 19;
const MAX_ACK_WORDS = 8;

function currencyBefore(tokens: readonly Token[], run: Run): boolean {
  const prev = tokens[run.first - 1];
  return prev !== undefined && CURRENCY_BEFORE.has(prev.kind === 'word' ? prev.lower : prev.text);
}

/** "$1,234.50 4111…": the amount ($1,234.50) is kept and the rest is read as its own run. */
export function splitAmounts(runs: readonly Run[], tokens: readonly Token[], text: string): Run[] {
  const out: Run[] = [];
  for (const run of runs) {
    if (!currencyBefore(tokens, run)) {
      out.push(run);
      continue;
    }
    let k = 1;
    while (k < run.groups.length) {
      const g = run.groups[k]!;
      const sep = text.slice(run.groups[k - 1]!.end, g.start);
      if (g.spoken || !((sep === ',' && g.digits.length === 3) || (sep === '.' && g.digits.length <= 2))) break;
      k++;
      if (sep === '.') break;
    }
    const rest = run.groups.slice(k);
    if (rest.length > 0) out.push({ groups: rest, first: rest[0]!.first, last: run.last });
  }
  return out;
}

function digitCount(groups: readonly Group[]): number {
  let n = 0;
  for (const g of groups) n += g.digits.length;
  return n;
}

function onlyFiller(tokens: readonly Token[], from: number, to: number, words: ReadonlySet<string>): boolean {
  for (let k = from; k <= to; k++) {
    const t = tokens[k]!;
    if (t.kind === 'punct') continue;
    if (t.kind !== 'word' || t.label >= 0 || !words.has(t.lower)) return false;
  }
  return true;
}

/** Every line strictly between is a short acknowledgement by someone else ("Agent: go on"). */
function acksBetween(lines: readonly Line[], turns: readonly Turn[], a: number, b: number, speaker: string): boolean {
  if (b - a > 5) return false;
  for (let l = a + 1; l < b; l++) {
    const turn = turns[lines[l]!.turn]!;
    if (lines[l]!.last < lines[l]!.content) continue;
    // A question of three words or more asks for something else ("and best number?"); "sorry?" does not.
    if (turn.speaker === speaker || turn.nums > 0 || turn.labels > 0 || turn.words > MAX_ACK_WORDS || (turn.asks && turn.words > 2)) return false;
  }
  return true;
}

/** A card has at most 19 digits; an IBAN read in parts ("DE83 2651" / … / "0647 32") up to 32. */
function maxDigits(a: Run, tokens: readonly Token[]): number {
  const country = tokens[a.first - 1];
  const iban = country?.kind === 'word' && country.text.length === 2 && country.lower !== country.text && !tokens[a.first]!.space;
  return iban ? 32 : MAX_JOINED_DIGITS;
}

function joinable(a: Run, b: Run, tokens: readonly Token[], lines: readonly Line[], turns: readonly Turn[]): boolean {
  const la = tokens[a.last]!.line;
  const lb = tokens[b.first]!.line;
  if (la === lb || digitCount(a.groups) + digitCount(b.groups) > maxDigits(a, tokens) || digitCount(a.groups) < 2) return false;
  // "July 9th, 1987" answers another question (a date of birth); no reading goes on with a month name.
  if (b.groups[0]!.month) return false;
  // "The ninety-eight dollars will be with you": an amount, in a later turn, is no more of a reading.
  const after = tokens[b.last + 1];
  if (after && CURRENCY_AFTER.has(after.kind === 'word' ? after.lower : after.text)) return false;
  const lineA = lines[la]!;
  const lineB = lines[lb]!;
  // A "[00:29]" stamp before the next speaker is no part of the reading (issue 12's held-out calls).
  if (b.first < lineB.content || a.last < lineA.content) return false;
  const sameTurn = lineA.turn === lineB.turn && lb === la + 1;
  // A number wrapped onto the next line: "routing 2610" / "74587…", 'caller read "2264 8505 6067' /
  // '7952"'. Line A ends with it, line B (no speaker, no key) begins with it.
  if (lb === la + 1 && a.last === lineA.last && b.first === lineB.first && lineB.content === lineB.first && lineB.key < 0) return true;
  if (!sameTurn && (lineA.speaker === '' || lineA.speaker !== lineB.speaker)) return false;
  if (!onlyFiller(tokens, a.last + 1, lineA.last, FILLERS) || !onlyFiller(tokens, lineB.content, b.first - 1, LEAD_IN)) return false;
  return sameTurn || acksBetween(lines, turns, la, lb, lineA.speaker);
}

/**
 * Joins consecutive runs that are one number read across transcript turns. A "[00:05:11]" stamp before
 * a speaker is no reading at all: it is dropped here, so it neither blocks a join across an
 * acknowledgement ("one zero nine" / "[00:05:11] Agent: mm" / "[00:05:12] Caller: eight eight four")
 * nor counts as a number read.
 */
export function joinTurns(runs: readonly Run[], tokens: readonly Token[], lines: readonly Line[], turns: readonly Turn[]): Run[] {
  const out: Run[] = [];
  for (const run of runs) {
    const line = lines[tokens[run.last]!.line]!;
    if (run.last < line.content) continue;
    // "card_part_1:": a field key numbering its part, no value.
    if (run.last < line.key && tokens[run.first - 1]?.text === '_' && run.first === run.last && tokens[run.first]!.text.length <= 2) continue;
    const prev = out[out.length - 1];
    if (prev && joinable(prev, run, tokens, lines, turns)) {
      const [head, ...tail] = run.groups;
      out[out.length - 1] = { groups: [...prev.groups, { ...head!, sep: 'turn' }, ...tail], first: prev.first, last: run.last };
    } else {
      out.push(run);
    }
  }
  return out;
}
