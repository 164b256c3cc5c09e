import { CARD_CATS, type Label } from './context-labels.js';
import type { Doc } from './run-context.js';

// What the dialogue slots read of a text besides its labels and runs: field keys, questions, the
// business's own accounts, and the bars that end an extracted field (dialogue-slots.ts).

/**
 * A text as the slots read it, with facts found once per text on first use. A class with every
 * field set in the constructor keeps one object shape (a spread copy gaining fields later was the
 * slowest part of a pass, profiled).
 */
export class Talk {
  readonly text: string;
  readonly tokens: Doc['tokens'];
  readonly lines: Doc['lines'];
  readonly turns: Doc['turns'];
  readonly labels: Doc['labels'];
  readonly index: Doc['index'];
  readonly strict: boolean;
  readonly speakers: boolean;
  bars: number[] | null = null;
  /** Turns with a card word (card, ending, CVV, expiry, PIN, a group prompt); built on first use. */
  cardTurns: number[] | null = null;
  /** Turns where a card-length number was read or a card was already redacted, found when first asked. */
  readonly cardReadTurns: () => readonly number[];

  constructor(doc: Doc, cardReadTurns: () => readonly number[] = () => []) {
    this.cardReadTurns = cardReadTurns;
    this.text = doc.text;
    this.tokens = doc.tokens;
    this.lines = doc.lines;
    this.turns = doc.turns;
    this.labels = doc.labels;
    this.index = doc.index;
    this.strict = doc.strict;
    this.speakers = doc.turns.some((t) => t.speaker !== '');
  }
}

/** The index of the line's first ':' or '=' token (-1: none; assignTurns notes it). */
function keyEnd(doc: Talk, line: number): number {
  return doc.lines[line]!.key;
}

/** The label sits in the key of an extracted field ("caller_bank_spoken: …", "Card Number: …"). */
export function inFieldKey(doc: Talk, l: Label): boolean {
  const end = keyEnd(doc, doc.tokens[l.first]!.line);
  if (end < l.last || end - l.last > 6) return false;
  // A key may number its parts ("card_part_1:", "digits_5_8:"); a longer number in it is a value.
  for (let k = l.last + 1; k < end; k++) {
    const t = doc.tokens[k]!;
    if ((t.kind === 'num' && t.text.length > 2) || t.kind === 'block') return false;
  }
  return true;
}

/** The label's turn asks something ("Can I get that?", "Please say the invoice number"; assignTurns notes it). */
export function asks(doc: Talk, l: Label): boolean {
  return doc.turns[l.turn]!.asks;
}

const STATE_GLUE = new Set(['of', 'is', 'was', 'at', 'for', 'as', 'the', 'your', 'my']);

/** The label is followed by its own number ("balance of $412.50"): it states, it does not ask. */
export function statesItsNumber(doc: Talk, l: Label): boolean {
  for (let k = l.last + 1; k <= l.last + 4 && k < doc.tokens.length; k++) {
    const t = doc.tokens[k]!;
    if (t.kind === 'num' || t.text === '$' || t.text === '£' || t.text === '€') return true;
    if (!(t.kind === 'word' && STATE_GLUE.has(t.lower)) && t.text !== ':') return false;
  }
  return false;
}

/** "your account number with Summit", "Account no. (with us)", "(ours)": the caller's account with the business. */
export function withBusiness(doc: Talk, l: Label): boolean {
  if (l.cat !== 'account') return false;
  let k = l.last + 1;
  if (doc.tokens[k]?.text === '.') k++;
  if (doc.tokens[k]?.text === '(') k++;
  const w = doc.tokens[k]?.lower;
  return w === 'with' || w === 'ours';
}

/** A '|', ';' or a JSON field's end ('",') between two offsets. */
export function barBetween(doc: Talk, from: number, to: number): boolean {
  if (!doc.bars) {
    const bars: number[] = [];
    for (let at = doc.text.indexOf('|'); at >= 0; at = doc.text.indexOf('|', at + 1)) bars.push(at);
    for (let at = doc.text.indexOf(';'); at >= 0; at = doc.text.indexOf(';', at + 1)) bars.push(at);
    // One JSON object on a line: '", "' ends a field as a bar does ({"iban": "…", "vat_no": "GB 301 7746 02"}).
    for (let at = doc.text.indexOf('",'); at >= 0; at = doc.text.indexOf('",', at + 1)) bars.push(at);
    doc.bars = bars.sort((a, b) => a - b);
  }
  // The first bar at or after `from`, by binary search; it counts when it comes before `to`.
  const bars = doc.bars;
  let lo = 0;
  let hi = bars.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (bars[mid]! < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < bars.length && bars[lo]! < to;
}

/** How far back a card word keeps a bare "code" a card's code. */
const CARD_TALK_TURNS = 6;

/** A card was talked about in this turn or the few before ("error code 1127 on the heater?" is no CVV). */
export function cardTalkNear(doc: Talk, l: Label): boolean {
  // A card read with no card word ("Just to confirm, that's five three four seven, …?" / "and the
  // code four four eight") is card talk too.
  doc.cardTurns ??= [...doc.labels.filter((x) => CARD_CATS.has(x.cat) || x.cat === 'pin').map((x) => x.turn), ...doc.cardReadTurns()];
  for (const t of doc.cardTurns) if (t <= l.turn + 1 && t >= l.turn - CARD_TALK_TURNS) return true;
  return false;
}
