import type { Connection } from './account-repo.js';

export type ConnectionCache = {
  get(id: string, nowMs: number): Connection | undefined;
  set(id: string, c: Connection, nowMs: number): void;
  clear(): void;
};

/**
 * Every webhook looks its connection up (secrets to verify with, the account's region and currency).
 * Keeping the answer for a few seconds saves a database round trip per delivery. This process drops
 * the whole cache on any account or connection write (rotation, deactivation, settings), so its own
 * changes apply at once; another process sharing the database sees them within `ttlMs`, which a
 * rotation's grace period (the previous secret stays valid) covers. Unknown ids are never cached.
 */
export function createConnectionCache(ttlMs = 5_000, maxEntries = 1_000): ConnectionCache {
  const entries = new Map<string, { c: Connection; until: number }>();
  return {
    get(id, nowMs) {
      const e = entries.get(id);
      if (!e) return undefined;
      if (e.until > nowMs) return e.c;
      entries.delete(id);
      return undefined;
    },
    set(id, c, nowMs) {
      if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!); // oldest first
      entries.set(id, { c, until: nowMs + ttlMs });
    },
    clear: () => entries.clear(),
  };
}
