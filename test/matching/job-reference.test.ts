import { describe, expect, it } from 'vitest';
import { findReferencesInText, normaliseJobReference } from '../../server/matching/job-reference.js';

describe('normaliseJobReference', () => {
  it.each([
    ['INV-1042', '1042'], ['#1042', '1042'], ['inv 1042', '1042'], ['Job 1042', '1042'], ['1042', '1042'],
    ['Invoice #1042', '1042'], ['invoice no. 1042', '1042'], ['INV1042', '1042'], ['  job-1042 ', '1042'],
    ['INV-001042', '1042'], ['Tax invoice 1042', '1042'], ['WO-77', '77'],
  ])('%s → %s', (ref, expected) => {
    expect(normaliseJobReference(ref)).toBe(expected);
  });

  it.each(['', 'INV-', 'abc', '10 42', '1042a', 'PO 1042', '$349.00', 'invoice'])('%j is not a job reference', (ref) => {
    expect(normaliseJobReference(ref)).toBeUndefined();
  });
});

describe('findReferencesInText (conservative)', () => {
  it.each([
    ['Caller says invoice 1042 for $349.00 was charged twice', ['1042']],
    ['About job #2001 and INV-2001 again', ['2001']],
    ['Invoice 1042 and invoice 1043 both look wrong', ['1042', '1043']],
    ['Charged $349.00 twice two weeks ago', []],
    ['The job 2 weeks ago', []],
    ['Card ending 4242 was charged', []],
  ])('%j → %j', (text, expected) => {
    expect(findReferencesInText(text)).toEqual(expected);
  });
});
