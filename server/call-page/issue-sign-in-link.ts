import type { AppDeps } from '../app-deps.js';
import type { PanelSession } from '../panel/session-token.js';
import type { StoredCall } from '../store/call-repo.js';
import { signSignInLink } from './call-tokens.js';

/**
 * The call a panel session may open, or undefined: a job panel opens calls on its own job only, the
 * review canvas any call of its account (the call was already looked up within the session's account).
 */
export function openableBy(session: PanelSession, call: StoredCall | undefined): StoredCall | undefined {
  return call && !(session.scope === 'job' && call.jobUuid !== session.jobUuid) ? call : undefined;
}

/**
 * A short-lived sign-in link to the call page (path and query) for the panel's staff member, audited.
 * One place for the panel API (call-link-api.ts) and the panel's plain "Full call record" form
 * (call-page-open.ts, which says so in the audit detail).
 */
export async function issueSignInLink(deps: AppDeps, session: PanelSession, call: StoredCall, via?: 'panel_form'): Promise<string> {
  const sign = signSignInLink({ accountUuid: session.accountUuid, staffUuid: session.staffUuid }, call.linkToken, deps.panelKey, deps.clock());
  await deps.store.audit.append({ accountUuid: session.accountUuid, callId: call.id, actor: `staff:${session.staffUuid}`, action: 'call.link_issued', detail: via ? { scope: session.scope, via } : { scope: session.scope } });
  return `/calls/${encodeURIComponent(call.linkToken)}?sign=${encodeURIComponent(sign)}`;
}
