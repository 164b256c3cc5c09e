import { Agent } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDialNexaClient, DialNexaNotFoundError } from '../../server/dialnexa/client.js';
import { parseCallDetails } from '../../server/dialnexa/envelopes.js';
import { callDetailsFromEnvelope, createDialNexaSimulator } from '../../server/sandbox/dialnexa-simulator.js';
import { SAMPLE_CALLS } from '../../server/sandbox/sample-calls.js';

const NOW = new Date('2026-11-25T03:15:00Z');
const KEY = 'sim-key';
const sim = createDialNexaSimulator({ now: () => NOW, apiKey: KEY });
let server: { url: string; close: () => Promise<void> };
const dispatcher = new Agent();

beforeAll(async () => {
  const duplicate = SAMPLE_CALLS.find((s) => s.id === 'duplicate-charge-1042')!;
  sim.addCall(callDetailsFromEnvelope(duplicate.build('call_sim_001', NOW)));
  sim.addCall({ id: 'call_sim_hangup', status: 'hangup', recording_url: 'https://stale.example/old.mp3' });
  server = await sim.listen();
});

afterAll(async () => {
  await server.close();
  await dispatcher.close();
});

const get = (path: string, key?: string) =>
  fetch(`${server.url}${path}`, { headers: key ? { authorization: `Bearer ${key}` } : {} });

describe('DialNexa simulator', () => {
  it('serves details for an added call: call fields, analysis and timeline', async () => {
    const res = await get('/call-logs/call_sim_001/details', KEY);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ id: 'call_sim_001', status: 'completed', from_number: '61491570156', analysis: { intent: 'duplicate_charge', invoice_number: '1042' } });
    expect(body).not.toHaveProperty('post_call_analysis');
    expect(body.timeline).toEqual([
      { event: 'call_started', at: '2026-11-25T03:08:47.000Z' },
      { event: 'call_ended', at: '2026-11-25T03:14:15.000Z' },
      { event: 'analysis_ready', at: '2026-11-25T03:14:45.000Z' },
    ]);
    const parsed = parseCallDetails(body, { defaultRegion: 'AU', defaultCurrency: 'AUD' });
    expect(parsed.ok && parsed.outcome).toMatchObject({ kind: 'outcome', providerCallId: 'call_sim_001', hasRecording: true, analysis: { amount: { amount: '349.00', currency: 'AUD' } } });
  });

  it('returns a fresh presigned recording url each time, expiring 7 days from now', async () => {
    const read = async () => ((await (await get('/call-logs/call_sim_001/details', KEY)).json()) as { recording_url: string }).recording_url;
    const [a, b] = [await read(), await read()];
    expect(a).not.toBe(b);
    const url = new URL(a);
    expect(url.searchParams.get('X-Amz-Expires')).toBe('604800');
    expect(Number(url.searchParams.get('Expires'))).toBe(NOW.getTime() / 1000 + 7 * 86_400);
    expect(url.searchParams.get('X-Amz-Date')).toBe('20261125T031500Z');
  });

  it('a hangup has no recording, and a stored link is never echoed back', async () => {
    const body = (await (await get('/call-logs/call_sim_hangup/details', KEY)).json()) as Record<string, unknown>;
    expect(body).toEqual({ id: 'call_sim_hangup', status: 'hangup' });
  });

  it('401 without the key or with a wrong one; 404 for unknown ids', async () => {
    expect((await get('/call-logs/call_sim_001/details')).status).toBe(401);
    expect((await get('/call-logs/call_sim_001/details', 'wrong')).status).toBe(401);
    expect((await get('/call-logs/call_nope/details', KEY)).status).toBe(404);
  });

  it('works end to end with the real client', async () => {
    const client = createDialNexaClient({ baseUrl: server.url, apiKey: KEY, dispatcher, retry: { attempts: 1, baseDelayMs: 1 } });
    await expect(client.getRecordingUrl('call_sim_001')).resolves.toMatch(/^https:\/\/recordings\.dialnexa\.example\/call_sim_001\.mp3\?/);
    await expect(client.getCallDetails('call_nope')).rejects.toBeInstanceOf(DialNexaNotFoundError);
  });

  it('addCall stores a copy, so later edits by the caller do not leak in', () => {
    const details = { id: 'call_copy', status: 'completed', summary: 'before' };
    sim.addCall(details);
    details.summary = 'after';
    expect(sim.calls.get('call_copy')?.summary).toBe('before');
  });
});
