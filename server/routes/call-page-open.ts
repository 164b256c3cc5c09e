import express, { Router } from 'express';
import { z } from 'zod';
import type { AppDeps } from '../app-deps.js';
import { isAppError } from '../errors.js';
import { issueSignInLink, openableBy } from '../call-page/issue-sign-in-link.js';
import { renderCallSignIn } from '../call-page/render-call-page.js';
import { verifyPanelToken } from '../panel/session-token.js';
import { LINK_TOKEN_PATTERN } from '../store/link-token.js';

const OpenFormSchema = z.object({ panel_token: z.string().min(1).max(4096) });

/**
 * POST /calls/:token/open — the job panel's "Full call record" button, a plain form that works before
 * (and without) the panel's script (issue 15, items 3 and 4). The form carries the panel's own 15-minute
 * token, so no cookie is involved and a forged cross-site post cannot know it; the answer sends the new
 * tab through the short-lived sign-in link (call-link.ts), which sets the call-page session cookie.
 */
export function callPageOpenRoutes(deps: AppDeps): Router {
  const r = Router();
  const form = express.urlencoded({ extended: false, limit: '8kb', parameterLimit: 3 });
  r.post('/calls/:token/open', form, async (req, res) => {
    res.setHeader('cache-control', 'no-store');
    const notFound = () => res.status(404).type('html').send(renderCallSignIn());
    const body = OpenFormSchema.safeParse(req.body ?? {});
    const token = String(req.params.token ?? '');
    if (!body.success || !LINK_TOKEN_PATTERN.test(token)) return notFound();
    let session;
    try {
      session = verifyPanelToken(body.data.panel_token, deps.panelKey, deps.clock());
    } catch (err) {
      if (!isAppError(err)) throw err;
      req.log.info({ reason: err.detail.reason }, 'call page: panel token on the open form refused');
      return res.status(401).type('html').send(renderCallSignIn('This panel has been open too long. Close it, open it again from the job card, then try again.'));
    }
    const call = openableBy(session, await deps.store.calls.getByLinkToken(session.accountUuid, token));
    if (!call) return notFound();
    return res.redirect(303, await issueSignInLink(deps, session, call, 'panel_form'));
  });
  return r;
}
