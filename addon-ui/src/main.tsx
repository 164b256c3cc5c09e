import { render } from 'preact';
import type { Bootstrap } from '../../server/panel/view-types.js';
import { createApi } from './api.js';
import { JobPanel } from './components/job-panel.js';
import { ReviewCanvas } from './components/review-canvas.js';
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

/** Entry point: bootstrap JSON from the server shell → host (ServiceM8 SDK, guarded) → api → model → render. */
function start(): void {
  const root = document.getElementById('app');
  if (!root) return;
  const title = root.querySelector('h1')?.textContent?.trim() || 'Billing calls';
  // Keep the server-rendered headline on screen: we render the same line in the same place, then replace the shell.
  const headline = root.querySelector('.headline')?.textContent?.trim() || undefined;
  const boot = readBootstrap();
  const host = createHost();
  root.textContent = '';
  if (!boot) {
    render(<>
      <h1 class="panel-title">{title}</h1>
      {headline && <p class="headline" role="status">{headline}</p>}
      <p class="callout callout-bad" data-testid="bootstrap-error">The panel couldn't start. Close it and open it again from ServiceM8.</p>
    </>, root);
    return;
  }
  const api = createApi({ apiBase: boot.apiBase, token: boot.token });
  if (boot.view === 'job') {
    const model = createJobPanelModel({ api });
    render(<JobPanel model={model} host={host} title={title} initialHeadline={headline} />, root);
    void model.load();
  } else {
    const model = createReviewModel({ api });
    render(<ReviewCanvas model={model} host={host} title={title} />, root);
    void model.load();
  }
}

start();
