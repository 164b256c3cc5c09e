import { request, type Dispatcher } from 'undici';
import { backoffDelay, parseRetryAfter } from '../http/backoff.js';
import { readDetailsRecordingUrl } from './envelopes.js';

/** The call id is unknown to DialNexa (404). Not retried: asking again will not make it exist. */
export class DialNexaNotFoundError extends Error {
  readonly code = 'DIALNEXA_NOT_FOUND';
  constructor(readonly callId: string) {
    super(`DialNexa has no call ${callId}`);
    this.name = 'DialNexaNotFoundError';
  }
}

/** Any other failure talking to DialNexa. `status` is undefined for network errors and timeouts. */
export class DialNexaApiError extends Error {
  readonly code = 'DIALNEXA_UPSTREAM';
  constructor(message: string, readonly status?: number, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DialNexaApiError';
  }
}

export type DialNexaClientOptions = {
  /** `DIALNEXA_API_URL`, e.g. `https://api.dialnexa.com/v1` (DESIGN.md configuration contract). */
  baseUrl: string;
  apiKey: string;
  dispatcher?: Dispatcher;
  timeoutMs?: number;
  /** `attempts` counts the first try; back-off is full jitter on baseDelayMs × 2^(attempt − 1). */
  retry?: { attempts: number; baseDelayMs: number };
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
};

export type DialNexaClient = {
  /** Raw details body; parse it with `parseCallDetails`. */
  getCallDetails(callId: string): Promise<unknown>;
  /** A fresh presigned recording link (valid 7 days), or undefined when the call has none. */
  getRecordingUrl(callId: string): Promise<string | undefined>;
};

const MAX_BODY_BYTES = 5 * 1024 * 1024;
// A wait between tries, Retry-After included, never exceeds this: the fetch runs in the background but
// should not hold its job for minutes (a later event or an operator retries it).
const MAX_DELAY_MS = 30_000;

/**
 * Client for `GET {baseUrl}/call-logs/{id}/details` (contract, envelope C). Retries 429, 5xx and
 * network errors with jittered back-off; never logs, and never puts the API key in an error.
 * @example createDialNexaClient({ baseUrl: config.dialnexa.apiUrl, apiKey: config.dialnexa.apiKey })
 */
export function createDialNexaClient(options: DialNexaClientOptions): DialNexaClient {
  const base = options.baseUrl.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 10_000;
  const { attempts, baseDelayMs } = options.retry ?? { attempts: 3, baseDelayMs: 500 };
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const random = options.random ?? Math.random;

  async function getOnce(callId: string): Promise<{ body: unknown } | { retryAfterMs?: number; error: Error }> {
    const url = `${base}/call-logs/${encodeURIComponent(callId)}/details`;
    let res: Dispatcher.ResponseData;
    try {
      res = await request(url, {
        method: 'GET',
        headers: { authorization: `Bearer ${options.apiKey}`, accept: 'application/json' },
        signal: AbortSignal.timeout(timeoutMs),
        ...(options.dispatcher && { dispatcher: options.dispatcher }),
      });
    } catch (cause) {
      return { error: new DialNexaApiError('DialNexa request failed (network or timeout)', undefined, { cause: scrubCause(cause, options.apiKey) }) };
    }
    const { statusCode } = res;
    if (statusCode === 404) {
      await res.body.dump();
      throw new DialNexaNotFoundError(callId);
    }
    if (statusCode === 429 || statusCode >= 500) {
      await res.body.dump();
      return { retryAfterMs: parseRetryAfter(res.headers['retry-after'], Date.now()), error: new DialNexaApiError(`DialNexa answered ${statusCode}`, statusCode) };
    }
    if (statusCode < 200 || statusCode >= 300) {
      await res.body.dump();
      // 401/403 mean a wrong key: retrying cannot help, and the operator must fix the configuration.
      throw new DialNexaApiError(`DialNexa answered ${statusCode}`, statusCode);
    }
    return { body: await readJson(res) };
  }

  async function getCallDetails(callId: string): Promise<unknown> {
    if (callId.trim() === '') throw new DialNexaNotFoundError(callId);
    let last: Error | undefined;
    for (let attempt = 1; attempt <= Math.max(1, attempts); attempt += 1) {
      const result = await getOnce(callId);
      if ('body' in result) return result.body;
      last = result.error;
      if (attempt < attempts) {
        await sleep(backoffDelay(attempt, { baseMs: baseDelayMs, maxMs: MAX_DELAY_MS, growth: 2, jitter: 'full' }, random, result.retryAfterMs));
      }
    }
    throw last ?? new DialNexaApiError('DialNexa request failed');
  }

  return {
    getCallDetails,
    async getRecordingUrl(callId) {
      return readDetailsRecordingUrl(await getCallDetails(callId));
    },
  };
}

async function readJson(res: Dispatcher.ResponseData): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res.body) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) {
      res.body.destroy();
      throw new DialNexaApiError('DialNexa details response too large', res.statusCode);
    }
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch (cause) {
    throw new DialNexaApiError('DialNexa details response is not JSON', res.statusCode, { cause });
  }
}

/**
 * The cause without the key: some dispatcher errors quote the request headers (undici's
 * MockNotMatchedError does), and a logger serialises `err.cause` as it is.
 */
function scrubCause(cause: unknown, apiKey: string): Error {
  const raw = cause instanceof Error ? cause : new Error(String(cause));
  const scrubbed = new Error(apiKey ? raw.message.split(apiKey).join('[redacted]') : raw.message);
  scrubbed.name = raw.name;
  const code = (raw as { code?: unknown }).code;
  if (typeof code === 'string') Object.assign(scrubbed, { code });
  return scrubbed;
}
