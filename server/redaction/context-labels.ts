import type { Token } from './tokens.js';
import { LEXICON, WEAK_PHRASES } from './label-lexicon.js';
import { wordFilter } from './word-filter.js';

// The words that tell us what a nearby number is. The rule decides card, CVV, expiry, PIN, bank and
// tax numbers "from words near the number"; the keep phrases name the look-alikes the rule protects
// (invoice, job, quote, PO, receipt, transaction, ABN/ACN/NZBN, GST/VAT, BPAY, tracking, phones, money).
export type LabelCat =
  | 'card' | 'ending' | 'cvv' | 'code' | 'expiry' | 'pin' | 'group'
  | 'account' | 'bank' | 'bsb' | 'sort' | 'routing' | 'iban'
  | 'tfn' | 'ird' | 'ssn' | 'itin' | 'ni' | 'utr' | 'tax'
  | 'keep' | 'phone' | 'money' | 'done' | 'restart'
  // A validity phrase ("valid until"), resolved per text into 'expiry' or 'keep' (validity-labels.ts).
  | 'valid';

/** `weak`: a phrase of WEAK_PHRASES, which names the number right after it but opens no dialogue slot. */
export type Label = { cat: LabelCat; start: number; end: number; first: number; last: number; turn: number; weak: boolean };



// A word trie of the phrases: one Map lookup per word read, where trying each phrase of a bucket in
// turn compared the same tokens over and over ("account" starts 14 phrases; profiled: the hottest
// lines of a pass). The longest phrase wins, as it always has.
type Node = { cat: LabelCat | undefined; weak: boolean; next: Map<string, Node> | undefined };

function buildTrie(): Map<string, Node> {
  const root = new Map<string, Node>();
  for (const [cat, byLocale] of Object.entries(LEXICON) as [LabelCat, Record<string, readonly string[]>][]) {
    for (const phrase of Object.values(byLocale).flat()) {
      let node: Node | undefined;
      for (const w of phrase.split(' ')) {
        const level = node ? (node.next ??= new Map()) : root;
        let child = level.get(w);
        if (!child) level.set(w, (child = { cat: undefined, weak: false, next: undefined }));
        node = child;
      }
      if (node!.cat === undefined) {
        node!.cat = cat; // a phrase listed twice keeps its first category
        node!.weak = WEAK_PHRASES.has(phrase);
      }
    }
  }
  // Plurals are labels only where listed ("cards"). An earlier lookup meant to add every single word's
  // plural never matched one (it compared "invoices" with "invoice"); the corpus is scored without
  // them, and adding them changes findings both ways ("accounts 12345678" redacted, "orders <card>"
  // kept), so that is a decision of its own, not part of this index.
  return root;
}

const ROOT = buildTrie();
const MAYBE_LABEL = wordFilter(ROOT.keys());
// Punctuation that may sit inside a label: "a/c", "p.o.", "valid-thru", and extracted-field keys
// ("refund_sort_code: …", issue 12), and apostrophes, where the tokenizer splits "don't" into
// "don", "'", "t" (the lexicon writes it "don t").
const INNER = new Set(['-', '/', '.', '_', "'", '’']);

/**
 * Reads the longest phrase starting at token i; when there is one, records it as the next label, marks
 * its tokens, and returns the index of its last token (else -1).
 */
function readLabel(tokens: Token[], i: number, first: Node, labels: Label[]): number {
  let best = first;
  let last = first.cat ? i : -1;
  let node = first;
  let k = i;
  while (node.next !== undefined) {
    k++;
    while (k < tokens.length && tokens[k]!.kind === 'punct' && INNER.has(tokens[k]!.text)) k++;
    const t = tokens[k];
    if (!t || (t.kind !== 'word' && t.kind !== 'num')) break;
    const child = node.next.get(t.lower);
    if (!child) break;
    node = child;
    if (node.cat) {
      best = node;
      last = k;
    }
  }
  if (last < 0) return -1;
  for (let j = i; j <= last; j++) tokens[j]!.label = labels.length;
  labels.push({ cat: best.cat!, start: tokens[i]!.start, end: tokens[last]!.end, first: i, last, turn: 0, weak: best.weak });
  return last;
}

/** Finds context labels (longest phrase first) and marks their tokens so label words never read as digits. */
export function findLabels(tokens: Token[]): Label[] {
  const labels: Label[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if ((t.kind !== 'word' && t.kind !== 'num') || !MAYBE_LABEL(t.lower)) continue;
    const node = ROOT.get(t.lower);
    const last = node ? readLabel(tokens, i, node, labels) : -1;
    if (last >= 0) i = last;
  }
  return labels;
}

export const SENSITIVE_CATS: ReadonlySet<LabelCat> = new Set<LabelCat>([
  'card', 'ending', 'cvv', 'code', 'expiry', 'pin', 'account', 'bank', 'bsb', 'sort', 'routing', 'iban',
  'tfn', 'ird', 'ssn', 'itin', 'ni', 'utr', 'tax',
]);
export const CARD_CATS: ReadonlySet<LabelCat> = new Set<LabelCat>(['card', 'ending', 'cvv', 'expiry', 'group']);
export const BANK_CATS: ReadonlySet<LabelCat> = new Set<LabelCat>(['account', 'bank', 'bsb', 'sort', 'routing', 'iban']);

/** For each label index k, the index of the latest label at or before k in each class (-1 if none). */
export type LabelIndex = { card: number[]; expiry: number[]; bank: number[]; phone: number[]; sensitive: number[] };

/** Precomputes "latest label of this class" so every number's context is found in constant time. */
export function indexLabels(labels: Label[], turnOf: (tokenIndex: number) => number): LabelIndex {
  // Plain arrays: five typed arrays per pass cost more to allocate than the few labels they hold (profiled).
  const n = labels.length;
  const idx: LabelIndex = { card: [], expiry: [], bank: [], phone: [], sensitive: [] };
  let card = -1, expiry = -1, bank = -1, phone = -1, sensitive = -1;
  for (let k = 0; k < n; k++) {
    const l = labels[k]!;
    l.turn = turnOf(l.first);
    if (CARD_CATS.has(l.cat)) card = k;
    if (l.cat === 'expiry') expiry = k;
    if (BANK_CATS.has(l.cat) && l.cat !== 'account') bank = k;
    if (l.cat === 'phone') phone = k;
    if (SENSITIVE_CATS.has(l.cat)) sensitive = k;
    idx.card.push(card);
    idx.expiry.push(expiry);
    idx.bank.push(bank);
    idx.phone.push(phone);
    idx.sensitive.push(sensitive);
  }
  return idx;
}

/** Labels that name a number the rule keeps (documents, business ids, phones, money). */
export const KEEPISH: ReadonlySet<LabelCat> = new Set<LabelCat>(['keep', 'phone', 'money']);
