import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MockAgent } from 'undici';
import { createServiceM8Client, ServiceM8Error, type RequestInfo, type ServiceM8ClientOptions } from '../../server/servicem8/client.js';
import { createUnlimitedRateLimiter } from '../../server/servicem8/rate-limit.js';
import { DEFAULT_RETRY_POLICY, isRetryableStatus, retryDelay } from '../../server/servicem8/retry.js';
import { sequence } from '../helpers/servicem8-sim.js';

const ORIGIN = 'https://api.servicem8.test';
const ACCOUNT = '5e3d0001-0000-4000-8000-000000000001';
const NOTE = 'aaaa0000-0000-4000-8000-000000000001';
const API_KEY = 'test-api-key-9f8e7d';
const VENDOR = [{ uuid: ACCOUNT, name: 'Harbourside', currency: 'AUD', timezone_name: 'Australia/Sydney' }];
const RATE_TEXT = 'Number of allowed API requests per minute exceeded';

describe('ServiceM8 client retries (undici MockAgent)', () => {
  let agent: MockAgent;
  let delays: number[];
  let infos: RequestInfo[];

  beforeEach(() => {
    agent = new MockAgent({ enableCallHistory: true });
    agent.disableNetConnect();
    delays = [];
    infos = [];
  });
  afterEach(async () => {
    agent.assertNoPendingInterceptors();
    await agent.close();
  });

  const pool = () => agent.get(ORIGIN);
  const vendorCall = () => pool().intercept({ path: '/api_1.0/vendor.json', method: 'GET' });
  const client = (overrides: Partial<ServiceM8ClientOptions> = {}) => createServiceM8Client({
    baseUrl: ORIGIN, auth: { kind: 'apiKey', apiKey: API_KEY }, accountUuid: ACCOUNT, dispatcher: agent,
    limiter: createUnlimitedRateLimiter(), sleep: async (ms) => void delays.push(ms), random: sequence(0.1, 0.9, 0.4, 0.7),
    onRequest: (info) => infos.push(info), ...overrides,
  });

  it('retries a 429 (text body) and succeeds, waiting a jittered back-off', async () => {
    vendorCall().reply(429, RATE_TEXT, { headers: { 'content-type': 'text/plain' } });
    vendorCall().reply(200, VENDOR);
    await expect(client().getVendor()).resolves.toMatchObject({ uuid: ACCOUNT });
    expect(delays).toHaveLength(1);
    expect(delays[0]).toBe(525); // 500 × (1 + 0.5 × 0.1)
    expect(infos.map((i) => [i.status, i.attempt])).toEqual([[429, 1], [200, 2]]);
    expect(infos[0]).toMatchObject({ method: 'GET', path: '/api_1.0/vendor.json', route: '/api_1.0/vendor.json' });
  });

  it('retries 503s with delays that grow and stay inside their jitter bounds', async () => {
    for (let i = 0; i < 4; i += 1) vendorCall().reply(503, { errorCode: 503, message: 'Platform unavailable' });
    vendorCall().reply(200, VENDOR);
    await client().getVendor();
    expect(delays).toHaveLength(4);
    delays.forEach((d, i) => {
      const nominal = 500 * 1.5 ** i;
      expect(d).toBeGreaterThanOrEqual(nominal);
      expect(d).toBeLessThan(nominal * 1.5);
      if (i > 0) expect(d).toBeGreaterThan(delays[i - 1] as number);
    });
    expect(new Set(delays.map((d, i) => d / (500 * 1.5 ** i))).size).toBeGreaterThan(1); // jittered, not a fixed ratio
  });

  it('retries a network error and a timeout', async () => {
    vendorCall().replyWithError(new Error('socket hang up'));
    vendorCall().reply(200, VENDOR).delay(300);
    vendorCall().reply(200, VENDOR);
    await expect(client({ timeoutMs: 50 }).getVendor()).resolves.toMatchObject({ name: 'Harbourside' });
    expect(infos.map((i) => i.status)).toEqual(['network_error', 'network_error', 200]);
    expect(delays).toHaveLength(2);
  });

  it.each([400, 401, 403])('does not retry %i', async (status) => {
    vendorCall().reply(status, { errorCode: status, message: 'An error occurred completing your request' });
    const err = await client().getVendor().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ServiceM8Error);
    expect(err).toMatchObject({ status, retryable: false, attempts: 1, errorCode: status });
    expect(delays).toEqual([]);
  });

  it('treats 404 as "not found" on reads and as a permanent failure on updates', async () => {
    pool().intercept({ path: `/api_1.0/dbonote/${NOTE}.json`, method: 'GET' }).reply(404, { errorCode: 404, message: 'Resource not found.' });
    pool().intercept({ path: `/api_1.0/dbonote/${NOTE}.json`, method: 'POST' }).reply(404, { errorCode: 404, message: 'Resource not found.' });
    const c = client();
    await expect(c.getNote(NOTE)).resolves.toBeUndefined();
    await expect(c.updateNote(NOTE, { note: 'x' })).rejects.toMatchObject({ status: 404, retryable: false });
    expect(delays).toEqual([]);
    expect(infos.map((i) => i.route)).toEqual(['/api_1.0/dbonote/{uuid}.json', '/api_1.0/dbonote/{uuid}.json']);
  });

  it('gives up after the configured attempts with a retryable error', async () => {
    for (let i = 0; i < 3; i += 1) vendorCall().reply(500, { errorCode: 500, message: 'An unexpected error occurred.' });
    const err = await client({ retry: { attempts: 3 } }).getVendor().catch((e: unknown) => e);
    expect(err).toMatchObject({ name: 'ServiceM8Error', status: 500, retryable: true, attempts: 3 });
    expect(delays).toHaveLength(2);
  });

  it('reports the 429 text body once it gives up, and tolerates a base URL that already ends in /api_1.0', async () => {
    vendorCall().reply(429, RATE_TEXT);
    vendorCall().reply(429, RATE_TEXT);
    const err = await client({ baseUrl: `${ORIGIN}/api_1.0/`, retry: { attempts: 2 } }).getVendor().catch((e: unknown) => e);
    expect(err).toMatchObject({ status: 429, retryable: true, attempts: 2 });
    expect((err as Error).message).toContain(RATE_TEXT);
  });

  it('sends the API key header or a fresh bearer token on every attempt', async () => {
    vendorCall().reply((opts) => ({ statusCode: (opts.headers as Record<string, string>)['x-api-key'] === API_KEY ? 200 : 401, data: VENDOR }));
    await client().getVendor();
    const tokens = ['t-1', 't-2'];
    vendorCall().reply((opts) => ({ statusCode: (opts.headers as Record<string, string>).authorization === 'Bearer t-1' ? 503 : 401, data: '' }));
    vendorCall().reply((opts) => ({ statusCode: (opts.headers as Record<string, string>).authorization === 'Bearer t-2' ? 200 : 401, data: VENDOR }));
    await expect(client({ auth: { kind: 'bearer', getToken: async () => tokens.shift() ?? 'none' } }).getVendor()).resolves.toMatchObject({ uuid: ACCOUNT });
  });

  it('never puts the credential in an error message, even when the body echoes it', async () => {
    vendorCall().reply(401, { errorCode: 401, message: `Authentication failed for key ${API_KEY}` });
    const err = (await client().getVendor().catch((e: unknown) => e)) as Error;
    expect(err.message).toContain('Authentication failed');
    expect(err.message).not.toContain(API_KEY);
    expect(JSON.stringify(err)).not.toContain(API_KEY);
  });

  it('takes a rate-limit slot for every attempt', async () => {
    vendorCall().reply(429, RATE_TEXT);
    vendorCall().reply(200, VENDOR);
    const acquired: string[] = [];
    await client({ limiter: { acquire: async (account) => void acquired.push(account) } }).getVendor();
    expect(acquired).toEqual([ACCOUNT, ACCOUNT]);
  });

  it('retries a create with the same body, so the record uuid is stable', async () => {
    const create = () => pool().intercept({ path: '/api_1.0/note.json', method: 'POST' });
    create().reply(503, { errorCode: 503, message: 'Platform unavailable' });
    create().reply(200, { errorCode: 0, message: 'OK' }, { headers: { 'x-record-uuid': NOTE } });
    await expect(client().createNote({ uuid: NOTE, jobUuid: ACCOUNT, note: 'hi' })).resolves.toEqual({ uuid: NOTE });
    const bodies = (agent.getCallHistory()?.calls() ?? []).map((c) => JSON.parse(String(c.body)) as unknown);
    expect(bodies).toEqual([
      { uuid: NOTE, related_object: 'job', related_object_uuid: ACCOUNT, note: 'hi' },
      { uuid: NOTE, related_object: 'job', related_object_uuid: ACCOUNT, note: 'hi' },
    ]);
  });
});

describe('back-off arithmetic', () => {
  it('grows ×1.5 nominally, adds under 50 % jitter and caps at maxDelayMs', () => {
    const policy = { ...DEFAULT_RETRY_POLICY, maxDelayMs: 2_000 };
    expect([1, 2, 3, 4].map((n) => retryDelay(n, policy, () => 0))).toEqual([500, 750, 1125, 1687]);
    expect(retryDelay(1, policy, () => 0.999)).toBeLessThan(750);
    expect(retryDelay(10, policy, () => 0.5)).toBe(2_000);
    expect(retryDelay(1, policy, () => 0, 5_000)).toBe(2_000); // Retry-After is a floor, still capped
  });

  it('retries only 429, 5xx and network errors', () => {
    expect([429, 500, 502, 503, 'network_error' as const].every(isRetryableStatus)).toBe(true);
    expect([400, 401, 402, 403, 404, 426].some(isRetryableStatus)).toBe(false);
  });
});
