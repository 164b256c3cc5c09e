import { detectNumbers, type NumberFinding } from './detect-digits.js';
import { findIbans } from './bank-numbers.js';
import { findNinos } from './tax-ids.js';
import { findEmails, findMarkers, findUrls, mergeSpans, overlaps, within } from './keep-zones.js';
import type { Finding, FindingKind } from './findings.js';
import type { Span } from './tokens.js';

export type { Finding, FindingKind } from './findings.js';
export type Redaction = { text: string; findings: Finding[] };

const TOKENS: Record<FindingKind, string> = {
  card: '[card number]', security_code: '[security code]', expiry: '[expiry]', pin: '[pin]',
  bank_account: '[bank account]', bsb: '[bsb]', sort_code: '[sort code]', routing_number: '[routing number]',
  iban: '[iban]', tax_id: '[tax id]',
};

type Replacement = Finding & { token: string };

function replacementsOf(f: NumberFinding): Replacement[] {
  return f.pieces.map((p, i) => {
    // At most the last four digits of a card survive, and only on its final piece (the rule).
    const last = i === f.pieces.length - 1;
    const token = f.kind === 'card' && last && f.digits.length >= 13 ? `[card ending ${f.digits.slice(-4)}]` : TOKENS[f.kind];
    return { kind: f.kind, start: p.start, end: p.end, token };
  });
}

/**
 * Removes card numbers, security codes, expiry dates, PINs, bank details and personal tax ids from
 * free text, written or spoken, and keeps everything else byte for byte.
 * @example redactText('card 4111 1111 1111 1111').text === 'card [card ending 1111]'
 */
export function redactText(input: string): Redaction {
  const markers = findMarkers(input);
  const emails = findEmails(input);
  const urls = findUrls(input).filter((u) => !emails.some((e) => overlaps(u, e)));
  const fixed: Replacement[] = [];
  const addFixed = (spans: Span[], kind: FindingKind): void => {
    for (const s of spans) {
      if (emails.some((e) => overlaps(s, e)) || markers.some((m) => overlaps(s, m))) continue;
      if (fixed.some((f) => overlaps(s, f))) continue;
      fixed.push({ kind, start: s.start, end: s.end, token: TOKENS[kind] });
    }
  };
  addFixed(findIbans(input), 'iban');
  addFixed(findNinos(input), 'tax_id');
  const found: Replacement[] = [...fixed];
  const main = mergeSpans([...markers, ...emails, ...urls, ...fixed]).map((s) => ({ ...s, marker: markers.some((m) => m.start === s.start && m.end === s.end) }));
  for (const f of detectNumbers(input, 0, input.length, main, false)) found.push(...replacementsOf(f));
  for (const url of urls) {
    const inside = mergeSpans([...markers, ...fixed].filter((s) => within(s, url)));
    for (const f of detectNumbers(input, url.start, url.end, inside, true)) found.push(...replacementsOf(f));
  }
  found.sort((a, b) => a.start - b.start);
  let text = '';
  let at = 0;
  const findings: Finding[] = [];
  for (const r of found) {
    if (r.start < at) continue;
    text += input.slice(at, r.start) + r.token;
    at = r.end;
    findings.push({ kind: r.kind, start: r.start, end: r.end });
  }
  return { text: at === 0 ? input : text + input.slice(at), findings };
}
