import type { ServiceM8Client } from './client.js';

export type StaffStanding = 'active' | 'not_active' | 'unverified';

type Entry = { active: Set<string>; fetchedAt: number };

/**
 * Is this staff member an active member of the account, by ServiceM8's staff list (`GET /staff.json`)?
 * The review canvas gets an account-wide token, so it is issued only to staff who exist and are active
 * (issue 15, item 5): a signed event names a staff uuid, and a former employee's must not open it.
 *
 * The list is cached per account (`ttlMs`, default 5 minutes: ServiceM8 allows 180 requests a minute,
 * platform-notes gotcha 14). A uuid the cached list does not hold refetches once the list is older
 * than `refreshMissAfterMs` (a member added a minute ago is not refused for five). Concurrent lookups
 * share one fetch. `unverified` when the account has no client or ServiceM8 fails: callers refuse.
 */
export function createActiveStaffCheck(o: { servicem8For: (accountUuid: string) => Promise<ServiceM8Client | undefined>; now: () => Date; ttlMs?: number; refreshMissAfterMs?: number }) {
  const ttl = o.ttlMs ?? 5 * 60_000;
  const refreshMiss = o.refreshMissAfterMs ?? 30_000;
  const entries = new Map<string, Promise<Entry>>();

  function fetch(accountUuid: string, client: ServiceM8Client): Promise<Entry> {
    const p = client.listStaff().then((staff) => ({ active: new Set(staff.filter((s) => s.active).map((s) => s.uuid)), fetchedAt: o.now().getTime() }));
    entries.set(accountUuid, p);
    p.catch(() => { if (entries.get(accountUuid) === p) entries.delete(accountUuid); });
    return p;
  }

  const age = (e: Entry) => o.now().getTime() - e.fetchedAt;

  async function current(accountUuid: string, client: ServiceM8Client, staffUuid: string): Promise<Entry> {
    const pending = entries.get(accountUuid);
    const entry = pending ? await pending.catch(() => undefined) : undefined;
    if (entry && age(entry) < ttl && (entry.active.has(staffUuid) || age(entry) < refreshMiss)) return entry;
    const latest = entries.get(accountUuid); // another lookup may have started a fetch while this one waited
    return latest && latest !== pending ? latest : fetch(accountUuid, client);
  }

  return async function standing(accountUuid: string, staffUuid: string): Promise<StaffStanding> {
    if (!staffUuid) return 'not_active';
    const client = await o.servicem8For(accountUuid).catch(() => undefined);
    if (!client) return 'unverified';
    try {
      return (await current(accountUuid, client, staffUuid)).active.has(staffUuid) ? 'active' : 'not_active';
    } catch {
      return 'unverified';
    }
  };
}
export type ActiveStaffCheck = ReturnType<typeof createActiveStaffCheck>;
