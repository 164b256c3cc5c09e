import { describe, expect, it } from 'vitest';
import { parseDelivery } from '../../server/dialnexa/envelopes.js';
import { readIntent, readMoney } from '../../server/dialnexa/parse-analysis.js';
import { readBoolean, readIsoDate } from '../../server/dialnexa/parse-values.js';
import { readTranscript } from '../../server/dialnexa/parse-call.js';
import { toE164 } from '../../server/dialnexa/phone.js';
import type { CallAnalysis } from '../../server/domain/call-outcome.js';

const ctx = { defaultRegion: 'AU', defaultCurrency: 'AUD' };

function analysisOf(postCallAnalysis: unknown): CallAnalysis | undefined {
  const r = parseDelivery({ event_type: 'call_ended', payload: { call: { id: 'call_v1', status: 'completed', post_call_analysis: postCallAnalysis } } }, ctx);
  if (!r.ok) throw new Error('expected ok');
  return r.outcome.analysis;
}

describe('amounts → decimal strings', () => {
  it.each([
    [349.5, '349.50'], ['349.5', '349.50'], [349, '349.00'], ['$1,234.5', '1234.50'], [0.1 + 0.2, '0.30'],
    ['AUD 349', '349.00'], ['349.50 AUD', '349.50'], ['A$89.95', '89.95'], [' 12 ', '12.00'], ['-20', '-20.00'],
  ])('%j → %s', (amount, expected) => {
    expect(analysisOf({ intent: 'refund_request', amount })?.amount?.amount).toBe(expected);
  });

  it.each([['three hundred'], [Number.NaN], [Number.POSITIVE_INFINITY], ['Infinity'], ['NaN'], [{}], [[349]], [true], ['1'.repeat(200_000)], [1e300], ['']])(
    'invalid %# → amount undefined, rest of the analysis kept, delivery still ok',
    (amount) => {
      const a = analysisOf({ intent: 'refund_request', amount, invoice_number: '1042' });
      expect(a?.amount).toBeUndefined();
      expect(a?.invoiceNumber).toBe('1042');
    },
  );

  it('currency: stated code uppercased, else one spoken in the amount, else the account default', () => {
    expect(readMoney(10, 'nzd', 'AUD')).toEqual({ amount: '10.00', currency: 'NZD' });
    expect(readMoney('10 usd', undefined, 'AUD')).toEqual({ amount: '10.00', currency: 'USD' });
    expect(readMoney(10, 'dollars', 'aud')).toEqual({ amount: '10.00', currency: 'AUD' });
    expect(readMoney(10, 7, 'AUD')).toEqual({ amount: '10.00', currency: 'AUD' });
  });
});

describe('phones → E.164', () => {
  it.each([
    ['61412345678', '+61412345678'], ['0412 345 678', '+61412345678'], ['+1 415 555 0134', '+14155550134'],
    ['+61412345678', '+61412345678'], ['(02) 9000 1234', '+61290001234'], [61412345678, '+61412345678'],
  ])('%j → %s', (input, expected) => {
    expect(toE164(input, 'AU')).toBe(expected);
  });

  it.each([['anonymous'], [''], ['+'], ['12'], ['0061412345678'], ['1'.repeat(500)], [null], [{}], [Number.NaN]])('%j → undefined', (input) => {
    expect(toE164(input, 'AU')).toBeUndefined();
  });

  it('an unsupported region still accepts international numbers and never throws', () => {
    expect(toE164('+61412345678', 'XX')).toBe('+61412345678');
    expect(toE164('0412 345 678', 'XX')).toBeUndefined();
  });
});

