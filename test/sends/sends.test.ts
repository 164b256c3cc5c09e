import { describe, expect, it } from 'vitest';
import { MESSAGING_SCOPES, OAUTH_SCOPES } from '../../server/servicem8/manifest.js';
import { signPanelToken } from '../../server/panel/session-token.js';
import { SEED } from '../../server/sandbox/seed.js';
import { COASTAL_SEED, createCoastalSeedData } from '../../server/sandbox/servicem8/seed-coastal.js';
import type { SampleCallOptions } from '../../server/sandbox/sample-calls.js';
import { engines } from '../helpers/databases.js';
import { useRuntime } from '../helpers/make-deps.js';
import { api, openPanel } from '../helpers/panel.js';
import { sendSample, settle, written } from '../helpers/pipeline.js';
import { seededRandom } from '../helpers/servicem8-sim.js';

const J1042 = SEED.jobs.j1042.uuid;
const FINANCE = SEED.staff.finance.uuid;
const ON_FILE = 'accounts@natarajan-supplies.example';
const MASKED = 'a•••@natarajan-supplies.example';
const LINK = 'https://pay.harbourside-pe.example/invoice';

describe.each(engines)('document sends against the simulator on %s (issue 14)', async (engine) => {
  const rt = await useRuntime({ engine, maxAttempts: 40 });
  const account = rt.sandbox!.accountUuid;
  const sim = rt.sandbox!.servicem8;
  const oauth = (scope: readonly string[]) => rt.deps.store.accounts.saveCredentials(account, {
    kind: 'oauth', accessToken: SEED.bearerToken, refreshToken: 'r', expiresAt: '2999-01-01T00:00:00.000Z', scope: scope.join(' '),
  });
  const settings = async (over: object) => rt.deps.store.accounts.saveSettings(account, { ...(await rt.deps.store.accounts.get(account))!.settings, ...over });
  await settings({ paymentLinkUrl: LINK });

  async function resendCall(id: string, resend: SampleCallOptions['resend'] = {}) {
    await sendSample(rt, 'resend-invoice-on-file', id, { resend });
    await settle(rt);
    return (await rt.deps.store.calls.getByProviderId(account, id))!;
  }
  const panel = async () => api(rt, (await openPanel(rt, { jobUuid: J1042, staff: FINANCE })).boot.token);
  const sentFor = (callId: string) => sim.sent.filter((m) => m.idempotencyKey?.includes(`:${callId}:`));
  const sendOf = async (callId: string) => (await (await panel()).get('/job')).body.calls.find((c: { providerCallId: string }) => c.providerCallId === callId)?.send;

  it('on file → proposed; confirmed with a double tap and a retried request → sent exactly once, logged, noted', async () => {
    const call = await resendCall('call_send_once');
    const view = await sendOf('call_send_once');
    expect(view).toMatchObject({ state: 'proposed', title: 'Invoice 1042 by email', to: `${MASKED} (the billing contact on the job)`, action: { by: 'addon' } });
    const p = await panel();
    const body = { by: 'addon', requestId: 'send-tap-00001' };
    const [a, b] = await Promise.all([p.post(`/calls/${call.id}/send`, body), p.post(`/calls/${call.id}/send`, { ...body, requestId: 'send-tap-00002' })]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect((await p.post(`/calls/${call.id}/send`, body)).status).toBe(200);
    await settle(rt);
    expect(sentFor('call_send_once')).toHaveLength(1);
    expect(sentFor('call_send_once')[0]).toMatchObject({ to: ON_FILE, channel: 'email', attachments: [SEED.attachments.j1042Invoice], regardingJobUuid: J1042 });
    const [row] = await rt.deps.store.sends.listForCall(account, call.id);
    expect(row).toMatchObject({ status: 'sent', mode: 'addon', recipientMasked: MASKED, kind: 'invoice', reference: 'invoice 1042', channel: 'email', confirmedBy: 'Sam Okafor' });
    expect(row!.messageId).toBe(sentFor('call_send_once')[0]!.messageUuid);
    expect(await rt.deps.store.sends.listForCall(account, call.id)).toHaveLength(1);
    const notes = written(rt).notesOn(J1042).filter((n) => String(n.note).includes(call.linkToken) && /through the add-on/.test(String(n.note)));
    expect(notes).toHaveLength(1);
    expect(String(notes[0]!.note)).toContain(MASKED);
    const actions = (await rt.deps.store.audit.listForCall(account, call.id)).map((e) => e.action);
    expect(actions.filter((x) => x === 'send.confirmed')).toHaveLength(1);
    expect(actions).toContain('send.sent');
    expect((await sendOf('call_send_once')).log[0]).toMatchObject({ to: `${MASKED} (the billing contact on the job)`, status: 'sent' });
  });

  it('30 % injected failures and dropped responses: every confirmed send goes out exactly once', async () => {
    const ids = Array.from({ length: 10 }, (_, i) => `call_send_chaos_${i}`);
    const calls = [];
    for (const id of ids) calls.push(await resendCall(id));
    const p = await panel();
    for (const call of calls) expect((await p.post(`/calls/${call.id}/send`, { by: 'addon', requestId: `chaos-${call.id}` })).status).toBe(200);
    sim.setFaults({ failureRate: 0.3, dropAfterWriteRate: 0.3, random: seededRandom(1414) });
    try {
      await settle(rt, 60_000);
    } finally {
      sim.setFaults({});
    }
    const faulted = sim.count({ path: '/platform_service_email', fault: 'failure' }) + sim.count({ path: '/platform_service_email', fault: 'drop' });
    console.info(`[sends] ${ids.length} sends under 30 % failures + 30 % drops: ${faulted} faulted attempts, ${sim.sent.filter((m) => m.idempotencyKey?.includes(':call_send_chaos_')).length} messages sent`);
    expect(faulted).toBeGreaterThan(2);
    for (const id of ids) {
      expect(sentFor(id), id).toHaveLength(1);
      const call = (await rt.deps.store.calls.getByProviderId(account, id))!;
      expect((await rt.deps.store.sends.listForCall(account, call.id)).map((s) => s.status)).toEqual(['sent']);
    }
  });

  it('a job without an invoice document in its diary: the send fails for a person to see; nothing is sent', async () => {
    const call = await resendCall('call_send_noinvoice');
    const invoice = sim.data().attachment.find((a) => a.uuid === SEED.attachments.j1042Invoice)!;
    sim.put('attachment', { ...invoice, active: 0 });
    try {
      expect((await (await panel()).post(`/calls/${call.id}/send`, { by: 'addon', requestId: 'send-noinvoice-1' })).status).toBe(200);
      await settle(rt);
    } finally {
      sim.put('attachment', { ...invoice, active: 1 });
    }
    expect(sentFor('call_send_noinvoice')).toHaveLength(0);
    const [row] = await rt.deps.store.sends.listForCall(account, call.id);
    expect(row).toMatchObject({ status: 'failed', responseMessage: expect.stringContaining('no invoice document') });
    expect((await rt.deps.store.reviews.listForCall(account, call.id)).map((r) => r.reason)).toContain('delivery_failed');
    expect((await sendOf('call_send_noinvoice')).log[0]).toMatchObject({ status: 'failed' });
  });

  it('recipient not on file → review, requested masked beside those on file; nothing sent', async () => {
    const call = await resendCall('call_send_notonfile', { email: 'jane.doe@example.net' });
    const view = await sendOf('call_send_notonfile');
    expect(view).toMatchObject({ state: 'review', requested: 'j•••@example.net', onFile: expect.arrayContaining([MASKED]) });
    expect(view.action).toBeUndefined();
    expect((await (await panel()).post(`/calls/${call.id}/send`, { by: 'addon', requestId: 'send-notonfile-1' })).status).toBe(409);
    await settle(rt);
    expect(sentFor('call_send_notonfile')).toHaveLength(0);
    expect((await rt.deps.store.reviews.listForCall(account, call.id)).map((r) => r.reason)).toContain('recipient_not_on_file');
  });

  it('unverified caller asking for a payment link → review; nothing sent', async () => {
    const call = await resendCall('call_send_paylink_unverified', { kind: 'Payment Link', verified: false });
    expect(await sendOf('call_send_paylink_unverified')).toMatchObject({ state: 'review' });
    expect((await (await panel()).post(`/calls/${call.id}/send`, { by: 'addon', requestId: 'send-paylink-01' })).status).toBe(409);
    await settle(rt);
    expect(sentFor('call_send_paylink_unverified')).toHaveLength(0);
  });

  it('missing scope → the panel says what to send from ServiceM8; the person\'s confirmation is logged; nothing sent', async () => {
    await oauth(OAUTH_SCOPES);
    try {
      const call = await resendCall('call_send_noscope');
      const view = await sendOf('call_send_noscope');
      expect(view.action.by).toBe('person');
      expect(view.action.instructions).toMatch(/publish_email.*In ServiceM8, open job 1042, choose Invoice → Email, send it to the billing contact on the job \(a•••@/);
      const p = await panel();
      expect((await p.post(`/calls/${call.id}/send`, { by: 'addon', requestId: 'send-noscope-01' })).status).toBe(409);
      expect((await p.post(`/calls/${call.id}/send`, { by: 'person', requestId: 'send-noscope-02' })).status).toBe(200);
      await settle(rt);
      expect(sentFor('call_send_noscope')).toHaveLength(0);
      expect(sim.count({ path: '/platform_service_email' }) - sim.sent.length).toBeGreaterThanOrEqual(0);
      const [row] = await rt.deps.store.sends.listForCall(account, call.id);
      expect(row).toMatchObject({ status: 'done_by_person', mode: 'person', confirmedBy: 'Sam Okafor' });
      expect((await rt.deps.store.audit.listForCall(account, call.id)).map((e) => e.action)).toContain('send.done_by_person');
      const note = written(rt).notesOn(J1042).find((n) => String(n.note).includes(call.linkToken) && /by a person/.test(String(n.note)));
      expect(String(note?.note)).toContain(MASKED);
    } finally {
      await oauth([...OAUTH_SCOPES, ...MESSAGING_SCOPES]);
    }
  });

  it('API-key mode → instructions naming the API key; nothing sent', async () => {
    await rt.deps.store.accounts.saveCredentials(account, { kind: 'apiKey', apiKey: SEED.apiKey });
    try {
      await resendCall('call_send_apikey');
      expect((await sendOf('call_send_apikey')).action).toMatchObject({ by: 'person', instructions: expect.stringMatching(/API key/) });
      expect(sentFor('call_send_apikey')).toHaveLength(0);
    } finally {
      await oauth([...OAUTH_SCOPES, ...MESSAGING_SCOPES]);
    }
  });

  it('an account that reviews everything: the send waits, is never automatic, and a person\'s tap sends it once', async () => {
    await settings({ automationMode: 'review_everything', sendMode: 'automatic' });
    try {
      const call = await resendCall('call_send_reviewall');
      expect(sentFor('call_send_reviewall')).toHaveLength(0);
      const view = await sendOf('call_send_reviewall');
      expect(view).toMatchObject({ state: 'review', action: { by: 'addon' }, why: expect.stringContaining('confirm every step') });
      expect((await (await panel()).post(`/calls/${call.id}/send`, { by: 'addon', requestId: 'send-reviewall-1' })).status).toBe(200);
      await settle(rt);
      expect(sentFor('call_send_reviewall')).toHaveLength(1);
    } finally {
      await settings({ automationMode: 'automatic_confident', sendMode: 'person' });
    }
  });

  it('settings sendMode automatic: a verified payment-link call is sent by SMS without a tap; an unverified one waits', async () => {
    await settings({ sendMode: 'automatic' });
    try {
      await resendCall('call_send_auto', { kind: 'Payment Link', verified: true });
      await settle(rt);
      const [sms] = sentFor('call_send_auto');
      expect(sms).toMatchObject({ channel: 'sms', to: '+61491570156' });
      expect(sms!.body).toContain(LINK);
      await resendCall('call_send_auto_unverified', { kind: 'Payment Link', verified: false });
      expect(sentFor('call_send_auto_unverified')).toHaveLength(0);
    } finally {
      await settings({ sendMode: 'person' });
    }
  });

  it('exports the send log as CSV with its audit trail, account-scoped (another account\'s token gets 404)', async () => {
    const { boot } = await openPanel(rt, { staff: FINANCE, event: 'dialnexa_billing_review' });
    const csv = await api(rt, boot.token).get('/sends.csv');
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.text.split('\r\n')[0]).toContain('"audit_trail"');
    expect(csv.text).toContain(MASKED);
    expect(csv.text).toMatch(/send\.confirmed by staff:/);
    expect(csv.text).not.toContain(ON_FILE);
    const call = (await rt.deps.store.calls.getByProviderId(account, 'call_send_once'))!;
    expect((await api(rt, boot.token).get(`/sends.csv?call=${call.id}`)).text.trim().split('\r\n')).toHaveLength(2);
    sim.addAccount(createCoastalSeedData());
    await rt.deps.store.accounts.upsert(COASTAL_SEED.vendor.uuid, 'Coastal');
    const other = signPanelToken({ accountUuid: COASTAL_SEED.vendor.uuid, staffUuid: 'staff-x', scope: 'account' }, rt.deps.panelKey, new Date());
    expect((await api(rt, other).get(`/sends.csv?call=${call.id}`)).status).toBe(404);
    expect((await api(rt, other).get('/sends.csv')).text).not.toContain(MASKED);
  });

  it('leak scan: no full recipient address in notes, tasks, logs, panel HTML or JSON; no card data in a send', async () => {
    const { html, boot } = await openPanel(rt, { jobUuid: J1042, staff: FINANCE });
    const view = JSON.stringify((await api(rt, boot.token).get('/job')).body);
    const review = JSON.stringify((await api(rt, (await openPanel(rt, { staff: FINANCE, event: 'dialnexa_billing_review' })).boot.token).get('/review')).body);
    const w = written(rt);
    // At rest: the send log holds the address sealed only; no other table holds it at all.
    const tables = ['document_sends', 'outbox', 'audit_events', 'calls', 'review_items'] as const;
    const rows: Record<string, string> = {};
    for (const t of tables) rows[`db:${t}`] = JSON.stringify(await rt.tdb.db.selectFrom(t).selectAll().execute());
    expect(rows['db:document_sends']).toContain('v1.');
    const sinks = { notes: JSON.stringify(w.notes), tasks: JSON.stringify(w.tasks), logs: rt.logs.join('\n'), html, view, review, ...rows };
    for (const [name, text] of Object.entries(sinks)) {
      expect(text.toLowerCase(), name).not.toContain(ON_FILE);
      // The address a caller asked for stays in the call as DialNexa sent it (calls.outcome_json); nowhere else.
      if (name !== 'db:calls') expect(text, name).not.toContain('jane.doe@example.net');
    }
    const sendNotes = w.notes.map((n) => String(n.note)).filter((n) => /sent by (email|SMS)/.test(n));
    expect(sendNotes.length).toBeGreaterThan(0);
    for (const n of sendNotes) expect(n).not.toMatch(/\+?61\s?491\s?570\s?156|0491 570 156/);
    expect(sim.sent.length).toBeGreaterThan(0);
    for (const m of sim.sent) {
      const text = `${m.subject ?? ''} ${m.body}`;
      expect(text).not.toMatch(/\d[\d -]{11,}\d/);
      expect(text).not.toMatch(/\b(cvv|cvc|security code|expiry|card number)\b/i);
    }
  });
});
