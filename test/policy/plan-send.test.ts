import { describe, expect, it } from 'vitest';
import { decide } from '../../server/policy/index.js';
import { maskAddress, maskAddressesIn } from '../../server/policy/mask-address.js';
import { BILLING, SITE, call, input, matched, reviewReasons, settings } from './fixtures.js';

const LINK = 'https://pay.example/harbourside';
const resend = (extra: Parameters<typeof call>[0], over: Parameters<typeof input>[0] = {}) =>
  decide(input({ settings: settings({ paymentLinkUrl: LINK }), outcome: call({ intent: 'document_resend', invoiceNumber: '1042', ...extra }), ...over }));

describe('masking', () => {
  it.each([
    ['jane@example.net', 'j•••@example.net'],
    ['+61491570010', '+61 4•• ••• 010'],
    ['+64211234567', '+64 2•• ••• 567'],
    ['0412', '••••'],
  ])('%s → %s', (raw, masked) => expect(maskAddress(raw)).toBe(masked));

  it('masks addresses inside an upstream error message', () => {
    expect(maskAddressesIn('Invalid recipient jane@example.net or +61491570010')).toBe('Invalid recipient j•••@example.net or +61 4•• ••• 010');
  });
});

describe('send proposals (issue 14)', () => {
  it('invoice, recipient on file → proposed by email with kind, reference, channel and the masked recipient', () => {
    const d = resend({ documentKind: 'invoice', callerVerified: true });
    expect(d.send).toEqual({
      kind: 'invoice', reference: 'invoice 1042', channel: 'email', state: 'proposed',
      to: { masked: 'a•••@natarajan.example', who: 'the billing contact' },
      onFile: expect.arrayContaining(['a•••@natarajan.example', '+61 4•• ••• 678']), why: expect.any(String), callerVerified: true,
    });
    expect(d.send?.heldBy).toBeUndefined();
    expect(d.review).toEqual([]);
    expect(JSON.stringify(d)).not.toMatch(/accounts@natarajan|0412 345 678|\+61412345678"/i);
  });

  it('payment link from a verified caller → proposed by SMS to the billing mobile', () => {
    const d = resend({ documentKind: 'payment_link', callerVerified: true });
    expect(d.send).toMatchObject({ kind: 'payment_link', channel: 'sms', state: 'proposed', to: { masked: '+61 4•• ••• 678' }, reference: 'payment link for job 1042' });
  });

  it('payment link from an unverified caller → always review, even to a recipient on file', () => {
    const d = resend({ documentKind: 'payment_link', callerVerified: false });
    expect(d.send).toMatchObject({ state: 'review', callerVerified: false });
    expect(reviewReasons(d)).toContain('unverified_identity');
  });

  it('recipient not on file → review with the requested one masked beside those on file', () => {
    const d = resend({ documentKind: 'invoice', documentRecipientEmail: 'jane@example.net', callerVerified: true });
    expect(d.send).toMatchObject({ state: 'review', requested: 'j•••@example.net', onFile: expect.arrayContaining(['a•••@natarajan.example', 's•••@natarajan.example']) });
    expect(reviewReasons(d)).toEqual(['recipient_not_on_file']);
    expect(JSON.stringify(d)).not.toContain('jane@example.net');
  });

  it('a phone not on file is masked like +61 4•• ••• 010', () => {
    const d = resend({ documentKind: 'payment_link', documentRecipientPhone: '0491 570 010', callerVerified: true });
    expect(d.send).toMatchObject({ state: 'review', requested: '+61 4•• ••• 010' });
  });

  it.each(['statement', 'tax_form'] as const)('%s (ServiceM8 cannot produce it) → a finance line, no send', (documentKind) => {
    const d = resend({ documentKind, callerVerified: true });
    expect(d.send).toBeUndefined();
    expect(d.actions.some((a) => a.kind === 'task' && a.details.includes('a•••@natarajan.example'))).toBe(true);
  });

  it('no payment link in settings → a finance line saying so, no send', () => {
    const d = decide(input({ outcome: call({ intent: 'document_resend', documentKind: 'payment_link', callerVerified: true }) }));
    expect(d.send).toBeUndefined();
    expect(JSON.stringify(d.actions)).toContain('no secure payment link is set');
  });

  it('an invoice with only a mobile on file → finance line (invoices go by email), no send', () => {
    const d = resend({ documentKind: 'invoice' }, { recipients: [{ ...BILLING, email: '' }] });
    expect(d.send).toBeUndefined();
  });

  it('automatic sends (setting) on a verified call say so in the task line; a person\'s tap otherwise', () => {
    const auto = decide(input({ settings: settings({ sendMode: 'automatic' }), outcome: call({ intent: 'document_resend', documentKind: 'invoice', callerVerified: true }) }));
    expect(JSON.stringify(auto.actions)).toContain('the add-on sends it (automatic send');
    const person = resend({ documentKind: 'invoice', callerVerified: true });
    expect(JSON.stringify(person.actions)).toContain("one tap in the add-on's panel");
  });

  it('a weak match holds the send for review too', () => {
    const d = resend({ documentKind: 'invoice', callerVerified: true }, { match: matched('medium'), recipients: [BILLING, SITE] });
    expect(d.send).toMatchObject({ state: 'review', heldBy: 'call' });
  });
});
