import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editedSpans, retokenize, sameSpans, type Edit } from '../../server/redaction/retokenize.js';
import { tokenize, type Span } from '../../server/redaction/tokens.js';

// retokenize must return exactly what tokenize would for the edited text, or null; never something else.

function edit(text: string, edits: readonly Edit[], token = (e: Edit) => '#'.repeat(e.length)): string {
  let out = '';
  let at = 0;
  for (const e of edits) {
    out += text.slice(at, e.start) + token(e);
    at = e.end;
  }
  return out + text.slice(at);
}

/** Edits [start, end) of `text` into a marker of the same kind redactText writes. */
const MARK = '[card number]';
const marker = (start: number, end: number): Edit => ({ start, end, length: MARK.length });
const strip = (ts: ReturnType<typeof tokenize>) => ts.map(({ kind, start, end, text, lower, space }) => ({ kind, start, end, text, lower, space }));

function check(text: string, blocked: Span[], edits: Edit[]) {
  const before = tokenize(text, 0, text.length, blocked);
  const spans = editedSpans(blocked, edits);
  expect(spans).not.toBeNull();
  const after = edit(text, edits, () => MARK);
  const fresh = tokenize(after, 0, after.length, spans!);
  expect(strip(retokenize(before, edits) ?? [])).toEqual(strip(fresh));
}

describe('retokenize', () => {
  it('equals a fresh tokenize when whole tokens are replaced', () => {
    const text = 'User: card 4111 1111 1111 1111, exp 04/27.\nAgent: thanks';
    const s = text.indexOf('4111');
    check(text, [], [marker(s, s + 19), marker(text.indexOf('04/27'), text.indexOf('04/27') + 5)]);
    check('abc4111 x', [], [marker(3, 7)]); // glued to a word
    check('[pin]4111 then 9', [{ start: 0, end: 5, marker: true }], [marker(5, 9)]); // right after a marker
  });

  it('replaces a skipped span that is itself the edit (an IBAN found by pattern)', () => {
    const text = 'iban GB82 WEST 1234 5698 7654 32 thanks';
    const iban = { start: 5, end: 32, marker: true };
    check(text, [iban], [marker(5, 32)]);
  });

  it('refuses edits that cut a token or a skipped span', () => {
    const text = 'ref 12345678 ok';
    expect(retokenize(tokenize(text, 0, text.length, []), [marker(6, 12)])).toBeNull();
    expect(retokenize(tokenize(text, 0, text.length, []), [marker(3, 12)])).toBeNull(); // starts in a gap
    expect(editedSpans([{ start: 0, end: 30, marker: true }], [marker(10, 14)])).toBeNull(); // inside a URL
  });

  it('compares spans exactly', () => {
    expect(sameSpans([{ start: 1, end: 2 }], [{ start: 1, end: 2, marker: false }])).toBe(true);
    expect(sameSpans([{ start: 1, end: 2 }], [{ start: 1, end: 2, marker: true }])).toBe(false);
    expect(sameSpans([{ start: 1, end: 2 }], [])).toBe(false);
  });

  it('matches tokenize on generated texts with edits on random whole-token runs', () => {
    const piece = fc.constantFrom('4111', '1111', 'one', 'card', ',', '.', '-', '\n', 'User:', '  ', 'é', '[pin]', 'x9', '$3', 'ok');
    fc.assert(fc.property(fc.array(piece, { minLength: 1, maxLength: 30 }), fc.array(fc.nat(), { maxLength: 6 }), (parts, picks) => {
      const text = parts.join(' ');
      const tokens = tokenize(text, 0, text.length, []);
      // Runs of whole tokens, non-overlapping, in order.
      const edits: Edit[] = [];
      let from = 0;
      for (const p of picks) {
        const a = from + (p % 4);
        const b = a + (p % 3);
        if (b >= tokens.length) break;
        edits.push(marker(tokens[a]!.start, tokens[b]!.end));
        from = b + 1;
      }
      check(text, [], edits);
    }), { numRuns: 1000 });
  });
});
