import type { Sm8Company, Sm8Contact, Sm8Job, Sm8Staff } from '../domain/servicem8-records.js';
import type { ServiceM8Client } from '../servicem8/client.js';

export type DirectorySnapshot = { companies: Sm8Company[]; contacts: Sm8Contact[]; jobs: Sm8Job[]; staff: Sm8Staff[]; fetchedAt: number };

/**
 * A brief per-account cache of what matching reads (clients, contacts, jobs, staff), so a burst of calls
 * costs five list requests per TTL instead of five per call — ServiceM8 allows 180 a minute (platform-notes
 * gotcha 14). Concurrent misses share one fetch. Phones are stored in any format, so they cannot be
 * filtered server-side: matching needs the contact lists anyway.
 */
export function createDirectoryCache(o: { ttlMs?: number; now: () => Date }) {
  const ttl = o.ttlMs ?? 60_000;
  const entries = new Map<string, Promise<DirectorySnapshot>>();

  async function load(client: ServiceM8Client): Promise<DirectorySnapshot> {
    const [companies, companyContacts, jobContacts, jobs, staff] = await Promise.all([
      client.listCompanies(), client.listCompanyContacts(), client.listJobContacts(), client.listJobs(), client.listStaff(),
    ]);
    return { companies, contacts: [...companyContacts, ...jobContacts], jobs, staff, fetchedAt: o.now().getTime() };
  }

  return {
    async get(accountUuid: string, client: ServiceM8Client): Promise<DirectorySnapshot> {
      const hit = entries.get(accountUuid);
      if (hit) {
        const snap = await hit.catch(() => undefined);
        if (snap && o.now().getTime() - snap.fetchedAt < ttl) return snap;
        if (entries.get(accountUuid) !== hit) return this.get(accountUuid, client);
      }
      const p = load(client);
      entries.set(accountUuid, p);
      p.catch(() => { if (entries.get(accountUuid) === p) entries.delete(accountUuid); });
      return p;
    },
    /** Drops an account's snapshot (a job webhook said something changed). */
    invalidate(accountUuid: string) {
      entries.delete(accountUuid);
    },
  };
}
export type DirectoryCache = ReturnType<typeof createDirectoryCache>;
