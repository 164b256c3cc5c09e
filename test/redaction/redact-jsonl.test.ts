import { describe, expect, it } from 'vitest';
import { redactJsonLine } from '../../server/redaction/redact-jsonl.js';

describe('redactJsonLine', () => {
  it('redacts the text and reports findings with offsets into the input text', () => {
    const text = 'Visa 4111 1111 1111 1111, cvv 123, call 0412 345 678';
    const out = JSON.parse(redactJsonLine(JSON.stringify({ id: 'c1', text })));
    expect(out).toEqual({
      id: 'c1',
      text: 'Visa [card ending 1111], cvv [security code], call 0412 345 678',
      findings: [{ kind: 'card', start: 5, end: 24 }, { kind: 'security_code', start: 30, end: 33 }],
    });
    expect(text.slice(5, 24)).toBe('4111 1111 1111 1111');
  });

  it('keeps numeric ids and reports null for a missing id', () => {
    expect(JSON.parse(redactJsonLine('{"id":7,"text":"nothing here"}'))).toEqual({ id: 7, text: 'nothing here', findings: [] });
    expect(JSON.parse(redactJsonLine('{"text":"x"}'))).toEqual({ id: null, text: 'x', findings: [] });
  });

  it.each(['not json', '', '[1,2]', 'null', '{"id":"a","text":42}', '{"id":"a"}', '{"id":"a","text":"4111 1111 1111 1111"'])(
    'answers an error line for %j and never throws', (line) => {
      const out = JSON.parse(redactJsonLine(line));
      expect(typeof out.error).toBe('string');
      expect(out).not.toHaveProperty('text');
      expect(JSON.stringify(out)).not.toContain('4111');
    });

  it('names the id in an error when the line is an object with one', () => {
    expect(JSON.parse(redactJsonLine('{"id":"a","text":42}'))).toEqual({ id: 'a', error: 'field "text" must be a string' });
    expect(JSON.parse(redactJsonLine('not json'))).toEqual({ id: null, error: 'line is not valid JSON' });
  });
});
