import { assignTurns, tokenize, type Token } from './tokens.js';
import { findLabels } from './context-labels.js';
import { FILLERS, MONTHS, readNumber } from './number-words.js';

// The normaliser: written and spoken digits become runs of digit groups, each group keeping the
// source span it came from, so findings point into the original text (the rule: "build a normaliser
// that maps the text to a digit stream with a map back to source offsets").

/** What separated a group from the one before it; the strongest separator seen wins. */
export type Sep = 'none' | 'space' | 'filler' | 'dot' | 'dash' | 'slash' | 'paren' | 'and' | 'comma' | 'turn';
const SEP_RANK: Record<Sep, number> = { none: 0, space: 1, filler: 2, dot: 3, dash: 4, slash: 5, paren: 6, and: 7, comma: 8, turn: 9 };

export type Group = { digits: string; start: number; end: number; sep: Sep; spoken: boolean; month: boolean; first: number; last: number };
export type Run = { groups: Group[]; first: number; last: number };

function connectorSep(tokens: readonly Token[], i: number): Sep | null {
  const t = tokens[i]!;
  if (t.label >= 0) return null;
  if (t.kind === 'word') {
    if (FILLERS.has(t.lower)) return 'filler';
    if (t.lower === 'and' || t.lower === 'then') return 'and';
    if (t.lower === 'dash' || t.lower === 'hyphen') return 'dash';
    if (t.lower === 'slash') return 'slash';
    return null;
  }
  if (t.kind !== 'punct') return null;
  switch (t.text) {
    case '-': case '–': case '—': return 'dash';
    case '/': return 'slash';
    case ',': return 'comma';
    case '(': case ')': return 'paren';
    // "4111.1111" and a trailing "4111... 1111" ellipsis are separators; "…1111. Expiry" ends the number.
    case '.': return (tokens[i + 1] && !tokens[i + 1]!.space) || tokens[i - 1]?.text === '.' ? 'dot' : null;
    case '…': return 'dot';
    // "October '28": a year cut short after a month.
    case "'": case '’': return tokens[i + 1]?.kind === 'num' && tokens[i + 1]!.text.length === 2 && !tokens[i + 1]!.space && spokenMonth(tokens[i - 1]) ? 'space' : null;
    default: return null;
  }
}

function spokenMonth(t: Token | undefined): boolean {
  return t !== undefined && t.kind === 'word' && MONTHS.has(t.lower);
}

const MAX_CONNECTORS = 4;

/** Cuts the token stream into digit runs. `connectors: false` (URLs) keeps every number token separate. */
export function readRuns(tokens: readonly Token[], connectors = true): Run[] {
  // No closures over the loop state: this loop runs once per token of every pass (profiled).
  const runs: Run[] = [];
  let cur: Run | null = null;
  let sep: Sep = 'none';
  let pending = 0;
  let lastDigitTok = -2;
  for (let i = 0; i < tokens.length; ) {
    const t = tokens[i]!;
    const group = t.kind === 'nl' || t.kind === 'block' ? null : readNumber(tokens, i, lastDigitTok === i - 1);
    if (group) {
      if (cur !== null && connectors) {
        group.sep = pending > 0 ? sep : t.space ? 'space' : 'none';
        cur.groups.push(group);
        cur.last = group.last;
      } else {
        if (cur !== null) runs.push(cur);
        cur = { groups: [group], first: i, last: group.last };
      }
      sep = 'none';
      pending = 0;
      lastDigitTok = group.last;
      i = group.last + 1;
      continue;
    }
    const c = cur !== null && connectors && pending < MAX_CONNECTORS ? connectorSep(tokens, i) : null;
    if (c) {
      if (SEP_RANK[c] > SEP_RANK[sep]) sep = c;
      pending++;
    } else {
      if (cur !== null) runs.push(cur);
      cur = null;
      pending = 0;
      sep = 'none';
    }
    i++;
  }
  if (cur !== null) runs.push(cur);
  return runs;
}

export function runDigits(groups: readonly Group[]): string {
  let s = '';
  for (const g of groups) s += g.digits;
  return s;
}

/**
 * The digit stream of a text with, for every digit, the source span it was read from.
 * @example toDigitStream('forty-one eleven').digits === '4111'
 */
export function toDigitStream(text: string): { digits: string; starts: number[]; ends: number[] } {
  const tokens = tokenize(text, 0, text.length, []);
  findLabels(tokens);
  assignTurns(tokens);
  let digits = '';
  const starts: number[] = [];
  const ends: number[] = [];
  for (const run of readRuns(tokens)) {
    for (const g of run.groups) {
      for (let k = 0; k < g.digits.length; k++) {
        const exact = !g.spoken && g.end - g.start === g.digits.length;
        starts.push(exact ? g.start + k : g.start);
        ends.push(exact ? g.start + k + 1 : g.end);
      }
      digits += g.digits;
    }
  }
  return { digits, starts, ends };
}
