// A cheap "certainly not in this vocabulary" test for transcript words. Most words of a call are not
// labels or number words, and a Map lookup on a freshly sliced string has to hash it first (profiled:
// the label and number-word lookups were the hottest lines of a pass). A miss in this table is exact;
// a hit only means "ask the Map".

const SIZE = 1 << 14;

function slot(w: string): number {
  const n = w.length;
  if (n === 0) return 0;
  return ((w.charCodeAt(0) << 7) ^ (w.charCodeAt(n - 1) << 2) ^ (n > 1 ? w.charCodeAt(1) << 10 : 0) ^ n) & (SIZE - 1);
}

export type WordFilter = (w: string) => boolean;

/** A filter that is false for every word outside `keys` (and true for all of them). */
export function wordFilter(keys: Iterable<string>): WordFilter {
  const table = new Uint8Array(SIZE);
  for (const k of keys) table[slot(k)] = 1;
  return (w) => table[slot(w)] === 1;
}
