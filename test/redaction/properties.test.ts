import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { redactText } from '../../server/redaction/redact-text.js';

// Property tests: a Luhn-valid card in card context never survives, however it is written or
// surrounded; text without digits is never touched; redaction is idempotent on arbitrary input.

const WORDS = ['the', 'invoice', 'was', 'wrong', 'please', 'refund', 'it', 'thanks', 'hello', 'plumber', 'job', 'came', 'late',
  'Agent:', 'User:', 'I', 'paid', 'yesterday', 'and', 'my', 'account', 'is', 'overdue', 'sorry', 'could', 'you', 'check', '.', ',', '?', '\n'];
const CONTEXTS = ['card number', 'my visa is', 'Agent: What is the card number?\nUser:', 'credit card', 'the long number on the front is',
  'Mastercard', 'debit card, it is', 'Agent: and the card?\nUser: sure,'];
const PREFIXES = ['4', '51', '53', '55', '2221', '2720', '34', '37', '6011', '65', '3528', '36', '62', '6304'];
const SPOKEN = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

function withLuhnDigit(body: string): string {
  for (let c = 0; c < 10; c++) {
    const d = body + c;
    let sum = 0;
    for (let i = 0; i < d.length; i++) {
      let x = Number(d[d.length - 1 - i]);
      if (i % 2 === 1) x = x * 2 > 9 ? x * 2 - 9 : x * 2;
      sum += x;
    }
    if (sum % 10 === 0) return d;
  }
  throw new Error('unreachable');
}

const cardArb = fc.record({
  prefix: fc.constantFrom(...PREFIXES),
  length: fc.integer({ min: 14, max: 19 }),
  body: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 19, maxLength: 19 }),
}).map(({ prefix, length, body }) => withLuhnDigit((prefix + body.join('')).slice(0, length - 1)));

const format = (digits: string, style: number, sep: string): string => {
  if (style === 0) return digits;
  if (style === 1) return digits.replace(/(\d{4})(?=\d)/g, `$1${sep}`);
  if (style === 2) return [...digits].map((d) => SPOKEN[Number(d)]).join(' ');
  return digits.slice(0, 4) + ' ' + [...digits.slice(4)].map((d) => SPOKEN[Number(d)]).join(', ');
};
const prose = fc.array(fc.constantFrom(...WORDS), { maxLength: 30 }).map((w) => w.join(' '));

describe('properties', () => {
  it('never lets a Luhn-valid card in card context survive', () => {
    const glue = fc.constantFrom('', ' is', ' is, um,', ' uh', ' it\'s', ': ');
    fc.assert(fc.property(prose, fc.constantFrom(...CONTEXTS), glue, cardArb, fc.integer({ min: 0, max: 3 }), fc.constantFrom(' ', '-', '.', ' - '), prose,
      (before, context, g, digits, style, sep, after) => {
        const card = format(digits, style, sep);
        const lead = `${before} ${context}${g} `;
        const input = `${lead}${card} ${after}`;
        const at = lead.length;
        const r = redactText(input);
        for (let i = at; i < at + card.length; i++) {
          if (/[0-9a-z]/.test(input[i]!)) expect(r.findings.some((f) => f.start <= i && i < f.end)).toBe(true);
        }
        expect(r.text.replace(/\D/g, '')).not.toContain(digits.slice(0, -4));
      }), { numRuns: 600 });
  });

  it('leaves random text without digits unchanged', () => {
    const noDigits = fc.string({ unit: 'grapheme', maxLength: 200 }).filter((s) => !/\d/.test(s));
    fc.assert(fc.property(fc.oneof(noDigits, prose), (text) => {
      expect(redactText(text)).toEqual({ text, findings: [] });
    }), { numRuns: 500 });
  });

  it('is idempotent and keeps text outside findings on arbitrary input', () => {
    const piece = fc.oneof(prose, fc.string({ maxLength: 30 }), cardArb, fc.constantFrom(
      'cvv', 'BSB', 'account', 'TFN', 'exp', 'card', 'pin', 'sort code', 'routing', 'ending', 'invoice', 'is my mobile', '\nUser:', '\nAgent: go on\nUser:',
      '04/27', '062-000', '0412 345 678', '$349.00', '123', '4111', 'four one one one', 'oh four', '20-00-00', '021000021', '123 456 782',
      '12-3140-0171323-00', 'GB82 WEST 1234 5698 7654 32', 'AB 12 34 56 C', '078-05-1120', ',', 'and', 'double five', 'forty-one eleven',
      'expires', 'April', '2027', 'transaction', 'receipt 4471920311', 'https://x.example/card/4111111111111111', 'a@b.example', '+61', '.', 'um'));
    fc.assert(fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
      const input = pieces.join(' ');
      const once = redactText(input);
      expect(redactText(once.text).text).toBe(once.text);
      let prev = 0;
      for (const f of once.findings) {
        expect(f.start).toBeGreaterThanOrEqual(prev);
        expect(f.end).toBeGreaterThan(f.start);
        prev = f.end;
      }
    }), { numRuns: 400 });
  });
});
