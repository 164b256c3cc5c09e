import { describe, expect, it } from 'vitest';
import { redactJsonValue, redactOutcome } from '../../server/redaction/redact-outcome.js';
import type { CallOutcome } from '../../server/domain/call-outcome.js';

function outcome(overrides: Partial<CallOutcome> = {}): CallOutcome {
  return {
    kind: 'outcome', event: 'call_ended', providerCallId: 'call_4111111111111111', revision: 3, direction: 'inbound',
    fromNumber: '+61412345678', toNumber: '+61290001234', status: 'completed', startedAt: '2026-11-25T03:07:02Z',
    durationSeconds: 328, hasRecording: true,
    summary: 'Caller disputes invoice 1042 ($349.00) and read card 4111 1111 1111 1111, exp 04/27.',
    transcript: 'Agent: Card number?\nUser: 4111 1111\nAgent: go on\nUser: 1111 1111\nAgent: And your mobile?\nUser: 0412 345 678',
    transcriptUrl: 'https://api.dialnexa.example/call-logs/call_7Qm2xK9a/transcript',
    analysis: {
      intent: 'duplicate_charge', customerName: 'Jo Citizen', customerEmail: 'jo@example.com', accountRef: 'ACC-1042',
      invoiceNumber: '4111111111111111', jobNumber: '1042', paymentId: 'pi_3NxY', amount: { amount: '349.00', currency: 'AUD' },
      dueDate: '2026-12-01', callerClaim: 'charged twice on card 5555 5555 5555 4444', refundReason: 'refund to BSB 062-000 account 12345678',
      disputeReason: 'TFN 123 456 782 was on the form', creditRequest: 'none', promisedNextStep: 'call back on 0412 345 678 by Friday',
      nextStepOwner: 'finance (cvv 123 was read, ignore)', followUpDeadline: '2026-11-27',
      jobChange: { field: 'billing contact', oldValue: 'card 4111 1111 1111 1111', newValue: 'bank IBAN GB82 WEST 1234 5698 7654 32', reason: 'pin 4321' },
      links: { crm: 'https://crm.example.com/c/88123', paymentPlatform: 'https://pay.example.com/p?pan=4111111111111111' },
    },
    ...overrides,
  };
}

describe('redactOutcome', () => {
  it('redacts every free-text field and reports sorted unique kinds', () => {
    const { outcome: o, kinds } = redactOutcome(outcome());
    expect(o.summary).toBe('Caller disputes invoice 1042 ($349.00) and read card [card ending 1111], exp [expiry].');
    expect(o.transcript).toBe('Agent: Card number?\nUser: [card number]\nAgent: go on\nUser: [card ending 1111]\nAgent: And your mobile?\nUser: 0412 345 678');
    const a = o.analysis!;
    expect(a.callerClaim).toBe('charged twice on card [card ending 4444]');
    expect(a.refundReason).toBe('refund to BSB [bsb] account [bank account]');
    expect(a.disputeReason).toBe('TFN [tax id] was on the form');
    expect(a.promisedNextStep).toBe('call back on 0412 345 678 by Friday');
    expect(a.nextStepOwner).toBe('finance (cvv [security code] was read, ignore)');
    expect(a.jobChange).toEqual({ field: 'billing contact', oldValue: 'card [card ending 1111]', newValue: 'bank IBAN [iban]', reason: 'pin [pin]' });
    expect(a.links).toEqual({ crm: 'https://crm.example.com/c/88123', paymentPlatform: 'https://pay.example.com/p?pan=[card ending 1111]' });
    expect(kinds).toEqual(['bank_account', 'bsb', 'card', 'expiry', 'iban', 'pin', 'security_code', 'tax_id']);
  });

  it('leaves identifiers, numbers, dates and enums untouched', () => {
    const input = outcome();
    const { outcome: o } = redactOutcome(input);
    expect(o.providerCallId).toBe(input.providerCallId);
    expect([o.fromNumber, o.toNumber, o.startedAt, o.durationSeconds, o.revision, o.kind, o.status]).toEqual(
      [input.fromNumber, input.toNumber, input.startedAt, input.durationSeconds, input.revision, input.kind, input.status]);
    const a = o.analysis!;
    expect(a.invoiceNumber).toBe('4111111111111111');
    expect(a.jobNumber).toBe('1042');
    expect(a.amount).toEqual({ amount: '349.00', currency: 'AUD' });
    expect([a.dueDate, a.followUpDeadline, a.intent, a.customerEmail, a.accountRef, a.paymentId]).toEqual(
      ['2026-12-01', '2026-11-27', 'duplicate_charge', 'jo@example.com', 'ACC-1042', 'pi_3NxY']);
    expect(o.transcriptUrl).toBe(input.transcriptUrl);
  });

  it('does not mutate its input and handles an outcome without analysis', () => {
    const input = outcome({ analysis: undefined, summary: undefined });
    const copy = structuredClone(input);
    const { outcome: o, kinds } = redactOutcome(input);
    expect(input).toEqual(copy);
    expect(o.analysis).toBeUndefined();
    expect(kinds).toEqual(['card']);
  });
});

