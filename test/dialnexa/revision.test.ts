import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { STAGE, parseCallDetails, parseDelivery, revisionOf } from '../../server/dialnexa/envelopes.js';

const ctx = { defaultRegion: 'AU', defaultCurrency: 'AUD' };
const load = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`../fixtures/dialnexa/${name}`, import.meta.url), 'utf8'));

function revision(body: unknown, details = false): number {
  const r = details ? parseCallDetails(body, ctx) : parseDelivery(body, ctx);
  if (!r.ok) throw new Error('expected ok');
  return r.outcome.revision;
}

describe('revisionOf', () => {
  it('stage dominates the timestamp, the timestamp dominates the sub-rank', () => {
    const t = Date.parse('2026-11-25T03:13:01Z');
    expect(revisionOf(STAGE.outcome, 0)).toBeGreaterThan(revisionOf(STAGE.notification, 9_999_999_999_999));
    expect(revisionOf(STAGE.notification, t + 1, 0)).toBeGreaterThan(revisionOf(STAGE.notification, t, 9));
    expect(revisionOf(STAGE.notification, t, 2)).toBeGreaterThan(revisionOf(STAGE.notification, t, 0));
    expect(revisionOf(STAGE.details, t)).toBe(5 * 1e14 + t * 10);
  });

  it('stays a safe integer and clamps odd inputs', () => {
    expect(Number.isSafeInteger(revisionOf(STAGE.details, 1e20, 99))).toBe(true);
    expect(revisionOf(STAGE.initiated, Number.NaN)).toBe(revisionOf(STAGE.initiated, undefined));
    expect(revisionOf(STAGE.initiated, -5)).toBe(revisionOf(STAGE.initiated, 0));
  });
});

describe('revision ordering across deliveries', () => {
  it('the same event re-delivered gets the same revision', () => {
    for (const name of ['a-call-ended-completed.json', 'c-call-analysis-ready.json', 'b-call-completed-data-call.json', 'a-call-initiated.json']) {
      expect(revision(load(name))).toBe(revision(structuredClone(load(name))));
    }
  });

  it('call.analysis_ready after call.ended is higher, transcript_ready in between', () => {
    const ended = revision(load('c-call-ended.json'));
    const transcript = revision(load('c-call-transcript-ready.json'));
    const analysis = revision(load('c-call-analysis-ready.json'));
    expect(transcript).toBeGreaterThan(ended);
    expect(analysis).toBeGreaterThan(transcript);
    // Same timestamp: the sub-rank still puts analysis_ready above ended.
    const same = { ...load('c-call-ended.json'), event: 'call.analysis_ready' };
    expect(revision(same)).toBeGreaterThan(ended);
  });

  it('a delayed older event is lower: same stage with an earlier timestamp, or a poorer stage', () => {
    const late = load('c-call-analysis-ready.json');
    const delayed = { ...late, timestamp: '2026-11-25T03:10:00Z' };
    expect(revision(delayed)).toBeLessThan(revision(late));
    const outcome = revision(load('a-call-ended-completed.json'));
    expect(revision(load('a-call-initiated.json'))).toBeLessThan(outcome);
    expect(revision(late)).toBeLessThan(outcome); // a notification never overrides call fields
  });

  it('analysis beats no analysis; details with analysis beat every webhook', () => {
    const withAnalysis = load('a-call-ended-completed.json');
    const call = structuredClone((withAnalysis.payload as { call: Record<string, unknown> }).call);
    delete call.post_call_analysis;
    const without = revision({ event_type: 'call_ended', payload: { call } });
    expect(revision(withAnalysis)).toBeGreaterThan(without);
    expect(revision(load('details-response.json'), true)).toBeGreaterThan(revision(withAnalysis));
    // Details fetched before the analysis exists must not override an analysed webhook.
    expect(revision(call, true)).toBeLessThan(revision(withAnalysis));
  });

  it('call_ended outranks transfer_completed for the same call and time', () => {
    const call = { id: 'call_1', status: 'completed', initiated_at: '2026-11-25T03:07:02Z', duration: 60 };
    expect(revision({ event_type: 'call_ended', payload: { call } })).toBeGreaterThan(revision({ event_type: 'transfer_completed', payload: { call } }));
  });
});
