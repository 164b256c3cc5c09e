import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchCall } from '../../server/matching/index.js';
import { CLEAR_MARGIN } from '../../server/matching/match-scoring.js';
import { outcome, seedDirectory } from './fixtures.js';

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const phones = fc.constantFrom('+61412345678', '+61290001234', '+61400111222', '+61395550101', '+61488888888', '+61499000000', 'garbage');
const refs = fc.oneof(fc.constantFrom('1042', 'INV-2001', '#3001', '9000', '5000', 'job 7'), fc.string());

describe('matchCall properties', () => {
  it('never throws; scores in 0..1; sorted; best only for a clear, active winner', () => {
    const active = new Set(seedDirectory().companies.filter((c) => c.active).map((c) => c.uuid));
    fc.assert(
      fc.property(maybe(phones), maybe(refs), maybe(fc.constantFrom('Priya Natarajan', 'J. Smith', 'x', '')), maybe(fc.string()), (from, invoice, name, summary) => {
        const result = matchCall({
          outcome: outcome({ invoiceNumber: invoice, customerName: name }, { fromNumber: from, summary }),
          directory: seedDirectory(),
          knownRefs: [],
          defaultRegion: 'AU',
        });
        const scores = result.candidates.map((c) => c.score);
        expect(scores.every((s) => s > 0 && s <= 1)).toBe(true);
        expect([...scores].sort((a, b) => b - a)).toEqual(scores);
        expect(result.candidates.every((c) => active.has(c.companyUuid))).toBe(true);
        if (result.best) {
          expect(result.best).toBe(result.candidates[0]);
          const runnerUp = result.candidates[1]?.score ?? 0;
          expect(Math.round((result.best.score - runnerUp) * 100)).toBeGreaterThanOrEqual(CLEAR_MARGIN * 100);
        } else {
          expect(['low', 'none']).toContain(result.confidence);
        }
        expect(result.confidence === 'none').toBe(result.candidates.length === 0);
      }),
      { numRuns: 300 },
    );
  });
});
