import { randomBytes, createHmac } from 'node:crypto';
import express, { Router } from 'express';
import jwt from 'jsonwebtoken';
import { request } from 'undici';
import { z } from 'zod';
import type { AppDeps } from '../app-deps.js';
import { AppError } from '../errors.js';
import { parseBody } from '../http/parse-body.js';
import { ADDON_EVENTS } from '../servicem8/events.js';
import { callDetailsFromEnvelope } from '../sandbox/dialnexa-simulator.js';
import type { SandboxHandle } from '../sandbox/sandbox-handle.js';
import { SAMPLE_CALLS } from '../sandbox/sample-calls.js';
import { renderSandboxPage } from '../sandbox/page/sandbox-page.js';
import { SANDBOX_CSS, SANDBOX_JS } from '../sandbox/page/sandbox-assets.js';

const OpenSchema = z.object({ jobUuid: z.string().optional(), staffUuid: z.string().min(1), event: z.enum(['job', 'review']) });
const CallSchema = z.object({ scenario: z.string().min(1) });

/** /sandbox (sandbox mode only): a stand-in ServiceM8 job card and DialNexa, driving the real routes over HTTP. */
export function sandboxRoutes(deps: AppDeps, sb: SandboxHandle): Router {
  const r = Router();
  const data = () => sb.servicem8.data(sb.accountUuid);
  const str = (v: unknown) => (v == null ? '' : String(v));

  r.get('/sandbox', (_req, res) => {
    const d = data();
    const companies = new Map(d.company.map((c) => [str(c.uuid), str(c.name)]));
    const jobs = d.job.filter((j) => str(j.active) === '1').map((j) => ({ uuid: str(j.uuid), number: str(j.generated_job_id), client: companies.get(str(j.company_uuid)) ?? 'no client', status: str(j.status), total: `AUD ${str(j.total_invoice_amount) || '0.00'}` }))
      .sort((a, b) => a.number.localeCompare(b.number));
    const staff = d.staff.filter((s) => str(s.active) === '1').map((s) => ({ uuid: str(s.uuid), name: `${str(s.first)} ${str(s.last)}`, title: str(s.job_title) }));
    res.type('html').setHeader('cache-control', 'no-store');
    res.send(renderSandboxPage({ jobs, staff, scenarios: SAMPLE_CALLS.map(({ id, title, description }) => ({ id, title, description })), webhookUrl: `${deps.config.publicUrl}/dialnexa/webhook/${sb.connectionId}` }));
  });
  r.get('/sandbox/sandbox.js', (_req, res) => { res.type('application/javascript').send(SANDBOX_JS); });
  r.get('/sandbox/sandbox.css', (_req, res) => { res.type('text/css').send(SANDBOX_CSS); });

  /** Exactly what ServiceM8 does: an HS256 JWT of the event object, signed with the App Secret, as the raw body. */
  async function openViaAddonEvent(body: z.infer<typeof OpenSchema>): Promise<string> {
    const token = jwt.sign({
      eventVersion: '1.0', eventName: body.event === 'job' ? ADDON_EVENTS.jobPanel : ADDON_EVENTS.reviewCanvas,
      auth: { accountUUID: sb.accountUuid, staffUUID: body.staffUuid }, eventArgs: body.event === 'job' ? { jobUUID: body.jobUuid } : {},
      iat: Math.floor(deps.clock().getTime() / 1000), // the add-on checks freshness against this clock
    }, sb.appSecret, { algorithm: 'HS256', expiresIn: 300 });
    const answer = await request(`${sb.selfUrl()}/servicem8/addon-event`, { method: 'POST', body: token, headers: { 'content-type': 'text/plain' } });
    const text = await answer.body.text();
    if (answer.statusCode !== 200) throw new AppError('UPSTREAM_FAILED', `The add-on answered ${answer.statusCode}`);
    return (JSON.parse(text) as { eventResponse: string }).eventResponse;
  }

  r.post('/sandbox/open', express.json(), async (req, res) => {
    res.json({ html: await openViaAddonEvent(parseBody(OpenSchema, req.body)) });
  });

  // The same answer as a top-level document, as the mobile app's webview shows it (and for "open in a new tab").
  r.get('/sandbox/panel-page', async (req, res) => {
    const html = await openViaAddonEvent(OpenSchema.parse({ ...req.query, event: req.query.event ?? 'job' }));
    res.type('html').setHeader('cache-control', 'no-store');
    res.send(html);
  });

  r.post('/sandbox/calls', express.json(), async (req, res) => {
    const { scenario } = parseBody(CallSchema, req.body);
    const sample = SAMPLE_CALLS.find((s) => s.id === scenario);
    if (!sample) throw new AppError('BAD_REQUEST', 'Unknown scenario');
    const callId = `call_sbx_${randomBytes(6).toString('hex')}`;
    const envelope = sample.build(callId, deps.clock());
    sb.dialnexa.addCall(callDetailsFromEnvelope(envelope));
    const raw = JSON.stringify(envelope);
    const signature = createHmac('sha256', sb.webhookSecret).update(raw).digest('hex');
    const answer = await request(`${sb.selfUrl()}/dialnexa/webhook/${sb.connectionId}`, { method: 'POST', body: raw, headers: { 'content-type': 'application/json', 'x-dialnexa-signature': `sha256=${signature}` } });
    await answer.body.text();
    const invoice = str((((envelope.payload as Record<string, any>)?.call?.post_call_analysis) ?? {}).invoice_number).replace(/\D/g, '');
    const job = invoice ? data().job.find((j) => str(j.generated_job_id) === invoice) : undefined;
    res.json({ callId, webhookStatus: answer.statusCode, jobUuid: job ? str(job.uuid) : undefined,
      hint: job ? `It quotes job ${invoice}; the job is selected below.` : 'Unmatched or ambiguous calls go to the review queue (menu item).' });
  });

  r.get('/sandbox/state', async (req, res) => {
    const jobUuid = str(req.query.jobUuid);
    const d = data();
    const job = d.job.find((j) => str(j.uuid) === jobUuid);
    const ours = (text: string) => text.includes('/calls/');
    const notes = d.note.filter((n) => str(n.related_object_uuid) === jobUuid && ours(str(n.note))).map((n) => str(n.note));
    const tasks = d.task.filter((t) => str(t.related_object_uuid) === jobUuid).map((t) => `${str(t.name)} (due ${str(t.due_date)})`);
    const [outbox, reviews] = await Promise.all([deps.store.outbox.depth(), deps.store.reviews.list(sb.accountUuid, 'open')]);
    res.setHeader('cache-control', 'no-store').json({ jobNumber: job ? str(job.generated_job_id) : '?', notes, tasks, outbox, openReviews: reviews.length });
  });
  return r;
}
