import type { Executor } from './executor.js';

export type AuditEvent = { id: number; accountUuid: string; callId?: string; actor: string; action: string; detail: Record<string, unknown>; at: string };

export type NewAuditEvent = { accountUuid: string; callId?: string; actor: string; action: string; detail?: Record<string, unknown> };

/** Append-only: the table refuses UPDATE and DELETE (see migration 001). */
export function auditRepo(db: Executor, now: () => Date) {
  return {
    async append(e: NewAuditEvent): Promise<void> {
      await this.appendMany([e]);
    },

    async appendMany(events: readonly NewAuditEvent[]): Promise<void> {
      if (events.length === 0) return;
      const at = now().toISOString();
      await db.insertInto('audit_events').values(events.map((e) => ({
        account_uuid: e.accountUuid, call_id: e.callId ?? null, actor: e.actor, action: e.action, detail_json: JSON.stringify(e.detail ?? {}), at,
      }))).execute();
    },

    async listForCall(accountUuid: string, callId: string): Promise<AuditEvent[]> {
      const rows = await db.selectFrom('audit_events').selectAll().where('account_uuid', '=', accountUuid).where('call_id', '=', callId).orderBy('id').execute();
      return rows.map((r) => ({ id: Number(r.id), accountUuid: r.account_uuid, callId: r.call_id ?? undefined, actor: r.actor, action: r.action, detail: JSON.parse(r.detail_json), at: r.at }));
    },
  };
}
export type AuditRepo = ReturnType<typeof auditRepo>;
