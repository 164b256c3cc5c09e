import { rowId } from './row-id.js';
import type { Executor } from './executor.js';

export type ReviewStatus = 'open' | 'resolved' | 'dismissed';
export type ReviewItem = {
  id: string; accountUuid: string; callId: string; reason: string; detail: string; status: ReviewStatus;
  resolution?: string; resolvedBy?: string; createdAt: string; resolvedAt?: string;
};

/** The finance review queue. One open item per (call, reason): re-planning a call never duplicates it. */
export function reviewRepo(db: Executor, now: () => Date) {
  const toItem = (r: any): ReviewItem => ({
    id: r.id, accountUuid: r.account_uuid, callId: r.call_id, reason: r.reason, detail: r.detail, status: r.status,
    resolution: r.resolution ?? undefined, resolvedBy: r.resolved_by ?? undefined, createdAt: r.created_at, resolvedAt: r.resolved_at ?? undefined,
  });
  return {
    async open(accountUuid: string, callId: string, reason: string, detail: string): Promise<boolean> {
      const r = await db.insertInto('review_items').values({
        id: rowId(), account_uuid: accountUuid, call_id: callId, reason, detail, status: 'open', resolution: null,
        resolved_by: null, created_at: now().toISOString(), resolved_at: null,
      // One row per (call, reason): a repeat while open changes nothing; a reason that comes back after the
      // item was closed (a retried delivery failing again) reopens it so finance sees it.
      }).onConflict((oc) => oc.columns(['call_id', 'reason']).doUpdateSet({ status: 'open', detail, resolution: null, resolved_by: null, resolved_at: null, created_at: now().toISOString() })
        .where('review_items.status', '!=', 'open')).executeTakeFirst();
      return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
    },

    async close(accountUuid: string, id: string, status: 'resolved' | 'dismissed', resolution: string, by: string): Promise<boolean> {
      const r = await db.updateTable('review_items').set({ status, resolution, resolved_by: by, resolved_at: now().toISOString() })
        .where('account_uuid', '=', accountUuid).where('id', '=', id).where('status', '=', 'open').executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },

    async closeAllForCall(accountUuid: string, callId: string, resolution: string, by: string): Promise<void> {
      await db.updateTable('review_items').set({ status: 'resolved', resolution, resolved_by: by, resolved_at: now().toISOString() })
        .where('account_uuid', '=', accountUuid).where('call_id', '=', callId).where('status', '=', 'open').execute();
    },

    async get(accountUuid: string, id: string): Promise<ReviewItem | undefined> {
      const r = await db.selectFrom('review_items').selectAll().where('account_uuid', '=', accountUuid).where('id', '=', id).executeTakeFirst();
      return r ? toItem(r) : undefined;
    },

    async list(accountUuid: string, status: ReviewStatus = 'open', limit = 100): Promise<ReviewItem[]> {
      const rows = await db.selectFrom('review_items').selectAll().where('account_uuid', '=', accountUuid).where('status', '=', status)
        .orderBy('created_at', 'desc').limit(limit).execute();
      return rows.map(toItem);
    },

    async listForCall(accountUuid: string, callId: string): Promise<ReviewItem[]> {
      const rows = await db.selectFrom('review_items').selectAll().where('account_uuid', '=', accountUuid).where('call_id', '=', callId).orderBy('created_at').execute();
      return rows.map(toItem);
    },
  };
}
export type ReviewRepo = ReturnType<typeof reviewRepo>;
