import { Router } from 'express';
import { z } from 'zod';
import type { AppDeps } from '../app-deps.js';
import { AppError } from '../errors.js';
import { parseBody } from '../http/parse-body.js';
import { requireAccountSession, requireJobSession } from '../http/panel-auth.js';
import { buildCallViewFor, loadRecord, staffFor } from '../panel/job-panel-view.js';
import { staffName } from '../policy/finance-owner.js';
import { queueSend } from '../sends/queue-send.js';
import { sendLogCsv } from '../sends/send-log-csv.js';

const SendSchema = z.object({ requestId: z.string().min(8).max(64), by: z.enum(['addon', 'person']) });

/**
 * Sends from the panel (mounted inside /api/panel, after its token check): confirm a call's proposed send
 * (one tap; a repeat or a double tap sends once), and the account's send log as CSV with its audit trail.
 */
export function sendRoutes(deps: AppDeps): Router {
  const r = Router();
  r.post('/calls/:id/send', async (req, res) => {
    const s = requireJobSession(req);
    const body = parseBody(SendSchema, req.body);
    const account = await deps.store.accounts.get(s.accountUuid);
    const call = account ? await deps.store.calls.get(account.uuid, req.params.id!) : undefined;
    if (!account || !call || call.jobUuid !== s.jobUuid) throw new AppError('NOT_FOUND', 'No such call on this job');
    const staff = await staffFor(deps, account.uuid);
    const me = staff.find((x) => x.uuid === s.staffUuid);
    const { created } = await queueSend({ ...deps, publicUrl: deps.config.publicUrl }, account, call, {
      by: body.by, requestId: body.requestId, actor: `staff:${s.staffUuid}`, actorName: me ? staffName(me) : 'a staff member',
    });
    if (created) deps.wakeWorker();
    const record = await loadRecord(deps, account, s.jobUuid);
    res.json(await buildCallViewFor(deps, account, (await deps.store.calls.get(account.uuid, call.id))!, record.ok ? record.value : undefined, staff, s.staffUuid));
  });

  // `?call=<id>` narrows the export to one call of this account; another account's call is 404.
  r.get('/sends.csv', async (req, res) => {
    const s = requireAccountSession(req);
    const callId = typeof req.query.call === 'string' ? req.query.call : undefined;
    if (callId && !(await deps.store.calls.get(s.accountUuid, callId))) throw new AppError('NOT_FOUND', 'Not found');
    const sends = callId ? await deps.store.sends.listForCall(s.accountUuid, callId) : await deps.store.sends.list(s.accountUuid);
    const audit = new Map<string, Awaited<ReturnType<typeof deps.store.audit.listForCall>>>();
    for (const id of new Set(sends.map((x) => x.callId))) audit.set(id, await deps.store.audit.listForCall(s.accountUuid, id));
    const csv = sendLogCsv(sends, (x) => (audit.get(x.callId) ?? []).filter((e) => e.action.startsWith('send.') && e.detail.sendId === x.id));
    res.type('text/csv').setHeader('content-disposition', 'attachment; filename="send-log.csv"').send(csv);
  });
  return r;
}
