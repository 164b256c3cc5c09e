import { describe, expect, it } from 'vitest';
import { toDigitStream } from '../../server/redaction/spoken-digits.js';

describe('spoken-number normalisation', () => {
  it.each([
    ['4111 1111 1111 1111', '4111111111111111'],
    ['4111-1111.1111 1111', '4111111111111111'],
    ['four one one one', '4111'],
    ['zero oh o nought', '0000'],
    ['forty-one eleven', '4111'],
    ['forty one eleven', '4111'],
    ['double five triple seven', '55777'],
    ['double oh seven', '007'],
    ['4111 one one one one', '41111111'],
    ['four, um, one, uh, one, er, one', '4111'],
    ['oh four twenty-seven', '0427'],
    ['twenty twenty-seven', '2027'],
    ['twenty oh seven', '2007'],
    ['four hundred and five', '405'],
    ['three hundred forty nine', '349'],
    ['two thousand and twenty seven', '2027'],
    ['April 2027', '042027'],
    ['nineteen ninety', '1990'],
  ])('%s → %s', (text, digits) => expect(toDigitStream(text).digits).toBe(digits));

  it('does not read words as digits outside numbers', () => {
    expect(toDigitStream('Oh, I see. No worries, my mistake.').digits).toBe('');
    expect(toDigitStream('I was double charged, like, twice').digits).toBe('');
    expect(toDigitStream('May I ask about the last four?').digits).toBe('');
  });

  it('maps every digit back to the source it was read from', () => {
    const text = 'card forty-one eleven 22';
    const s = toDigitStream(text);
    expect(s.digits).toBe('411122');
    expect(text.slice(s.starts[0], s.ends[0])).toBe('forty-one');
    expect(text.slice(s.starts[1], s.ends[1])).toBe('forty-one');
    expect(text.slice(s.starts[2], s.ends[2])).toBe('eleven');
    expect(text.slice(s.starts[4], s.ends[4])).toBe('2');
    expect(s.starts[5]).toBe(text.length - 1);
  });
});
