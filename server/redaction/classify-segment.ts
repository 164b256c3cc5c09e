import { classifyCardFamily } from './card-numbers.js';
import { classifyBank } from './bank-numbers.js';
import { classifyTax } from './tax-ids.js';
import { hasInnerSep, isAmountShape, isDateShape, isPhoneShape } from './number-shapes.js';
import type { LabelCat } from './context-labels.js';
import type { Segment, SegmentContext, Verdict } from './findings.js';

// One candidate number, one verdict. The label decides which family is asked first, so "sort code
// and account?" answered "40-47-84, 70872490" is read as bank details, not as a lucky Luhn pass.

type Family = (seg: Segment, ctx: SegmentContext) => Verdict;
export const BANK_LABS: ReadonlySet<LabelCat> = new Set<LabelCat>(['account', 'bank', 'bsb', 'sort', 'routing', 'iban']);
export const TAX_LABS: ReadonlySet<LabelCat> = new Set<LabelCat>(['tfn', 'ird', 'ssn', 'itin', 'ni', 'utr', 'tax']);

function families(lab: LabelCat | undefined): Family[] {
  if (lab && BANK_LABS.has(lab)) return [classifyBank, classifyTax, classifyCardFamily];
  if (lab && TAX_LABS.has(lab)) return [classifyTax, classifyBank, classifyCardFamily];
  return [classifyCardFamily, classifyBank, classifyTax];
}

const AMOUNT_SEPS: ReadonlySet<string> = new Set(['comma', 'dot']);

/** "1,234.50" or "349.00" in the source text of the segment. */
function isAmount(seg: Segment, text: string): boolean {
  const g = seg.groups;
  return hasInnerSep(g, AMOUNT_SEPS) && isAmountShape(text.slice(g[0]!.start, g[g.length - 1]!.end));
}

/** One segment's verdict: a finding kind, 'keep' (a phone, date or amount that must not be split), or null. */
export function classifySegment(seg: Segment, ctx: SegmentContext, text: string): Verdict {
  if (seg.digits.length < 3) return null;
  if (ctx.lab !== 'expiry' && isAmount(seg, text)) return 'keep';
  if (isDateShape(seg.groups)) {
    // Dates survive (the rule) unless the talk is of an expiry, a sort code or a BSB.
    if (classifyCardFamily(seg, ctx) === 'expiry') return 'expiry';
    // "sc: 30-54-98" (s/c, the sort code) reads like a date too.
    const bankish = (ctx.lab !== undefined && (BANK_LABS.has(ctx.lab) || ctx.lab === 'cvv')) || (ctx.bankWindow && ctx.lab === undefined);
    if (bankish && !ctx.datePrep) {
      const b = classifyBank(seg, ctx);
      if (b === 'sort_code' || b === 'bsb') return b;
    }
    return 'keep';
  }
  for (const family of families(ctx.lab)) {
    const v = family(seg, ctx);
    if (v) return v;
  }
  // A phone-shaped number is kept when it is a whole clause, unless a label right before it claims it;
  // the front of a longer number ("013-006 4455" of "013-006 4455 6677") is not a phone.
  const claimed = ctx.lab !== undefined && ctx.leading && !ctx.phoneWindow;
  return seg.whole && !claimed && isPhoneShape(seg.digits, false) && isPhoneLayout(seg) ? 'keep' : null;
}

const NOT_PHONE_SEPS: ReadonlySet<string> = new Set(['slash', 'comma', 'and', 'turn']);

/** Written like one phone number: no month word, at most five groups, phone-style separators. */
function isPhoneLayout(seg: Segment): boolean {
  return seg.groups.length <= 5 && !seg.groups.some((g) => g.month) && !hasInnerSep(seg.groups, NOT_PHONE_SEPS);
}

/** The context for the next number of the same run: the label is spent, the finding becomes the trail. */
export function afterVerdict(ctx: SegmentContext, v: Verdict): SegmentContext {
  const kind = v === 'keep' || v === null ? undefined : v;
  return { ...ctx, lab: undefined, trail: kind, prevCard: ctx.prevCard || kind === 'card', leading: false, atTurnStart: false };
}
