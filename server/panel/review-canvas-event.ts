import type { AppDeps } from '../app-deps.js';
import type { AddonEvent } from '../servicem8/addon-event.js';
import type { AddonReply } from '../routes/addon-event.js';
import { renderMessage, renderShell } from './shell.js';
import { signPanelToken } from './session-token.js';

/** Menu item (add-on canvas): the finance review queue and settings, with an account-scoped token. */
export async function handleReviewCanvasEvent(event: AddonEvent, deps: AppDeps): Promise<AddonReply> {
  const account = await deps.store.accounts.get(event.accountUuid);
  if (!account) {
    return { html: renderMessage('Billing call review', 'This ServiceM8 account is not connected to the add-on yet. Ask your administrator to activate it.') };
  }
  const now = deps.clock();
  const token = signPanelToken({ accountUuid: account.uuid, staffUuid: event.staffUuid, scope: 'account' }, deps.panelKey, now);
  return {
    html: renderShell({
      title: 'Billing call review',
      ui: deps.ui,
      bootstrap: { view: 'review', apiBase: `${deps.config.publicUrl}/api/panel`, token, issuedAt: now.toISOString() },
    }),
  };
}
