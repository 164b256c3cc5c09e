/**
 * How a request is said: asked for, or only mentioned. "Don't want a refund", "never asked for a credit"
 * and "the refund was already processed" name a refund without asking for one.
 */

// A negation in the same clause, at most three words before the request.
const NEGATED = /\b(?:not|no|never|nor|don'?t|do\s+not|doesn'?t|does\s+not|didn'?t|did\s+not|won'?t|will\s+not|wouldn'?t|can'?t|cannot|couldn'?t|isn'?t|wasn'?t|haven'?t|hasn'?t|without|instead\s+of|rather\s+than|no\s+need\s+for)\b(?:\s+\S+){0,3}\s*$/i;
// Told as past, as a status, or as something already there: "was credited", "where is my refund",
// "asked about the refund policy", "there's a $40 credit on my account".
const TOLD_BEFORE = /\b(?:was|were|been|already|got|received|had|where'?s|where\s+is|status\s+of|chasing|waiting\s+(?:on|for)|about|there'?s|there\s+is|existing|applied|processed|issued)\b(?:\s+\S+){0,2}\s*$/i;
const TOLD_AFTER = /^\s*(?:was|were|has|have|had|came|went|already|never|hasn'?t|haven'?t|didn'?t|still|yet|is\s+(?:pending|processing|late|overdue|still|due\s+back)|policy|process|status|terms|timeline|time\s*frame)\b/i;
// A clause ends at punctuation: "not after a refund, just wants the invoice corrected".
const CLAUSE = /[,.;:!?()\u2013\u2014]|\s-\s/g;

/** True when some match of `re` (a global pattern) in `text` is asked for, not negated or told as past. */
export function requested(text: string, re: RegExp): boolean {
  // Once a clause negates or tells one cue, its later cues go with it: in "was on a payment plan of $50 a
  // week", "a week" is as past as "payment plan".
  let blockedClause = -1;
  for (const m of text.matchAll(re)) {
    const clauseStart = clauseStartOf(text, m.index);
    const before = text.slice(clauseStart, m.index);
    const after = text.slice(m.index + m[0].length);
    if (clauseStart === blockedClause || NEGATED.test(before) || TOLD_BEFORE.test(before) || TOLD_AFTER.test(after)) {
      blockedClause = clauseStart;
      continue;
    }
    return true;
  }
  return false;
}

function clauseStartOf(text: string, at: number): number {
  let start = 0;
  for (const m of text.slice(0, at).matchAll(CLAUSE)) start = m.index + m[0].length;
  return start;
}

// "no, make it four payments", "sorry, $120 each", "actually make it Monday", "no wait, 5 months".
const CORRECTION = /\b(?:no(?:\s+wait)?|sorry|wait|correction|scratch\s+that|i\s+mean|oops)\b\s*[,:;\u2013\u2014-]+|\b(?:actually|make\s+(?:it|that)|change\s+(?:it|that)\s+to)\b/gi;

/** Where the last correction begins its new words, if the text corrects itself. */
export function correctionAt(text: string): number | undefined {
  let at: number | undefined;
  for (const m of text.matchAll(CORRECTION)) at = m.index + m[0].length;
  return at;
}
