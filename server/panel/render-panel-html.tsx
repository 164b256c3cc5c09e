import { renderToString } from 'preact-render-to-string';
import { JobPanel } from '../../addon-ui/src/components/job-panel.js';
import { ReviewCanvas } from '../../addon-ui/src/components/review-canvas.js';
import { ScriptGate } from '../../addon-ui/src/components/script-gate.js';
import type { Api } from '../../addon-ui/src/api.js';
import type { Host } from '../../addon-ui/src/host.js';
import { createJobPanelModel } from '../../addon-ui/src/panel-model.js';
import { createReviewModel } from '../../addon-ui/src/review-model.js';
import type { JobPanelView, ReviewCanvasView } from './view-types.js';

/** What the server renders: the same view the panel API answers, for the job panel or the review canvas. */
export type PanelInitial = { view: 'job'; data: JobPanelView } | { view: 'review'; data: ReviewCanvasView };

// Nothing is fetched or clicked while rendering to a string; a call here would be a bug, so it fails loudly.
const refuse = () => Promise.reject(new Error('the server-rendered panel makes no API calls'));
const NO_API: Api = {
  getJob: refuse, getRecording: refuse, step: refuse, send: refuse, getReview: refuse, review: refuse, saveSettings: refuse, sendsCsv: refuse,
};
// Outside a browser there is no ServiceM8 SDK: no close bar (the client adds it when it hydrates inside ServiceM8).
const NO_HOST: Host = { inServiceM8: false, close: () => undefined, reopen: () => undefined, fit: () => undefined };

/**
 * The panel's markup from the same components and models the browser runs (main.tsx mounts the same tree), for the add-on event's HTML
 * (issue 15, item 3): a technician sees the call before any script arrives, and the script hydrates it.
 * Server only: preact-render-to-string never reaches the bundle (vite builds from addon-ui/src/main.tsx).
 * @example renderPanelHtml({ view: 'job', data: await buildJobPanelView(deps, account, session) }, 'Billing calls')
 */
export function renderPanelHtml(initial: PanelInitial, title: string): string {
  if (initial.view === 'job') {
    const model = createJobPanelModel({ api: NO_API, initial: initial.data, openUrl: () => undefined });
    return renderToString(<ScriptGate><JobPanel model={model} host={NO_HOST} title={title} /></ScriptGate>);
  }
  const model = createReviewModel({ api: NO_API, initial: initial.data });
  return renderToString(<ScriptGate><ReviewCanvas model={model} host={NO_HOST} title={title} /></ScriptGate>);
}
