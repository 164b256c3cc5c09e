import { createHmac, randomBytes } from 'node:crypto';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { SEED } from '../../server/sandbox/seed.js';
import { engines } from '../helpers/databases.js';
import { useRuntime } from '../helpers/make-deps.js';
import { callEnded, deliver } from '../helpers/deliver.js';
import { sendSample, settle, written } from '../helpers/pipeline.js';
import { api, openPanel } from '../helpers/panel.js';
import { signJwt } from '../helpers/sign.js';

// The test signs with its own node:crypto, never the server's verifier: the master key is ours, and the
// panel key is derived from it the way the server documents (HMAC-SHA256 over "panel-token-v1").
const MASTER = randomBytes(32);
const PANEL_KEY = createHmac('sha256', MASTER).update('panel-token-v1').digest();
const sec = (d = new Date()) => Math.floor(d.getTime() / 1000);
const signWith = (claims: object, opts: { alg?: string } = {}) => signJwt(claims, PANEL_KEY as unknown as string, opts);
const signInLink = (c: { acc: string; stf: string; cal: string; exp?: number; aud?: string }) => signWith({ aud: 'call-link', iat: sec(), exp: sec() + 300, ...c });
const COOKIE = '__Secure-sm8_call_session';
const cookieOf = (res: request.Response) => (res.headers['set-cookie'] as unknown as string[] | undefined)?.find((c) => c.startsWith(`${COOKIE}=`));
const cookieValue = (setCookie: string) => setCookie.split(';')[0]!;

