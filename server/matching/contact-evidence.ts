import type { CallAnalysis } from '../domain/call-outcome.js';
import { describeContact, normaliseEmail, type DirectoryIndex, type IndexedContact } from './directory-index.js';
import { shareEvidence, type Evidence } from './evidence.js';
import type { KnownReference } from './match-input.js';
import { SIGNAL_WEIGHTS } from './match-scoring.js';

/** The caller's phone against every active company and job contact's phone and mobile, both in E.164. */
export function phoneEvidence(index: DirectoryIndex, e164: string | undefined, notes: string[]): Evidence[] {
  if (!e164) return [];
  const label = `phone ${e164}`;
  return contactEvidence(index, 'phone', label, (c) => c.phones.includes(e164), notes, (who) => `${label} is ${who}`);
}

/** The caller's email against contact emails, case-insensitively. */
export function emailEvidence(index: DirectoryIndex, email: string | undefined, notes: string[]): Evidence[] {
  const wanted = normaliseEmail(email ?? '');
  if (!wanted) return [];
  return contactEvidence(index, 'email', 'email', (c) => c.email === wanted, notes, (who) => `email matches ${who}`);
}

/** Payment and subscription ids seen on earlier matched calls. */
export function knownReferenceEvidence(
  index: DirectoryIndex,
  analysis: CallAnalysis | undefined,
  knownRefs: readonly KnownReference[],
): Evidence[] {
  const given = [['payment_id', analysis?.paymentId], ['subscription_id', analysis?.subscriptionId]] as const;
  return given.flatMap(([kind, raw]) => {
    const value = raw?.trim();
    if (!value) return [];
    const noun = kind === 'payment_id' ? 'payment id' : 'subscription id';
    const perCompany = new Map<string, { jobUuid?: string; reason: string }>();
    for (const known of knownRefs) {
      const company = index.companies.get(known.companyUuid);
      if (known.kind !== kind || known.value.trim() !== value || !company || perCompany.has(company.uuid)) continue;
      const job = index.jobs.find((j) => j.uuid === known.jobUuid && j.companyUuid === company.uuid);
      const where = job ? `job ${job.jobNumber} for ${company.name}` : company.name;
      perCompany.set(company.uuid, { jobUuid: job?.uuid, reason: `${noun} was seen on an earlier call about ${where}` });
    }
    return shareEvidence(kind, noun, SIGNAL_WEIGHTS.knownReference, perCompany);
  });
}

function contactEvidence(
  index: DirectoryIndex,
  source: 'phone' | 'email',
  label: string,
  matches: (c: IndexedContact) => boolean,
  notes: string[],
  sentence: (who: string) => string,
): Evidence[] {
  const perCompany = new Map<string, { reason: string }>();
  for (const hit of index.contacts.filter(matches).sort(billingFirst)) {
    if (perCompany.has(hit.companyUuid)) continue;
    const name = index.companies.get(hit.companyUuid)?.name ?? '';
    perCompany.set(hit.companyUuid, { reason: sentence(describeContact(hit, name)) });
  }
  if (perCompany.size > 1) {
    const names = [...perCompany.keys()].map((uuid) => index.companies.get(uuid)?.name ?? uuid).sort();
    notes.push(`${label} is shared by ${perCompany.size} clients: ${names.join(', ')}`);
  }
  const weight = source === 'email' ? SIGNAL_WEIGHTS.email : SIGNAL_WEIGHTS.phone;
  return shareEvidence(source, label, weight, perCompany);
}

// The billing contact is the most telling description of a match, then company contacts before job contacts.
function billingFirst(a: IndexedContact, b: IndexedContact): number {
  const rank = (c: IndexedContact) => (c.contact.type.toUpperCase() === 'BILLING' ? 0 : 2) + (c.job ? 1 : 0);
  return rank(a) - rank(b) || a.contact.uuid.localeCompare(b.contact.uuid, 'en');
}
