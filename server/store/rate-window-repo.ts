import { sql } from 'kysely';
import type { Executor } from './executor.js';

/**
 * Shared request counters per account and window (minute or day), so several processes on one
 * PostgreSQL database stay under ServiceM8's 180/min and 20 000/day together.
 */
export function rateWindowRepo(db: Executor) {
  return {
    /** Atomically adds one to the window's counter if it is below `limit`; returns whether it did. */
    async tryTake(accountUuid: string, window: string, limit: number): Promise<boolean> {
      const r = await db.insertInto('rate_windows').values({ account_uuid: accountUuid, window, count: 1 })
        .onConflict((oc) => oc.columns(['account_uuid', 'window']).doUpdateSet({ count: sql`rate_windows.count + 1` }).where('rate_windows.count', '<', limit))
        .executeTakeFirst();
      return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
    },

    async giveBack(accountUuid: string, window: string): Promise<void> {
      await db.updateTable('rate_windows').set({ count: sql`count - 1` }).where('account_uuid', '=', accountUuid).where('window', '=', window).where('count', '>', 0).execute();
    },

    async prune(before: string): Promise<void> {
      await db.deleteFrom('rate_windows').where('window', '<', before).execute();
    },
  };
}
