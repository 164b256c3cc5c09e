import { rowId } from './row-id.js';
import { sql } from 'kysely';
import type { Dialect } from './db.js';
import type { Executor } from './executor.js';
import type { OutboxTable } from './schema.js';

export type OutboxStatus = 'pending' | 'running' | 'done' | 'failed';

export type OutboxItem = {
  id: string;
  accountUuid: string;
  callId: string;
  idempotencyKey: string;
  actionKey: string;
  kind: string;
  payload: unknown;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: string;
  recordUuid?: string;
  lastError?: string;
  createdAt: string;
  updatedAt: string;
};

function toItem(r: OutboxTable): OutboxItem {
  return {
    id: r.id, accountUuid: r.account_uuid, callId: r.call_id, idempotencyKey: r.idempotency_key, actionKey: r.action_key,
    kind: r.kind, payload: JSON.parse(r.payload_json), status: r.status as OutboxStatus, attempts: Number(r.attempts),
    nextAttemptAt: r.next_attempt_at, recordUuid: r.record_uuid ?? undefined, lastError: r.last_error ?? undefined,
    createdAt: r.created_at, updatedAt: r.updated_at,
  };
}

export type NewOutboxItem = { accountUuid: string; callId: string; idempotencyKey: string; actionKey: string; kind: string; payload: unknown; notBefore?: Date };

export function outboxRepo(db: Executor, dialect: Dialect, now: () => Date) {
  return {
    /** Insert-or-ignore on the idempotency key: planning the same action twice enqueues it once. */
    async enqueue(item: NewOutboxItem): Promise<boolean> {
      return (await this.enqueueMany([item])).size > 0;
    },

    /** enqueue for many items in one statement; returns the idempotency keys that were new. */
    async enqueueMany(items: readonly NewOutboxItem[]): Promise<Set<string>> {
      if (items.length === 0) return new Set();
      const at = now().toISOString();
      const rows = items.map((item) => ({
        id: rowId(), account_uuid: item.accountUuid, call_id: item.callId, idempotency_key: item.idempotencyKey,
        action_key: item.actionKey, kind: item.kind, payload_json: JSON.stringify(item.payload), status: 'pending', attempts: 0,
        next_attempt_at: (item.notBefore ?? now()).toISOString(), lease_owner: null, lease_until: null, record_uuid: null,
        last_error: null, created_at: at, updated_at: at,
      })).sort((a, b) => (a.idempotency_key < b.idempotency_key ? -1 : 1));
      const r = await db.insertInto('outbox').values(rows).onConflict((oc) => oc.column('idempotency_key').doNothing()).returning('idempotency_key').execute();
      return new Set(r.map((x) => x.idempotency_key));
    },

    /**
     * Leases up to `limit` due items. PostgreSQL: FOR UPDATE SKIP LOCKED so any number of workers share
     * the queue without taking the same row; SQLite: one writer at a time, so a plain UPDATE … RETURNING.
     * Expired leases (a crashed worker) become claimable again.
     */
    async claim(owner: string, limit: number, leaseMs: number): Promise<OutboxItem[]> {
      const at = now();
      const nowIso = at.toISOString();
      const leaseUntil = new Date(at.getTime() + leaseMs).toISOString();
      let due = db.selectFrom('outbox').select('id')
        .where((eb) => eb.or([
          eb.and([eb('status', '=', 'pending'), eb('next_attempt_at', '<=', nowIso)]),
          eb.and([eb('status', '=', 'running'), eb('lease_until', '<', nowIso)]),
        ]))
        .orderBy('next_attempt_at').limit(limit);
      if (dialect === 'postgres') due = due.forUpdate().skipLocked();
      const rows = await db.updateTable('outbox')
        .set({ status: 'running', lease_owner: owner, lease_until: leaseUntil, attempts: sql`attempts + 1`, updated_at: nowIso })
        .where('id', 'in', due).returningAll().execute();
      return rows.map(toItem);
    },

    /**
     * Extends this worker's lease just before it runs an item of its batch; false when the lease already
     * lapsed (another worker may have the item now), so the item is skipped instead of run twice.
     */
    async renew(id: string, owner: string, leaseMs: number): Promise<boolean> {
      const at = now();
      const r = await db.updateTable('outbox').set({ lease_until: new Date(at.getTime() + leaseMs).toISOString() })
        .where('id', '=', id).where('lease_owner', '=', owner).where('status', '=', 'running').where('lease_until', '>', at.toISOString()).executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },

    /** Marks done only if this worker still holds the lease (a stale worker cannot overwrite). */
    async complete(id: string, owner: string, recordUuid: string | undefined): Promise<boolean> {
      const r = await db.updateTable('outbox').set({ status: 'done', record_uuid: recordUuid ?? null, lease_owner: null, lease_until: null, last_error: null, updated_at: now().toISOString() })
        .where('id', '=', id).where('lease_owner', '=', owner).executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },

    async retryLater(id: string, owner: string, error: string, at: Date): Promise<void> {
      await db.updateTable('outbox').set({ status: 'pending', next_attempt_at: at.toISOString(), last_error: error, lease_owner: null, lease_until: null, updated_at: now().toISOString() })
        .where('id', '=', id).where('lease_owner', '=', owner).execute();
    },

    async fail(id: string, owner: string, error: string): Promise<void> {
      await db.updateTable('outbox').set({ status: 'failed', last_error: error, lease_owner: null, lease_until: null, updated_at: now().toISOString() })
        .where('id', '=', id).where('lease_owner', '=', owner).execute();
    },

    /** Puts a failed item back in the queue (a person chose "retry" in the review queue). */
    async requeue(accountUuid: string, id: string): Promise<void> {
      // A person chose to retry: a fresh set of attempts, not the one left over from before.
      await db.updateTable('outbox').set({ status: 'pending', attempts: 0, lease_owner: null, lease_until: null, next_attempt_at: now().toISOString(), updated_at: now().toISOString() })
        .where('account_uuid', '=', accountUuid).where('id', '=', id).where('status', '=', 'failed').execute();
    },

    async listForCall(accountUuid: string, callId: string): Promise<OutboxItem[]> {
      const rows = await db.selectFrom('outbox').selectAll().where('account_uuid', '=', accountUuid).where('call_id', '=', callId).orderBy('created_at').execute();
      return rows.map(toItem);
    },

    async get(accountUuid: string, id: string): Promise<OutboxItem | undefined> {
      const r = await db.selectFrom('outbox').selectAll().where('account_uuid', '=', accountUuid).where('id', '=', id).executeTakeFirst();
      return r ? toItem(r) : undefined;
    },

    /** Queue depth by status, for /metrics and the operator. */
    async depth(): Promise<Record<OutboxStatus, number>> {
      const rows = await db.selectFrom('outbox').select(['status', (eb) => eb.fn.countAll<string>().as('n')]).groupBy('status').execute();
      const out: Record<OutboxStatus, number> = { pending: 0, running: 0, done: 0, failed: 0 };
      for (const r of rows) out[r.status as OutboxStatus] = Number(r.n);
      return out;
    },

    /** Earliest time any pending item becomes due (lets a worker sleep exactly long enough). */
    async nextDueAt(): Promise<string | undefined> {
      const r = await db.selectFrom('outbox').select((eb) => eb.fn.min('next_attempt_at').as('t')).where('status', '=', 'pending').executeTakeFirst();
      return (r?.t as string | null) ?? undefined;
    },
  };
}
export type OutboxRepo = ReturnType<typeof outboxRepo>;
