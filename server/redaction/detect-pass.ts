import { detectNumbers, type NumberFinding } from './detect-digits.js';
import { findIbans } from './bank-numbers.js';
import { findCanonicalBank } from './canonical-bank.js';
import { findNinos } from './tax-ids.js';
import { findEmails, findMarkers, findUrls, mergeSpans, notOverlapping, spansWithin } from './keep-zones.js';
import type { Finding, FindingKind } from './findings.js';
import { tokenize, type Span, type Token } from './tokens.js';
import { editedSpans, retokenize, sameSpans, type Edit } from './retokenize.js';

// One detection pass over a text: IBANs and NINOs by pattern and checksum, URLs on their own (kept
// unless they carry a card), then every written or spoken number in the prose around them.

export type Replacement = Finding & { token: string };

export const TOKENS: Record<FindingKind, string> = {
  card: '[card number]', security_code: '[security code]', expiry: '[expiry]', pin: '[pin]',
  bank_account: '[bank account]', bsb: '[bsb]', sort_code: '[sort code]', routing_number: '[routing number]',
  iban: '[iban]', tax_id: '[tax id]',
};

function replacementsOf(f: NumberFinding): Replacement[] {
  return f.pieces.map((p, i) => {
    // At most the last four digits of a card survive, and only on its final piece (the rule).
    const last = i === f.pieces.length - 1;
    const token = f.kind === 'card' && last && f.digits.length >= 13 ? `[card ending ${f.digits.slice(-4)}]` : TOKENS[f.kind];
    return { kind: f.kind, start: p.start, end: p.end, token };
  });
}

function patternFindings(input: string, skip: readonly Span[]): Replacement[] {
  const ibanCandidates = findIbans(input);
  const ninoCandidates = findNinos(input);
  const bankCandidates = findCanonicalBank(input, ibanCandidates.starts);
  if (ibanCandidates.length === 0 && ninoCandidates.length === 0 && bankCandidates.length === 0) return []; // most texts: no sorting at all
  const ibans = notOverlapping(ibanCandidates, mergeSpans(skip));
  const ninos = notOverlapping(ninoCandidates, mergeSpans([...skip, ...ibans]));
  const banks = notOverlapping(bankCandidates, mergeSpans([...skip, ...ibans, ...ninos]));
  const fixed = (list: Span[], kind: FindingKind): Replacement[] => list.map((s) => ({ kind, start: s.start, end: s.end, token: TOKENS[kind] }));
  return [...fixed(ibans, 'iban'), ...fixed(ninos, 'tax_id'), ...banks.map((s) => ({ kind: s.kind, start: s.start, end: s.end, token: TOKENS[s.kind] }))];
}

/** One pass: its replacements (unsorted, non-overlapping), and the main tokens and skipped spans it read. */
export type Pass = { found: Replacement[]; tokens: Token[]; main: Span[] };

/** What the previous pass read, and the edits that turned its text into this one (retokenize.ts). */
export type Reuse = { tokens: Token[]; main: Span[]; edits: readonly Edit[] };

/** The replacements one pass finds in `input`. */
export function detectPass(input: string, reuse?: Reuse): Pass {
  const markers = findMarkers(input);
  const emails = findEmails(input);
  const urls = notOverlapping(findUrls(input), mergeSpans(emails));
  const found = patternFindings(input, [...emails, ...markers]);
  // Spans already redacted (IBANs, NINOs, URLs with a card in them) count as numbers already read,
  // exactly as their tokens will on a later pass.
  const read: Span[] = [...markers, ...found.map((f) => ({ start: f.start, end: f.end, marker: true }))];
  const insideUrls = urls.length > 0 ? spansWithin([...read].sort((a, b) => a.start - b.start), urls) : [];
  const plainUrls: Span[] = [];
  for (const [u, url] of urls.entries()) {
    const inside = mergeSpans(insideUrls[u]!);
    const inUrl = detectNumbers(input, url.start, url.end, inside, true);
    for (const f of inUrl) found.push(...replacementsOf(f));
    if (inUrl.length > 0 || inside.length > 0) read.push({ ...url, marker: true });
    else plainUrls.push(url);
  }
  const main = mergeSpans([...read, ...emails, ...plainUrls]);
  const expected = reuse ? editedSpans(reuse.main, reuse.edits) : null;
  const reused = reuse && expected && sameSpans(expected, main) ? retokenize(reuse.tokens, reuse.edits) : null;
  const tokens = reused ?? tokenize(input, 0, input.length, main);
  const known = found.map((r) => ({ kind: r.kind, digits: input.slice(r.start, r.end).replace(/\D/g, ''), pieces: [{ start: r.start, end: r.end }] }));
  for (const f of detectNumbers(input, 0, input.length, main, false, tokens, known)) for (const r of replacementsOf(f)) found.push(r);
  return { found, tokens, main };
}