describe.each(engines)('call links on %s (issue 15, item 4)', async (engine) => {
  const rt = await useRuntime({ engine, env: { ENCRYPTION_KEY: MASTER.toString('base64') } });
  const account = rt.sandbox!.accountUuid;
  const finance = SEED.staff.finance.uuid;
  const j1042 = SEED.jobs.j1042.uuid;
  await sendSample(rt, 'duplicate-charge-1042', 'call_link_dup');
  // A call whose transcript reads card and bank details as digits: the page must show none of them.
  const raw = callEnded('call_link_digits', {
    transcript: 'User: my card is 4111 1111 1111 1111, expiry 12/29, security code 737.\nUser: Or take it from BSB 062-000 account 1234 5678.\nAgent: Please do not read card details.',
  }, { intent: 'billing_question' });
  expect((await deliver(rt.app, rt.sandbox!.connectionId, rt.sandbox!.webhookSecret, raw)).status).toBe(200);
  await settle(rt);
  const call = (await rt.deps.store.calls.getByProviderId(account, 'call_link_dup'))!;
  const digits = (await rt.deps.store.calls.getByProviderId(account, 'call_link_digits'))!;

  /** The panel's way in: ask the panel API for a link, follow it, keep the cookie. */
  const signIn = async (staff = finance) => {
    const { boot } = await openPanel(rt, { jobUuid: j1042, staff });
    const issued = await api(rt, boot.token).post(`/calls/${call.id}/link`, {});
    expect(issued.status).toBe(200);
    const url = new URL(issued.body.url);
    const res = await request(rt.app).get(url.pathname + url.search);
    return { issued, res, cookie: cookieOf(res) };
  };
  const page = (token: string, cookie?: string) => {
    const r = request(rt.app).get(`/calls/${token}`);
    return cookie ? r.set('cookie', cookie) : r;
  };
  const views = async (c = call) => (await rt.deps.store.audit.listForCall(account, c.id)).filter((e) => e.action === 'call.viewed');
  const callData = (html: string) => [call.outcome.summary!.slice(0, 40), 'Dana Whitfield', call.providerCallId, 'Transcript', 'Audit trail'].filter((s) => html.includes(s));

  it('the job note links the call by its random token, not its row id', () => {
    const notes = written(rt).notesOn(j1042).map((n) => String(n.note)).filter((n) => n.includes(call.linkToken));
    expect(notes.length).toBeGreaterThan(0);
    expect(notes[0]).toContain(`Call: http://addon.test/calls/${call.linkToken}`);
    for (const n of written(rt).notes) expect(String(n.note)).not.toContain(call.id);
    expect(call.linkToken).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it('a stranger gets 404 with no call data, the same page as for a token that does not exist', async () => {
    const res = await page(call.linkToken);
    expect(res.status).toBe(404);
    expect(callData(res.text)).toEqual([]);
    expect(res.text).toMatch(/job card/);
    const none = await page('AAAAAAAAAAAAAAAAAAAAAA');
    expect(none.status).toBe(404);
    expect(none.text).toBe(res.text);
    expect((await page(call.id)).status).toBe(404); // the row id is not a link
    expect(await views()).toHaveLength(0);
  });

  it('the panel issues a short-lived link that signs in with a HttpOnly, Secure, SameSite=Lax session cookie', async () => {
    const { issued, res, cookie } = await signIn();
    expect(issued.body.url).toMatch(new RegExp(`^http://addon\\.test/calls/${call.linkToken}\\?sign=`));
    expect(issued.body.expiresInSeconds).toBeLessThanOrEqual(300);
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(`/calls/${call.linkToken}`);
    expect(cookie).toBeDefined();
    const flags = cookie!.split(';').map((f) => f.trim().toLowerCase());
    expect(flags).toEqual(expect.arrayContaining(['httponly', 'secure', 'samesite=lax', 'path=/calls']));
    const maxAge = Number(flags.find((f) => f.startsWith('max-age='))!.split('=')[1]);
    expect(maxAge).toBeGreaterThan(0);
    expect(maxAge).toBeLessThanOrEqual(3600);
    expect(res.text).not.toContain(call.outcome.summary!.slice(0, 40));
  });

  it('logs neither the sign-in link, the session cookie nor the link token', async () => {
    const { issued, cookie } = await signIn();
    const sign = new URL(issued.body.url).searchParams.get('sign')!;
    await page(call.linkToken, cookieValue(cookie!));
    const logs = rt.logs.join('');
    expect(logs).toContain('"route":"/calls/:token"');
    for (const secret of [sign, cookieValue(cookie!).split('=')[1]!, call.linkToken]) expect(logs).not.toContain(secret);
  });

  it('a signed-in member sees the call: summary, transcript, decision, recording form and audit trail, with the strict CSP', async () => {
    const { cookie } = await signIn();
    const res = await page(call.linkToken, cookieValue(cookie!));
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.text).toContain(call.outcome.summary!.slice(0, 40));
    expect(res.text).toContain('Transcript');
    expect(res.text).toContain(call.decision!.headline.replace(/&/g, '&amp;').slice(0, 30));
    expect(res.text).toMatch(/<form method="post" action="\/calls\/[\w-]+\/recording"><input type="hidden" name="csrf" value="[\w-]+">/);
    expect(res.text).toContain('call.viewed');
    expect(res.text).toContain('Sam Okafor');
    expect(res.text).toContain('width=device-width');
    expect(res.text).not.toMatch(/<script/i);
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toMatch(/script-src 'self'/);
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  });

  it('writes every view to the audit trail: who and when', async () => {
    const before = (await views()).length;
    const { cookie } = await signIn();
    await page(call.linkToken, cookieValue(cookie!));
    await page(call.linkToken, cookieValue(cookie!));
    const after = await views();
    expect(after).toHaveLength(before + 2);
    for (const v of after.slice(before)) {
      expect(v.actor).toBe(`staff:${finance}`);
      expect(Date.parse(v.at)).toBeGreaterThan(Date.now() - 60_000);
    }
    expect((await rt.deps.store.audit.listForCall(account, call.id)).map((e) => e.action)).toContain('call.link_issued');
  });

  it('a signed-in staff member of another account gets 404 with no call data, and no view is written', async () => {
    const before = (await views()).length;
    const other = await request(rt.app).get(`/calls/${call.linkToken}?sign=${signInLink({ acc: 'acc-someone-else', stf: finance, cal: call.linkToken })}`);
    expect(other.status).toBe(303);
    const res = await page(call.linkToken, cookieValue(cookieOf(other)!));
    expect(res.status).toBe(404);
    expect(callData(res.text)).toEqual([]);
    expect(await views()).toHaveLength(before);
  });

  it('a link the test signed independently for this account signs in (the scheme is HS256 over the documented key)', async () => {
    const res = await request(rt.app).get(`/calls/${call.linkToken}?sign=${signInLink({ acc: account, stf: finance, cal: call.linkToken })}`);
    expect(res.status).toBe(303);
    expect((await page(call.linkToken, cookieValue(cookieOf(res)!))).status).toBe(200);
  });

  it('rejects tampered, expired, wrong-alg, other-call, panel-token and missing sign-in links: 401 or 404, no cookie, no data', async () => {
    const good = signInLink({ acc: account, stf: finance, cal: call.linkToken });
    const [h, p, s] = good.split('.') as [string, string, string];
    const forged = Buffer.from(JSON.stringify({ acc: account, stf: SEED.staff.plumber.uuid, cal: call.linkToken, aud: 'call-link', exp: sec() + 300 })).toString('base64url');
    const bad = {
      tamperedSignature: `${h}.${p}.${s.slice(0, -2)}${s.endsWith('AA') ? 'BB' : 'AA'}`,
      tamperedPayload: `${h}.${forged}.${s}`,
      expired: signInLink({ acc: account, stf: finance, cal: call.linkToken, exp: sec() - 10 }),
      otherKey: signJwt({ acc: account, stf: finance, cal: call.linkToken, aud: 'call-link', exp: sec() + 300 }, 'not-the-key'),
      hs512: signWith({ acc: account, stf: finance, cal: call.linkToken, aud: 'call-link', exp: sec() + 300 }, { alg: 'HS512' }),
      none: signWith({ acc: account, stf: finance, cal: call.linkToken, aud: 'call-link', exp: sec() + 300 }, { alg: 'none' }),
      otherCall: signInLink({ acc: account, stf: finance, cal: digits.linkToken }),
      panelToken: signWith({ acc: account, stf: finance, scp: 'job', job: j1042, aud: 'panel', exp: sec() + 300 }),
    };
    for (const [name, sign] of Object.entries(bad)) {
      const res = await request(rt.app).get(`/calls/${call.linkToken}?sign=${sign}`);
      expect(res.status, name).toBe(401);
      expect(cookieOf(res), name).toBeUndefined();
      expect(callData(res.text), name).toEqual([]);
    }
    const missing = await request(rt.app).get(`/calls/${call.linkToken}?sign=`);
    expect(missing.status).toBe(404);
    expect(cookieOf(missing)).toBeUndefined();
  });

  it('refuses tampered and expired session cookies (404, no data)', async () => {
    const { cookie } = await signIn();
    const value = cookieValue(cookie!);
    const tampered = `${value.slice(0, -3)}${value.endsWith('xyz') ? 'abc' : 'xyz'}`;
    const expired = `${COOKIE}=${signWith({ acc: account, stf: finance, sid: 'a'.repeat(22), aud: 'call-session', iat: sec() - 4000, exp: sec() - 10 })}`;
    const linkAsSession = `${COOKIE}=${signInLink({ acc: account, stf: finance, cal: call.linkToken })}`;
    for (const c of [tampered, expired, linkAsSession]) {
      const res = await page(call.linkToken, c);
      expect(res.status).toBe(404);
      expect(callData(res.text)).toEqual([]);
    }
  });

  it('the review canvas (account-wide) gets links for any call of its account', async () => {
    const { boot } = await openPanel(rt, { staff: finance, event: 'dialnexa_billing_review' });
    const issued = await api(rt, boot.token).post(`/calls/${digits.id}/link`, {});
    expect(issued.status).toBe(200);
    expect(issued.body.url).toContain(`/calls/${digits.linkToken}?sign=`);
  });

  it('a job panel gets links only for calls on its job', async () => {
    const { boot } = await openPanel(rt, { jobUuid: SEED.jobs.j1039.uuid, staff: finance });
    expect((await api(rt, boot.token).post(`/calls/${call.id}/link`, {})).status).toBe(404);
    expect((await request(rt.app).post(`/api/panel/calls/${call.id}/link`).send({})).status).toBe(401);
  });

  it('the recording form needs the CSRF token of this session; with it the recording link is fetched and audited', async () => {
    const { cookie } = await signIn();
    const c = cookieValue(cookie!);
    const html = (await page(call.linkToken, c)).text;
    const csrf = /name="csrf" value="([\w-]+)"/.exec(html)![1]!;
    const post = (body: string, withCookie = c) => request(rt.app).post(`/calls/${call.linkToken}/recording`).set('cookie', withCookie).type('form').send(body);
    expect((await post('')).status).toBe(403);
    expect((await post('csrf=not-the-token')).status).toBe(403);
    const otherSession = cookieValue((await signIn()).cookie!);
    expect((await post(`csrf=${csrf}`, otherSession)).status).toBe(403); // tied to the session, not only the user
    expect((await request(rt.app).post(`/calls/${call.linkToken}/recording`).type('form').send(`csrf=${csrf}`)).status).toBe(404);
    const before = (await rt.deps.store.audit.listForCall(account, call.id)).filter((e) => e.action === 'call.recording_requested').length;
    const ok = await post(`csrf=${csrf}`);
    expect(ok.status).toBe(200);
    expect(ok.text).toMatch(/href="https:\/\/recordings\.dialnexa\.example\/call_link_dup\.mp3\?/);
    const after = (await rt.deps.store.audit.listForCall(account, call.id)).filter((e) => e.action === 'call.recording_requested');
    expect(after).toHaveLength(before + 1);
    expect(after.at(-1)!.actor).toBe(`staff:${finance}`);
  });

  it('leak scan: the page of calls that read card and bank details aloud holds none of them', async () => {
    const sign = (t: string) => signInLink({ acc: account, stf: finance, cal: t });
    for (const c of [call, digits]) {
      const res = await request(rt.app).get(`/calls/${c.linkToken}?sign=${sign(c.linkToken)}`);
      const html = (await page(c.linkToken, cookieValue(cookieOf(res)!))).text;
      expect(html).toContain('Transcript');
      // Timestamps, the link token and the CSRF token are random or clock digits, not call content: left out of the scan.
      const flat = html.replace(/<time[^>]*>[^<]*<\/time>/g, '').replace(/\/calls\/[\w-]+/g, '').replace(/value="[^"]*"/g, '').replace(/[\s-]/g, '');
      for (const secret of ['4111111111111111', '41111111', '12/29', '737', '062000', '12345678']) expect(flat, `${c.providerCallId}: ${secret}`).not.toContain(secret);
      expect(html.toLowerCase()).not.toContain('four one one one');
      expect(html.toLowerCase()).not.toContain('one two three');
    }
  });
});
