import type { Token } from './tokens.js';
import { wordFilter } from './word-filter.js';

// The words that tell us what a nearby number is. The rule decides card, CVV, expiry, PIN, bank and
// tax numbers "from words near the number"; the keep phrases name the look-alikes the rule protects
// (invoice, job, quote, PO, receipt, transaction, ABN/ACN/NZBN, GST/VAT, BPAY, tracking, phones, money).
export type LabelCat =
  | 'card' | 'ending' | 'cvv' | 'code' | 'expiry' | 'pin'
  | 'account' | 'bank' | 'bsb' | 'sort' | 'routing' | 'iban'
  | 'tfn' | 'ird' | 'ssn' | 'itin' | 'ni' | 'utr' | 'tax'
  | 'keep' | 'phone' | 'money';

export type Label = { cat: LabelCat; start: number; end: number; first: number; last: number; turn: number };

const PHRASES: Record<LabelCat, string> = {
  card: 'card|cards|credit card|debit card|card number|card no|card num|card details|payment card|bank card|visa|visa card|mastercard|master card|amex|american express|discover|diners|diners club|jcb|unionpay|union pay|maestro|eftpos|cc|pan|long number|number on the front|front of the card|credit|debit|sixteen digit|16 digit|gift card',
  ending: 'ending|ends|ending in|ends in|ends with|ending with|last four|last 4|last four digits|last 4 digits|last digits|final four|final 4',
  cvv: 'cvv|cvc|cvv2|cvc2|cid|csc|cv2|cvn|security code|security number|security digits|card security code|card verification|card verification code|verification value|digits on the back|three digits on the back|3 digits on the back|three numbers on the back|3 numbers on the back|three digit code|3 digit code|four digit code|4 digit code|code on the back|three digits|3 digits|three numbers|four digits on the front|number on the back|numbers on the back|back of the card',
  // A bare "code" is a security code only in a card conversation ("…expires 10/27, and the code is 123").
  code: 'code',
  expiry: 'expiry|expiry date|expiration|expiration date|expires|expire|expired|expiring|exp|exp date|valid thru|valid through|valid until|valid till|valid to|good thru|good through|good until|mm yy',
  pin: 'pin|pin number|pin code|personal identification number',
  account: 'account|account number|account no|account num|acct|acct no|acc|acc no|a c|bank account|bank account number|checking|checking account|savings|savings account|cheque account|chequing account|transaction account|everyday account',
  bank: 'bank|banking|bank details|direct debit|bank transfer|transfer|eft|wire|wire transfer|deposit|swift|bic|commbank|commonwealth bank|westpac|anz|nab|asb|bnz|kiwibank|barclays|natwest|hsbc|lloyds|santander|chase|wells fargo|bank of america|citibank|halifax|monzo|starling|nationwide',
  // "BSB and account" names the BSB first: the account follows it (see bank-numbers.ts, trail).
  bsb: 'bsb|bsb number|b s b|branch number|bank state branch|bsb and account|bsb and account number',
  sort: 'sort code|sort|sortcode|sort code and account|sort code and account number',
  routing: 'routing|routing number|aba|aba number|transit number|rtn|ach routing|routing and account|routing and account number',
  iban: 'iban|international bank account number',
  tfn: 'tfn|tax file number|tax file|tax file no',
  ird: 'ird|ird number|ird no|inland revenue',
  ssn: 'ssn|social security|social security number|social',
  itin: 'itin|individual taxpayer identification number|taxpayer identification number',
  ni: 'national insurance|national insurance number|ni number|nino|ni no',
  utr: 'utr|utr number|unique taxpayer reference|tax reference|taxpayer reference|self assessment',
  tax: 'tax id|tax number|tax no|tax identification number|tin',
  // "My account number with you" is the caller's customer account with the business, not a bank account.
  keep: 'invoice|invoice number|invoice no|inv|job|job number|job no|quote|quote number|quote no|quotation|estimate|po|p o|purchase order|work order|wo|receipt|receipt number|receipt no|transaction|transaction id|transaction number|txn|reference|ref|reference number|payment reference|order|order number|order no|booking|ticket|ticket number|case|case number|case id|claim|claim number|abn|acn|arbn|nzbn|gst|gst number|vat|vat number|company number|company registration|companies house|registration number|crn|customer reference|customer reference number|customer number|customer id|customer account|account with you|account number with you|account no with you|account with you guys|account number with you guys|account with us|account number with us|account with your company|account number with your company|account with your business|account number with your business|client number|client id|client account|account ref|account reference|account id|member number|membership number|tracking|tracking number|consignment|consignment number|con note|connote|parcel|shipment|auth code|authorisation code|authorization code|approval code|confirmation|confirmation number|confirmation code|serial|serial number|model|model number|part number|credit note|postcode|post code|zip|zip code|biller|biller code|bpay|licence|license|policy|policy number|subscription|subscription id|payment id|voucher|incident|gate code|door code|access code|alarm code|lockbox code|key code|promo code|discount code|coupon code|area code',
  phone: 'phone|phone number|mobile|mobile number|mob|cell|cell phone|cellphone|landline|fax|telephone|tel|ph|call|call me|call back|callback|ring|ring me|reach|reach me|text|text me|contact number|contact|my number|number to call|whatsapp|extension|ext|direct line',
  money: 'total|amount|balance|charge|charged|paid|price|cost|fee|refund|refunded|owing|owe|owed|due|bill|billed|payment|pay|debited|credited|overcharged|invoiced',
};

// A word trie of the phrases: one Map lookup per word read, where trying each phrase of a bucket in
// turn compared the same tokens over and over ("account" starts 14 phrases; profiled: the hottest
// lines of a pass). The longest phrase wins, as it always has.
type Node = { cat: LabelCat | undefined; next: Map<string, Node> | undefined };

function buildTrie(): Map<string, Node> {
  const root = new Map<string, Node>();
  for (const [cat, list] of Object.entries(PHRASES) as [LabelCat, string][]) {
    for (const phrase of list.split('|')) {
      let node: Node | undefined;
      for (const w of phrase.split(' ')) {
        const level = node ? (node.next ??= new Map()) : root;
        let child = level.get(w);
        if (!child) level.set(w, (child = { cat: undefined, next: undefined }));
        node = child;
      }
      node!.cat ??= cat; // a phrase listed twice keeps its first category
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
// Punctuation that may sit inside a label: "a/c", "p.o.", "valid-thru".
const INNER = new Set(['-', '/', '.']);

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
  labels.push({ cat: best.cat!, start: tokens[i]!.start, end: tokens[last]!.end, first: i, last, turn: 0 });
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
export const CARD_CATS: ReadonlySet<LabelCat> = new Set<LabelCat>(['card', 'ending', 'cvv', 'expiry']);
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
