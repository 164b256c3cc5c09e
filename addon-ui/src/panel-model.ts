import { signal, type Signal } from '@preact/signals';
import type { CallView, JobPanelView, StepAction, StepRequest } from '../../server/panel/view-types.js';
import { ApiFailure, type Api } from './api.js';
import { safeUrl } from './format.js';
import { EXPIRED_JOB_MESSAGE, type StatusMessage } from './messages.js';
import { createRemoteView } from './remote-view.js';

export type StepInput = Omit<StepRequest, 'requestId'>;
export type RecordingState = { pending: boolean; url?: string; error?: string };
export type CallUi = { pending: Signal<string | null>; status: Signal<StatusMessage | null>; recording: Signal<RecordingState> };

const PENDING: Record<StepAction, string> = {
  confirm: 'Confirming the next step…', escalate: 'Escalating to finance…', resolve: 'Marking resolved…',
  approve: 'Approving…', decline: 'Declining…',
};
const DONE: Record<StepAction, string> = {
  confirm: 'Next step confirmed.', escalate: 'Escalated to finance.', resolve: 'Marked resolved.',
  approve: 'Approved.', decline: 'Declined.',
};

export type JobPanelModel = ReturnType<typeof createJobPanelModel>;

/**
 * State and actions of the job-card panel. Components read the signals and call the methods; nothing
 * here touches the DOM except `openUrl` (injected so tests can record it).
 * @example const model = createJobPanelModel({ api }); void model.load();
 * @example const model = createJobPanelModel({ api, initial: boot.initial }); // server-rendered: hydrate, no load()
 */
export function createJobPanelModel({ api, initial, openUrl = (u: string) => void window.open(u, '_blank', 'noopener') }: { api: Api; initial?: JobPanelView; openUrl?: (url: string) => void }) {
  const { state, expired, ui, explain, load, perform } = createRemoteView<JobPanelView, CallUi>({
    fetch: () => api.getJob(),
    initial,
    expiredMessage: EXPIRED_JOB_MESSAGE,
    makeUi: () => ({ pending: signal(null), status: signal(null), recording: signal({ pending: false }) }),
  });

  function replace(callId: string, updated: CallView) {
    const cur = state.value;
    if (cur.kind === 'loaded') state.value = { kind: 'loaded', view: { ...cur.view, calls: cur.view.calls.map((c) => (c.id === callId ? updated : c)) } };
  }

  /** One step per user intent; a second tap while the first is in flight does nothing. */
  async function runStep(callId: string, input: StepInput): Promise<boolean> {
    const updated = await perform(callId, input, PENDING[input.action], (requestId) => api.step(callId, { ...input, requestId }), DONE[input.action]);
    if (updated) replace(callId, updated);
    return Boolean(updated);
  }

  /** Releases a call's proposed send (issue 14): the add-on sends it, or records that a person did. */
  async function send(callId: string, by: 'addon' | 'person'): Promise<void> {
    const updated = await perform(`send:${callId}`, { by }, 'Working…', (requestId) => api.send(callId, { by, requestId }), by === 'addon' ? 'Sent to ServiceM8.' : 'Recorded.');
    if (updated) replace(callId, updated);
  }

  /** Fetches a fresh, short-lived recording link only when asked (never pre-fetched), then opens it. */
  async function playRecording(callId: string): Promise<void> {
    const r = ui(callId).recording;
    if (r.value.pending) return;
    r.value = { pending: true };
    try {
      const url = safeUrl((await api.getRecording(callId)).url);
      if (!url) throw new Error('bad recording url');
      openUrl(url);
      r.value = { pending: false, url };
    } catch (err) {
      r.value = { pending: false, error: err instanceof ApiFailure ? explain(err) : "The recording link wasn't usable — try again" };
    }
  }

  return { state, expired, ui, load, runStep, send, playRecording };
}
