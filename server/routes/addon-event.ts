import express, { Router, type Request, type Response } from 'express';
import type { AppDeps } from '../app-deps.js';
import { AppError } from '../errors.js';
import { secretKey, verifyAddonEvent, type AddonEvent } from '../servicem8/addon-event.js';
import { createActiveStaffCheck, type StaffStanding } from '../servicem8/active-staff.js';
import { renderMessage } from '../panel/shell.js';
import { ADDON_EVENTS } from '../servicem8/events.js';
import { handleJobPanelEvent } from '../panel/job-panel-event.js';
import { handleReviewCanvasEvent } from '../panel/review-canvas-event.js';
import { handleJobWebhookEvent } from '../calls/job-webhook-event.js';

/** What a handler answers: HTML for UI events, a JSON-able value for invoke/webhook events. */
export type AddonReply = { html: string } | { data: unknown };
export type AddonHandler = (event: AddonEvent, deps: AppDeps) => Promise<AddonReply>;

/** The dispatch table, keyed by the manifest's event names (test/manifest.test.ts keeps them in step). */
export const ADDON_HANDLERS: Record<string, AddonHandler> = {
  [ADDON_EVENTS.jobPanel]: handleJobPanelEvent,
  [ADDON_EVENTS.reviewCanvas]: handleReviewCanvasEvent,
  [ADDON_EVENTS.webhook]: handleJobWebhookEvent,
};

/**
 * POST /servicem8/addon-event. The raw body IS the JWT (platform-notes gotcha 1), so this route gets its
 * own text parser and no JSON parser ever sees it. Verify, then parse, then dispatch.
 */
export function addonEventRoutes(deps: AppDeps): Router {
  const r = Router();
  const key = deps.config.servicem8.appSecret ? secretKey(deps.config.servicem8.appSecret) : undefined;
  const staffStanding = createActiveStaffCheck({ servicem8For: deps.servicem8For, now: deps.clock });

  /**
   * The review canvas carries an account-wide token: only for staff ServiceM8 lists as active in the
   * account (issue 15, item 5). An account we do not hold goes on to the handler, which says so and
   * issues no token.
   */
  async function refuseReviewCanvas(req: Request, event: AddonEvent): Promise<AddonReply | undefined> {
    const standing: StaffStanding = await staffStanding(event.accountUuid, event.staffUuid);
    if (standing === 'active' || !(await deps.store.accounts.get(event.accountUuid))) return undefined;
    req.log.warn({ account: event.accountUuid, staff: event.staffUuid, standing }, standing === 'not_active'
      ? 'review canvas refused: the staff member is not active in this ServiceM8 account'
      : 'review canvas refused: could not read the ServiceM8 staff list (check the account connection)');
    return { html: renderMessage('Billing call review', standing === 'not_active'
      ? 'Your ServiceM8 staff account is not active in this account, so the billing call review cannot open. Ask your administrator.'
      : 'The add-on could not confirm your staff account with ServiceM8 just now. Close this and try again in a minute.') };
  }

  r.post('/servicem8/addon-event', express.text({ type: () => true, limit: '64kb' }), async (req: Request, res: Response) => {
    if (!key) throw new AppError('UNAVAILABLE', 'Add-on callback is not configured', { detail: { reason: 'SERVICEM8_APP_SECRET unset' } });
    const body = typeof req.body === 'string' ? req.body : '';
    if (!body) throw new AppError('UNAUTHORIZED', 'Invalid add-on event signature', { detail: { reason: 'empty body' } });
    const event = verifyAddonEvent(body, key, deps.clock(), deps.config.addonEvent);
    req.log.info({ eventName: event.eventName, account: event.accountUuid }, 'add-on event');
    const handler = ADDON_HANDLERS[event.eventName];
    const refused = event.eventName === ADDON_EVENTS.reviewCanvas ? await refuseReviewCanvas(req, event) : undefined;
    const reply: AddonReply = refused ?? (handler
      ? await handler(event, deps)
      : { data: { ok: true, ignored: event.eventName } });
    res.setHeader('cache-control', 'no-store');
    const account = await deps.store.accounts.get(event.accountUuid);
    const raw = account?.settings.responseFormat === 'html';
    if ('html' in reply) {
      // Web-service add-ons answer {"eventResponse": "<html>"} (platform-notes §2.6); raw HTML is a per-account setting.
      if (raw) res.type('html').send(reply.html);
      else res.json({ eventResponse: reply.html });
      return;
    }
    res.json({ eventResponse: JSON.stringify(reply.data) });
  });
  return r;
}
