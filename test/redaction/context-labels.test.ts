import { describe, expect, it } from 'vitest';
import { findLabels } from '../../server/redaction/context-labels.js';
import { tokenize } from '../../server/redaction/tokens.js';

/** The labels of a text as [category, the text they cover]. */
function labelsOf(text: string): [string, string][] {
  return findLabels(tokenize(text, 0, text.length, [])).map((l) => [l.cat, text.slice(l.start, l.end)]);
}

describe('context labels', () => {
  it('takes the longest phrase, and a shorter one when the longer breaks off', () => {
    expect(labelsOf('my bank account number is')).toEqual([['account', 'bank account number']]);
    expect(labelsOf('the account number with you guys')).toEqual([['keep', 'account number with you guys']]);
    expect(labelsOf('the account number for the refund')).toEqual([['account', 'account number'], ['money', 'refund']]);
    expect(labelsOf('my account with the bank')).toEqual([['account', 'account'], ['bank', 'bank']]);
  });

  it('reads labels across inner punctuation and in any case; plurals only where listed', () => {
    expect(labelsOf('A/C and P.O. 77')).toEqual([['account', 'A/C'], ['keep', 'P.O']]);
    expect(labelsOf('Valid-Thru')).toEqual([['expiry', 'Valid-Thru']]);
    expect(labelsOf('both cards, two invoices, three payslips')).toEqual([['card', 'cards'], ['keep', 'invoices']]);
  });

  it('counts digits inside a phrase as part of it, and nothing else as a label', () => {
    expect(labelsOf('the last 4 digits')).toEqual([['ending', 'last 4 digits']]);
    expect(labelsOf('thanks for calling, how can I help')).toEqual([]);
  });
});
