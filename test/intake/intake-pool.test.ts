import { Writable } from 'node:stream';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { createLogger } from '../../server/http/logger.js';
import { createIntakePool } from '../../server/intake/intake-pool.js';
import { prepareDelivery } from '../../server/intake/prepare-delivery.js';
import { SAMPLE_CALLS } from '../../server/sandbox/sample-calls.js';
import { useRuntime } from '../helpers/make-deps.js';
import { dialnexaSignature } from '../helpers/sign.js';

const ctx = { defaultRegion: 'AU', defaultCurrency: 'AUD' };
const quiet = createLogger('silent', new Writable({ write(_c, _e, cb) { cb(); } }));
const NOW = new Date('2026-11-26T04:00:00Z');
const CARD = '4000 0566 5566 5556';

// Every sample call, plus bodies that are not JSON or not a valid envelope (with a card number in them).
const BODIES = [
  ...SAMPLE_CALLS.map((s, i) => JSON.stringify(s.build(`call_pool_${i}`, NOW))),
  `{"event_type": "call_ended", "payload": {"call": {"transcript": "card ${CARD}"`,
  JSON.stringify({ event_type: 'call_ended', payload: { call: { summary: `card ${CARD}` } } }),
];

describe('intake threads', () => {
  const pool = createIntakePool({ threads: 2, log: quiet });
  afterAll(() => pool.close());

  it('prepare exactly what the event loop would: same redaction, same outcome, same stored body', async () => {
    for (const body of BODIES) expect(await pool.prepare(body, ctx)).toEqual(prepareDelivery(body, ctx));
    const invalid = await pool.prepare(BODIES.at(-2)!, ctx);
    expect(invalid).toMatchObject({ ok: false, errors: [{ field: 'body' }], kinds: ['card'] });
    expect(invalid.stored).not.toContain('5556 5556');
  });

  it('answer each of 300 concurrent bodies with its own result', async () => {
    const ids = Array.from({ length: 300 }, (_, i) => `call_many_${i}`);
    const results = await Promise.all(ids.map((id, i) => pool.prepare(JSON.stringify(SAMPLE_CALLS[i % SAMPLE_CALLS.length]!.build(id, NOW)), ctx)));
    expect(results.map((r) => (r.ok ? r.outcome.providerCallId : r.errors))).toEqual(ids);
  });

  it('fail only the body that exhausts a thread, and replace the thread', async () => {
    const small = createIntakePool({ threads: 1, log: quiet, maxHeapMb: 24 });
    try {
      expect((await small.prepare(BODIES[0]!, ctx)).ok).toBe(true);
      const hostile = JSON.stringify({ event_type: 'call_ended', payload: { call: { id: 'call_huge', status: 'completed', transcript: 'User: card four one one one one one one one '.repeat(25_000) } } });
      await expect(small.prepare(hostile, ctx)).rejects.toThrow(/intake thread/);
      expect(await small.prepare(BODIES[1]!, ctx)).toEqual(prepareDelivery(BODIES[1]!, ctx));
    } finally {
      await small.close();
    }
  });

  it('warm: start every thread and prepare one body on each before the first webhook', async () => {
    const warming = createIntakePool({ threads: 2, log: quiet });
    try {
      await warming.warm(BODIES[0]!, ctx);
      expect(await warming.prepare(BODIES[1]!, ctx)).toEqual(prepareDelivery(BODIES[1]!, ctx));
    } finally {
      await warming.close();
    }
  });

  it('refuse work once closed', async () => {
    const closing = createIntakePool({ threads: 1, log: quiet });
    expect((await closing.prepare(BODIES[0]!, ctx)).ok).toBe(true);
    // A body that takes the thread ~0.5 s, so it is still being prepared when the pool closes.
    const slow = JSON.stringify({ event_type: 'call_ended', payload: { call: { id: 'call_slow', status: 'completed', transcript: 'User: card four one one one one one one one '.repeat(20_000) } } });
    const pending = closing.prepare(slow, ctx);
    await closing.close();
    await expect(pending).rejects.toThrow(/intake thread/);
    await expect(closing.prepare(BODIES[0]!, ctx)).rejects.toThrow(/closed/);
  });
});

describe('webhook when the intake threads fail', async () => {
  const rt = await useRuntime();
  it('answers 503 without internals and stores nothing', async () => {
    const app = createApp({ ...rt.deps, intake: { prepare: () => Promise.reject(new Error('thread exploded at 0xdeadbeef')), warm: async () => {}, close: async () => {} } });
    const raw = JSON.stringify(SAMPLE_CALLS[0]!.build('call_pool_503', NOW));
    const res = await request(app).post(`/dialnexa/webhook/${rt.sandbox!.connectionId}`).set('x-dialnexa-signature', dialnexaSignature(raw, rt.sandbox!.webhookSecret)).set('content-type', 'application/json').send(raw);
    expect(res.status).toBe(503);
    expect(JSON.stringify(res.body)).not.toContain('0xdeadbeef');
    expect(await rt.deps.store.deliveries.listForCall(rt.sandbox!.accountUuid, 'call_pool_503')).toEqual([]);
    expect(await rt.deps.store.calls.getByProviderId(rt.sandbox!.accountUuid, 'call_pool_503')).toBeUndefined();
  });
});
