import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDelivery } from '../../server/dialnexa/envelopes.js';
import { SAMPLE_CALLS, SAMPLE_PHONES } from '../../server/sandbox/sample-calls.js';
import type { CallOutcome } from '../../server/domain/call-outcome.js';

const NOW = new Date('2026-11-25T03:15:00Z');
const ctx = { defaultRegion: 'AU', defaultCurrency: 'AUD' };

function parse(id: string, options?: Parameters<(typeof SAMPLE_CALLS)[number]['build']>[2]): CallOutcome {
  const sample = SAMPLE_CALLS.find((s) => s.id === id);
  if (!sample) throw new Error(`no sample ${id}`);
  const r = parseDelivery(sample.build(`call_${id}`, NOW, options), ctx);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.outcome;
}

describe('SAMPLE_CALLS', () => {
  it('has 6–8 scenarios with unique kebab-case ids, titles and descriptions', () => {
    expect(SAMPLE_CALLS.length).toBeGreaterThanOrEqual(6);
    expect(SAMPLE_CALLS.length).toBeLessThanOrEqual(12);
    expect(new Set(SAMPLE_CALLS.map((s) => s.id)).size).toBe(SAMPLE_CALLS.length);
    for (const s of SAMPLE_CALLS) {
      expect(s.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(s.title.length).toBeGreaterThan(5);
      expect(s.description.length).toBeGreaterThan(20);
    }
  });

  it('every scenario is a deterministic, parseable envelope-A call_ended', () => {
    for (const s of SAMPLE_CALLS) {
      const body = s.build('call_x1', NOW);
      expect(body).toEqual(s.build('call_x1', NOW));
      expect(body.event_type).toBe('call_ended');
      const r = parseDelivery(body, ctx);
      expect(r.ok && r.outcome).toMatchObject({ kind: 'outcome', providerCallId: 'call_x1' });
    }
  });

  it('every phone number is valid E.164 once parsed', () => {
    for (const s of SAMPLE_CALLS) {
      const o = parse(s.id);
      expect(o.fromNumber).toMatch(/^\+61\d{9}$/);
      expect(o.toNumber).toMatch(/^\+61\d{9}$/);
    }
    expect(Object.keys(SAMPLE_PHONES)).toContain('job1042Client');
  });

  it('duplicate charge: job-1042 client, invoice 1042, AUD 349.00, spoken TEST card and CVV in the transcript', () => {
    const o = parse('duplicate-charge-1042');
    expect(o.fromNumber).toBe('+61491570156');
    expect(o.analysis).toMatchObject({ intent: 'duplicate_charge', invoiceNumber: '1042', amount: { amount: '349.00', currency: 'AUD' }, callerVerified: true });
    expect(o.transcript).toContain('four one one one, one one one one, one one one one, one one one one');
    expect(o.transcript).toContain('code on the back is one two three');
    expect(o.hasRecording).toBe(true);
  });

  it('options override the caller number and invoice number', () => {
    const o = parse('duplicate-charge-1042', { customerNumber: '0491 570 110', invoiceNumber: '2001' });
    expect(o.fromNumber).toBe('+61491570110');
    expect(o.analysis?.invoiceNumber).toBe('2001');
  });

  it('each scenario exercises what its description promises', () => {
    expect(parse('refund-under-threshold').analysis).toMatchObject({ intent: 'refund_request', amount: { amount: '89.50' }, callerVerified: true });
    expect(parse('refund-over-threshold').analysis).toMatchObject({ intent: 'refund_request', amount: { amount: '1850.00', currency: 'AUD' } });
    expect(parse('resend-invoice-new-email').analysis).toMatchObject({ intent: 'document_resend', documentKind: 'invoice', documentRecipientEmail: 'strata.manager@example.com', sensitiveRequest: true });
    expect(parse('unknown-caller-payment-status')).toMatchObject({ fromNumber: '+61491570006', analysis: { intent: 'payment_status', paymentStatus: 'paid', dueDate: '2026-11-22' } });
    expect(parse('shared-number-two-clients')).toMatchObject({ fromNumber: '+61491570157', analysis: { intent: 'billing_question' } });
    expect(parse('shared-number-two-clients').analysis?.invoiceNumber).toBeUndefined();
    const vip = parse('failed-renewal-vip');
    expect(vip.analysis).toMatchObject({ intent: 'failed_renewal', vip: true, sensitiveRequest: true, paymentStatus: 'failed', documentKind: 'payment_link' });
    expect(vip.transcript).toMatch(/^Agent: .*\nUser: .*four one one one.*security code one two three/s);
    expect(parse('hangup-no-answer')).toMatchObject({ status: 'hangup', hangupReason: 'user_did_not_pick_up', direction: 'outbound', toNumber: '+61491570156', hasRecording: false });
    expect(parse('hangup-no-answer').analysis).toBeUndefined();
  });

  it('the source never carries a card number in digits (only spoken words)', () => {
    const source = readFileSync(new URL('../../server/sandbox/sample-calls.ts', import.meta.url), 'utf8');
    expect(source).not.toMatch(/\b(?:\d[ -]?){13,19}\b/);
  });
});
