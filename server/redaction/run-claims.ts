import { KEEPISH, type Label } from './context-labels.js';
import { isAttached, isCurrencyOrPlus, onlyGlue, precededByDateWord, trailingLabel } from './run-neighbours.js';
import { isDateShape, isPhoneShape } from './number-shapes.js';
import { runDigits, type Group, type Run } from './spoken-digits.js';
import type { FindingKind } from './findings.js';
import type { Doc } from './run-context.js';

// Which numbers the rule keeps however the conversation got to them (issue 12: "postcodes, phone
// numbers, invoice/job/PO/receipt numbers, amounts, dates, … must stay, verbatim"). The dialogue slots
// and the fail-closed rule (dialogue-slots.ts) ask this before removing a number that no label names.

/** 'keep' moves the conversation on (a document number, an amount); 'date' and 'ending' do not. */
export type Claim = 'keep' | 'ending' | 'date' | null;

const SENTENCE_END = new Set(['?', '!', '.']);
// AU states and territories, US states: "Parramatta NSW 2150", "Austin, TX 78704" (a postcode, not a card group).
const REGIONS = new Set(('NSW VIC QLD SA WA TAS NT ACT AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV '
  + 'NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WV WI WY DC').split(' '));

function sentenceBreak(doc: Doc, from: number, to: number): boolean {
  for (let k = from; k <= to; k++) if (SENTENCE_END.has(doc.tokens[k]!.text)) return true;
  return false;
}

/** The label right before the run, joined to it only by glue words in the same sentence. */
function adjacentLabel(doc: Doc, run: Run, before: number): Label | undefined {
  const l = doc.labels[before];
  if (!l || !onlyGlue(doc.tokens, l.last + 1, run.first - 1, 6) || sentenceBreak(doc, l.last + 1, run.first - 1)) return undefined;
  return l;
}

function isPostcode(doc: Doc, run: Run, digits: string): boolean {
  if (digits.length !== 4 && digits.length !== 5 && digits.length !== 9) return false;
  let k = run.first - 1;
  if (doc.tokens[k]?.text === ',') k--;
  const prev = doc.tokens[k];
  return prev !== undefined && prev.kind === 'word' && REGIONS.has(prev.text);
}

/**
 * What keeps a run from being a slot's answer. `before` is the index of the last label that ends
 * before the run (-1 if none); `kind` is what the slot would make of it.
 */
export function claimOf(doc: Doc, run: Run, before: number, kind: FindingKind): Claim {
  const digits = runDigits(run.groups);
  if (isAttached(doc, run) || isCurrencyOrPlus(doc, run, digits, false)) return 'keep';
  const lab = adjacentLabel(doc, run, before);
  if (lab?.cat === 'ending') return 'ending';
  if (lab && KEEPISH.has(lab.cat) && (lab.cat !== 'money' || digits.length <= 8)) return 'keep';
  const trailing = trailingLabel(doc, run);
  if (trailing && KEEPISH.has(trailing.cat)) return 'keep';
  if (isPostcode(doc, run, digits)) return 'keep';
  if (kind !== 'expiry' && (isDateShape(run.groups) || (precededByDateWord(doc.tokens, run.first) && run.groups.some((g) => g.month)))) return 'date';
  // Card numbers never start with 0; a number that does and is written like a phone is one.
  if (kind === 'card' && digits[0] === '0' && isPhoneShape(digits, false)) return 'keep';
  return null;
}

/** Groups of the run outside every span already found, as maximal stretches of consecutive groups. */
export function uncoveredStretches(run: Run, covered: (g: Group) => boolean): Group[][] {
  const out: Group[][] = [];
  let cur: Group[] = [];
  for (const g of run.groups) {
    if (covered(g)) {
      if (cur.length > 0) out.push(cur);
      cur = [];
    } else {
      cur.push(g);
    }
  }
  if (cur.length > 0) out.push(cur);
  return out;
}