describe('intents and enums', () => {
  it.each([
    ['duplicate_charge', 'duplicate_charge'], ['Refund Request', 'refund_request'], ['document-resend', 'document_resend'],
    ['complaint_about_tech', 'other'], [7, 'other'], [{ x: 1 }, 'other'], [undefined, 'unknown'], [null, 'unknown'], ['  ', 'unknown'],
    ['unknown', 'unknown'],
  ])('intent %j → %s', (raw, expected) => {
    expect(readIntent(raw)).toBe(expected);
  });

  it('missing analysis object → no analysis; empty object → intent unknown, empty links', () => {
    expect(analysisOf(undefined)).toBeUndefined();
    expect(analysisOf([{ intent: 'dispute' }])).toBeUndefined();
    expect(analysisOf({})).toEqual({ intent: 'unknown', links: {} });
  });

  it('payment_status and document_kind are tolerant; unknown payment status → unknown, unknown document kind → absent', () => {
    expect(analysisOf({ payment_status: 'Partially Paid', document_kind: 'Tax Form' })).toMatchObject({ paymentStatus: 'partially_paid', documentKind: 'tax_form' });
    expect(analysisOf({ payment_status: 'declined', document_kind: 'payment link' })).toMatchObject({ paymentStatus: 'failed', documentKind: 'payment_link' });
    const a = analysisOf({ payment_status: 'who knows', document_kind: 'letter' });
    expect(a?.paymentStatus).toBe('unknown');
    expect(a?.documentKind).toBeUndefined();
  });

  it('booleans accept true/false/"true"/"yes"/1 and ignore anything else', () => {
    expect(analysisOf({ vip: 'yes', caller_verified: 1, sensitive_request: 'FALSE' })).toMatchObject({ vip: true, callerVerified: true, sensitiveRequest: false });
    for (const raw of [true, 'true', 'yes', 'Y', 1, '1']) expect(readBoolean(raw)).toBe(true);
    for (const raw of [false, 'false', 'no', 0, '0']) expect(readBoolean(raw)).toBe(false);
    for (const raw of ['maybe', 2, null, {}, []]) expect(readBoolean(raw)).toBeUndefined();
  });

  it('dates: ISO date or date-time kept as sent; impossible or free-text dates dropped', () => {
    expect(readIsoDate('2026-11-27')).toBe('2026-11-27');
    expect(readIsoDate('2026-11-27T17:00:00+11:00')).toBe('2026-11-27T17:00:00+11:00');
    expect(readIsoDate('2026-02-30')).toBeUndefined();
    expect(readIsoDate('next Tuesday')).toBeUndefined();
    expect(analysisOf({ due_date: '2026-12-01', follow_up_deadline: 'Friday' })).toMatchObject({ dueDate: '2026-12-01' });
  });

  it('job change, recipient phone, links and numbers-as-strings', () => {
    const a = analysisOf({
      job_change_old_value: '2 Smith St', job_change_new_value: '4 Smith St', job_number: 1057, intent_confidence: '0.8',
      document_recipient_phone: '0491 570 006', support_ticket_url: 'https://help.example.com/t/1', payment_platform_url: 'javascript:alert(1)',
    });
    expect(a).toMatchObject({
      jobChange: { field: 'unspecified', oldValue: '2 Smith St', newValue: '4 Smith St' }, jobNumber: '1057', intentConfidence: 0.8,
      documentRecipientPhone: '+61491570006', links: { supportTicket: 'https://help.example.com/t/1' },
    });
    expect(a?.links.paymentPlatform).toBeUndefined();
  });
});

describe('transcripts', () => {
  it('string kept; array joined; unknown roles become Speaker; non-text turns skipped', () => {
    expect(readTranscript('Agent: hi\nUser: hello')).toBe('Agent: hi\nUser: hello');
    expect(readTranscript([{ role: 'bot', content: 'a' }, { speaker: 'customer', text: 'b' }, { role: 'narrator', content: 'c' }, { role: 'user' }, 5, null])).toBe(
      'Agent: a\nUser: b\nSpeaker: c',
    );
    expect(readTranscript({ role: 'agent', content: 'x' })).toBeUndefined();
    expect(readTranscript([])).toBeUndefined();
  });

  it('huge strings are truncated to 200 000 characters', () => {
    expect(readTranscript('x'.repeat(300_000))?.length).toBe(200_000);
    const turns = Array.from({ length: 5000 }, () => ({ role: 'user', content: 'y'.repeat(100) }));
    expect(readTranscript(turns)?.length).toBeLessThanOrEqual(200_000);
  });
});
