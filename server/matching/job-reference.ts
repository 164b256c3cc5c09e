// "Invoice #1042", "INV-1042", "inv 1042", "Job no. 1042": ServiceM8 invoices carry the job number
// (contracts/dialnexa-webhooks.md, analysis keys), so every spelling reduces to the digits.
const PREFIX = /^(?:(?:tax\s+)?invoice|inv|job|work\s*order|wo|ref(?:erence)?)?\s*(?:number|num|no\.?)?\s*[#:.-]?\s*/i;
const DIGITS = /^0*(\d{1,12})$/;

// Deliberately narrow: a keyword directly followed by a number of 3+ digits, so "job 2 weeks ago" or
// "$349.00" never become references.
const IN_TEXT = /\b(?:invoice|inv|job)(?:\s+(?:number|num|no\.?))?\s*[#:]?\s*-?\s*(\d{3,10})\b/gi;

/**
 * Reduces an invoice or job reference to the bare job number; undefined when it is not one.
 * Leading zeros are dropped so "INV-001042" and "1042" compare equal.
 * @example normaliseJobReference('INV-1042') // '1042'
 */
export function normaliseJobReference(ref: string): string | undefined {
  const rest = ref.trim().replace(PREFIX, '').trim();
  return DIGITS.exec(rest)?.[1];
}

/** Distinct job numbers a free-text summary names as "invoice 1042" / "job #1042", in order of appearance. */
export function findReferencesInText(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(IN_TEXT)) {
    const ref = normaliseJobReference(m[1] ?? '');
    if (ref) found.add(ref);
  }
  return [...found];
}
