import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectPass } from '../../server/redaction/detect-pass.js';
import { mayHoldNumber } from '../../server/redaction/number-words.js';
import { redactText } from '../../server/redaction/redact-text.js';
import { CORPUS } from './corpus.js';

// redactText skips a full pass for text that cannot hold a number (no digit, no number word). That
// shortcut must never hide a finding a full pass would make.
const WORDS = ['card', 'Card', 'CVV', 'expiry', 'bank', 'account', 'BSB', 'sort', 'code', 'IBAN', 'GB', 'tax', 'file', 'number',
  'ending', 'the', 'is', 'my', 'four', 'Four', 'FIVE', 'oh', 'o', 'double', 'triple', 'twenty', 'eleven', 'March', 'nil', 'a', 'I',
  'um', 'uh', 'Agent', 'User', 'https', 'www', 'example', 'com', 'Dana', 'Whitfield', 'invoice', 'INV', 'O', 'nought', 'zero'];
const PIECES = fc.oneof(fc.constantFrom(...WORDS), fc.constantFrom(' ', ', ', '-', '.', ':', '\n', '/', '@', '['), fc.string({ maxLength: 4 }), fc.constantFrom('4', '0', '٤', '４'));
const TEXT = fc.array(PIECES, { maxLength: 40 }).map((p) => p.join(' '));

describe('the no-number shortcut', () => {
  it('is taken only where a full pass finds nothing (20 000 generated texts)', () => {
    fc.assert(fc.property(TEXT, (text) => {
      if (!mayHoldNumber(text)) expect(detectPass(text).found).toEqual([]);
    }), { numRuns: 20_000 });
  });

  it('is never taken for a corpus entry with a sensitive value, and redaction output is unchanged for the rest', () => {
    for (const entry of CORPUS) {
      if (entry.sensitive.length > 0) expect(mayHoldNumber(entry.text), entry.text).toBe(true);
      if (!mayHoldNumber(entry.text)) expect(redactText(entry.text).text).toBe(entry.text);
    }
  });

  it('sees spoken digits, digits and checksummed ids, and lets plain words through', () => {
    for (const t of ['four one one one', 'Double five', 'oh', 'GB82 WEST', 'card 4', 'the FORTY']) expect(mayHoldNumber(t), t).toBe(true);
    for (const t of ['completed', 'Dana Whitfield', 'duplicate_charge', 'https://example.com/call', 'Please call back']) expect(mayHoldNumber(t), t).toBe(false);
  });
});
