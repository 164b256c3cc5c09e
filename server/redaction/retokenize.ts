import { blockToken, type Span, type Token } from './tokens.js';

// The second pass of redactText reads the text with the first pass's findings replaced by tokens
// ("[card ending 1111]"). Outside the replacements that text is the input byte for byte, so its tokens
// are the first pass's tokens, shifted, with each replaced run of tokens now one opaque marker: exactly
// what tokenize() would produce, provided every replacement covers whole tokens and the spans tokenize()
// is told to skip are the same ones, moved. Both are checked here; when either fails the caller
// tokenizes afresh. Tokenizing was a quarter of a pass (profiled), and every text with a finding takes
// a second pass.

/** A replacement in the previous text: [start, end) became `length` characters of marker. */
export type Edit = { start: number; end: number; length: number };

/**
 * The skipped spans tokenize() should be given for the edited text, from the previous ones: moved,
 * and each edit one marker span. Null when a skipped span and an edit overlap without being the same
 * span. One walk over both sorted lists (a hostile 1 MiB body can hold tens of thousands of each).
 */
export function editedSpans(previous: readonly Span[], edits: readonly Edit[]): Span[] | null {
  const out: Span[] = [];
  let delta = 0;
  let k = 0;
  const mark = (e: Edit) => {
    out.push({ start: e.start + delta, end: e.start + delta + e.length, marker: true });
    delta += e.length - (e.end - e.start);
    k++;
  };
  for (const s of previous) {
    while (k < edits.length && edits[k]!.end <= s.start) mark(edits[k]!);
    const e = edits[k];
    if (e && e.start < s.end) {
      if (e.start !== s.start || e.end !== s.end) return null;
      mark(e);
      continue;
    }
    out.push({ ...s, start: s.start + delta, end: s.end + delta });
  }
  while (k < edits.length) mark(edits[k]!);
  return out;
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
 * The tokens of the edited text, built in place in `tokens` (the previous pass's tokens are not read
 * again; a new array for every second pass was measurable garbage); null when an edit does not cover
 * whole tokens, and `tokens` is then unusable. Line, turn and label fields are reset: the caller
 * assigns them again.
 */
export function retokenize(tokens: Token[], edits: readonly Edit[]): Token[] | null {
  let delta = 0;
  let k = 0;
  let w = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const e = edits[k];
    if (e && t.end > e.start) {
      if (t.start !== e.start) return null;
      let j = i;
      while (j + 1 < tokens.length && tokens[j + 1]!.start < e.end) j++;
      if (tokens[j]!.end !== e.end) return null;
      const start = e.start + delta;
      tokens[w++] = blockToken(start, start + e.length, t.space, true);
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
    tokens[w++] = t;
  }
  if (k !== edits.length) return null;
  tokens.length = w;
  return tokens;
}
