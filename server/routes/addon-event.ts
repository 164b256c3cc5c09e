import express, { Router, type Request, type Response } from 'express';
import type { AppDeps } from '../app-deps.js';
import { AppError } from '../errors.js';
import { secretKey, verifyAddonEvent, type AddonEvent } from '../servicem8/addon-event.js';
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
  r.post('/servicem8/addon-event', express.text({ type: () => true, limit: '64kb' }), async (req: Request, res: Response) => {
    if (!key) throw new AppError('UNAVAILABLE', 'Add-on callback is not configured', { detail: { reason: 'SERVICEM8_APP_SECRET unset' } });
    const body = typeof req.body === 'string' ? req.body : '';
    if (!body) throw new AppError('UNAUTHORIZED', 'Invalid add-on event signature', { detail: { reason: 'empty body' } });
    const event = verifyAddonEvent(body, key, deps.clock(), deps.config.addonEvent);
    req.log.info({ eventName: event.eventName, account: event.accountUuid }, 'add-on event');
    const handler = ADDON_HANDLERS[event.eventName];
    const reply: AddonReply = handler
      ? await handler(event, deps)
      : { data: { ok: true, ignored: event.eventName } };
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
