import { signal } from '@preact/signals';
import { ApiFailure } from './api.js';
import type { Load } from './intents.js';
import { describeFailure } from './messages.js';

/**
 * What the job panel and the review canvas share: one view loaded from the add-on, the "session
 * expired" flag that an expired token raises, and UI state kept per call or per review item.
 */
export function createRemoteView<T, U>(o: { fetch: () => Promise<T>; expiredMessage: string; makeUi: () => U }) {
  const state = signal<Load<T>>({ kind: 'loading' });
  const expired = signal(false);
  const perKey = new Map<string, U>();

  function ui(key: string): U {
    let s = perKey.get(key);
    if (!s) perKey.set(key, (s = o.makeUi()));
    return s;
  }

  /** A failure in words for the user; an expired token also flips `expired` so every button says so. */
  function explain(err: unknown): string {
    if (err instanceof ApiFailure && err.expired) expired.value = true;
    return describeFailure(err, o.expiredMessage);
  }

  async function load(): Promise<void> {
    state.value = { kind: 'loading' };
    try {
      state.value = { kind: 'loaded', view: await o.fetch() };
    } catch (err) {
      state.value = { kind: 'error', message: explain(err) };
    }
  }

  return { state, expired, ui, explain, load };
}
