import type { Sm8Contact } from '../domain/servicem8-records.js';
import { describeContact, type DirectoryIndex } from './directory-index.js';
import type { Evidence } from './evidence.js';
import { SIGNAL_WEIGHTS } from './match-scoring.js';

// Words that say nothing about who a client is.
const FILLER = new Set(['pty', 'ltd', 'limited', 'inc', 'llc', 'co', 'company', 'the', 'and', 'of', 'mr', 'mrs', 'ms', 'dr']);

/** Lower-case words without accents or punctuation: "J. O'Brien" → ["j", "obrien"]. */
export function nameTokens(name: string): string[] {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f']/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((t) => t && !FILLER.has(t));
}

/**
 * The caller's name fits a contact when the contact's surname is among the caller's words and any other
 * word the caller gave agrees with the first name ("J. Smith" and "Jo Smith" fit John Smith; "Ann Smith" does not).
 */
export function fitsContact(caller: readonly string[], contact: Pick<Sm8Contact, 'first' | 'last'>): boolean {
  const last = nameTokens(contact.last);
  if (last.length === 0 || !last.every((t) => caller.includes(t))) return false;
  const first = nameTokens(contact.first)[0] ?? '';
  const others = caller.filter((t) => !last.includes(t));
  return others.every((t) => first !== '' && (first.startsWith(t) || t.startsWith(first)));
}

/** The caller's name fits a client when every word of it is a word of the client's name. */
export function fitsCompany(caller: readonly string[], companyName: string): boolean {
  const words = caller.filter((t) => t.length > 1);
  const company = nameTokens(companyName);
  return words.length > 0 && words.every((t) => company.includes(t));
}

/** Weak evidence: every client whose name, or a contact's name, fits what the caller said. */
export function nameEvidence(index: DirectoryIndex, callerName: string | undefined): Evidence[] {
  const caller = nameTokens(callerName ?? '');
  if (caller.length === 0) return [];
  const reasons = new Map<string, string>();
  for (const company of index.companies.values()) {
    if (fitsCompany(caller, company.name)) reasons.set(company.uuid, `name matches client ${company.name}`);
  }
  for (const entry of index.contacts) {
    if (reasons.has(entry.companyUuid) || !fitsContact(caller, entry.contact)) continue;
    const company = index.companies.get(entry.companyUuid)?.name ?? '';
    reasons.set(entry.companyUuid, `name matches ${describeContact(entry, company)}`);
  }
  return [...reasons].map(([companyUuid, reason]) => ({
    source: 'name' as const,
    label: 'name',
    companyUuid,
    weight: SIGNAL_WEIGHTS.name,
    reasons: [reason],
  }));
}
