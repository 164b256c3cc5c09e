import { signal, type Signal } from '@preact/signals';
import type { ReviewCanvasView, ReviewRequest, SettingsView } from '../../server/panel/view-types.js';
import { ApiFailure, type Api } from './api.js';
import { EXPIRED_REVIEW_MESSAGE, type StatusMessage } from './messages.js';
import { createRemoteView } from './remote-view.js';

export type ReviewInput = Omit<ReviewRequest, 'requestId'>;
export type ReviewAction = ReviewRequest['action'];
export type ItemUi = { pending: Signal<string | null>; status: Signal<StatusMessage | null> };

const DONE: Record<ReviewAction, (i: ReviewInput) => string> = {
  link_job: (i) => `Linked to job ${i.jobNumber ?? ''}.`.replace(' .', '.'),
  create_job: () => 'A new job is being created in ServiceM8.',
  dismiss: () => 'Dismissed.',
  retry: () => 'Delivery queued again.',
};

export type ReviewModel = ReturnType<typeof createReviewModel>;

/**
 * State and actions of the finance review canvas (menu item): the queue and the account settings.
 * @example const model = createReviewModel({ api }); void model.load();
 */
export function createReviewModel({ api, initial }: { api: Api; initial?: ReviewCanvasView }) {
  const { state, expired, ui, explain, load, perform } = createRemoteView<ReviewCanvasView, ItemUi>({
    fetch: () => api.getReview(),
    initial,
    expiredMessage: EXPIRED_REVIEW_MESSAGE,
    makeUi: () => ({ pending: signal(null), status: signal(null) }),
  });
  /** Canvas-level announcements: an acted-on item may leave the queue and take its own status line with it. */
  const notice = signal<StatusMessage | null>(null);
  const settings = {
    pending: signal(false),
    status: signal<StatusMessage | null>(null),
    fieldErrors: signal<Record<string, string>>({}),
  };

  async function act(itemId: string, input: ReviewInput): Promise<boolean> {
    const text = DONE[input.action](input);
    const view = await perform(itemId, input, 'Saving…', (requestId) => api.review(itemId, { ...input, requestId }), text);
    if (!view) return false;
    state.value = { kind: 'loaded', view };
    notice.value = { kind: 'success', text };
    return true;
  }

  /** Saves the settings; resolves with what the server stored, or undefined when it failed. */
  async function save(next: SettingsView): Promise<SettingsView | undefined> {
    if (settings.pending.value) return undefined;
    settings.pending.value = true;
    settings.fieldErrors.value = {};
    settings.status.value = { kind: 'pending', text: 'Saving settings…' };
    try {
      const saved = await api.saveSettings(next);
      const cur = state.value;
      if (cur.kind === 'loaded') state.value = { kind: 'loaded', view: { ...cur.view, settings: saved } };
      settings.status.value = { kind: 'success', text: 'Settings saved.' };
      return saved;
    } catch (err) {
      const fields = err instanceof ApiFailure ? err.fields ?? [] : [];
      settings.fieldErrors.value = Object.fromEntries(fields.map((f) => [f.field, f.message]));
      settings.status.value = { kind: 'error', text: explain(err) };
      return undefined;
    } finally {
      settings.pending.value = false;
    }
  }

  /** Downloads the send log (CSV with the audit trail); the token stays in the header, never in a link. */
  async function exportSends(): Promise<void> {
    const csv = await perform('sends-csv', {}, 'Preparing the send log…', () => api.sendsCsv(), 'Send log downloaded.');
    if (csv === undefined) return;
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
    a.download = 'send-log.csv';
    a.click();
  }

  return { state, expired, notice, settings, ui, load, act, save, exportSends };
}
