import { request, type Dispatcher } from 'undici';
import { ServiceM8Error, type ServiceM8Status } from './errors.js';
import type { RateLimiter } from './rate-limit.js';
import { parseRetryAfter } from '../http/backoff.js';
import { isRetryableStatus, retryDelay, type RetryPolicy } from './retry.js';
import { encodeQuery } from './filter.js';

export type ServiceM8Auth = { kind: 'apiKey'; apiKey: string } | { kind: 'bearer'; getToken: () => Promise<string> };
/** One attempt, for metrics and logs. `route` is `path` with record UUIDs replaced by `{uuid}` (low cardinality). */
export type RequestInfo = { method: string; path: string; route: string; status: ServiceM8Status; attempt: number; ms: number };

const UUID_SEGMENT = /\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?=\.json$)/i;

export type HttpCall = {
  method: 'GET' | 'POST' | 'DELETE';
  /** Path below `/api_1.0`, e.g. `/job.json`. */
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  /** Return 404 as a result instead of throwing (single-record reads). */
  allowNotFound?: boolean;
  /** `platform`: the path is at the host root, not under `/api_1.0` (`/platform_service_email`, platform-notes §4.2). */
  root?: 'platform';
  headers?: Record<string, string>;
  /**
   * Retry only a 429 (refused before anything happened). For sends: after a 5xx or a lost answer the message
   * may have gone out, so the transport does not repeat it; the caller decides (with an Idempotency-Key).
   */
  retryOnlyThrottled?: boolean;
};
export type HttpResult = { status: number; headers: Record<string, string | undefined>; body: unknown };

export type TransportOptions = {
  baseUrl: string; auth: ServiceM8Auth; accountUuid: string; limiter: RateLimiter; dispatcher?: Dispatcher;
  timeoutMs: number; retry: RetryPolicy; sleep: (ms: number) => Promise<void>; random: () => number;
  onRequest?: (info: RequestInfo) => void;
};

type Attempt =
  | { ok: true; result: HttpResult }
  | { ok: false; status: ServiceM8Status; detail: string; errorCode?: number | string; retryAfterMs?: number; cause?: unknown };

const MAX_DETAIL = 200;

/**
 * Sends one logical request: takes a rate-limit slot per attempt, authenticates, enforces a per-attempt
 * timeout and retries 429, 5xx and network failures with jittered back-off (platform-notes §4.7, §4.8).
 * Other statuses are final. Errors never include request headers.
 */
export function createTransport(opts: TransportOptions): (call: HttpCall) => Promise<HttpResult> {
  const host = opts.baseUrl.replace(/\/+$/, '').replace(/\/api_1\.0$/, '');
  const root = `${host}/api_1.0`;
  const shown = (call: HttpCall) => (call.root === 'platform' ? call.path : `/api_1.0${call.path}`);

  async function attemptOnce(call: HttpCall, attempt: number): Promise<Attempt> {
    await opts.limiter.acquire(opts.accountUuid);
    const { headers, secret } = await authHeaders(opts.auth);
    const url = (call.root === 'platform' ? host : root) + call.path + (call.query ? `?${encodeQuery(call.query)}` : '');
    const started = performance.now();
    const report = (status: ServiceM8Status) => opts.onRequest?.({
      method: call.method, path: shown(call), route: shown({ ...call, path: call.path.replace(UUID_SEGMENT, '/{uuid}') }),
      status, attempt, ms: Math.round(performance.now() - started),
    });
    try {
      const res = await request(url, {
        method: call.method,
        headers: { accept: 'application/json', ...call.headers, ...headers, ...(call.body !== undefined ? { 'content-type': 'application/json' } : {}) },
        ...(call.body !== undefined ? { body: JSON.stringify(call.body) } : {}),
        ...(opts.dispatcher ? { dispatcher: opts.dispatcher } : {}),
        signal: AbortSignal.timeout(opts.timeoutMs),
      });
      const text = await res.body.text();
      report(res.statusCode);
      return interpret(call, res.statusCode, flattenHeaders(res.headers), text, secret);
    } catch (cause) {
      report('network_error');
      const name = cause instanceof Error ? cause.name : 'Error';
      return { ok: false, status: 'network_error', detail: name === 'TimeoutError' ? `timed out after ${opts.timeoutMs} ms` : name, cause };
    }
  }

  return async function send(call) {
    for (let attempt = 1; ; attempt += 1) {
      const outcome = await attemptOnce(call, attempt);
      if (outcome.ok) return outcome.result;
      const retryable = isRetryableStatus(outcome.status);
      const again = retryable && (!call.retryOnlyThrottled || outcome.status === 429);
      if (!again || attempt >= opts.retry.attempts) {
        throw new ServiceM8Error({
          status: outcome.status, retryable, method: call.method, path: shown(call), attempts: attempt,
          detail: outcome.detail, errorCode: outcome.errorCode, cause: outcome.cause,
        });
      }
      await opts.sleep(retryDelay(attempt, opts.retry, opts.random, outcome.retryAfterMs));
    }
  };
}

function interpret(call: HttpCall, status: number, headers: Record<string, string | undefined>, text: string, secret: string): Attempt {
  const json = tryJson(text);
  if (status >= 200 && status < 300) {
    if (text.trim() !== '' && json === undefined) return { ok: false, status, detail: 'response body is not JSON' };
    return { ok: true, result: { status, headers, body: json } };
  }
  if (status === 404 && call.allowNotFound) return { ok: true, result: { status, headers, body: json } };
  // 429 bodies are plain text (platform-notes §8.14); other errors are {errorCode, message}.
  const message = isObject(json) && typeof json.message === 'string' ? json.message : text;
  const errorCode = isObject(json) && (typeof json.errorCode === 'number' || typeof json.errorCode === 'string') ? json.errorCode : undefined;
  const detail = scrub(message.trim().slice(0, MAX_DETAIL), secret);
  const retryAfterMs = parseRetryAfter(headers['retry-after'], Date.now());
  return { ok: false, status, detail, ...(errorCode !== undefined ? { errorCode } : {}), ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) };
}

async function authHeaders(auth: ServiceM8Auth): Promise<{ headers: Record<string, string>; secret: string }> {
  if (auth.kind === 'apiKey') return { headers: { 'x-api-key': auth.apiKey }, secret: auth.apiKey };
  const token = await auth.getToken();
  return { headers: { authorization: `Bearer ${token}` }, secret: token };
}

function flattenHeaders(h: Record<string, string | string[] | undefined>): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(h).map(([k, v]) => [k.toLowerCase(), Array.isArray(v) ? v[0] : v]));
}

function tryJson(text: string): unknown {
  try {
    return text.trim() === '' ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

function scrub(text: string, secret: string): string {
  return secret.length >= 4 ? text.split(secret).join('[redacted]') : text;
}
