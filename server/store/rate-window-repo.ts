import { sql } from 'kysely';
import type { Dialect } from './db.js';
import type { Executor } from './executor.js';

const BUCKET_MS = 10_000;
const bucketKey = (ms: number) => `b:${String(Math.floor(ms / BUCKET_MS)).padStart(12, '0')}`;
const dayKey = (ms: number) => `d:${new Date(ms).toISOString().slice(0, 10)}`;

/**
 * Shared request counters per account, so several processes on one PostgreSQL database stay under
 * ServiceM8's 180/min and 20 000/day together. The minute is a sliding window of six 10-second buckets
 * (a fixed minute would allow a double burst across its boundary). Must run inside a transaction: the
 * advisory lock serialises one account's takers across processes.
 */
export function rateWindowRepo(db: Executor, dialect: Dialect) {
  return {
    /** Takes one request slot if free; otherwise returns how long to wait before trying again. */
    async take(accountUuid: string, nowMs: number, perMinute: number, perDay: number): Promise<{ ok: true } | { ok: false; waitMs: number }> {
      if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(hashtext(${`rate:${accountUuid}`}))`.execute(db);
      const oldest = bucketKey(nowMs - 60_000 + BUCKET_MS);
      const rows = await db.selectFrom('rate_windows').select(['window', 'count']).where('account_uuid', '=', accountUuid)
        .where((eb) => eb.or([eb.and([eb('window', '>=', oldest), eb('window', 'like', 'b:%')]), eb('window', '=', dayKey(nowMs))])).execute();
      const minute = rows.filter((r) => r.window.startsWith('b:'));
      const used = minute.reduce((n, r) => n + Number(r.count), 0);
      const day = Number(rows.find((r) => r.window.startsWith('d:'))?.count ?? 0);
      if (day >= perDay) return { ok: false, waitMs: 86_400_000 - (nowMs % 86_400_000) };
      if (used >= perMinute) {
        const first = minute.map((r) => Number(r.window.slice(2))).sort((a, b) => a - b)[0] ?? 0;
        return { ok: false, waitMs: Math.max(50, (first + 1) * BUCKET_MS + 60_000 - BUCKET_MS - nowMs) };
      }
      for (const window of [bucketKey(nowMs), dayKey(nowMs)]) {
        await db.insertInto('rate_windows').values({ account_uuid: accountUuid, window, count: 1 })
          .onConflict((oc) => oc.columns(['account_uuid', 'window']).doUpdateSet({ count: sql`rate_windows.count + 1` })).execute();
      }
      return { ok: true };
    },

    /** Forgets buckets older than the sliding minute and days before today. */
    async prune(nowMs: number): Promise<void> {
      await db.deleteFrom('rate_windows').where('window', 'like', 'b:%').where('window', '<', bucketKey(nowMs - 120_000)).execute();
      await db.deleteFrom('rate_windows').where('window', 'like', 'd:%').where('window', '<', dayKey(nowMs - 86_400_000)).execute();
    },
  };
}
