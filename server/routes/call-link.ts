import express, { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { AppDeps } from '../app-deps.js';
import { isAppError } from '../errors.js';
import { csrfTokenFor, signCallSession, verifyCallSession, verifySignInLink, type CallSession } from '../call-page/call-tokens.js';
import { readCookie, sessionCookieName, sessionCookieOptions } from '../call-page/session-cookie.js';
import { renderCallPage, renderCallSignIn } from '../call-page/render-call-page.js';
import { staffFor } from '../panel/job-panel-view.js';
import { timingSafeEqualStrings } from '../security/timing-safe.js';
import { LINK_TOKEN_PATTERN } from '../store/link-token.js';
import type { StoredCall } from '../store/call-repo.js';

const SignInQuerySchema = z.object({ sign: z.string().min(1).max(2048) });
const RecordingFormSchema = z.object({ csrf: z.string().min(1).max(200) });

/**
 * /calls/:token — the link written into job notes (issue 15, item 4). A visitor signs in by following the
 * short-lived link the job panel issues (`?sign=`), which is exchanged for a session cookie; the page then
 * shows the call to staff of the owning account. Anyone else gets the same 404 whether or not the call
 * exists, with no call data (never 403: no hint it exists).
 */
export function callLinkRoutes(deps: AppDeps): Router {
  const r = Router();
  const cookieName = sessionCookieName(deps.config.publicUrl);
  const form = express.urlencoded({ extended: false, limit: '2kb', parameterLimit: 5 });

  const notFound = (res: Response, message?: string) => res.status(404).type('html').send(renderCallSignIn(message));
  const sessionOf = (req: Request): CallSession | undefined => {
    const token = readCookie(req.headers.cookie, cookieName);
    if (!token) return undefined;
    try {
      return verifyCallSession(token, deps.panelKey, deps.clock());
    } catch (err) {
      req.log.info({ reason: isAppError(err) ? err.detail.reason : String(err) }, 'call page: session cookie refused');
      return undefined;
    }
  };
  const callFor = async (req: Request, s: CallSession | undefined): Promise<StoredCall | undefined> => {
    const token = String(req.params.token ?? '');
    if (!s || !LINK_TOKEN_PATTERN.test(token)) return undefined;
    return deps.store.calls.getByLinkToken(s.accountUuid, token);
  };
  /**
   * The call a session may see: in its own account only, and not once ServiceM8 lists the staff member as
   * gone or inactive (a session outlives neither). An unknown staff list (ServiceM8 unreachable) does not
   * lock members out: the session itself came from a verified add-on event minutes ago.
   */
  const visibleCall = async (req: Request, s: CallSession | undefined) => {
    const call = await callFor(req, s);
    if (!s || !call) return undefined;
    const staff = await staffFor(deps, s.accountUuid);
    const me = staff.find((m) => m.uuid === s.staffUuid);
    if (staff.length > 0 && !me?.active) return undefined;
    return { s, call, names: new Map(staff.map((m) => [m.uuid, `${m.first} ${m.last}`.trim()])) };
  };
  const render = async (res: Response, v: NonNullable<Awaited<ReturnType<typeof visibleCall>>>, recordingUrl?: string) => {
    const audit = await deps.store.audit.listForCall(v.s.accountUuid, v.call.id);
    res.type('html').send(renderCallPage({ call: v.call, audit, staffNames: v.names, csrfToken: csrfTokenFor(v.s, deps.panelKey), recordingUrl }));
  };

  r.use('/calls', (_req, res, next) => { res.setHeader('cache-control', 'no-store'); next(); });

  r.get('/calls/:token', async (req, res) => {
    const sign = SignInQuerySchema.safeParse(req.query);
    if (sign.success) {
      try {
        const viewer = verifySignInLink(sign.data.sign, String(req.params.token), deps.panelKey, deps.clock());
        res.cookie(cookieName, signCallSession(viewer, deps.panelKey, deps.clock()).token, sessionCookieOptions(deps.config.publicUrl));
        // Drop the one-time credential from the address bar and history before showing anything.
        return res.redirect(303, `/calls/${encodeURIComponent(String(req.params.token))}`);
      } catch (err) {
        if (!isAppError(err)) throw err;
        req.log.info({ reason: err.detail.reason }, 'call page: sign-in link refused');
        return res.status(401).type('html').send(renderCallSignIn('This sign-in link has expired or is not valid. Open the call again from the job card in ServiceM8.'));
      }
    }
    const v = await visibleCall(req, sessionOf(req));
    if (!v) return notFound(res);
    await deps.store.audit.append({ accountUuid: v.s.accountUuid, callId: v.call.id, actor: `staff:${v.s.staffUuid}`, action: 'call.viewed', detail: { via: 'call_link' } });
    await render(res, v);
  });

  r.post('/calls/:token/recording', form, async (req, res) => {
    const v = await visibleCall(req, sessionOf(req));
    if (!v) return notFound(res);
    const { s, call } = v;
    const body = RecordingFormSchema.safeParse(req.body ?? {});
    if (!body.success || !timingSafeEqualStrings(body.data.csrf, csrfTokenFor(s, deps.panelKey))) {
      req.log.info('call page: recording request without a valid CSRF token');
      return res.status(403).type('html').send(renderCallSignIn('This form has expired. Reload the call page and try again.'));
    }
    if (!call.outcome.hasRecording) return render(res, v);
    // Presigned links expire: fetched fresh on every request, never stored (contract: envelope A).
    const url = await deps.dialnexa?.getRecordingUrl(call.providerCallId).catch((err) => { req.log.warn({ err }, 'call page: DialNexa did not return a recording link'); return undefined; });
    await deps.store.audit.append({ accountUuid: s.accountUuid, callId: call.id, actor: `staff:${s.staffUuid}`, action: 'call.recording_requested', detail: { via: 'call_link', found: Boolean(url) } });
    await render(url ? res : res.status(502), v, url);
  });
  return r;
}
