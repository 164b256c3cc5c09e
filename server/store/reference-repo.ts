import { rowId } from './row-id.js';
import type { Executor } from './executor.js';

export type KnownRef = { kind: 'payment_id' | 'subscription_id'; value: string; companyUuid: string; jobUuid?: string };
export type CallLink = { recordType: 'job' | 'company'; recordUuid: string; score: string; reasons: string[]; chosen: boolean };

/** Payment/subscription ids learnt from matched calls, and the call ↔ record links with their evidence. */
export function referenceRepo(db: Executor, now: () => Date) {
  return {
    async remember(accountUuid: string, ref: KnownRef): Promise<void> {
      await db.insertInto('known_references').values({ account_uuid: accountUuid, kind: ref.kind, value: ref.value, company_uuid: ref.companyUuid, job_uuid: ref.jobUuid ?? null, created_at: now().toISOString() })
        .onConflict((oc) => oc.columns(['account_uuid', 'kind', 'value']).doNothing()).execute();
    },

    async list(accountUuid: string, values: string[]): Promise<KnownRef[]> {
      if (!values.length) return [];
      const rows = await db.selectFrom('known_references').selectAll().where('account_uuid', '=', accountUuid).where('value', 'in', values).execute();
      return rows.map((r) => ({ kind: r.kind as KnownRef['kind'], value: r.value, companyUuid: r.company_uuid, jobUuid: r.job_uuid ?? undefined }));
    },

    async link(accountUuid: string, callId: string, l: CallLink): Promise<void> {
      await db.insertInto('call_links').values({ id: rowId(), account_uuid: accountUuid, call_id: callId, record_type: l.recordType, record_uuid: l.recordUuid, score: l.score, reasons_json: JSON.stringify(l.reasons), chosen: l.chosen ? 1 : 0, created_at: now().toISOString() })
        .onConflict((oc) => oc.columns(['call_id', 'record_type', 'record_uuid']).doUpdateSet({ score: l.score, reasons_json: JSON.stringify(l.reasons), chosen: l.chosen ? 1 : 0 })).execute();
    },

    async links(accountUuid: string, callId: string): Promise<CallLink[]> {
      const rows = await db.selectFrom('call_links').selectAll().where('account_uuid', '=', accountUuid).where('call_id', '=', callId).orderBy('score', 'desc').execute();
      return rows.map((r) => ({ recordType: r.record_type as CallLink['recordType'], recordUuid: r.record_uuid, score: r.score, reasons: JSON.parse(r.reasons_json), chosen: r.chosen === 1 }));
    },

    /** Jobs any call is linked to (ServiceM8 job webhooks refresh only these). */
    async callsLinkedToJob(accountUuid: string, jobUuid: string): Promise<string[]> {
      const rows = await db.selectFrom('calls').select('id').where('account_uuid', '=', accountUuid).where('job_uuid', '=', jobUuid).execute();
      return rows.map((r) => r.id);
    },
  };
}
export type ReferenceRepo = ReturnType<typeof referenceRepo>;
