import { readFileSync } from 'node:fs';
import { MockAgent } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DialNexaApiError, DialNexaNotFoundError, createDialNexaClient } from '../../server/dialnexa/client.js';
import { parseCallDetails } from '../../server/dialnexa/envelopes.js';

const ORIGIN = 'https://api.dialnexa.test';
const API_KEY = 'dnx_test_key_do_not_log';
const details = JSON.parse(readFileSync(new URL('../fixtures/dialnexa/details-response.json', import.meta.url), 'utf8')) as Record<string, unknown>;
const PATH = '/v1/call-logs/call_7Qm2xK9a/details';

let agent: MockAgent;
let sleeps: number[];

beforeEach(() => {
  agent = new MockAgent();
  agent.disableNetConnect();
  sleeps = [];
});

afterEach(async () => {
  agent.assertNoPendingInterceptors();
  await agent.close();
});

function client(attempts = 3) {
  return createDialNexaClient({
    baseUrl: `${ORIGIN}/v1/`, apiKey: API_KEY, dispatcher: agent, retry: { attempts, baseDelayMs: 100 },
    sleep: async (ms) => { sleeps.push(ms); }, random: () => 0.5,
  });
}

const withBearer = { path: PATH, method: 'GET', headers: { authorization: `Bearer ${API_KEY}` } };

describe('createDialNexaClient', () => {
  it('GETs call details with the bearer key and returns the raw body for parseCallDetails', async () => {
    agent.get(ORIGIN).intercept(withBearer).reply(200, details, { headers: { 'content-type': 'application/json' } });
    const body = await client().getCallDetails('call_7Qm2xK9a');
    expect(body).toEqual(details);
    const parsed = parseCallDetails(body, { defaultRegion: 'AU', defaultCurrency: 'AUD' });
    expect(parsed.ok && parsed.outcome.providerCallId).toBe('call_7Qm2xK9a');
    expect(sleeps).toEqual([]);
  });

  it('retries a 503 with jittered back-off, then succeeds', async () => {
    agent.get(ORIGIN).intercept(withBearer).reply(503, { error: 'busy' });
    agent.get(ORIGIN).intercept(withBearer).reply(200, details);
    await expect(client().getCallDetails('call_7Qm2xK9a')).resolves.toEqual(details);
    expect(sleeps).toEqual([50]); // random 0.5 × 100 ms × 2^0
  });

  it('honours Retry-After on 429 and gives up after the configured attempts', async () => {
    agent.get(ORIGIN).intercept(withBearer).reply(429, '', { headers: { 'retry-after': '2' } });
    agent.get(ORIGIN).intercept(withBearer).reply(500, 'oops');
    agent.get(ORIGIN).intercept(withBearer).reply(502, 'bad gateway');
    const error = await client(3).getCallDetails('call_7Qm2xK9a').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DialNexaApiError);
    expect((error as DialNexaApiError).status).toBe(502);
    expect(sleeps).toEqual([2000, 100]);
  });

  it('retries a network error', async () => {
    agent.get(ORIGIN).intercept(withBearer).replyWithError(new Error('ECONNRESET'));
    agent.get(ORIGIN).intercept(withBearer).reply(200, details);
    await expect(client().getCallDetails('call_7Qm2xK9a')).resolves.toEqual(details);
    expect(sleeps).toHaveLength(1);
  });

  it('a network error never carries the API key, even when the dispatcher quotes the headers', async () => {
    agent.get(ORIGIN).intercept({ path: PATH, method: 'GET', headers: { authorization: 'Bearer another-key' } }).reply(200, details);
    const error = await client(1).getCallDetails('call_7Qm2xK9a').catch((e: unknown) => e as DialNexaApiError);
    expect(error).toBeInstanceOf(DialNexaApiError);
    expect(String((error as DialNexaApiError).cause)).toContain('[redacted]');
    expect(JSON.stringify(error, Object.getOwnPropertyNames(error)) + String((error as DialNexaApiError).cause)).not.toContain(API_KEY);
    // Use up the interceptor so assertNoPendingInterceptors holds.
    await createDialNexaClient({ baseUrl: `${ORIGIN}/v1`, apiKey: 'another-key', dispatcher: agent }).getCallDetails('call_7Qm2xK9a');
  });

  it('404 → DialNexaNotFoundError without a retry', async () => {
    agent.get(ORIGIN).intercept(withBearer).reply(404, { error: 'not found' });
    await expect(client().getCallDetails('call_7Qm2xK9a')).rejects.toBeInstanceOf(DialNexaNotFoundError);
    expect(sleeps).toEqual([]);
  });

  it('401 is not retried and the error never carries the API key', async () => {
    agent.get(ORIGIN).intercept(withBearer).reply(401, { error: 'bad key' });
    const error = await client().getCallDetails('call_7Qm2xK9a').catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'DialNexaApiError', status: 401 });
    expect(JSON.stringify(error, Object.getOwnPropertyNames(error)) + String(error)).not.toContain(API_KEY);
    expect(sleeps).toEqual([]);
  });

  it('encodes the call id as one path segment', async () => {
    agent.get(ORIGIN).intercept({ path: '/v1/call-logs/a%2F..%2Fb/details', method: 'GET' }).reply(404, {});
    await expect(client().getCallDetails('a/../b')).rejects.toBeInstanceOf(DialNexaNotFoundError);
  });

  it('getRecordingUrl returns a fresh presigned link from the details, or undefined when there is none', async () => {
    agent.get(ORIGIN).intercept(withBearer).reply(200, { ...details, recording_url: 'https://recordings.dialnexa.example/x.mp3?X-Amz-Expires=604800' });
    agent.get(ORIGIN).intercept(withBearer).reply(200, { id: 'call_7Qm2xK9a', status: 'hangup' });
    const c = client();
    await expect(c.getRecordingUrl('call_7Qm2xK9a')).resolves.toBe('https://recordings.dialnexa.example/x.mp3?X-Amz-Expires=604800');
    await expect(c.getRecordingUrl('call_7Qm2xK9a')).resolves.toBeUndefined();
  });

  it('a 200 that is not JSON is an upstream error', async () => {
    agent.get(ORIGIN).intercept(withBearer).reply(200, '<html>maintenance</html>');
    await expect(client().getCallDetails('call_7Qm2xK9a')).rejects.toBeInstanceOf(DialNexaApiError);
  });
});
