import { claimOf } from './run-claims.js';
import { isLikelyCard } from './card-numbers.js';
import { clauses, digitCount, labelBefore, noneCovered } from './fail-closed.js';
import { runDigits, type Group, type Run } from './spoken-digits.js';
import { CARD_CATS, KEEPISH } from './context-labels.js';
import type { Doc } from './run-context.js';
import type { Emit } from './segmenter.js';

// A card read with an interruption in it: "four five three two... hang on the kids are yelling...
// zero one five one, one two eight three, zero three six six", or across the caller's turns with an
// "mhm" between them. No piece is card-long, so fail-closed never sees one; the pieces together are.
// They count as one card when, taken in order, they make 13-19 digits that are card-shaped (issuer
// prefix and Luhn), or card talk is near; a document, phone or money word between or before a piece
// makes it something else.

/** Tokens of talk an interruption may hold ("hang on, the kids are yelling", "sorry, where was I"). */
const MAX_GAP_TOKENS = 16;
/** Across the other side's turn ("Sorry, please stop there. Please don't read your card number to me…" / "—4170 9873"). */
const MAX_GAP_ACROSS_TURNS = 48;
/** Card words this many turns back make the checksum unnecessary (callers misread). */
const CARD_TALK_TURNS = 3;

function cardTalk(doc: Doc, run: Run): boolean {
  const turn = doc.tokens[run.first]!.turn;
  const at = doc.tokens[run.first]!.start;
  for (const l of doc.labels) {
    if (l.start > at) break;
    if (CARD_CATS.has(l.cat) && l.cat !== 'ending' && turn - l.turn <= CARD_TALK_TURNS) return true;
  }
  return false;
}

/** Nothing between two pieces but talk: no number, no document, phone or money word, no other speaker's number. */
function onlyTalkBetween(doc: Doc, a: Run, b: Run): boolean {
  const across = doc.tokens[b.first]!.turn !== doc.tokens[a.last]!.turn;
  if (b.first - a.last > (across ? MAX_GAP_ACROSS_TURNS : MAX_GAP_TOKENS)) return false;
  const speaker = doc.turns[doc.tokens[a.first]!.turn]!.speaker;
  for (let k = a.last + 1; k < b.first; k++) {
    const t = doc.tokens[k]!;
    if (t.kind === 'num' || t.kind === 'block') return false;
    // A document, phone or money word of the caller's own names what follows; the other side's ("I can't
    // accept it on this call") does not.
    if (t.label >= 0 && KEEPISH.has(doc.labels[t.label]!.cat) && doc.turns[t.turn]!.speaker === speaker) return false;
  }
  // Another speaker may say "mhm" in between; the pieces are the same speaker's.
  return doc.turns[doc.tokens[b.first]!.turn]!.speaker === speaker;
}

export function interruptedCards(doc: Doc, whole: readonly Run[], covered: (g: Group) => boolean, emit: Emit): void {
  // Clause by clause: the piece after an interruption may run on into something else ("—3715 7601, and it's twelve twenty-seven").
  const runs: Run[] = [];
  const source: number[] = [];
  for (let w = 0; w < whole.length; w++) {
    const r = whole[w]!;
    if (!r.groups.some((g) => g.sep === 'comma' || g.sep === 'and')) {
      runs.push(r);
      source.push(w);
      continue;
    }
    for (const c of clauses(r)) {
      runs.push(c);
      source.push(w);
    }
  }
  for (let i = 0; i < runs.length; i++) {
    const chain: Run[] = [runs[i]!];
    let n = digitCount(runs[i]!);
    if (n < 3 || n >= 13 || !noneCovered(runs[i]!, covered)) continue;
    for (let j = i + 1; j < runs.length && n < 13; j++) {
      const next = runs[j]!;
      const m = digitCount(next);
      // A later piece may be taken already (the refusal's card words made it a card's part); it still counts.
      if (m < 3 || !onlyTalkBetween(doc, chain[chain.length - 1]!, next)) break;
      // Clauses of one reading are one number only when they are a card's groups (fail-closed.ts):
      // "230599, and 4410228793" is two.
      if (source[j] === source[j - 1] && (m > 4 || digitCount(chain[chain.length - 1]!) > 4)) break;
      chain.push(next);
      n += m;
    }
    if (chain.length < 2 || n < 13 || n > 19) continue;
    const digits = chain.map((r) => runDigits(r.groups)).join('');
    if (!isLikelyCard(digits) && !cardTalk(doc, chain[0]!)) continue;
    if (chain.some((r) => noneCovered(r, covered) && claimOf(doc, r, labelBefore(doc, doc.tokens[r.first]!.start), 'card') !== null)) continue;
    for (const r of chain) if (noneCovered(r, covered)) emit('card', r.groups);
    i += chain.length - 1;
  }
}
