import { createHmac, randomBytes } from 'node:crypto';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { SEED } from '../../server/sandbox/seed.js';
import { engines } from '../helpers/databases.js';
import { useRuntime } from '../helpers/make-deps.js';
import { sendSample, settle } from '../helpers/pipeline.js';
import { openPanel } from '../helpers/panel.js';
import { signJwt } from '../helpers/sign.js';

// The job panel's "Full call record" forms (issue 15, items 3 and 4): server-rendered below the panel,
// working before any script, posting the panel token to /calls/:token/open in a new tab.
const MASTER = randomBytes(32);
const PANEL_KEY = createHmac('sha256', MASTER).update('panel-token-v1').digest();
const sec = (d: Date) => Math.floor(d.getTime() / 1000);

describe.each(engines)('full call record forms on %s', async (engine) => {
  const rt = await useRuntime({ engine, env: { ENCRYPTION_KEY: MASTER.toString('base64') } });
  const account = rt.sandbox!.accountUuid;
  const finance = SEED.staff.finance.uuid;
  const j1042 = SEED.jobs.j1042.uuid;
  await sendSample(rt, 'duplicate-charge-1042', 'call_open_dup');
  await settle(rt);
  const call = (await rt.deps.store.calls.getByProviderId(account, 'call_open_dup'))!;
  const open = (token: string, panelToken?: string) => request(rt.app).post(`/calls/${token}/open`).type('form').send(panelToken === undefined ? {} : { panel_token: panelToken });
  const ownToken = (claims: object) => signJwt({ aud: 'panel', acc: account, stf: finance, scp: 'job', job: j1042, ...claims }, PANEL_KEY as unknown as string);

  it('the job panel HTML carries a plain form per call, outside the hydrated panel, with the panel token', async () => {
    const { html, boot } = await openPanel(rt, { jobUuid: j1042, staff: finance });
    const after = html.slice(html.indexOf('</main>'));
    expect(after).toContain(`action="http://addon.test/calls/${call.linkToken}/open"`);
    expect(after).toContain(`name="panel_token" value="${boot.token}"`);
    expect(after).toMatch(/target="_blank"/);
    expect(after).not.toContain(call.id);
  });

  it('a post with the panel token signs the new tab in and shows the call; the link is audited', async () => {
    const { boot } = await openPanel(rt, { jobUuid: j1042, staff: finance });
    const posted = await open(call.linkToken, boot.token);
    expect(posted.status).toBe(303);
    const url = new URL(posted.headers.location!, 'http://addon.test');
    expect(url.pathname).toBe(`/calls/${call.linkToken}`);
    expect(url.searchParams.get('sign')).toBeTruthy();
    const signedIn = await request(rt.app).get(url.pathname + url.search);
    expect(signedIn.status).toBe(303);
    const cookie = (signedIn.headers['set-cookie'] as unknown as string[])[0]!.split(';')[0]!;
    const page = await request(rt.app).get(`/calls/${call.linkToken}`).set('cookie', cookie);
    expect(page.status).toBe(200);
    expect(page.text).toContain(call.outcome.summary!.slice(0, 30));
    const issued = (await rt.deps.store.audit.listForCall(account, call.id)).filter((e) => e.action === 'call.link_issued');
    expect(issued.some((e) => (e.detail as { via?: string }).via === 'panel_form')).toBe(true);
  });

  it('refuses a tampered, expired or missing panel token, and a token for another job', async () => {
    const now = rt.deps.clock();
    const { boot } = await openPanel(rt, { jobUuid: j1042, staff: finance });
    const tampered = `${boot.token.slice(0, -3)}${boot.token.slice(-3) === 'AAA' ? 'BBB' : 'AAA'}`;
    for (const bad of [tampered, ownToken({ iat: sec(now) - 3600, exp: sec(now) - 2700 })]) {
      const res = await open(call.linkToken, bad);
      expect(res.status).toBe(401);
      expect(res.headers.location).toBeUndefined();
      expect(res.text).not.toContain(call.outcome.summary!.slice(0, 30));
    }
    expect((await open(call.linkToken)).status).toBe(404);
    const otherJob = ownToken({ job: SEED.jobs.j1047.uuid, iat: sec(now), exp: sec(now) + 600 });
    const res = await open(call.linkToken, otherJob);
    expect(res.status).toBe(404);
    expect(res.headers.location).toBeUndefined();
    expect((await open('not-a-link-token', boot.token)).status).toBe(404);
  });
});
