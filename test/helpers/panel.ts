import request from 'supertest';
import type { TestRuntime } from './make-deps.js';
import { addonEvent } from './sign.js';

/** Opens the job panel as ServiceM8 would and returns the bootstrap (with its panel token). */
export async function openPanel(rt: TestRuntime, opts: { jobUuid?: string; staff: string; account?: string; event?: string }) {
  const res = await request(rt.app).post('/servicem8/addon-event').send(addonEvent({
    secret: rt.config.servicem8.appSecret!, account: opts.account ?? rt.sandbox!.accountUuid, staff: opts.staff,
    eventName: opts.event ?? 'dialnexa_billing_job_panel', args: opts.jobUuid ? { jobUUID: opts.jobUuid } : {}, now: rt.deps.clock(),
  }));
  const html: string = res.body.eventResponse;
  const m = /<script id="bootstrap" type="application\/json">(.*?)<\/script>/.exec(html);
  if (!m) throw new Error(`no bootstrap in ${html.slice(0, 200)}`);
  return { html, boot: JSON.parse(m[1]!) as { token: string; apiBase: string; jobUuid?: string } };
}

export const api = (rt: TestRuntime, token: string) => ({
  get: (path: string) => request(rt.app).get(`/api/panel${path}`).set('authorization', `Bearer ${token}`),
  post: (path: string, body: object) => request(rt.app).post(`/api/panel${path}`).set('authorization', `Bearer ${token}`).send(body),
  put: (path: string, body: object) => request(rt.app).put(`/api/panel${path}`).set('authorization', `Bearer ${token}`).send(body),
});
