import { detectPass, type Pass, type Replacement, type Reuse } from './detect-pass.js';
import type { Finding } from './findings.js';
import { mayHoldNumber } from './number-words.js';
import { withoutKnownReferences } from './known-references.js';

export type { Finding, FindingKind } from './findings.js';
export type { Replacement } from './detect-pass.js';
export type Redaction = { text: string; findings: Finding[] };

/** Copied stretches of the input in an output: [outputStart, inputStart, length]. */
type Copy = [number, number, number];

type Applied = { text: string; copies: Copy[]; findings: Finding[]; kept: Replacement[] };

function apply(input: string, found: readonly Replacement[]): Applied {
  let text = '';
  let at = 0;
  const copies: Copy[] = [];
  const findings: Finding[] = [];
  const kept: Replacement[] = [];
  for (const r of found) {
    if (r.start < at) continue;
    copies.push([text.length, at, r.start - at]);
    text += input.slice(at, r.start) + r.token;
    at = r.end;
    findings.push({ kind: r.kind, start: r.start, end: r.end });
    kept.push(r);
  }
  copies.push([text.length, at, input.length - at]);
  return { text: text + input.slice(at), copies, findings, kept };
}

/** Maps a later pass's replacement back onto the input; null if it straddles a token (never expected). */
function toInput(r: Replacement, copies: readonly Copy[]): Replacement | null {
  for (const [out, from, len] of copies) {
    if (r.start >= out && r.end <= out + len) return { ...r, start: r.start - out + from, end: r.end - out + from };
  }
  return null;
}

const MAX_PASSES = 4;
const NONE: ReadonlySet<string> = new Set();

/** What the first pass read, and the replacements that made the text the second pass reads. */
function reuseOf(first: Pass, applied: readonly Replacement[]): Reuse {
  return { tokens: first.tokens, main: first.main, edits: applied.map((r) => ({ start: r.start, end: r.end, length: r.token.length })) };
}

/**
 * Removes card numbers, security codes, expiry dates, PINs, bank details and personal tax ids from
 * free text, written or spoken, and keeps everything else byte for byte. Redacting a second time
 * changes nothing: when a pass finds something, the result is checked again until nothing new turns
 * up (a removed number can change how the numbers around it read).
 * `references`: digits of the call's own long references (known-references.ts), kept where they are read.
 * @example redactText('card <16-digit card number ending 1111>').text === 'card [card ending 1111]'
 */
export function redactText(input: string, references: ReadonlySet<string> = NONE): Redaction {
  const { text, findings } = redactToReplacements(input, references);
  return { text, findings };
}

/** redactText plus the token each finding was replaced with (for callers that redact pieces of a text). */
export function redactToReplacements(input: string, references: ReadonlySet<string> = NONE): Redaction & { replacements: Replacement[] } {
  if (!mayHoldNumber(input)) return { text: input, findings: [], replacements: [] };
  const first = detectPass(input);
  let found = withoutKnownReferences(input, first.found, references).sort((a, b) => a.start - b.start);
  let result = apply(input, found);
  for (let pass = 1; pass < MAX_PASSES && found.length > 0; pass++) {
    // The second pass reuses the first one's tokens where the text is unchanged (retokenize.ts).
    const next = detectPass(result.text, pass === 1 ? reuseOf(first, result.kept) : undefined);
    let more: Replacement[] = [];
    for (const r of next.found) {
      const mapped = toInput(r, result.copies);
      if (mapped) more.push(mapped);
    }
    more = withoutKnownReferences(input, more, references);
    if (more.length === 0) break;
    found = [...found, ...more].sort((a, b) => a.start - b.start);
    result = apply(input, found);
  }
  return { text: found.length === 0 ? input : result.text, findings: result.findings, replacements: result.kept };
}
