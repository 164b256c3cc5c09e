import { Router } from 'express';
import type { AppDeps } from '../app-deps.js';
import { AppError } from '../errors.js';
import { SIGN_IN_LINK_TTL_SECONDS } from '../call-page/call-tokens.js';
import { issueSignInLink, openableBy } from '../call-page/issue-sign-in-link.js';

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
    const call = openableBy(s, await deps.store.calls.get(s.accountUuid, String(req.params.id)));
    if (!call) throw new AppError('NOT_FOUND', 'No such call on this job');
    const link = await issueSignInLink(deps, s, call);
    res.setHeader('cache-control', 'no-store');
    // Opened in a new tab (top-level), so the SameSite=Lax session cookie is first-party and kept.
    res.json({ url: `${deps.config.publicUrl}${link}`, expiresInSeconds: SIGN_IN_LINK_TTL_SECONDS });
  });
  return r;
}
