import type { Span, Token } from './tokens.js';

// The second pass of redactText reads the text with the first pass's findings replaced by tokens
// ("[card ending 1111]"). Outside the replacements that text is the input byte for byte, so its tokens
// are the first pass's tokens, shifted, with each replaced run of tokens now one opaque marker: exactly
// what tokenize() would produce, provided every replacement covers whole tokens and the spans tokenize()
// is told to skip are the same ones, moved. Both are checked here; when either fails the caller
// tokenizes afresh. Tokenizing was a quarter of a pass (profiled), and every text with a finding takes
// a second pass.

/** A replacement in the previous text: [start, end) became `length` characters of marker. */
export type Edit = { start: number; end: number; length: number };

/** Where a position outside every edit lands after the edits. */
function shifter(edits: readonly Edit[]): (pos: number) => number {
  return (pos) => {
    let delta = 0;
    for (const e of edits) {
      if (e.end > pos) break;
      delta += e.length - (e.end - e.start);
    }
    return pos + delta;
  };
}

/**
 * The skipped spans tokenize() should be given for the edited text, from the previous ones: moved,
 * and each edit one marker span. Null when a skipped span and an edit overlap without being the same span.
 */
export function editedSpans(previous: readonly Span[], edits: readonly Edit[]): Span[] | null {
  const move = shifter(edits);
  const out: Span[] = [];
  let k = 0;
  for (const s of previous) {
    for (; k < edits.length && edits[k]!.end <= s.start; k++) out.push(markerFor(edits[k]!, move));
    const e = edits[k];
    if (e && e.start < s.end) {
      if (e.start !== s.start || e.end !== s.end) return null;
      out.push(markerFor(e, move));
      k++;
      continue;
    }
    out.push({ ...s, start: move(s.start), end: move(s.end) });
  }
  for (; k < edits.length; k++) out.push(markerFor(edits[k]!, move));
  return out;
}

function markerFor(e: Edit, move: (pos: number) => number): Span {
  const start = move(e.start);
  return { start, end: start + e.length, marker: true };
}

/** Same spans, same order, same marker flags. */
export function sameSpans(a: readonly Span[], b: readonly Span[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.start !== y.start || x.end !== y.end || (x.marker === true) !== (y.marker === true)) return false;
  }
  return true;
}

/**
 * The tokens of the edited text, reusing (and mutating) `tokens`; null when an edit does not cover
 * whole tokens. Line, turn and label fields are reset: the caller assigns them again.
 */
export function retokenize(tokens: Token[], edits: readonly Edit[]): Token[] | null {
  const out: Token[] = [];
  let delta = 0;
  let k = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const e = edits[k];
    if (e && t.end > e.start) {
      if (t.start !== e.start) return null;
      let j = i;
      while (j + 1 < tokens.length && tokens[j + 1]!.start < e.end) j++;
      if (tokens[j]!.end !== e.end) return null;
      const start = e.start + delta;
      out.push({ kind: 'block', start, end: start + e.length, text: '[]', lower: '[]', space: t.space, line: 0, turn: 0, label: -1, spoken: null });
      delta += e.length - (e.end - e.start);
      k++;
      i = j;
      continue;
    }
    t.start += delta;
    t.end += delta;
    t.line = 0;
    t.turn = 0;
    t.label = -1;
    out.push(t);
  }
  return k === edits.length ? out : null;
}
