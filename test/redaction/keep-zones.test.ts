import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeSpans, notOverlapping, spansWithin } from '../../server/redaction/keep-zones.js';
import type { Span } from '../../server/redaction/tokens.js';

// The sweeps must answer exactly what checking every pair answers (the old code did that, in 28 s for a
// hostile 1 MiB body).
const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;
const within = (i: Span, o: Span) => i.start >= o.start && i.end <= o.end;

const span = fc.tuple(fc.nat(200), fc.integer({ min: 1, max: 30 })).map(([start, len]) => ({ start, end: start + len }));
/** Sorted by start and non-overlapping, as regex matches come. */
const disjoint = fc.array(span, { maxLength: 25 }).map((xs) => mergeSpans(xs).map(({ start, end }) => ({ start, end })));
const sorted = fc.array(span, { maxLength: 25 }).map((xs) => [...xs].sort((a, b) => a.start - b.start));

describe('span sweeps', () => {
  it('notOverlapping keeps exactly the spans that overlap nothing blocked', () => {
    fc.assert(fc.property(disjoint, fc.array(span, { maxLength: 25 }), (spans, blocked) => {
      expect(notOverlapping(spans, mergeSpans(blocked))).toEqual(spans.filter((s) => !blocked.some((b) => overlaps(s, b))));
    }), { numRuns: 2000 });
  });

  it('spansWithin finds, for each outer span, exactly the inner spans inside it', () => {
    fc.assert(fc.property(sorted, disjoint, (inner, outer) => {
      expect(spansWithin(inner, outer)).toEqual(outer.map((o) => inner.filter((i) => within(i, o))));
    }), { numRuns: 2000 });
  });
});
