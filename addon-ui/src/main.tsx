import { hydrate, render } from 'preact';
import type { Bootstrap } from '../../server/panel/view-types.js';
import { createApi } from './api.js';
import { JobPanel } from './components/job-panel.js';
import { ReviewCanvas } from './components/review-canvas.js';
import { ScriptGate } from './components/script-gate.js';
import { createHost } from './host.js';
import { createJobPanelModel } from './panel-model.js';
import { createReviewModel } from './review-model.js';
import './styles.css';

function readBootstrap(): Bootstrap | undefined {
  try {
    const b = JSON.parse(document.getElementById('bootstrap')?.textContent ?? '') as Partial<Bootstrap>;
    return (b.view === 'job' || b.view === 'review') && typeof b.apiBase === 'string' && typeof b.token === 'string' ? (b as Bootstrap) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Entry point: bootstrap JSON from the server shell → host (ServiceM8 SDK, guarded) → api → model. A page
 * the server rendered (bootstrap `initial`) is hydrated from the view it was rendered from, with no second
 * request for the same data (issue 15, item 3); otherwise the shell is replaced and the view loaded.
 */
function start(): void {
  const root = document.getElementById('app');
  if (!root) return;
  const title = root.querySelector('h1')?.textContent?.trim() || 'Billing calls';
  // Keep the server-rendered headline on screen: we render the same line in the same place, then replace the shell.
  const headline = root.querySelector('.headline')?.textContent?.trim() || undefined;
  const boot = readBootstrap();
  const host = createHost();
  if (!boot) {
    root.textContent = '';
    render(<>
      <h1 class="panel-title">{title}</h1>
      {headline && <p class="headline" role="status">{headline}</p>}
      <p class="callout callout-bad" data-testid="bootstrap-error">The panel couldn't start. Close it and open it again from ServiceM8.</p>
    </>, root);
    return;
  }
  const api = createApi({ apiBase: boot.apiBase, token: boot.token });
  const model = boot.view === 'job' ? createJobPanelModel({ api, initial: boot.initial }) : createReviewModel({ api, initial: boot.initial });
  // The same tree as server/panel/render-panel-html.tsx renders; `'runStep' in model` tells the two models apart.
  const tree = <ScriptGate>{'runStep' in model
    ? <JobPanel model={model} host={host} title={title} initialHeadline={headline} />
    : <ReviewCanvas model={model} host={host} title={title} />}</ScriptGate>;
  if (boot.initial) {
    hydrate(tree, root);
    document.getElementById('script-note')?.remove(); // the buttons come alive (components/script-gate.tsx)
  } else {
    root.textContent = '';
    render(tree, root);
    void model.load();
  }
}

start();
