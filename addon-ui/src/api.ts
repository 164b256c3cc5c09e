import type {
  ApiError, CallView, JobPanelView, ReviewCanvasView, ReviewRequest, SettingsView, StepRequest,
} from '../../server/panel/view-types.js';

/** A failed API call in one shape: `status` 0 means the server was never reached. */
export class ApiFailure extends Error {
  // `declare`: set in the constructor only, so the bundle carries no class-field helper (JS budget, issue 15).
  declare readonly status: number;
  declare readonly code: string;
  declare readonly requestId?: string;
  declare readonly fields?: { field: string; message: string }[];
  /** 401: the 15-minute panel token ran out; only reopening the panel gets a new one. */
  declare readonly expired: boolean;

  constructor(status: number, code: string, message: string, extra: { requestId?: string; fields?: { field: string; message: string }[] } = {}) {
    super(message);
    this.name = 'ApiFailure';
    this.status = status;
    this.code = code;
    this.requestId = extra.requestId;
    this.fields = extra.fields;
    this.expired = status === 401;
  }

  /** Worth repeating with the same requestId: the request may or may not have landed. */
  get retryable(): boolean {
    return this.status === 0 || this.status >= 500;
  }
}

export type Api = {
  getJob(): Promise<JobPanelView>;
  getRecording(callId: string): Promise<{ url: string }>;
  step(callId: string, req: StepRequest): Promise<CallView>;
  send(callId: string, req: { by: 'addon' | 'person'; requestId: string }): Promise<CallView>;
  getReview(): Promise<ReviewCanvasView>;
  review(itemId: string, req: ReviewRequest): Promise<ReviewCanvasView>;
  saveSettings(s: SettingsView): Promise<SettingsView>;
  /** The send log with its audit trail, as CSV text. */
  sendsCsv(): Promise<string>;
};

export type ApiOptions = { apiBase: string; token: string; fetch?: typeof fetch; timeoutMs?: number };

const TIMEOUT_MS = 20_000;

/**
 * Typed client for `/api/panel`: Bearer panel token, JSON, never cookies (the panel runs in ServiceM8's
 * cross-site iframe, DESIGN.md HTTP surface). Every failure becomes an {@link ApiFailure}.
 * @example const api = createApi({ apiBase: boot.apiBase, token: boot.token }); await api.getJob();
 */
export function createApi({ apiBase, token, fetch: doFetch = window.fetch.bind(window), timeoutMs = TIMEOUT_MS }: ApiOptions): Api {
  const base = apiBase.replace(/\/+$/, '');
  const id = encodeURIComponent;

  async function call<T>(method: string, path: string, body?: unknown, text?: boolean): Promise<T> {
    const ctrl = typeof AbortController === 'function' ? new AbortController() : undefined;
    const timer = ctrl ? setTimeout(() => ctrl.abort(), timeoutMs) : undefined;
    let res: Response;
    try {
      res = await doFetch(base + path, {
        method,
        credentials: 'omit',
        cache: 'no-store',
        headers: { accept: 'application/json', authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: ctrl?.signal,
      });
    } catch {
      throw new ApiFailure(0, 'NETWORK', "Couldn't reach the server");
    } finally {
      if (timer) clearTimeout(timer);
    }
    const data: unknown = await (text && res.ok ? res.text() : res.json()).catch(() => undefined);
    if (res.ok) {
      if (data === undefined) throw new ApiFailure(res.status, 'BAD_RESPONSE', 'The server sent an unreadable answer');
      return data as T;
    }
    const err = (data as Partial<ApiError> | undefined)?.error;
    throw new ApiFailure(res.status, err?.code ?? `HTTP_${res.status}`, err?.message ?? `Request failed (${res.status})`, {
      requestId: err?.requestId, fields: err?.fields,
    });
  }

  return {
    getJob: () => call('GET', '/job'),
    getRecording: (callId) => call('GET', `/calls/${id(callId)}/recording`),
    step: (callId, req) => call('POST', `/calls/${id(callId)}/steps`, req),
    send: (callId, req) => call('POST', `/calls/${id(callId)}/send`, req),
    getReview: () => call('GET', '/review'),
    review: (itemId, req) => call('POST', `/review/${id(itemId)}`, req),
    saveSettings: (s) => call('PUT', '/settings', s),
    sendsCsv: () => call('GET', '/sends.csv', undefined, true),
  };
}
