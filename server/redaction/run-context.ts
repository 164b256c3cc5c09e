import { KEEPISH, type Label, type LabelIndex } from './context-labels.js';
import { isLikelyCard } from './card-numbers.js';
import { beforePrefix, isAttached, isCurrencyOrPlus, onlyGlue, precededByDateWord, startsTurn, trailingLabel } from './run-neighbours.js';
import { saysWhereItIs } from './run-claims.js';
import { runDigits, type Run } from './spoken-digits.js';
import type { FindingKind, SegmentContext } from './findings.js';
import type { Line, Token, Turn } from './tokens.js';

// Decides what the words around a digit run say (the rule's "context windows"). Two windows:
// - the label that NAMES the number: the nearest sensitive label within ~80 characters, or in the same
//   or previous turn, with no other number in between (the rule's "~60 characters before, or the
//   same/previous turn");
// - whether the TALK is about cards, expiry, banks or phones: any such label within 300 characters, or
//   in the same or previous turn — callers misread card digits, so card talk alone is enough (the rule).

export type Doc = { text: string; tokens: Token[]; lines: Line[]; turns: Turn[]; labels: Label[]; index: LabelIndex; strict: boolean };
export type History = {
  prevRunEnd: number;
  last?: { kind: FindingKind; lastTok: number; turn: number };
  lastCard?: { turn: number; end: number };
};

const CARD_PARTS: ReadonlySet<string> = new Set(['pin', 'cvv', 'expiry', 'ending']);

/** In "the PIN for the card" or "expiry on the card", the number is the PIN or the expiry, not the card. */
function headLabel(labels: readonly Label[], k: number): Label {
  const l = labels[k]!;
  const before = labels[k - 1];
  if (l.cat !== 'card' || !before || !CARD_PARTS.has(before.cat) || l.start - before.end > 14) return l;
  return before;
}

/** Window: ~300 characters before, or the same or previous turn (capped at 1500 characters). */
function inWindow(labels: readonly Label[], k: number, start: number, turn: number): boolean {
  if (k < 0) return false;
  const l = labels[k]!;
  const dist = start - l.end;
  return dist <= 300 || (l.turn >= turn - 1 && dist <= 1500);
}

/** The context for a run, or null when the run is something the rule keeps as a whole. */
export function runContext(doc: Doc, run: Run, labelEnd: number, hist: History): SegmentContext | null {
  const { tokens, labels, index } = doc;
  const digits = runDigits(run.groups);
  const likelyCard = isLikelyCard(digits);
  if (isAttached(doc, run) || isCurrencyOrPlus(doc, run, digits, likelyCard)) return null;
  const start = tokens[run.first]!.start;
  const turn = tokens[run.first]!.turn;
  const top = labelEnd - 1;
  const nearest = top >= 0 && inWindow(labels, top, start, turn) ? labels[top]! : undefined;
  // A document label right before the number keeps it even when it passes Luhn (the rule's
  // "transaction id 8812…"); money and phone words do not vouch for a checksum-valid card.
  // "VAT number GB 246 1180 53": a country prefix stands between a VAT label and its number.
  const upTo = nearest?.cat === 'keep' ? beforePrefix(tokens, run.first) : run.first - 1;
  if (nearest && KEEPISH.has(nearest.cat) && (onlyGlue(tokens, nearest.last + 1, upTo, 6) || (nearest.cat === 'keep' && !likelyCard && saysWhereItIs(doc, nearest, run.first)))) {
    // Money words name amounts and dates ("refund of 180", "charged on 12/04"), never a long number
    // ("the bank account for the refund is 013-006 4455 6677").
    const vouches = nearest.cat === 'keep' || (nearest.cat === 'phone' && !likelyCard) || (nearest.cat === 'money' && digits.length <= 8);
    if (vouches) return null;
  }
  // "The ZIP on the card is 95825": the card says whose ZIP, it does not name the number.
  const outer = top >= 1 ? labels[top - 1] : undefined;
  if (nearest?.cat === 'card' && outer?.cat === 'keep' && nearest.start - outer.end <= 12 && saysWhereItIs(doc, outer, run.first)) return null;
  // The label names the first number after it: a label with another number in between is spent.
  const s = top >= 0 ? index.sensitive[top]! : -1;
  const cand = s >= 0 ? headLabel(labels, s) : undefined;
  const near = cand !== undefined && (start - cand.end <= 80 || (cand.turn >= turn - 1 && start - cand.end <= 600));
  const lab = cand && near && cand.end > hist.prevRunEnd ? cand : undefined;
  const trailing = trailingLabel(doc, run);
  const labAdjacent = lab !== undefined && onlyGlue(tokens, lab.last + 1, run.first - 1, 6);
  const last = hist.last;
  const atTurnStart = startsTurn(doc, run);
  return {
    lab: lab?.cat,
    // "… is my mobile" names the number it follows (segmenter.ts decides who wins).
    trailing: trailing?.cat,
    cardWindow: top >= 0 && inWindow(labels, index.card[top]!, start, turn),
    expiryWindow: top >= 0 && inWindow(labels, index.expiry[top]!, start, turn),
    bankWindow: top >= 0 && inWindow(labels, index.bank[top]!, start, turn),
    phoneWindow: top >= 0 && inWindow(labels, index.phone[top]!, start, turn),
    trail: last && last.turn === turn && onlyGlue(tokens, last.lastTok + 1, run.first - 1, 6, true) ? last.kind : undefined,
    prevCard: hist.lastCard !== undefined && turn - hist.lastCard.turn <= 2 && start - hist.lastCard.end <= 300,
    strict: doc.strict,
    leading: labAdjacent || (lab !== undefined && lab.turn === turn - 1 && atTurnStart),
    atTurnStart,
    datePrep: precededByDateWord(tokens, run.first),
  };
}
