import { Router } from 'express';
import type { AppDeps } from '../app-deps.js';
import { AppError } from '../errors.js';
import { signSignInLink, SIGN_IN_LINK_TTL_SECONDS } from '../call-page/call-tokens.js';

/**
 * POST /api/panel/calls/:id/link — a short-lived link that signs the panel's staff member in to the call
 * page (issue 15, item 4). Mounted inside the panel API, so the Bearer panel token is already verified;
 * a job panel gets links only for calls on its job, the review canvas for any call of its account.
 */
export function callLinkApiRoutes(deps: AppDeps): Router {
  const r = Router();
  r.post('/calls/:id/link', async (req, res) => {
    const s = req.session;
    if (!s) throw new AppError('NOT_FOUND', 'Not found');
    const call = await deps.store.calls.get(s.accountUuid, String(req.params.id));
    if (!call || (s.scope === 'job' && call.jobUuid !== s.jobUuid)) throw new AppError('NOT_FOUND', 'No such call on this job');
    const sign = signSignInLink({ accountUuid: s.accountUuid, staffUuid: s.staffUuid }, call.linkToken, deps.panelKey, deps.clock());
    await deps.store.audit.append({ accountUuid: s.accountUuid, callId: call.id, actor: `staff:${s.staffUuid}`, action: 'call.link_issued', detail: { scope: s.scope } });
    res.setHeader('cache-control', 'no-store');
    // Opened in a new tab (top-level), so the SameSite=Lax session cookie is first-party and kept.
    res.json({ url: `${deps.config.publicUrl}/calls/${call.linkToken}?sign=${encodeURIComponent(sign)}`, expiresInSeconds: SIGN_IN_LINK_TTL_SECONDS });
  });
  return r;
}
