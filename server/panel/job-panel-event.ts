import type { AppDeps } from '../app-deps.js';
import type { AddonEvent } from '../servicem8/addon-event.js';
import type { AddonReply } from '../routes/addon-event.js';
import { renderMessage, renderShell } from './shell.js';
import { signPanelToken, type PanelSession } from './session-token.js';
import { buildJobPanelView } from './job-panel-view.js';
import { renderPanelHtml } from './render-panel-html.js';
import { renderCallRecordForms, type CallRecordLink } from './call-record-forms.js';
import { withinDeadline } from './within-deadline.js';

const TITLE = 'Billing calls';
/** How long the answer may wait for the view (ServiceM8 figures come from its API); then the loading shell goes. */
export const RENDER_DEADLINE_MS = 1_500;

/**
 * Job-card action (web `online` and mobile `app`): answers the panel, already rendered from the same view
 * the panel API returns (issue 15, item 3), with a 15-minute token scoped to this account, job and staff
 * member. Reads only; no side effects.
 */
export async function handleJobPanelEvent(event: AddonEvent, deps: AppDeps): Promise<AddonReply> {
  const jobUuid = typeof event.args.jobUUID === 'string' ? event.args.jobUUID : undefined;
  if (!jobUuid) return { html: renderMessage(TITLE, 'Open this from a job card: ServiceM8 did not say which job.') };
  const account = await deps.store.accounts.get(event.accountUuid);
  if (!account) {
    return { html: renderMessage(TITLE, 'This ServiceM8 account is not connected to the add-on yet. Ask your administrator to activate it.') };
  }
  const now = deps.clock();
  const session: PanelSession = { accountUuid: account.uuid, staffUuid: event.staffUuid, scope: 'job', jobUuid };
  const token = signPanelToken(session, deps.panelKey, now);
  const boot = { view: 'job' as const, apiBase: `${deps.config.publicUrl}/api/panel`, token, jobUuid, issuedAt: now.toISOString() };
  try {
    const view = await withinDeadline(buildJobPanelView(deps, account, session), RENDER_DEADLINE_MS);
    if (!view) throw new Error(`the view took longer than ${RENDER_DEADLINE_MS} ms`);
    const body = renderPanelHtml({ view: 'job', data: view }, TITLE);
    const after = renderCallRecordForms(await callRecordLinks(deps, account.uuid, jobUuid), deps.config.publicUrl, token);
    return { html: renderShell({ title: TITLE, ui: deps.ui, body, after, bootstrap: { ...boot, initial: view } }) };
  } catch (err) {
    // The panel still opens: the script loads the same view from the API (and says so if that fails too).
    deps.log.warn({ err, account: account.uuid, job: jobUuid }, 'job panel: not server-rendered, sending the loading shell');
    const calls = await deps.store.calls.listForJob(account.uuid, jobUuid, 1).catch(() => []);
    return { html: renderShell({ title: TITLE, headline: calls[0]?.decision?.headline, ui: deps.ui, bootstrap: boot }) };
  }
}

/** The job's latest calls, newest first, for the "Full call record" buttons (dates in UTC: the server knows no viewer's zone). */
async function callRecordLinks(deps: AppDeps, accountUuid: string, jobUuid: string): Promise<CallRecordLink[]> {
  const calls = await deps.store.calls.listForJob(accountUuid, jobUuid, 5);
  return calls.map((c) => {
    const at = c.outcome.startedAt ? `${c.outcome.startedAt.slice(0, 10)} ${c.outcome.startedAt.slice(11, 16)} UTC` : 'no start time';
    return { linkToken: c.linkToken, startedAt: c.outcome.startedAt, label: `Open the call of ${at}` };
  });
}
