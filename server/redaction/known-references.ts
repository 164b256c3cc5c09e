import { isLikelyCard } from './card-numbers.js';
import type { Replacement } from './detect-pass.js';

// Issue 12, fail-closed rule: a 13-19 digit run is a card "unless it is a value the add-on can prove is
// benign: the call's own invoice/job/payment/subscription/PO references as extracted". DialNexa sends
// those as structured fields (contracts/dialnexa-webhooks.md, post-call analysis: `invoice_number`,
// `job_number`, `payment_id`, `subscription_id`); a long one read out in the transcript is that
// reference, not a card. A value that looks exactly like a card (issuer prefix and Luhn) never
// vouches for anything: a caller who reads a card as "the invoice number" must not get it kept.

const REFERENCE_KEY = /^(?:invoice|job|payment|subscription|po|purchase_?order|order|receipt|quote)_?(?:number|no|num|id|ref|reference)?$/i;

/** Digits of the long references a call's own structured fields carry (13-19 digits, never card-like). */
export function knownReferences(value: unknown, depth = 0, into = new Set<string>()): ReadonlySet<string> {
  if (value === null || typeof value !== 'object' || depth > 32) return into;
  for (const [k, v] of Object.entries(value)) {
    if ((typeof v === 'string' || typeof v === 'number') && REFERENCE_KEY.test(k.replace(/([a-z])([A-Z])/g, '$1_$2'))) {
      const digits = String(v).replace(/\D/g, '');
      // At most a short prefix besides the digits ("INV-", "#", "PO "): anything wordier is not a reference.
      if (digits.length >= 13 && digits.length <= 19 && String(v).length - digits.length <= 6 && !isLikelyCard(digits)) into.add(digits);
    } else if (typeof v === 'object') {
      knownReferences(v, depth + 1, into);
    }
  }
  return into;
}

/** Drops the card findings that are exactly one of the call's own references, written as numerals. */
export function withoutKnownReferences(input: string, found: Replacement[], refs: ReadonlySet<string>): Replacement[] {
  if (refs.size === 0) return found;
  return found.filter((r) => {
    if (r.kind !== 'card') return true;
    const slice = input.slice(r.start, r.end);
    return !(/^[\d\s.-]+$/.test(slice) && refs.has(slice.replace(/\D/g, '')));
  });
}
