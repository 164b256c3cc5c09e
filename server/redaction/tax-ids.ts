import { irdChecksum, tfnChecksum } from './checksums.js';
import { isSsnLayout } from './number-shapes.js';
import type { Segment, SegmentContext, Verdict } from './findings.js';
import type { Span } from './tokens.js';

// Personal tax and identity numbers: AU TFN, NZ IRD, US SSN/ITIN, UK NINO and UTR. Business
// identifiers (ABN, ACN, NZBN, GST/VAT, company numbers) are public and are kept.

/** US SSN: no 000, 666 or 9xx area, no 00 group, no 0000 serial (SSA randomization rules). */
export function isValidSsn(d: string): boolean {
  if (!/^\d{9}$/.test(d)) return false;
  const area = d.slice(0, 3);
  return area !== '000' && area !== '666' && d[0] !== '9' && d.slice(3, 5) !== '00' && d.slice(5) !== '0000';
}

/** US ITIN: 9xx area with group 50–65, 70–88, 90–92 or 94–99 (IRS ITIN ranges). */
export function isValidItin(d: string): boolean {
  if (!/^9\d{8}$/.test(d)) return false;
  const g = Number(d.slice(3, 5));
  return (g >= 50 && g <= 65) || (g >= 70 && g <= 88) || (g >= 90 && g <= 92) || (g >= 94 && g <= 99);
}

const NINO_BAD_FIRST = new Set(['D', 'F', 'I', 'Q', 'U', 'V']);
const NINO_BAD_SECOND = new Set(['D', 'F', 'I', 'O', 'Q', 'U', 'V']);
const NINO_BAD_PREFIX = new Set(['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ']);

/** UK National Insurance number: two letters, six digits, A–D, with HMRC's prefix exclusions. */
export function isValidNino(value: string): boolean {
  const s = value.replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{6}[A-D]$/.test(s)) return false;
  return !NINO_BAD_FIRST.has(s[0]!) && !NINO_BAD_SECOND.has(s[1]!) && !NINO_BAD_PREFIX.has(s.slice(0, 2));
}

/** Every valid NINO written "AB123456C" or "AB 12 34 56 C" (spelled ones: spelled-ids.ts). */
export function findNinos(text: string): Span[] {
  const spans: Span[] = [];
  const re = /\b[A-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (isValidNino(m[0])) spans.push({ start: m.index, end: m.index + m[0].length });
  }
  return spans;
}

/** Tax id decisions for one segment: labelled numbers of the right length, or the SSN layout. */
export function classifyTax(seg: Segment, ctx: SegmentContext): Verdict {
  const d = seg.digits;
  const L = d.length;
  switch (ctx.lab) {
    // A labelled TFN/IRD is removed even when its check digit fails: callers misread digits.
    case 'tfn': case 'ird': if (L === 8 || L === 9) return 'tax_id'; break;
    case 'ssn': case 'itin': if (L === 9) return 'tax_id'; break;
    case 'utr': if (L === 10) return 'tax_id'; break;
    // A NINO read aloud or spaced ("Q Q one two three four five six C") never matches the written
    // pattern; under a National Insurance label its six digits are the identifying part.
    case 'ni': if (L === 6) return 'tax_id'; break;
    case 'tax':
      if ((L === 8 || L === 9) && (tfnChecksum(d) || irdChecksum(d) || isValidSsn(d) || isValidItin(d))) return 'tax_id';
      break;
    default: break;
  }
  if (!ctx.strict && isSsnLayout(seg.groups) && (isValidSsn(d) || isValidItin(d))) return 'tax_id';
  return null;
}
