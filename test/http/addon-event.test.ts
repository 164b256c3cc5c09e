import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { SEED } from '../../server/sandbox/seed.js';
import { addonEvent, signJwt } from '../helpers/sign.js';
import { engines } from '../helpers/databases.js';
import { useRuntime } from '../helpers/make-deps.js';
import { createApp } from '../../server/app.js';

describe.each(engines)('POST /servicem8/addon-event on %s', async (engine) => {
  const rt = await useRuntime({ engine });
  const secret = rt.config.servicem8.appSecret!;
  const job = SEED.jobs.j1042.uuid;
  const now = () => Math.floor(Date.now() / 1000);
  const post = (body: string) => request(rt.app).post('/servicem8/addon-event').set('content-type', 'text/plain').send(body);

  it('answers a signed job action with the panel shell in the eventResponse envelope, framable', async () => {
    const res = await post(addonEvent({ secret, account: SEED.vendor.uuid, eventName: 'dialnexa_billing_job_panel', args: { jobUUID: job } }));
    expect(res.status).toBe(200);
    expect(res.headers['x-frame-options']).toBeUndefined();
    expect(res.headers['content-security-policy'] ?? '').not.toMatch(/frame-ancestors/);
    expect(res.headers['cache-control']).toBe('no-store');
    const html: string = res.body.eventResponse;
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('https://platform.servicem8.com/sdk/1.0/sdk.js');
    expect(html).toContain('https://platform.servicem8.com/sdk/1.0/sdk.css');
    const boot = JSON.parse(/<script id="bootstrap" type="application\/json">(.*?)<\/script>/.exec(html)![1]!);
    expect(boot).toMatchObject({ view: 'job', jobUuid: job, apiBase: 'http://addon.test/api/panel' });
    expect(boot.token.split('.')).toHaveLength(3);
  });

  it('accepts the event name in any case and any content type', async () => {
    const token = addonEvent({ secret, account: SEED.vendor.uuid, eventName: 'DialNexa_Billing_Job_Panel', args: { jobUUID: job } });
    const res = await request(rt.app).post('/servicem8/addon-event').set('content-type', 'application/jwt').send(token);
    expect(res.status).toBe(200);
    expect(res.body.eventResponse).toContain('Billing calls');
  });

  it.each([
    ['tampered', () => { const t = addonEvent({ secret, account: SEED.vendor.uuid, eventName: 'dialnexa_billing_job_panel' }); return `${t.slice(0, -4)}AAAA`; }],
    ['wrong secret', () => addonEvent({ secret: 'not-the-app-secret-000000000', account: SEED.vendor.uuid, eventName: 'dialnexa_billing_job_panel' })],
    ['alg none', () => signJwt({ eventName: 'dialnexa_billing_job_panel', auth: { accountUUID: SEED.vendor.uuid } }, secret, { alg: 'none' })],
    ['HS512', () => signJwt({ eventName: 'dialnexa_billing_job_panel', auth: { accountUUID: SEED.vendor.uuid } }, secret, { alg: 'HS512' })],
    ['expired', () => addonEvent({ secret, account: SEED.vendor.uuid, eventName: 'dialnexa_billing_job_panel', iat: now() - 900, exp: now() - 600 })],
    ['without iat or exp', () => addonEvent({ secret, account: SEED.vendor.uuid, eventName: 'dialnexa_billing_job_panel', args: { jobUUID: job }, iat: null })],
    ['with an old iat', () => addonEvent({ secret, account: SEED.vendor.uuid, eventName: 'dialnexa_billing_job_panel', args: { jobUUID: job }, iat: now() - 3600 })],
    ['with a future iat', () => addonEvent({ secret, account: SEED.vendor.uuid, eventName: 'dialnexa_billing_job_panel', args: { jobUUID: job }, iat: now() + 600 })],
    ['missing', () => ''],
  ])('rejects a %s token with 401 and no detail', async (_n, make) => {
    const res = await post(make());
    expect(res.status).toBe(401);
    expect(res.text).not.toMatch(/jwt|signature invalid|expired|iat|exp\b/i);
    expect(res.text).not.toContain('bootstrap');
  });

  it('answers unknown events with an ok envelope and webhook events with {} semantics', async () => {
    const res = await post(addonEvent({ secret, account: SEED.vendor.uuid, eventName: 'something_new' }));
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body.eventResponse)).toEqual({ ok: true, ignored: 'something_new' });
    const hook = await post(addonEvent({ secret, account: SEED.vendor.uuid, eventName: 'Webhook_Subscription', args: { object: 'Job', entry: [{ uuid: job, changed_fields: ['payment_received'], time: '2026-11-25 14:00:00' }] } }));
    expect(JSON.parse(hook.body.eventResponse)).toEqual({ ok: true, queued: 0 });
  });

  it('tells an unconnected account what to do instead of showing data', async () => {
    const res = await post(addonEvent({ secret, account: 'some-other-account', eventName: 'dialnexa_billing_job_panel', args: { jobUUID: job } }));
    expect(res.status).toBe(200);
    expect(res.body.eventResponse).toContain('not connected');
    expect(res.body.eventResponse).not.toContain('bootstrap');
  });

  it('can answer raw HTML when the account prefers it', async () => {
    const acc = (await rt.deps.store.accounts.get(SEED.vendor.uuid))!;
    await rt.deps.store.accounts.saveSettings(acc.uuid, { ...acc.settings, responseFormat: 'html' });
    const res = await post(addonEvent({ secret, account: SEED.vendor.uuid, eventName: 'dialnexa_billing_job_panel', args: { jobUUID: job } }));
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.text).toMatch(/^<!doctype html>/);
    await rt.deps.store.accounts.saveSettings(acc.uuid, acc.settings);
  });
});

