import { describe, expect, it } from 'vitest';
import { SEED } from '../../server/sandbox/seed.js';
import { sendCapability } from '../../server/sends/send-capability.js';
import { sendLogCsv } from '../../server/sends/send-log-csv.js';
import type { SendRecord } from '../../server/store/send-repo.js';
import { useRuntime } from '../helpers/make-deps.js';
import { api, openPanel } from '../helpers/panel.js';

describe('send settings in the review canvas', async () => {
  const rt = await useRuntime();
  const canvas = () => openPanel(rt, { staff: SEED.staff.finance.uuid, event: 'dialnexa_billing_review' });

  it('defaults to a person confirming; saves automatic sends and an https payment link; refuses anything else', async () => {
    const { boot } = await canvas();
    const view = (await api(rt, boot.token).get('/review')).body;
    expect(view.settings.sendMode).toBe('person');
    expect(view.sends).toEqual([]);
    const saved = await api(rt, boot.token).put('/settings', { ...view.settings, sendMode: 'automatic', paymentLinkUrl: 'https://pay.example/x' });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ sendMode: 'automatic', paymentLinkUrl: 'https://pay.example/x' });
    const bad = await api(rt, boot.token).put('/settings', { ...view.settings, paymentLinkUrl: 'http://pay.example/x' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('paymentLinkUrl');
    expect((await api(rt, boot.token).put('/settings', { ...view.settings, sendMode: 'always' })).status).toBe(400);
    const card = await api(rt, boot.token).put('/settings', { ...view.settings, paymentLinkUrl: 'https://pay.example/?card=4111-1111-1111-1111' });
    expect(card.status).toBe(400);
    expect(JSON.stringify(card.body)).not.toContain('4111');
  });
});

describe('who can send', () => {
  it('only an OAuth token with the scope of the channel', () => {
    expect(sendCapability({ kind: 'apiKey', apiKey: 'k' }, 'email')).toMatchObject({ mode: 'person', why: expect.stringContaining('API key') });
    const oauth = (scope: string) => ({ kind: 'oauth' as const, accessToken: 't', refreshToken: 'r', expiresAt: '2999-01-01T00:00:00Z', scope });
    expect(sendCapability(oauth('read_jobs publish_sms'), 'email')).toMatchObject({ mode: 'person', why: expect.stringContaining('publish_email') });
    expect(sendCapability(oauth('read_jobs publish_sms'), 'sms').mode).toBe('addon');
    expect(sendCapability(undefined, 'sms').mode).toBe('person');
  });
});

describe('send log CSV', () => {
  it('quotes every field and defuses spreadsheet formulas', () => {
    const row = { confirmedAt: '2026-12-04T03:00:00Z', callId: 'c1', jobUuid: 'j1', kind: 'invoice', reference: 'invoice 1042', channel: 'email',
      recipientMasked: 'a•••@x.example', recipientWho: 'the billing contact', why: '=HYPERLINK("http://evil")', callerWords: 'said "hi"',
      mode: 'addon', status: 'sent', confirmedBy: 'Sam', messageId: 'm1' } as unknown as SendRecord;
    const csv = sendLogCsv([row], () => [{ id: 1, accountUuid: 'a', actor: 'staff:s', action: 'send.confirmed', detail: {}, at: '2026-12-04T03:00:00Z' }]);
    const [, line] = csv.split('\r\n');
    expect(line).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(line).toContain('"said ""hi"""');
    expect(line).toContain('"2026-12-04T03:00:00Z send.confirmed by staff:s"');
  });
});
