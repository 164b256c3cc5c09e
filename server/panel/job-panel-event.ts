import type { AppDeps } from '../app-deps.js';
import type { AddonEvent } from '../servicem8/addon-event.js';
import type { AddonReply } from '../routes/addon-event.js';
import { renderMessage, renderShell } from './shell.js';
import { signPanelToken } from './session-token.js';

/**
 * Job-card action (web `online` and mobile `app`): answers the panel shell with a 15-minute token
 * scoped to this account, job and staff member. Reads only; no side effects.
 */
export async function handleJobPanelEvent(event: AddonEvent, deps: AppDeps): Promise<AddonReply> {
  const jobUuid = typeof event.args.jobUUID === 'string' ? event.args.jobUUID : undefined;
  if (!jobUuid) return { html: renderMessage('Billing calls', 'Open this from a job card: ServiceM8 did not say which job.') };
  const account = await deps.store.accounts.get(event.accountUuid);
  if (!account) {
    return { html: renderMessage('Billing calls', 'This ServiceM8 account is not connected to the add-on yet. Ask your administrator to activate it.') };
  }
  const now = deps.clock();
  const calls = await deps.store.calls.listForJob(account.uuid, jobUuid, 1);
  const token = signPanelToken({ accountUuid: account.uuid, staffUuid: event.staffUuid, scope: 'job', jobUuid }, deps.panelKey, now);
  const headline = calls[0]?.decision?.headline;
  return {
    html: renderShell({
      title: 'Billing calls',
      headline,
      ui: deps.ui,
      bootstrap: { view: 'job', apiBase: `${deps.config.publicUrl}/api/panel`, token, jobUuid, issuedAt: now.toISOString() },
    }),
  };
}
