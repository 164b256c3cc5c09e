import { describe, expect, it } from 'vitest';
import { redactText } from '../../server/redaction/redact-text.js';
import { CORPUS } from './corpus.js';

/** Rebuilds the output from the input and the findings alone: text outside findings must be untouched. */
function outsideFindings(input: string, findings: { start: number; end: number }[]): string[] {
  const parts: string[] = [];
  let at = 0;
  for (const f of findings) {
    parts.push(input.slice(at, f.start));
    at = f.end;
  }
  parts.push(input.slice(at));
  return parts;
}

describe('redactText', () => {
  it('replaces with readable tokens and keeps at most the last four card digits', () => {
    expect(redactText('card 4111 1111 1111 1111').text).toBe('card [card ending 1111]');
    expect(redactText('cvv 123, exp 04/27, pin 4321').text).toBe('cvv [security code], exp [expiry], pin [pin]');
    expect(redactText('BSB 062-000 account 12345678').text).toBe('BSB [bsb] account [bank account]');
    expect(redactText('sort code 20-00-00').text).toBe('sort code [sort code]');
    expect(redactText('routing 021000021').text).toBe('routing [routing number]');
    expect(redactText('IBAN GB82WEST12345698765432').text).toBe('IBAN [iban]');
    expect(redactText('TFN 123 456 782').text).toBe('TFN [tax id]');
  });

  it('gives offsets into the input that cover the whole sensitive span, spoken or written', () => {
    const input = 'Agent: card?\nUser: four one one one, one one one one, one one one one, one one one one thanks';
    const r = redactText(input);
    expect(r.findings).toHaveLength(1);
    const f = r.findings[0]!;
    expect(input.slice(f.start, f.end)).toBe('four one one one, one one one one, one one one one, one one one one');
    expect(r.text).toBe('Agent: card?\nUser: [card ending 1111] thanks');
  });

  it('redacts a card read across turns piece by piece, leaving the turns in between', () => {
    const input = 'Agent: long number on the front of the card?\nUser: 4111 1111\nAgent: go on\nUser: 1111 1111';
    const r = redactText(input);
    expect(r.findings.map((f) => input.slice(f.start, f.end))).toEqual(['4111 1111', '1111 1111']);
    expect(r.text).toBe('Agent: long number on the front of the card?\nUser: [card number]\nAgent: go on\nUser: [card ending 1111]');
  });

  it('leaves text outside findings unchanged byte for byte, for every corpus entry', () => {
    for (const e of CORPUS) {
      const r = redactText(e.text);
      let rest = r.text;
      for (const part of outsideFindings(e.text, r.findings)) {
        expect(rest.startsWith(part), e.id).toBe(true);
        rest = rest.slice(part.length).replace(/^\[[a-z ]+(?: \d{4})?\]/, '');
      }
      expect(rest, e.id).toBe('');
      for (let i = 1; i < r.findings.length; i++) expect(r.findings[i]!.start).toBeGreaterThanOrEqual(r.findings[i - 1]!.end);
    }
  });

  it('is idempotent: redacting redacted text changes nothing', () => {
    for (const e of CORPUS) {
      const once = redactText(e.text).text;
      const twice = redactText(once);
      expect(twice.text, e.id).toBe(once);
      expect(twice.findings, e.id).toEqual([]);
    }
  });

  it('returns text without numbers unchanged and with no findings', () => {
    const input = 'Agent: Thanks for calling. User: Oh, hi! I was double charged, like, twice — one of them should be refunded.';
    expect(redactText(input)).toEqual({ text: input, findings: [] });
    expect(redactText('')).toEqual({ text: '', findings: [] });
  });

  it('keeps URLs and emails unless a URL carries a card number', () => {
    const url = 'https://crm.example.com/orders/4111111111111111?ref=77123409';
    expect(redactText(`see ${url}`).text).toBe(`see ${url}`);
    expect(redactText('https://pay.example/p?pan=4111111111111111').text).toBe('https://pay.example/p?pan=[card ending 1111]');
    expect(redactText('mail 4111111111111111.billing@example.com').text).toBe('mail 4111111111111111.billing@example.com');
  });

  it('keeps a long transaction reference under its word, unless it is card-shaped (fail-closed, issue 12)', () => {
    expect(redactText('transaction 8812 3456 7890 1234 was reversed').findings).toEqual([]);
    expect(redactText('transaction 4111 1111 1111 1111 was reversed').findings).toHaveLength(1);
    expect(redactText('card 4111 1111 1111 1111 was reversed').findings).toHaveLength(1);
  });

  it('handles pathological input in linear time without throwing', () => {
    const inputs = ['1'.repeat(100_000), 'a'.repeat(100_000), '@'.repeat(50_000), '1 '.repeat(50_000), 'GB82 '.repeat(20_000), 'one '.repeat(30_000), 'https://'.repeat(10_000)];
    for (const input of inputs) {
      const t = performance.now();
      const r = redactText(input);
      expect(typeof r.text).toBe('string');
      expect(performance.now() - t).toBeLessThan(5_000);
    }
  });
});
