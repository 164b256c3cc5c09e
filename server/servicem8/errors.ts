/** Where a ServiceM8 call ended: an HTTP status, or no response at all (socket error, timeout). */
export type ServiceM8Status = number | 'network_error';

/**
 * A failed ServiceM8 call after the client has given up (or decided not to retry).
 * `message` is built from method, path, status and ServiceM8's own error text; it never
 * carries request headers, and any credential that leaks into a response body is scrubbed.
 */
export class ServiceM8Error extends Error {
  readonly status: ServiceM8Status;
  readonly retryable: boolean;
  readonly method: string;
  readonly path: string;
  readonly attempts: number;
  /** `errorCode` from ServiceM8's JSON error body, when there was one. */
  readonly errorCode?: number | string;

  constructor(init: {
    status: ServiceM8Status; retryable: boolean; method: string; path: string; attempts: number;
    detail?: string; errorCode?: number | string; cause?: unknown;
  }) {
    const detail = init.detail ? `: ${init.detail}` : '';
    super(`ServiceM8 ${init.method} ${init.path} failed (${init.status}) after ${init.attempts} attempt(s)${detail}`,
      { cause: init.cause });
    this.name = 'ServiceM8Error';
    this.status = init.status;
    this.retryable = init.retryable;
    this.method = init.method;
    this.path = init.path;
    this.attempts = init.attempts;
    if (init.errorCode !== undefined) this.errorCode = init.errorCode;
  }
}

/** The caller asked for something ServiceM8 cannot express (bad filter, read-only field); nothing was sent. */
export class ServiceM8InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ServiceM8InputError';
  }
}

export function isServiceM8Error(err: unknown): err is ServiceM8Error {
  return err instanceof ServiceM8Error;
}
