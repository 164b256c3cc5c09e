import { rowId } from './row-id.js';
import { newLinkToken } from './link-token.js';
import type { CallOutcome } from '../domain/call-outcome.js';
import type { Decision } from '../domain/actions.js';
import type { MatchResult } from '../domain/match.js';
import { parseJson, type Executor } from './executor.js';
import type { CallsTable } from './schema.js';

export type StepStatus = 'none' | 'planning' | 'open' | 'awaiting_review' | 'awaiting_approval' | 'confirmed' | 'escalated' | 'resolved';
export type DetailsStatus = 'not_needed' | 'pending' | 'fetched' | 'failed';

export type StoredCall = {
  id: string;
  accountUuid: string;
  providerCallId: string;
  /** The random id in the call's link (`/calls/<linkToken>`); never derived from the row id. */
  linkToken: string;
  revision: number;
  outcome: CallOutcome;
  redactionKinds: string[];
  match?: MatchResult;
  decision?: Decision;
  jobUuid?: string;
  companyUuid?: string;
  stepStatus: StepStatus;
  detailsStatus: DetailsStatus;
  createdAt: string;
  updatedAt: string;
};

function toCall(row: CallsTable): StoredCall {
  return {
    id: row.id,
    accountUuid: row.account_uuid,
    providerCallId: row.provider_call_id,
    linkToken: row.link_token ?? '',
    revision: Number(row.revision),
    outcome: JSON.parse(row.outcome_json) as CallOutcome,
    redactionKinds: JSON.parse(row.redaction_kinds) as string[],
    match: parseJson<MatchResult>(row.match_json),
    decision: parseJson<Decision>(row.decision_json),
    jobUuid: row.job_uuid ?? undefined,
    companyUuid: row.company_uuid ?? undefined,
    stepStatus: row.step_status as StepStatus,
    detailsStatus: row.details_status as DetailsStatus,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export type NewCall = { accountUuid: string; outcome: CallOutcome; redactionKinds: string[]; detailsStatus: DetailsStatus };

const compareKeys = (a: { account_uuid: string; provider_call_id: string }, b: { account_uuid: string; provider_call_id: string }) =>
  a.account_uuid === b.account_uuid ? (a.provider_call_id < b.provider_call_id ? -1 : a.provider_call_id > b.provider_call_id ? 1 : 0) : a.account_uuid < b.account_uuid ? -1 : 1;

export type CallPatch = Partial<Pick<StoredCall, 'match' | 'decision' | 'jobUuid' | 'companyUuid' | 'stepStatus' | 'detailsStatus'>>;

/** All reads and writes are scoped by account: a call id alone never finds another account's call. */
export function callRepo(db: Executor, now: () => Date) {
  return {
    /**
     * Claims (account, provider call id) atomically: insert-or-ignore on the unique key, never check-then-insert.
     * Returns `created: false` with the existing row when another delivery got there first.
     */
    async claim(input: NewCall) {
      const [id] = await this.claimMany([input]);
      const call = await this.getByProviderId(input.accountUuid, input.outcome.providerCallId);
      if (!call) throw new Error('call claim lost its row');
      return { created: id !== undefined, call };
    },

    /**
     * Claims many calls in one insert-or-ignore (group commit of concurrent webhooks). Returns, per input,
     * the new call's id, or undefined when the (account, call id) was already held — including by an
     * earlier input of the same batch. Rows go in key order, so concurrent batches lock in one order.
     */
    async claimMany(inputs: readonly NewCall[]): Promise<(string | undefined)[]> {
      if (inputs.length === 0) return [];
      const at = now().toISOString();
      const rows = inputs.map((input) => ({
        id: rowId(), account_uuid: input.accountUuid, provider_call_id: input.outcome.providerCallId,
        revision: input.outcome.revision, status: input.outcome.status, intent: input.outcome.analysis?.intent ?? 'unknown',
        outcome_json: JSON.stringify(input.outcome), redaction_kinds: JSON.stringify(input.redactionKinds),
        match_json: null, decision_json: null, job_uuid: null, company_uuid: null, step_status: 'none',
        details_status: input.detailsStatus, started_at: input.outcome.startedAt ?? null, created_at: at, updated_at: at, link_token: newLinkToken(),
      }));
      const ordered = [...rows].sort((a, b) => compareKeys(a, b));
      const inserted = await db.insertInto('calls').values(ordered)
        .onConflict((oc) => oc.columns(['account_uuid', 'provider_call_id']).doNothing()).returning('id').execute();
      const created = new Set(inserted.map((r) => r.id));
      return rows.map((r) => (created.has(r.id) ? r.id : undefined));
    },

    /** Replaces the outcome only when `revision` is higher: a late, older event never overwrites a newer one. */
    async enrich(accountUuid: string, outcome: CallOutcome, redactionKinds: string[]): Promise<StoredCall | undefined> {
      const row = await db.updateTable('calls').set({
        revision: outcome.revision, status: outcome.status, intent: outcome.analysis?.intent ?? 'unknown',
        outcome_json: JSON.stringify(outcome), redaction_kinds: JSON.stringify(redactionKinds),
        started_at: outcome.startedAt ?? null, updated_at: now().toISOString(),
      }).where('account_uuid', '=', accountUuid).where('provider_call_id', '=', outcome.providerCallId)
        .where('revision', '<', outcome.revision).returningAll().executeTakeFirst();
      return row ? toCall(row) : undefined;
    },

    async update(accountUuid: string, id: string, patch: CallPatch): Promise<void> {
      const set: Partial<CallsTable> = { updated_at: now().toISOString() };
      if ('match' in patch) set.match_json = patch.match ? JSON.stringify(patch.match) : null;
      if ('decision' in patch) set.decision_json = patch.decision ? JSON.stringify(patch.decision) : null;
      if ('jobUuid' in patch) set.job_uuid = patch.jobUuid ?? null;
      if ('companyUuid' in patch) set.company_uuid = patch.companyUuid ?? null;
      if (patch.stepStatus) set.step_status = patch.stepStatus;
      if (patch.detailsStatus) set.details_status = patch.detailsStatus;
      await db.updateTable('calls').set(set).where('account_uuid', '=', accountUuid).where('id', '=', id).execute();
    },

    /**
     * Moves the step from one of `from` to `to` atomically (compare-and-set), so two staff actions racing
     * (a double tap) cannot both succeed. Returns false when the step was no longer in `from`.
     */
    async transition(accountUuid: string, id: string, from: StepStatus[], to: StepStatus, patch: CallPatch = {}): Promise<boolean> {
      const set: Partial<CallsTable> = { step_status: to, updated_at: now().toISOString() };
      if (patch.decision) set.decision_json = JSON.stringify(patch.decision);
      const r = await db.updateTable('calls').set(set).where('account_uuid', '=', accountUuid).where('id', '=', id)
        .where('step_status', 'in', from).executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },

    async get(accountUuid: string, id: string): Promise<StoredCall | undefined> {
      const row = await db.selectFrom('calls').selectAll().where('account_uuid', '=', accountUuid).where('id', '=', id).executeTakeFirst();
      return row ? toCall(row) : undefined;
    },

    /** The call a link names, within the signed-in account only: another account's token finds nothing. */
    async getByLinkToken(accountUuid: string, linkToken: string): Promise<StoredCall | undefined> {
      const row = await db.selectFrom('calls').selectAll().where('account_uuid', '=', accountUuid).where('link_token', '=', linkToken).executeTakeFirst();
      return row ? toCall(row) : undefined;
    },

    async getByProviderId(accountUuid: string, providerCallId: string): Promise<StoredCall | undefined> {
      const row = await db.selectFrom('calls').selectAll().where('account_uuid', '=', accountUuid)
        .where('provider_call_id', '=', providerCallId).executeTakeFirst();
      return row ? toCall(row) : undefined;
    },

    /** Calls linked to a job, newest first. */
    async listForJob(accountUuid: string, jobUuid: string, limit = 20): Promise<StoredCall[]> {
      const rows = await db.selectFrom('calls').selectAll().where('account_uuid', '=', accountUuid).where('job_uuid', '=', jobUuid)
        .orderBy('started_at', 'desc').orderBy('created_at', 'desc').limit(limit).execute();
      return rows.map(toCall);
    },

    async countForAccount(accountUuid: string): Promise<number> {
      const r = await db.selectFrom('calls').select((eb) => eb.fn.countAll<string>().as('n')).where('account_uuid', '=', accountUuid).executeTakeFirst();
      return Number(r?.n ?? 0);
    },
  };
}
export type CallRepo = ReturnType<typeof callRepo>;