describe('review canvas tokens only for active staff of the account (ServiceM8 staff list)', async () => {
  const rt = await useRuntime();
  const secret = rt.config.servicem8.appSecret!;
  const open = (app: typeof rt.app, staff: string) => request(app).post('/servicem8/addon-event').set('content-type', 'text/plain')
    .send(addonEvent({ secret, account: SEED.vendor.uuid, staff, eventName: 'dialnexa_billing_review' }));
  const staffReads = () => rt.sandbox!.servicem8.requests.filter((r) => r.path.includes('/staff.json')).length;

  it('issues the canvas token to an active staff member, reading the staff list once for several opens', async () => {
    const before = staffReads();
    for (let i = 0; i < 3; i++) {
      const res = await open(rt.app, SEED.staff.finance.uuid);
      expect(res.status).toBe(200);
      expect(res.body.eventResponse).toContain('id="bootstrap"');
    }
    // Two lists, each read once for the three opens: the standing check's, and the directory's for the canvas
    // view the event now renders (issue 15, item 3; without caching it would be six).
    expect(staffReads() - before).toBe(2);
  });

  it.each([
    ['an inactive (former) staff member', SEED.staff.formerBookkeeper.uuid, /not active/],
    ['a staff uuid the account does not have', '5e3d0002-0000-4000-8000-0000000000ff', /not active/],
    ['an empty staff uuid', '', /not active/],
  ])('refuses %s: a message and no token', async (_name, staff, message) => {
    const res = await open(rt.app, staff);
    expect(res.status).toBe(200);
    expect(res.body.eventResponse).toMatch(message);
    expect(res.body.eventResponse).not.toContain('bootstrap');
  });

  it('refuses (fails closed) when ServiceM8 cannot be asked', async () => {
    rt.sandbox!.servicem8.setFaults({ failureRate: 1, failureStatuses: [500] });
    try {
      const fresh = createApp(rt.deps); // a new app: its staff cache is empty
      const res = await open(fresh, SEED.staff.finance.uuid);
      expect(res.status).toBe(200);
      expect(res.body.eventResponse).toMatch(/could not confirm/);
      expect(res.body.eventResponse).not.toContain('bootstrap');
    } finally {
      rt.sandbox!.servicem8.setFaults({});
    }
  });
});
