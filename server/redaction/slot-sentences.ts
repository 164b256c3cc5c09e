import type { Label } from './context-labels.js';
import type { Run } from './spoken-digits.js';
import type { Slot } from './dialogue-slots.js';
import type { Talk } from './slot-talk.js';

// Where a slot's sentences and turns begin and end (dialogue-slots.ts): a new sentence, a question in a
// sentence of its own, a turn that names the answer before it, a reading cut off by its turn's end.

const NAMING = new Set(['that', 'this', 's', "'", '’', 'sounds', 'looks', 'like', 'is', 'was', 'a', 'an', 'your', 'the', 'oh', 'um', 'hmm', 'actually', 'might', 'be', 'probably']);

/** The next turn opens by naming what was just read: "That sounds like an IRD number, so please don't …". */
export function namesTheLastAnswer(doc: Talk, l: Label): boolean {
  const from = doc.lines[doc.turns[l.turn]!.firstLine]!.content;
  if (l.first - from > 6 || l.first === from) return false;
  for (let k = from; k < l.first; k++) if (!NAMING.has(doc.tokens[k]!.lower)) return false;
  return doc.tokens[from]!.lower === 'that' || doc.tokens[from]!.lower === 'this';
}

/** MMYY, MYY or MMYYYY with a real month. */
export function expiryLike(d: string): boolean {
  const m = Number(d.length === 3 ? d.slice(0, 1) : d.slice(0, 2));
  return d.length >= 3 && d.length <= 6 && m >= 1 && m <= 12;
}

/**
 * The turn in which a document label claims only a number it is directly linked to (run-claims.ts):
 * the slot's own turn, until a sentence ends after its last reading ("Our sort code is 60-83-71,
 * account 55123487. Reference is your invoice number, 7731." names the invoice in a new sentence).
 */
export function ownTurn(doc: Talk, slot: Slot | null, run: Run): number {
  if (!slot || slot.lineOnly) return -1;
  const between = doc.text.slice(slot.lastEnd, doc.tokens[run.first]!.start);
  // A full stop ends a sentence before a capital, not after an abbreviation ("the tax file no. on the invoice").
  return /[?!]\s|\.\s+[A-Z]/.test(between) ? -1 : slot.turn;
}

/** The label's own sentence, begun after `from`, is a question: "… the solar tax credit. Do you need my social …?". */
export function askedInOwnSentence(doc: Talk, from: number, lab: Label): boolean {
  return /^[^.?!\n]*\?/.test(doc.text.slice(lab.end)) && /[.?!]\s+[A-Z]/.test(doc.text.slice(from, lab.start + 1));
}

/** A number (a numeral or a run of spoken digits) between two offsets. */
export function readSince(doc: Talk, from: number, to: number): boolean {
  return /\d|\b(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)\b[ ,-]+(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)\b/i.test(doc.text.slice(from, to));
}

/** Nothing but punctuation after the run to the end of its turn (a speaker's next line starts a new one). */
export function endsTurn(doc: Talk, run: Run): boolean {
  if (!doc.speakers) return false;
  const turn = doc.tokens[run.last]!.turn;
  for (let k = run.last + 1; k < doc.tokens.length && doc.tokens[k]!.turn === turn; k++) {
    const t = doc.tokens[k]!;
    if (t.kind !== 'punct' && t.kind !== 'nl') return false;
  }
  return true;
}

/** The run is all of its field's value: `slot_sort_code_first_pair: "five six"` (not "Next debit: 15 October"). */
export function wholeFieldValue(doc: Talk, run: Run): boolean {
  const line = doc.lines[doc.tokens[run.first]!.line]!;
  if (line.key < 0 || line.key > run.first) return false;
  for (let k = line.key + 1; k < run.first; k++) if (doc.tokens[k]!.kind !== 'punct') return false;
  for (let k = run.last + 1; k <= line.last; k++) if (doc.tokens[k]!.kind !== 'punct') return false;
  return true;
}
