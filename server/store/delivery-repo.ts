import { rowId } from './row-id.js';
import type { Executor } from './executor.js';
import type { DeliveriesTable } from './schema.js';

export type DeliveryOutcome = 'accepted' | 'duplicate' | 'stale' | 'ignored' | 'invalid';
export type Delivery = {
  id: string; accountUuid: string; connectionId?: string; providerCallId?: string; event?: string;
  outcome: DeliveryOutcome; errors?: { field: string; message: string }[]; bodyRedacted: string; redactionKinds: string[]; receivedAt: string;
};

export type NewDelivery = Omit<Delivery, 'id' | 'receivedAt'>;

function toDelivery(r: DeliveriesTable): Delivery {
  return {
    id: r.id, accountUuid: r.account_uuid, connectionId: r.connection_id ?? undefined, providerCallId: r.provider_call_id ?? undefined,
    event: r.event ?? undefined, outcome: r.outcome as DeliveryOutcome, errors: r.errors_json ? JSON.parse(r.errors_json) : undefined,
    bodyRedacted: r.body_redacted, redactionKinds: JSON.parse(r.redaction_kinds), receivedAt: r.received_at,
  };
}

/** Every delivery is kept, redacted, with what happened to it, so an operator can inspect and replay it. */
export function deliveryRepo(db: Executor, now: () => Date) {
  return {
    async record(d: NewDelivery): Promise<string> {
      return (await this.recordMany([d]))[0]!;
    },

    /** Keeps many deliveries in one statement; ids in input order. */
    async recordMany(list: readonly NewDelivery[]): Promise<string[]> {
      if (list.length === 0) return [];
      const at = now().toISOString();
      const rows = list.map((d) => ({
        id: rowId(), account_uuid: d.accountUuid, connection_id: d.connectionId ?? null, provider_call_id: d.providerCallId ?? null,
        event: d.event ?? null, outcome: d.outcome, errors_json: d.errors ? JSON.stringify(d.errors) : null,
        body_redacted: d.bodyRedacted, redaction_kinds: JSON.stringify(d.redactionKinds), received_at: at,
      }));
      await db.insertInto('deliveries').values(rows).execute();
      return rows.map((r) => r.id);
    },

    async setOutcome(id: string, outcome: DeliveryOutcome): Promise<void> {
      await db.updateTable('deliveries').set({ outcome }).where('id', '=', id).execute();
    },

    /** Unscoped by design: used only by the operator's replay command, which runs with database access anyway. */
    async getForOperator(id: string): Promise<Delivery | undefined> {
      const r = await db.selectFrom('deliveries').selectAll().where('id', '=', id).executeTakeFirst();
      return r ? toDelivery(r) : undefined;
    },

    async listForCall(accountUuid: string, providerCallId: string): Promise<Delivery[]> {
      const rows = await db.selectFrom('deliveries').selectAll().where('account_uuid', '=', accountUuid).where('provider_call_id', '=', providerCallId).orderBy('received_at').execute();
      return rows.map(toDelivery);
    },
  };
}
export type DeliveryRepo = ReturnType<typeof deliveryRepo>;
