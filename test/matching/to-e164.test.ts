import { describe, expect, it } from 'vitest';
import { toE164 } from '../../server/matching/to-e164.js';

describe('toE164', () => {
  it.each([
    ['0412 345 678', 'AU', '+61412345678'],
    ['+61412345678', 'AU', '+61412345678'],
    ['61412345678', 'AU', '+61412345678'],
    ['(02) 9000 1234', 'AU', '+61290001234'],
    ['61 2 9000 1234', 'AU', '+61290001234'],
    ['+61 2 9000 1234', 'US', '+61290001234'],
    ['61412345678', 'US', '+61412345678'],
    ['(415) 555-2671', 'US', '+14155552671'],
    ['+61412345678', 'XX', '+61412345678'],
  ])('%s in %s → %s', (phone, region, expected) => {
    expect(toE164(phone, region)).toBe(expected);
  });

  it.each(['', '   ', 'n/a', '12', 'call me'])('%j is not a phone number', (phone) => {
    expect(toE164(phone, 'AU')).toBeUndefined();
  });
});
