import type { Sm8Company, Sm8Contact, Sm8Job } from '../domain/servicem8-records.js';
import type { Directory } from './match-input.js';
import { toE164 } from './to-e164.js';

export type IndexedContact = {
  contact: Sm8Contact;
  companyUuid: string;
  /** The job a JobContact belongs to. */
  job?: Sm8Job;
  /** The contact's phone and mobile in E.164, whatever format ServiceM8 holds them in. */
  phones: string[];
  email: string;
};

/** Only active records: soft-deleted ServiceM8 records (active 0) never match (platform-notes §8.8). */
export type DirectoryIndex = {
  companies: Map<string, Sm8Company>;
  jobs: Sm8Job[];
  contacts: IndexedContact[];
};

/** Drops inactive records, ties each contact to its client and normalises phones and emails once per call. */
export function indexDirectory(directory: Directory, region: string): DirectoryIndex {
  const companies = new Map(directory.companies.filter((c) => c.active).map((c) => [c.uuid, c]));
  const jobs = directory.jobs.filter((j) => j.active && companies.has(j.companyUuid));
  const jobsByUuid = new Map(jobs.map((j) => [j.uuid, j]));
  const contacts: IndexedContact[] = [];
  for (const contact of directory.contacts) {
    if (!contact.active) continue;
    const job = contact.scope === 'job' && contact.jobUuid ? jobsByUuid.get(contact.jobUuid) : undefined;
    if (contact.scope === 'job' && !job) continue;
    const companyUuid = job?.companyUuid ?? contact.companyUuid;
    if (!companyUuid || !companies.has(companyUuid)) continue;
    const phones = [contact.phone, contact.mobile].map((p) => toE164(p ?? '', region)).filter(isString);
    contacts.push({ contact, companyUuid, job, phones, email: normaliseEmail(contact.email ?? '') });
  }
  return { companies, jobs, contacts };
}

export function normaliseEmail(email: string): string {
  const trimmed = email.trim().toLowerCase();
  return trimmed.includes('@') ? trimmed : '';
}

/**
 * Jobs still in play for a billing call: quotes, work orders, and completed jobs not yet fully paid
 * (`payment_received` 0). Unsuccessful and paid-up jobs are history.
 */
export function openJobsOf(index: DirectoryIndex, companyUuid: string): Sm8Job[] {
  return index.jobs.filter((j) => j.companyUuid === companyUuid && isOpenJob(j));
}

export function isOpenJob(j: Sm8Job): boolean {
  return j.active && (j.status === 'Quote' || j.status === 'Work Order' || (j.status === 'Completed' && !j.paymentReceived));
}

/** "the billing contact of Natarajan Plumbing", "the job contact on job 1042 of Natarajan Plumbing". */
export function describeContact(entry: IndexedContact, companyName: string): string {
  const type = entry.contact.type.trim().toLowerCase();
  const role = type ? `the ${type} contact` : 'a contact';
  return entry.job ? `${role} on job ${entry.job.jobNumber} of ${companyName}` : `${role} of ${companyName}`;
}

function isString(value: string | undefined): value is string {
  return typeof value === 'string';
}
