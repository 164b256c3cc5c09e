import { luhn } from './checksums.js';
import { hasInnerSep, isDateShape, isNzBankShape, isPhoneShape, STRONG_SEPS } from './number-shapes.js';
import type { LabelCat } from './context-labels.js';
import type { FindingKind, Segment, SegmentContext, Verdict } from './findings.js';

// Cards and what travels with them: security code, expiry, PIN (the rule's first four kinds).

/** Issuer identification ranges from the rule: Visa, Mastercard, Amex, Discover, JCB, Diners, UnionPay, Maestro. */
export function hasCardIssuerPrefix(d: string): boolean {
  const n2 = Number(d.slice(0, 2));
  const n3 = Number(d.slice(0, 3));
  const n4 = Number(d.slice(0, 4));
  if (d[0] === '4') return true;
  if ((n2 >= 51 && n2 <= 55) || (n4 >= 2221 && n4 <= 2720)) return true;
  if (n2 === 34 || n2 === 37) return true;
  if (n4 === 6011 || n2 === 65 || (n3 >= 644 && n3 <= 649)) return true;
  if (n4 >= 3528 && n4 <= 3589) return true;
  if (n2 === 36 || n2 === 38 || n2 === 39 || (n3 >= 300 && n3 <= 305)) return true;
  if (n2 === 62) return true;
  return n2 === 50 || (n2 >= 56 && n2 <= 58) || n2 === 67 || n4 === 6304 || n3 === 639;
}

/** A 13–19 digit number that passes Luhn and starts with a card issuer's prefix. */
export function isLikelyCard(d: string): boolean {
  return d.length >= 13 && d.length <= 19 && luhn(d) && hasCardIssuerPrefix(d);
}

const validMonth = (mm: string): boolean => Number(mm) >= 1 && Number(mm) <= 12;

/** MM/YY, M/YY, MM/YYYY, MMYY, "oh four twenty-seven", "April 2027" — card expiry layouts only. */
export function isExpiryShape(seg: Segment): boolean {
  const d = seg.digits;
  const month = seg.groups.find((g) => g.month);
  if (month) {
    const year = d.length - month.digits.length;
    return seg.groups[0] === month && (year === 2 || (year === 4 && d.slice(2, 4) === '20'));
  }
  if (d.length === 3) return d[0] !== '0';
  if (d.length === 4) return validMonth(d.slice(0, 2));
  if (d.length === 5) return d[0] !== '0' && d.slice(1, 3) === '20';
  // "exp. 2027-06": the year first, as ISO writes it.
  if (d.length === 6 && seg.groups.length === 2 && seg.groups[0]!.digits.length === 4) return d.slice(0, 2) === '20' && validMonth(d.slice(4, 6));
  if (d.length === 6) return validMonth(d.slice(0, 2)) && d.slice(2, 4) === '20';
  return false;
}

const SLASH: ReadonlySet<string> = new Set(['slash']);
const CARD_LABS: ReadonlySet<LabelCat> = new Set<LabelCat>(['card', 'ending', 'cvv', 'code', 'expiry', 'pin']);
const CARD_FAMILY: ReadonlySet<FindingKind> = new Set<FindingKind>(['card', 'expiry', 'security_code']);

/** Numbers read straight after a card ("4111… 04/27 123") are its expiry and security code. */
function trailVerdict(seg: Segment, trail: FindingKind): Verdict {
  const d = seg.digits;
  if (d.length === 3) return 'security_code';
  if (d.length === 4) return trail !== 'expiry' && isExpiryShape(seg) ? 'expiry' : 'security_code';
  return isExpiryShape(seg) ? 'expiry' : null;
}

/**
 * "We have you at 78704 and (512) 555-0147": numbers joined by "and" or a comma, one of them longer
 * than any card's group (six digits, an Amex's middle), are several numbers, not one card.
 */
function severalNumbers(seg: Segment): boolean {
  let clause = 0;
  let joined = false;
  for (let i = 0; i < seg.groups.length; i++) {
    const g = seg.groups[i]!;
    if (i > 0 && (g.sep === 'and' || g.sep === 'comma')) {
      if (clause > 6) return true;
      joined = true;
      clause = 0;
    }
    clause += g.digits.length;
  }
  return joined && clause > 6;
}

/** Card, security code, expiry and PIN decisions for one segment. */
export function classifyCardFamily(seg: Segment, ctx: SegmentContext): Verdict {
  const d = seg.digits;
  const L = d.length;
  const slashOrMonth = seg.groups.some((g) => g.month) || hasInnerSep(seg.groups, SLASH);
  if ((ctx.lab === 'expiry' || (ctx.expiryWindow && slashOrMonth && !ctx.strict)) && isExpiryShape(seg)) return 'expiry';
  if (!ctx.strict && ctx.trail && CARD_FAMILY.has(ctx.trail) && !ctx.lab) {
    const v = trailVerdict(seg, ctx.trail);
    if (v) return v;
  }
  // "and the code four four eight" right after a card was read, with or without a card word.
  const cvv = ctx.lab === 'cvv' || (ctx.lab === 'code' && (ctx.cardWindow || ctx.prevCard));
  if (cvv && (L === 3 || L === 4)) return 'security_code';
  if (ctx.lab === 'pin' && L >= 4 && L <= 8) return 'pin';
  if (ctx.lab === 'ending' && L <= 4) return 'keep';
  // "an American Express ending 15524?": at most the last four digits of a card may stay (issue 12's rule).
  if (ctx.lab === 'ending' && (L === 5 || L === 6) && ctx.leading && !ctx.strict) return 'card';
  // "card five four oh oh … oh two eight one oh three twenty eight two one nine": a 16-digit card read
  // straight into its expiry and code. When the first sixteen digits are a whole card and the rest is
  // not, the card ends there (the segmenter tries the shorter reading).
  if (L > 16 && L <= 19 && !ctx.strict && isLikelyCard(d.slice(0, 16)) && !luhn(d) && /^[4-6]/.test(d)) return null;
  if (L >= 13 && L <= 19 && d[0] !== '0' && !isNzBankShape(seg.groups)) {
    // Callers misread digits, so once the talk is about a card the checksum is not required (the rule).
    if (!ctx.strict && ctx.cardWindow && !severalNumbers(seg)) return 'card';
    // A bank or tax question ("sort code and account?") answered in clauses is not a card by checksum luck.
    const otherLabel = ctx.lab !== undefined && !CARD_LABS.has(ctx.lab);
    if (isLikelyCard(d) && !(otherLabel && hasInnerSep(seg.groups, STRONG_SEPS))) return 'card';
  }
  // Parts of a card read in pieces ("four one one one" / echo / "one one one one"): a part answering a
  // card question, or continuing a card read just before, is removed too (at most the last four survive).
  const part = L >= 8 || ctx.atTurnStart || ctx.leading;
  const cardTalk = (ctx.lab === 'card' && (L >= 8 || ctx.leading)) || (ctx.prevCard && !ctx.lab);
  if (!ctx.strict && L >= 4 && L <= 12 && part && cardTalk) {
    // "5164 6759 36…" is read in a card's fours, not a phone's 3-3-4, however its digits would dial.
    const fours = L >= 10 && seg.groups.length >= 2 && seg.groups.slice(0, -1).every((g) => g.digits.length === 4);
    if ((fours || !isPhoneShape(d, false)) && !isDateShape(seg.groups)) return 'card';
  }
  return null;
}