describe('redactJsonValue', () => {
  it('redacts every string leaf, leaves keys and other values alone', () => {
    const body = {
      event_type: 'call_ended',
      payload: { call: { id: 'call_7Qm2xK9a', from_number: '61412345678', duration: 328, summary: 'card 4111 1111 1111 1111', tags: ['cvv 123', 7, null, true] } },
      '4111111111111111': 'the key is left alone',
    };
    const { value, kinds } = redactJsonValue(body);
    expect(value).toEqual({
      event_type: 'call_ended',
      payload: { call: { id: 'call_7Qm2xK9a', from_number: '61412345678', duration: 328, summary: 'card [card ending 1111]', tags: ['cvv [security code]', 7, null, true] } },
      '4111111111111111': 'the key is left alone',
    });
    expect(kinds).toEqual(['card', 'security_code']);
  });

  it('keeps a "__proto__" key as data, redacted, instead of turning it into the copy\'s prototype', () => {
    const body = JSON.parse('{"__proto__":{"note":"card 4111 1111 1111 1111"},"turns":[{"role":"user","content":"hi","__proto__":{"x":"cvv 123"}},{"role":"agent","content":"ok"}]}');
    const { value } = redactJsonValue(body);
    expect(JSON.stringify(value)).toBe('{"__proto__":{"note":"card [card ending 1111]"},"turns":[{"role":"user","content":"hi","__proto__":{"x":"cvv [security code]"}},{"role":"agent","content":"ok"}]}');
    expect(Object.getPrototypeOf(value)).toBeNull();
    expect((value as Record<string, unknown>).note).toBeUndefined(); // nothing is inherited from the key's value
  });

  it('catches a card sent as a JSON number', () => {
    expect(redactJsonValue({ n: 4111111111111111, amount: 349 })).toEqual({ value: { n: '[card ending 1111]', amount: 349 }, kinds: ['card'] });
  });

  it('redacts a transcript given as an array of turns as one transcript', () => {
    const turns = [
      { role: 'agent', content: 'What is the card number?' },
      { role: 'user', content: '4111 1111' },
      { role: 'agent', content: 'go on' },
      { role: 'user', content: '1111 1111', confidence: 0.93 },
    ];
    const { value, kinds } = redactJsonValue({ transcript: turns });
    expect(value).toEqual({ transcript: [
      { role: 'agent', content: 'What is the card number?' },
      { role: 'user', content: '[card number]' },
      { role: 'agent', content: 'go on' },
      { role: 'user', content: '[card ending 1111]', confidence: 0.93 },
    ] });
    expect(kinds).toEqual(['card']);
  });

  it('returns primitives as they are', () => {
    expect(redactJsonValue(null)).toEqual({ value: null, kinds: [] });
    expect(redactJsonValue('exp 04/27')).toEqual({ value: 'exp [expiry]', kinds: ['expiry'] });
  });
});

// Issue 12, fail-closed rule: a long digit run is a card unless it is the call's own reference.
describe("the call's own long references", () => {
  const ref = '20230914000123456'; // 17 digits, fails Luhn: an ERP-style invoice number
  // No document word beside the readings: only the structured field can prove them benign.
  const transcript = `Caller: it's 2023 0914 0001 23456, I was charged twice.\nAgent: I see ${ref}.`;

  it('keeps a reference the body carries as invoice_number, in the field and wherever it is read', () => {
    const value = redactJsonValue({ transcript, post_call_analysis: { invoice_number: ref } }).value as {
      transcript: string; post_call_analysis: { invoice_number: string };
    };
    expect(value.post_call_analysis.invoice_number).toBe(ref);
    expect(value.transcript).toBe(transcript);
  });

  it('still removes the same digits when the body does not name them as its reference', () => {
    const value = redactJsonValue({ transcript, post_call_analysis: { invoice_number: '1042' } }).value as { transcript: string };
    expect(value.transcript).not.toContain(ref);
    expect(value.transcript).not.toContain('2023 0914 0001');
  });

  it('never keeps a card-like number, whatever field it came in', () => {
    const card = '4532015112830366'; // Visa prefix and Luhn-valid
    const value = redactJsonValue({ transcript: `Caller: invoice ${card}`, invoiceNumber: card }).value as { transcript: string; invoiceNumber: string };
    expect(value.transcript).not.toContain(card);
    expect(value.invoiceNumber).not.toContain(card);
  });

  it('keeps it in the parsed outcome too (the fetched-details path)', () => {
    const base = outcome();
    const { outcome: o } = redactOutcome({ ...base, transcript, analysis: { ...base.analysis!, invoiceNumber: ref } });
    expect(o.transcript).toBe(transcript);
    expect(redactOutcome({ ...base, transcript }).outcome.transcript).not.toContain(ref);
  });
});
