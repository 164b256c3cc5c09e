import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../server/redaction/redact-text.js';
import { EvalCase } from './load-corpus.js';
import { scoreCase } from './score-corpus.js';

// The scorer's rule (FORMAT.md): a card may keep its last four, other long values at most four
// consecutive digits, short values none; pieces count as one digit sequence; keeps must be untouched.
const text = 'Agent: card?\nCaller: four five three two, 7712 0098 3321 and cvv 482, invoice 1042';
const c = EvalCase.parse({
  id: 't-au-001', locale: 'AU', style: 'transcript', classes: ['slot'], text,
  sensitive: [
    { kind: 'card', digits: '4532771200983321', form: 'mixed', parts: [{ value: 'four five three two' }, { value: '7712 0098 3321' }] },
    { kind: 'security_code', digits: '482', form: 'written', value: '482' },
  ],
  keep: ['invoice 1042'],
});
const span = (value: string): Finding => ({ kind: 'card', start: text.indexOf(value), end: text.indexOf(value) + value.length });

describe('corpus scorer', () => {
  it('passes a card whose last four alone survive, and fails one with any other digit left', () => {
    expect(scoreCase(c, [span('four five three two'), span('7712 0098'), span('482')]).leaks).toEqual([]);
    expect(scoreCase(c, [span('four five three two'), span('7712'), span('482')]).leaks.map((s) => s.kind)).toEqual(['card']);
    expect(scoreCase(c, [span('7712 0098 3321'), span('482')]).leaks.map((s) => s.kind)).toEqual(['card']);
  });

  it('fails a short value with any digit left and a keep string a finding touches', () => {
    const s = scoreCase(c, [span('four five three two, 7712 0098 3321'), span('48'), span('1042')]);
    expect(s.leaks.map((x) => x.kind)).toEqual(['security_code']);
    expect(s.lost).toEqual(['invoice 1042']);
  });
});
