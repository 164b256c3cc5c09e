import type { Label, LabelCat } from './context-labels.js';
import { CURRENCY_AFTER, FILLERS, isNumberWord } from './number-words.js';
import type { Run } from './spoken-digits.js';
import type { Line, Token } from './tokens.js';

// What sits right next to a digit run: the glue words between a label and its number, letters glued
// to it (an identifier), a currency or "+" (an amount or a phone), a label right after it, and whether
// it opens its turn.

export type Neighbourhood = { tokens: readonly Token[]; lines: readonly Line[]; labels: readonly Label[] };

const GLUE = new Set([
  'is', 'was', 'are', 'were', 'be', 'number', 'numbers', 'no', 'nos', 'num', 'nr', 'id', 'ids', 'the', 'my', 'our', 'your',
  'its', 'it', 's', 'that', 'thats', 'of', 'on', 'at', 'me', 'you', 'us', 'back', 'just', 'please', 'code', 'digits', 'digit', 'as',
  ...FILLERS,
]);
const GLUE_PUNCT = new Set([':', '#', '-', '–', '.', ',', '(', ')', "'", '’', '"', '=', '/', '?', '_']);
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

export function onlyGlue(tokens: readonly Token[], from: number, to: number, max: number, connectorsOnly = false): boolean {
  if (to - from + 1 > max) return false;
  for (let k = from; k <= to; k++) if (!isGlue(tokens[k]!, connectorsOnly)) return false;
  return true;
}

/** Letters glued to the number (INV-10234, PO#88231, 12th, 3pm, XXXX-4242) make it an identifier. */
export function isAttached(doc: Neighbourhood, run: Run): boolean {
  const { tokens, labels } = doc;
  const first = tokens[run.first]!;
  const next = tokens[run.last + 1];
  if (tokens[run.last]!.kind === 'num' && next && next.kind === 'word' && !next.space) return true;
  if (first.kind !== 'num' || first.space) return false;
  let prev = tokens[run.first - 1];
  if (prev && prev.kind === 'punct' && ATTACH_PUNCT.has(prev.text) && !prev.space) prev = tokens[run.first - 2];
  else if (prev && prev.kind === 'punct') return false;
  if (!prev || prev.kind !== 'word' || isNumberWord(prev.lower)) return false;
  // ACC-1042 is an account reference, but "cvv:123"-style glue of a card or tax word is not a reference.
  // A weak label glued on is a prefix ("CC-8830" is a job reference, issue 12).
  return prev.label < 0 || !GLUED_SENSITIVE.has(labels[prev.label]!.cat) || labels[prev.label]!.weak;
}

/** "+61 412 345 678" is a phone and "349 dollars" an amount; neither can be a checksum-valid card. */
export function isCurrencyOrPlus(doc: Neighbourhood, run: Run, digits: string, likelyCard: boolean): boolean {
  const prev = doc.tokens[run.first - 1];
  const next = doc.tokens[run.last + 1];
  if (likelyCard) return false;
  if (prev && prev.text === '+' && digits.length >= 7 && digits.length <= 15) return true;
  return next !== undefined && CURRENCY_AFTER.has(next.kind === 'word' ? next.lower : next.text);
}

export function trailingLabel(doc: Neighbourhood, run: Run): Label | undefined {
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
export function startsTurn(doc: Neighbourhood, run: Run): boolean {
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

export function precededByDateWord(tokens: readonly Token[], first: number): boolean {
  for (let k = first - 1; k >= 0 && k >= first - 2; k--) {
    const t = tokens[k]!;
    if (t.kind === 'word') return DATE_WORDS.has(t.lower);
    if (t.kind !== 'punct') return false;
  }
  return false;
}

/**
 * The last token before a document prefix glued to the front of a number: "VAT number GB 246 1180 53",
 * "tracking number 3TX 0044 9120 7781", "tracking NZP 5512 0043 981" (2-4 capitals, a digit may lead).
 * Without such a prefix, the token just before the number.
 */
export function beforePrefix(tokens: readonly Token[], first: number): number {
  const t = tokens[first - 1];
  if (!t || t.kind !== 'word' || !/^[A-Z]{2,4}$/.test(t.text)) return first - 1;
  const glued = tokens[first - 2];
  return glued && glued.kind === 'num' && !t.space && glued.text.length <= 2 ? first - 3 : first - 2;
}
