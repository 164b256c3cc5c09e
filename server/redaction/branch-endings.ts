import type { Label, LabelCat } from './context-labels.js';

// "No, the BSB ends one four nine": the end of a BSB, sort code or routing number is as secret as the
// rest of it (the rule lets no digit of a short value stand), so "ends" after one names that value,
// not a card's last four.

const BRANCHES: ReadonlySet<LabelCat> = new Set<LabelCat>(['bsb', 'sort', 'routing']);

/** Turns an 'ending' label right after a BSB, sort code or routing label into that label's kind. */
export function branchEndings(labels: Label[], text: string): void {
  for (let k = 1; k < labels.length; k++) {
    const l = labels[k]!;
    const before = labels[k - 1]!;
    if (l.cat === 'ending' && BRANCHES.has(before.cat) && /^\s{0,2}$/.test(text.slice(before.end, l.start))) l.cat = before.cat;
  }
}
