import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { parseDelivery, withoutRecordingUrls } from '../../server/dialnexa/envelopes.js';
import { MAX_TEXT } from '../../server/dialnexa/parse-values.js';

const ctx = { defaultRegion: 'AU', defaultCurrency: 'AUD' };
const text = (name: string) => readFileSync(new URL(`../fixtures/dialnexa/${name}`, import.meta.url), 'utf8');

afterEach(() => {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.prototype).not.toHaveProperty('polluted');
});

describe('hostile deliveries', () => {
  it('__proto__ / constructor keys are plain data: read where documented, never inherited, never polluting', () => {
    const r = parseDelivery(JSON.parse(text('hostile-prototype-pollution.json')), ctx);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.outcome.providerCallId).toBe('call_Pr0toPol');
    expect(r.outcome.analysis?.intent).toBe('chargeback');
    expect(Object.getPrototypeOf(r.outcome)).toBe(Object.prototype);
    expect(JSON.stringify(r.outcome)).not.toMatch(/polluted|X-Amz|recordings\./);
  });

  it('an inherited member is never mistaken for a field', () => {
    const r = parseDelivery({ event_type: 'call_ended', payload: { call: { id: 'call_1', status: 'completed', post_call_analysis: {} } } }, ctx);
    expect(r.ok && r.outcome.analysis).toEqual({ intent: 'unknown', links: {} });
    // Only own properties count: a body whose event and call sit on its prototype carries neither.
    const body = Object.create({ event_type: 'call_ended', payload: { call: { id: 'call_2' } } }) as object;
    const inherited = parseDelivery(body, ctx);
    expect(inherited.ok && inherited.outcome).toMatchObject({ kind: 'ignored', event: 'unknown', providerCallId: '' });
  });

  it('wrong types everywhere: the delivery is still ok, bad optional fields are dropped', () => {
    const r = parseDelivery(JSON.parse(text('hostile-wrong-types.json')), ctx);
    if (!r.ok) throw new Error('expected ok');
    const o = r.outcome;
    expect(o).toMatchObject({ providerCallId: 'call_W7ongTyp', status: 'completed', fromNumber: '+61412345678', agentId: '42', durationSeconds: 328, hasRecording: true });
    expect(o.startedAt).toBe(new Date(1795835222 * 1000).toISOString());
    for (const key of ['direction', 'toNumber', 'summary', 'transcript'] as const) expect(o[key]).toBeUndefined();
    expect(o.analysis).toEqual({ intent: 'other', paymentStatus: 'partially_paid', callerVerified: true, sensitiveRequest: false, links: {} });
  });

  it('huge strings are cut at 200 000 characters (and a cut never splits a surrogate pair)', () => {
    const huge = '😀'.repeat(150_001);
    const r = parseDelivery({ event_type: 'call_ended', payload: { call: { id: 'call_big', summary: huge, post_call_analysis: { caller_claim: 'z'.repeat(500_000) } } } }, ctx);
    if (!r.ok) throw new Error('expected ok');
    expect(r.outcome.summary!.length).toBeLessThanOrEqual(MAX_TEXT);
    expect(r.outcome.summary!.length % 2).toBe(0);
    expect(r.outcome.analysis?.callerClaim).toHaveLength(MAX_TEXT);
  });

  it('deep nesting is not walked by the parser and is bounded when the raw body is kept', () => {
    let deep: unknown = { id: 'call_deep' };
    for (let i = 0; i < 100_000; i += 1) deep = { call: deep, x: [deep] };
    const body = { event_type: 'call_ended', payload: deep };
    expect(() => parseDelivery(body, ctx)).not.toThrow();
    const nested = JSON.parse(`${'['.repeat(5000)}1${']'.repeat(5000)}`) as unknown;
    expect(() => withoutRecordingUrls({ event: 'x', data: nested })).not.toThrow();
  });

  it('a body whose getters throw is reported, not thrown', () => {
    const evil = { get event_type(): string { throw new Error('boom'); } };
    expect(parseDelivery(evil, ctx)).toEqual({ ok: false, errors: [{ field: 'body', message: 'could not be read' }] });
    const proxy = new Proxy({}, { ownKeys: () => { throw new Error('boom'); }, getOwnPropertyDescriptor: () => { throw new Error('boom'); } });
    expect(() => parseDelivery(proxy, ctx)).not.toThrow();
  });
});

describe('withoutRecordingUrls (for keeping the raw body)', () => {
  it('drops recording links at any depth and keeps everything else, __proto__ included as data', () => {
    const body = JSON.parse(text('hostile-prototype-pollution.json')) as unknown;
    const copy = withoutRecordingUrls(body) as Record<string, unknown>;
    const serialised = JSON.stringify(copy);
    expect(serialised).not.toMatch(/recording_url|X-Amz/);
    expect(serialised).toContain('"__proto__":{"polluted":"yes","isAdmin":true}');
    // The copy has no prototype at all, so the key can neither become one nor reach Object.prototype.
    expect(Object.getPrototypeOf(copy)).toBeNull();
    expect(copy.polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const b = withoutRecordingUrls({ data: { call: { stereo_recording_url: 'x', recordingUrl: 'y', transcript_url: 'z' } } });
    expect(b).toEqual({ data: { call: { transcript_url: 'z' } } });
  });
});
