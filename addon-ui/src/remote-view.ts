import { signal, type Signal } from '@preact/signals';
import { ApiFailure } from './api.js';
import { createIntentIds, type Load } from './intents.js';
import { describeFailure, type StatusMessage } from './messages.js';

/** What every acting card keeps: which request is in flight, and the words of its status line. */
export type ActUi = { pending: Signal<string | null>; status: Signal<StatusMessage | null> };

/**
 * What the job panel and the review canvas share: one view loaded from the add-on, the "session
 * expired" flag that an expired token raises, UI state kept per call or per review item, and `perform`,
 * the one way a tap becomes a request.
 */
export function createRemoteView<T, U extends ActUi>(o: { fetch: () => Promise<T>; expiredMessage: string; makeUi: () => U; initial?: T }) {
  // A server-rendered page hands over the view it was rendered from, so hydration starts where the HTML is (issue 15, item 3).
  const state = signal<Load<T>>(o.initial === undefined ? { kind: 'loading' } : { kind: 'loaded', view: o.initial });
  const expired = signal(false);
  const perKey = new Map<string, U>();
  const intents = createIntentIds();

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

  /**
   * One request per user intent (same input → same requestId on a retry, so the server does it once); a
   * second tap while the first is in flight does nothing. Resolves with the answer, undefined on failure.
   */
  async function perform<R>(key: string, input: object, pending: string, send: (requestId: string) => Promise<R>, done: string): Promise<R | undefined> {
    const s = ui(key);
    if (s.pending.value) return undefined;
    if (expired.value) {
      s.status.value = { kind: 'error', text: o.expiredMessage };
      return undefined;
    }
    const requestId = intents.idFor(key, input);
    s.pending.value = pending;
    s.status.value = { kind: 'pending', text: pending };
    try {
      const answer = await send(requestId);
      intents.settle(key);
      s.status.value = { kind: 'success', text: done };
      return answer;
    } catch (err) {
      intents.settle(key, err);
      s.status.value = { kind: 'error', text: explain(err) };
      return undefined;
    } finally {
      s.pending.value = null;
    }
  }

  return { state, expired, ui, explain, load, perform };
}
