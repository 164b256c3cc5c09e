import { KEEPISH, SENSITIVE_CATS, type Label, type LabelCat, type LabelIndex } from './context-labels.js';
import { isLikelyCard } from './card-numbers.js';
import { CURRENCY_AFTER, FILLERS } from './number-words.js';
import { runDigits, type Run } from './spoken-digits.js';
import type { FindingKind, SegmentContext } from './findings.js';
import type { Line, Token } from './tokens.js';

// Decides what the words around a digit run say: the rule's "context windows" (~60 characters before,
// or the same/previous turn), plus the keep signals (labels right before it, currency, attached letters).

export type Doc = { text: string; tokens: Token[]; lines: Line[]; labels: Label[]; index: LabelIndex; strict: boolean };
export type History = {
  prevRunEnd: number;
  last?: { kind: FindingKind; lastTok: number; turn: number };
  lastCard?: { turn: number; end: number };
};

const GLUE = new Set([
  'is', 'was', 'are', 'were', 'be', 'number', 'numbers', 'no', 'num', 'nr', 'id', 'the', 'my', 'our', 'your',
  'its', 'it', 's', 'that', 'thats', 'of', 'on', 'at', 'me', 'you', 'us', 'back', 'just', 'please', 'code', 'digits', 'digit',
  ...FILLERS,
]);
const GLUE_PUNCT = new Set([':', '#', '-', '–', '.', ',', '(', ')', "'", '’', '"', '=', '/', '?']);
const TRAIL_GLUE = new Set(['is', 'was', 'are', 's', 'my', 'the', 'our', 'your', 'his', 'her', 'their', "'", '’']);
const DATE_WORDS = new Set(['on', 'dated', 'since', 'until', 'till', 'from', 'by', 'before', 'after']);
const ATTACH_PUNCT = new Set(['-', '#', '_', '/']);
const GLUED_SENSITIVE: ReadonlySet<LabelCat> = new Set<LabelCat>([
  'card', 'cvv', 'expiry', 'pin', 'bsb', 'sort', 'routing', 'iban', 'tfn', 'ird', 'ssn', 'itin', 'ni', 'utr', 'tax',
]);

function isGlue(t: Token, connectorsOnly: boolean): boolean {
  if (t.kind === 'punct') return GLUE_PUNCT.has(t.text);
  if (t.kind !== 'word' || t.label >= 0) return false;
  return connectorsOnly ? FILLERS.has(t.lower) || t.lower === 'and' || t.lower === 'then' : GLUE.has(t.lower);
}

function onlyGlue(tokens: readonly Token[], from: number, to: number, max: number, connectorsOnly = false): boolean {
  if (to - from + 1 > max) return false;
  for (let k = from; k <= to; k++) if (!isGlue(tokens[k]!, connectorsOnly)) return false;
  return true;
}

/** Letters glued to the number (INV-10234, PO#88231, 12th, 3pm, XXXX-4242) make it an identifier. */
function isAttached(doc: Doc, run: Run): boolean {
  const { tokens, labels } = doc;
  const first = tokens[run.first]!;
  const next = tokens[run.last + 1];
  if (tokens[run.last]!.kind === 'num' && next && next.kind === 'word' && !next.space) return true;
  if (first.kind !== 'num' || first.space) return false;
  let prev = tokens[run.first - 1];
  if (prev && prev.kind === 'punct' && ATTACH_PUNCT.has(prev.text) && !prev.space) prev = tokens[run.first - 2];
  else if (prev && prev.kind === 'punct') return false;
  if (!prev || prev.kind !== 'word') return false;
  // ACC-1042 is an account reference, but "cvv:123"-style glue of a card or tax word is not a reference.
  return prev.label < 0 || !GLUED_SENSITIVE.has(labels[prev.label]!.cat);
}

/** "+61 412 345 678" is a phone and "349 dollars" an amount; neither can be a checksum-valid card. */
function isCurrencyOrPlus(doc: Doc, run: Run, digits: string, likelyCard: boolean): boolean {
  const prev = doc.tokens[run.first - 1];
  const next = doc.tokens[run.last + 1];
  if (likelyCard) return false;
  if (prev && prev.text === '+' && digits.length >= 7 && digits.length <= 15) return true;
  return next !== undefined && CURRENCY_AFTER.has(next.kind === 'word' ? next.lower : next.text);
}

function trailingLabel(doc: Doc, run: Run): Label | undefined {
  let k = run.last + 1;
  for (let n = 0; n < 4 && k < doc.tokens.length; n++, k++) {
    const t = doc.tokens[k]!;
    if (t.label >= 0 || !TRAIL_GLUE.has(t.kind === 'word' ? t.lower : t.text)) break;
  }
  const t = doc.tokens[k];
  return t && t.label >= 0 && t.kind !== 'nl' ? doc.labels[t.label] : undefined;
}

const LEAD_IN = new Set(['yes', 'yeah', 'yep', 'ok', 'okay', 'sure', 'so', 'right', 'sorry', 'and', 'then', 'it', 's', 'its', 'is', 'the', 'number', 'next', 'rest', ...FILLERS]);

/** Only acknowledgements and punctuation precede the run in its line ("User: Sure, it's 4111…"). */
function startsTurn(doc: Doc, run: Run): boolean {
  const { tokens } = doc;
  const from = doc.lines[tokens[run.first]!.line]!.content;
  if (run.first - from > 6) return false;
  for (let k = from; k < run.first; k++) {
    const t = tokens[k]!;
    if (t.kind === 'punct') continue;
    if (t.kind !== 'word' || t.label >= 0 || !LEAD_IN.has(t.lower)) return false;
  }
  return true;
}

function precededByDateWord(tokens: readonly Token[], first: number): boolean {
  for (let k = first - 1; k >= 0 && k >= first - 2; k--) {
    const t = tokens[k]!;
    if (t.kind === 'word') return DATE_WORDS.has(t.lower);
  }
  return false;
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
  if (nearest && KEEPISH.has(nearest.cat) && onlyGlue(tokens, nearest.last + 1, run.first - 1, 6)) {
    if (nearest.cat === 'keep' || !likelyCard) return null;
  }
  // The label names the first number after it: a label with another number in between is spent.
  const s = top >= 0 ? index.sensitive[top]! : -1;
  const cand = s >= 0 ? labels[s]! : undefined;
  const near = cand !== undefined && (start - cand.end <= 80 || (cand.turn >= turn - 1 && start - cand.end <= 600));
  const lab = cand && near && cand.end > hist.prevRunEnd ? cand : undefined;
  const trailing = trailingLabel(doc, run);
  const labAdjacent = lab !== undefined && onlyGlue(tokens, lab.last + 1, run.first - 1, 6);
  const last = hist.last;
  const atTurnStart = startsTurn(doc, run);
  return {
    lab: lab?.cat,
    // "… is my mobile" names the number it follows; an adjacent label before it wins.
    trailing: trailing && !labAdjacent ? trailing.cat : undefined,
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
