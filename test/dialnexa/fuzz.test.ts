import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCallDetails, parseDelivery, type ParseResult } from '../../server/dialnexa/envelopes.js';

const STATUSES = ['completed', 'hangup', 'in_progress', 'failed', 'unknown'];
const ctx = { defaultRegion: 'AU', defaultCurrency: 'AUD' };
const load = (name: string): unknown => JSON.parse(readFileSync(new URL(`../fixtures/dialnexa/${name}`, import.meta.url), 'utf8'));
const VALID = [
  'a-call-ended-completed.json', 'a-call-ended-hangup.json', 'a-transfer-completed.json', 'a-transcript-array.json',
  'b-call-completed-data-call.json', 'b-call-failed-data-direct.json', 'b-call-no-answer-payload.json',
  'c-call-analysis-ready.json', 'c-call-ended.json', 'details-response.json',
].map(load);

/** Checks every invariant a caller relies on; returns the serialised outcome for leak checks. */
function assertWellFormed(result: ParseResult): void {
  if (!result.ok) {
    expect(result.errors.length).toBeGreaterThan(0);
    for (const e of result.errors) expect(typeof e.field === 'string' && e.field !== '' && typeof e.message === 'string').toBe(true);
    return;
  }
  const o = result.outcome;
  expect(['outcome', 'notification', 'ignored']).toContain(o.kind);
  expect(STATUSES).toContain(o.status);
  expect(typeof o.providerCallId).toBe('string');
  expect(Number.isSafeInteger(o.revision) && o.revision > 0).toBe(true);
  expect(typeof o.hasRecording).toBe('boolean');
  if (o.analysis?.amount) expect(o.analysis.amount.amount).toMatch(/^-?\d{1,15}\.\d{2}$/);
  const serialised = JSON.stringify(o);
  // The recording link is presigned and expires: it must never leave the parser (contract, envelope A).
  expect(serialised).not.toMatch(/recording_url|X-Amz|recordings\.dialnexa/);
  for (const s of [o.summary, o.transcript, o.analysis?.callerClaim]) if (s) expect(s.length).toBeLessThanOrEqual(200_000);
}

function pathsOf(value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (typeof value !== 'object' || value === null) return out;
  for (const [k, v] of Object.entries(value)) {
    const path = [...prefix, Array.isArray(value) ? Number(k) : k];
    out.push(path);
    pathsOf(v, path, out);
  }
  return out;
}

function mutate(body: unknown, path: (string | number)[], replacement: unknown, remove: boolean): unknown {
  const copy = structuredClone(body) as Record<string | number, unknown>;
  let parent: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (remove) delete parent[last];
  else Object.defineProperty(parent, last, { value: replacement, enumerable: true, writable: true, configurable: true });
  return copy;
}

const hostileValue = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -0, 1e308, '', ' ', 'NaN', '__proto__', '$1,234.5', '0412 345 678', [], {}),
  fc.string({ minLength: 0, maxLength: 40 }),
  fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'prototype', 'id', 'call', 'amount', 'intent'), fc.jsonValue(), { maxKeys: 4 }),
  fc.integer({ min: 190_000, max: 260_000 }).map((n) => 'x'.repeat(n)),
);

describe('parser fuzzing (fast-check)', () => {
  it('arbitrary JSON values never throw and always give a well-formed result', () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 6 }), (body) => {
      assertWellFormed(parseDelivery(body, ctx));
      assertWellFormed(parseCallDetails(body, ctx));
    }), { numRuns: 2500 });
  });

  it('valid envelopes with random fields replaced or removed stay well-formed and keep no recording link', () => {
    const mutation = fc.record({ path: fc.nat(), value: hostileValue, remove: fc.boolean() });
    fc.assert(fc.property(fc.nat({ max: VALID.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 4 }), (index, mutations) => {
      let body = VALID[index];
      for (const m of mutations) {
        const paths = pathsOf(body);
        if (paths.length === 0) break;
        body = mutate(body, paths[m.path % paths.length]!, m.value, m.remove);
      }
      assertWellFormed(parseDelivery(body, ctx));
      assertWellFormed(parseCallDetails(body, ctx));
    }), { numRuns: 3000 });
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('arbitrary JS values (null prototypes, dates, maps, bigints, sparse arrays) never throw', () => {
    const anything = fc.anything({ withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withSet: true, withSparseArray: true, withObjectString: true, maxDepth: 5 });
    fc.assert(fc.property(anything, (body) => {
      assertWellFormed(parseDelivery(body, ctx));
    }), { numRuns: 2000 });
  });

  it('an outcome-bearing event wrapped around arbitrary call objects is ok or names payload.call.id', () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 4 }), (call) => {
      const r = parseDelivery({ event_type: 'call_ended', payload: { call } }, ctx);
      assertWellFormed(r);
      if (!r.ok) expect(r.errors.map((e) => e.field)).toEqual(['payload.call.id']);
    }), { numRuns: 2000 });
  });
});
