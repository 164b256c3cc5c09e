import express, { Router } from 'express';
import { z } from 'zod';
import type { AppDeps } from '../app-deps.js';
import { AppError } from '../errors.js';
import { parseBody } from '../http/parse-body.js';
import { panelAuth, panelCors, requireAccountSession, requireJobSession } from '../http/panel-auth.js';
import { actOnStep } from '../calls/act-on-step.js';
import { actOnReview } from '../calls/act-on-review.js';
import { buildCallViewFor, buildJobPanelView, loadRecord, staffFor } from '../panel/job-panel-view.js';
import { buildReviewCanvasView, settingsView } from '../panel/review-canvas-view.js';
import { canApprove } from '../panel/job-panel-view.js';
import { sendRoutes } from './send-routes.js';
import { callLinkApiRoutes } from './call-link-api.js';

/** `2026-02-31` matches the pattern but is no date; ServiceM8 would refuse the task later. */
function isRealDate(d: string): boolean {
  const t = Date.parse(`${d}T00:00:00Z`);
  return Number.isFinite(t) && new Date(t).toISOString().slice(0, 10) === d;
}

const StepSchema = z.object({
  action: z.enum(['confirm', 'escalate', 'resolve', 'approve', 'decline']),
  requestId: z.string().min(8).max(64),
  text: z.string().max(1000).optional(),
  ownerStaffUuid: z.string().max(64).optional(),
  deadline: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD').refine(isRealDate, 'is not a real date').optional(),
  reason: z.string().max(1000).optional(),
  outcome: z.string().max(1000).optional(),
});
const ReviewSchema = z.object({ action: z.enum(['link_job', 'create_job', 'dismiss', 'retry']), requestId: z.string().min(8).max(64), jobNumber: z.string().max(40).optional(), companyUuid: z.string().max(64).optional(), reason: z.string().max(1000).optional() });
const SettingsSchema = z.object({
  financeOwnerStaffUuid: z.string().max(64).optional(),
  approvalThreshold: z.object({ amount: z.string().regex(/^\d{1,9}(\.\d{1,2})?$/, 'must be an amount like 500.00'), currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO currency code') }),
  approverStaffUuids: z.array(z.string().max(64)).max(50),
  vipCompanyUuids: z.array(z.string().max(64)).max(500),
  automationMode: z.enum(['review_everything', 'automatic_confident']),
  followUpDays: z.number().int().min(0).max(30),
  responseFormat: z.enum(['envelope', 'html']),
  newJobStatus: z.enum(['Quote', 'Work Order']).optional(),
  sendMode: z.enum(['person', 'automatic']).optional(),
  // The business's own secure payment page; the add-on never takes card details (issue 14).
  paymentLinkUrl: z.string().max(500).regex(/^https:\/\/[^\s]+$/, 'must be an https:// link')
    .refine((u) => !/\d{12,}/.test(u.replace(/[\s-]/g, '')), 'must not carry a card or account number').optional(),
});

/**
 * /api/panel/* — the job panel and the review canvas. Bearer panel token (CORS, no cookies); every read is
 * scoped to the token's account and job, and anything else is 404 (never 403: no hint it exists).
 */
export function panelApiRoutes(deps: AppDeps): Router {
  const r = Router();
  r.use(panelCors());
  r.use(panelAuth(deps.panelKey, deps.clock));
  r.use(express.json({ limit: '32kb' }));
  r.use(sendRoutes(deps));
  r.use(callLinkApiRoutes(deps));

  const account = async (uuid: string) => {
    const a = await deps.store.accounts.get(uuid);
    if (!a) throw new AppError('NOT_FOUND', 'Not found');
    return a;
  };
  const callOnJob = async (accountUuid: string, jobUuid: string, id: string) => {
    const c = await deps.store.calls.get(accountUuid, id);
    if (!c || c.jobUuid !== jobUuid) throw new AppError('NOT_FOUND', 'No such call on this job');
    return c;
  };

  r.get('/job', async (req, res) => {
    const s = requireJobSession(req);
    res.json(await buildJobPanelView(deps, await account(s.accountUuid), s));
  });

  r.get('/calls/:id/recording', async (req, res) => {
    const s = requireJobSession(req);
    const call = await callOnJob(s.accountUuid, s.jobUuid, req.params.id!);
    if (!call.outcome.hasRecording) throw new AppError('NOT_FOUND', 'This call has no recording');
    if (!deps.dialnexa) throw new AppError('UPSTREAM_FAILED', 'Recordings are unavailable: DialNexa API access is not configured');
    // Presigned links expire after 7 days: fetched fresh on every tap, never stored (contract: envelope A).
    const url = await deps.dialnexa.getRecordingUrl(call.providerCallId).catch((cause) => { throw new AppError('UPSTREAM_FAILED', 'DialNexa did not return a recording link; try again shortly', { cause }); });
    if (!url) throw new AppError('NOT_FOUND', 'DialNexa has no recording for this call');
    res.json({ url });
  });

  r.post('/calls/:id/steps', async (req, res) => {
    const s = requireJobSession(req);
    const body = parseBody(StepSchema, req.body);
    const acc = await account(s.accountUuid);
    await actOnStep(deps, s, req.params.id!, body);
    const call = await callOnJob(acc.uuid, s.jobUuid, req.params.id!);
    const [record, staff] = await Promise.all([loadRecord(deps, acc, s.jobUuid), staffFor(deps, acc.uuid)]);
    res.json(await buildCallViewFor(deps, acc, call, record.ok ? record.value : undefined, staff, s.staffUuid));
  });

  r.get('/review', async (req, res) => {
    const s = requireAccountSession(req);
    res.json(await buildReviewCanvasView(deps, await account(s.accountUuid), s.staffUuid));
  });

  r.post('/review/:id', async (req, res) => {
    const s = requireAccountSession(req);
    await actOnReview(deps, s, req.params.id!, parseBody(ReviewSchema, req.body));
    res.json(await buildReviewCanvasView(deps, await account(s.accountUuid), s.staffUuid));
  });

  r.put('/settings', async (req, res) => {
    const s = requireAccountSession(req);
    const acc = await account(s.accountUuid);
    const staff = await staffFor(deps, acc.uuid);
    // Settings decide who may approve money steps: only the finance owner or an approver may change them.
    if (!canApprove(acc, staff, s.staffUuid)) throw new AppError('CONFLICT', 'Only the finance owner or an approver can change these settings');
    const body = parseBody(SettingsSchema, req.body);
    const next = { ...acc.settings, ...body };
    await deps.store.accounts.saveSettings(acc.uuid, next);
    await deps.store.audit.append({ accountUuid: acc.uuid, actor: `staff:${s.staffUuid}`, action: 'settings.changed', detail: { ...body } });
    res.json(settingsView({ ...acc, settings: next }));
  });
  return r;
}
