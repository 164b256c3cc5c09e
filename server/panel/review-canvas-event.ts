import type { AppDeps } from '../app-deps.js';
import type { AddonEvent } from '../servicem8/addon-event.js';
import type { AddonReply } from '../routes/addon-event.js';
import { renderMessage, renderShell } from './shell.js';
import { signPanelToken } from './session-token.js';
import { buildReviewCanvasView } from './review-canvas-view.js';
import { renderPanelHtml } from './render-panel-html.js';
import { withinDeadline } from './within-deadline.js';
import { RENDER_DEADLINE_MS } from './job-panel-event.js';

const TITLE = 'Billing call review';

/**
 * Menu item (add-on canvas): the finance review queue and settings, already rendered from the view the
 * panel API returns (issue 15, item 3), with an account-scoped token.
 */
export async function handleReviewCanvasEvent(event: AddonEvent, deps: AppDeps): Promise<AddonReply> {
  const account = await deps.store.accounts.get(event.accountUuid);
  if (!account) {
    return { html: renderMessage(TITLE, 'This ServiceM8 account is not connected to the add-on yet. Ask your administrator to activate it.') };
  }
  const now = deps.clock();
  const token = signPanelToken({ accountUuid: account.uuid, staffUuid: event.staffUuid, scope: 'account' }, deps.panelKey, now);
  const boot = { view: 'review' as const, apiBase: `${deps.config.publicUrl}/api/panel`, token, issuedAt: now.toISOString() };
  try {
    const view = await withinDeadline(buildReviewCanvasView(deps, account, event.staffUuid), RENDER_DEADLINE_MS);
    if (!view) throw new Error(`the view took longer than ${RENDER_DEADLINE_MS} ms`);
    const body = renderPanelHtml({ view: 'review', data: view }, TITLE);
    return { html: renderShell({ title: TITLE, ui: deps.ui, body, bootstrap: { ...boot, initial: view } }) };
  } catch (err) {
    deps.log.warn({ err, account: account.uuid }, 'review canvas: not server-rendered, sending the loading shell');
    return { html: renderShell({ title: TITLE, ui: deps.ui, bootstrap: boot }) };
  }
}
