import { createServer } from 'node:http';
import fc from 'fast-check';
import { request } from 'undici';
import { afterAll, describe, expect, it } from 'vitest';
import { useRuntime } from '../helpers/make-deps.js';
import { callEnded } from '../helpers/deliver.js';
import { dialnexaSignature } from '../helpers/sign.js';

/**
 * Hostile and malformed bodies through the real route, signed so they get past verification: thousands of
 * generated payloads must each get 200 or 400 — never a 5xx, never a crash.
 */
describe('DialNexa webhook under fuzzing', async () => {
  const rt = await useRuntime();
  const server = createServer(rt.app);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/dialnexa/webhook/${rt.sandbox!.connectionId}`;
  afterAll(() => new Promise((r) => server.close(r)));
  const statuses = new Map<number, number>();

  async function post(raw: string): Promise<number> {
    const res = await request(url, { method: 'POST', body: raw, headers: { 'content-type': 'application/json', 'x-dialnexa-signature': dialnexaSignature(raw, rt.sandbox!.webhookSecret) } });
    await res.body.dump();
    statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
    return res.statusCode;
  }

  const hostileString = fc.oneof(fc.string(), fc.string({ unit: 'grapheme', maxLength: 300 }), fc.constantFrom('__proto__', 'constructor', '<script>alert(1)</script>', '4111 1111 1111 1111', '\u0000', '\u2028', 'NaN', '-1e309', ''));
  const anyValue = fc.oneof(hostileString, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 3 }), fc.object({ maxDepth: 2 }));

  it('answers 200 or 400 to arbitrary JSON', async () => {
    await fc.assert(fc.asyncProperty(fc.jsonValue({ maxDepth: 4 }), async (v) => {
      expect([200, 400]).toContain(await post(JSON.stringify(v)));
    }), { numRuns: 1200 });
  });

  it('answers 200 or 400 to valid envelopes with fields replaced by hostile values', async () => {
    const fields = ['id', 'from_number', 'status', 'summary', 'transcript', 'duration', 'initiated_at', 'post_call_analysis', 'recording_url'];
    const analysis = ['intent', 'amount', 'currency', 'invoice_number', 'caller_verified', 'follow_up_deadline', 'document_recipient_email', 'vip'];
    await fc.assert(fc.asyncProperty(fc.nat(), fc.constantFrom(...fields), fc.constantFrom(...analysis), anyValue, anyValue, async (n, f, a, v1, v2) => {
      const body = callEnded(`call_fuzz_${n % 50}`);
      body.payload.call[f] = v1;
      if (body.payload.call.post_call_analysis && typeof body.payload.call.post_call_analysis === 'object') body.payload.call.post_call_analysis[a] = v2;
      expect([200, 400]).toContain(await post(JSON.stringify(body)));
    }), { numRuns: 1200 });
  });

  it('answers 400 to bytes that are not JSON at all', async () => {
    await fc.assert(fc.asyncProperty(fc.string({ maxLength: 200 }).filter((s) => { try { JSON.parse(s); return false; } catch { return true; } }), async (s) => {
      expect(await post(s)).toBe(400);
    }), { numRuns: 300 });
    console.log('[fuzz] statuses:', Object.fromEntries(statuses));
    expect(Object.prototype.hasOwnProperty.call({}, 'polluted')).toBe(false);
  });
});
