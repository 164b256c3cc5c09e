import { claimOf } from './run-claims.js';
import type { Group, Run } from './spoken-digits.js';
import type { Emit } from './segmenter.js';
import type { Talk } from './slot-talk.js';

// Readings no slot claimed ("Ready for the number." / "5410 4609… 6993 9320"): kept aside, and taken
// as the card when the next question asks for its expiry or code (dialogue-slots.ts).

/**
 * Adds a reading to the loose ones: readings by one speaker, with nothing but short acknowledgements or
 * repair requests by the other between them ("Okay." / "Yep."); anything else starts them afresh.
 * Judged only if asked about.
 */
export function keepLoose(doc: Talk, loose: Run[], run: Run): Run[] {
  const t = doc.tokens[run.first]!;
  if (run.first < doc.lines[t.line]!.content) return loose; // a "[00:36]" stamp before the speaker
  if (loose.length === 0) return [run];
  const last = doc.tokens[loose[loose.length - 1]!.last]!.turn; // a reading joined across turns ends in its last
  const speaker = doc.turns[last]!.speaker;
  if (doc.turns[t.turn]!.speaker !== speaker) return [run];
  for (let k = last + 1; k < t.turn; k++) {
    const turn = doc.turns[k]!;
    // Acknowledgements and repair requests ("sorry you cut out, can you say the second bit again").
    if (turn.speaker === speaker || turn.words > 12 || turn.nums > 0 || turn.labels > 0) return [run];
  }
  loose.push(run);
  return loose;
}

/**
 * The loose readings just before a question about a card's expiry or code (in the next turn, or
 * later in the reader's own turn: "… twenty ninety-four. Expiration's one twenty-six"): card digits.
 */
export function emitLoose(doc: Talk, loose: readonly Run[], questionTurn: number, covered: (g: Group) => boolean, emit: Emit): void {
  const turn = doc.tokens[loose[loose.length - 1]!.last]!.turn;
  const next = questionTurn === turn + 1 && doc.turns[questionTurn]!.speaker !== doc.turns[turn]!.speaker;
  if (!next && questionTurn !== turn) return;
  const cards: Run[] = [];
  let n = 0;
  for (const r of loose) {
    if (!r.groups.every((g) => !covered(g))) continue;
    if (claimOf(doc, r, labelIndexBefore(doc, doc.tokens[r.first]!.start), 'card') !== null) continue;
    cards.push(r);
    for (const g of r.groups) n += g.digits.length;
  }
  if (n >= 8) for (const r of cards) emit('card', r.groups);
}

/** Index of the last label ending at or before `start` (-1 if none). */
function labelIndexBefore(doc: Talk, start: number): number {
  let k = -1;
  for (let i = 0; i < doc.labels.length && doc.labels[i]!.end <= start; i++) k = i;
  return k;
}
