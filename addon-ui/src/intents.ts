import { ApiFailure } from './api.js';
import { newRequestId } from './format.js';

/**
 * Request ids per user intent. A retry of the same intent after a network or 5xx failure reuses the id,
 * so if the first attempt did land the server answers with the same result instead of acting twice.
 */
export function createIntentIds() {
  const last = new Map<string, { key: string; id: string }>();
  return {
    idFor(scope: string, payload: unknown): string {
      const key = JSON.stringify(payload);
      const prev = last.get(scope);
      const id = prev && prev.key === key ? prev.id : newRequestId();
      last.set(scope, { key, id });
      return id;
    },
    settle(scope: string, err?: unknown): void {
      if (!(err instanceof ApiFailure && err.retryable)) last.delete(scope);
    },
  };
}

/** What the page shows while loading, once loaded, or instead of content. */
export type Load<T> = { kind: 'loading' } | { kind: 'loaded'; view: T } | { kind: 'error'; message: string };
