import { acnChecksum, irdChecksum, tfnChecksum } from './checksums.js';
import { digitCount, labelBefore, noneCovered } from './fail-closed.js';
import { isPhoneShape, isSsnLayout } from './number-shapes.js';
import { claimOf, layoutOf, uncoveredStretches } from './run-claims.js';
import { isAttached } from './run-neighbours.js';
import { isValidItin, isValidSsn } from './tax-ids.js';
import type { Doc } from './run-context.js';
import type { Emit } from './segmenter.js';
import type { Group, Run } from './spoken-digits.js';

// Personal tax numbers that no label names (issue 12): a valid US SSN layout wherever it stands, and
// an AU TFN or NZ IRD whose check digit passes when nothing proves it benign.

const TAX_LAYOUTS = new Set(['9', '3-3-3', '8', '2-3-3', '3-2-3']);

/**
 * "the ABN is eight four three, eight five five, one eight one": nine digits under an ABN label (an ABN
 * has eleven) that are no valid ACN are the caller's tax file number, misnamed (its check digit may be
 * misread too).
 */
function misnamedTfn(doc: Doc, run: Run, digits: string): boolean {
  const l = doc.labels[labelBefore(doc, doc.tokens[run.first]!.start)];
  if (l === undefined || l.cat !== 'keep' || doc.tokens[l.first]!.turn !== doc.tokens[run.first]!.turn) return false;
  const name = doc.text.slice(l.start, l.end).toLowerCase();
  // Likewise ten digits under a UK VAT label (VAT numbers have nine or twelve) are a UTR's layout.
  if (digits.length === 10 && /^vat(?: number| no| reg)?$/.test(name)) return true;
  return digits.length === 9 && !acnChecksum(digits) && name === 'abn';
}

/**
 * A personal tax number with no label goes when its check digit passes (AU TFN, NZ IRD) and nothing
 * proves it benign (issue 12); `answered` are answers to a document question ("and the ACN?" / "143 399 606").
 */
export function checksumIds(doc: Doc, runs: readonly Run[], kept: ReadonlySet<Run>, answered: ReadonlySet<Run>, covered: (g: Group) => boolean, emit: Emit): void {
  for (const run of runs) {
    if (digitCount(run) < 8) continue;
    for (const groups of uncoveredStretches(run, covered)) {
      let n = 0;
      for (const g of groups) n += g.digits.length;
      if (n < 8 || n > 10) continue;
      let digits = '';
      for (const g of groups) digits += g.digits;
      // The US SSN layout (AAA-GG-SSSS) with a valid number is one wherever it stands, unless letters make it a reference.
      const part0: Run = { groups, first: groups[0]!.first, last: groups[groups.length - 1]!.last };
      if (isSsnLayout(groups) && (isValidSsn(digits) || isValidItin(digits)) && !isAttached(doc, part0)) {
        emit('tax_id', groups);
        continue;
      }
      if (misnamedTfn(doc, part0, digits)) {
        emit('tax_id', groups);
        continue;
      }
      if (n === 10) continue; // ten digits: only a misnamed UTR (above)
      if ((kept.has(run) || answered.has(run)) && noneCovered(run, covered)) continue;
      if (digits.length < 8 || digits.length > 9 || isPhoneShape(digits, false)) continue;
      if (!TAX_LAYOUTS.has(layoutOf(groups)) || !(tfnChecksum(digits) || irdChecksum(digits))) continue;
      const part: Run = { groups, first: groups[0]!.first, last: groups[groups.length - 1]!.last };
      if (claimOf(doc, part, labelBefore(doc, doc.tokens[part.first]!.start), 'tax_id') === null) emit('tax_id', groups);
    }
  }
}
