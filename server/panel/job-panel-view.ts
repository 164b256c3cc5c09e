import type { AppDeps } from '../app-deps.js';
import type { Account } from '../store/account-repo.js';
import type { StoredCall } from '../store/call-repo.js';
import { resolveFinanceOwner } from '../policy/finance-owner.js';
import type { Sm8Staff } from '../domain/servicem8-records.js';
import { buildCallView } from './call-view.js';
import { buildSendView } from './send-view.js';
import { sendCapability } from '../sends/send-capability.js';
import type { PanelSession } from './session-token.js';
import type { CallView, JobPanelView, RecordView } from './view-types.js';

/** Staff list from the cached directory; an unreachable ServiceM8 degrades to "unknown names". */
export async function staffFor(deps: AppDeps, accountUuid: string): Promise<Sm8Staff[]> {
  const client = await deps.servicem8For(accountUuid);
  if (!client) return [];
  return (await deps.directory.get(accountUuid, client).catch(() => undefined))?.staff ?? [];
}

export function canApprove(account: Account, staff: Sm8Staff[], staffUuid: string): boolean {
  return account.settings.approverStaffUuids.includes(staffUuid) || resolveFinanceOwner(account.settings, staff)?.uuid === staffUuid;
}

export async function loadRecord(deps: AppDeps, account: Account, jobUuid: string): Promise<JobPanelView['record']> {
  const client = await deps.servicem8For(account.uuid);
  if (!client) return { ok: false, message: 'This account is not connected to ServiceM8 any more; reconnect the add-on.' };
  try {
    const value = await deps.records.get(account.uuid, client, jobUuid, account.settings.currency);
    return value ? { ok: true, value } : { ok: false, message: 'ServiceM8 has no such job (it may have been deleted).' };
  } catch {
    return { ok: false, message: 'ServiceM8 did not answer just now, so invoice and payment figures are not shown. Try again in a minute.' };
  }
}

export async function buildCallViewFor(deps: AppDeps, account: Account, call: StoredCall, record: RecordView | undefined, staff: Sm8Staff[], viewer: string): Promise<CallView> {
  const [outbox, reviews, audit, sends] = await Promise.all([
    deps.store.outbox.listForCall(account.uuid, call.id), deps.store.reviews.listForCall(account.uuid, call.id), deps.store.audit.listForCall(account.uuid, call.id),
    deps.store.sends.listForCall(account.uuid, call.id),
  ]);
  const name = (uuid?: string) => { const s = staff.find((x) => x.uuid === uuid); return s ? `${s.first} ${s.last}`.trim() : undefined; };
  const view = buildCallView({ call, outbox, reviews, audit, record, settings: account.settings, canApprove: canApprove(account, staff, viewer), staffName: name });
  const p = call.decision?.send;
  if (!p) return view;
  const can = sendCapability(await deps.store.accounts.getCredentials(account.uuid), p.channel);
  return { ...view, send: buildSendView(p, sends, can, record?.jobNumber) };
}

/** Everything the job panel shows: calls linked to the job (newest first) beside the live ServiceM8 record. */
export async function buildJobPanelView(deps: AppDeps, account: Account, session: PanelSession): Promise<JobPanelView> {
  const jobUuid = session.jobUuid!;
  const [calls, record, staff] = await Promise.all([
    deps.store.calls.listForJob(account.uuid, jobUuid), loadRecord(deps, account, jobUuid), staffFor(deps, account.uuid),
  ]);
  const views = await Promise.all(calls.map((c) => buildCallViewFor(deps, account, c, record.ok ? record.value : undefined, staff, session.staffUuid)));
  return {
    jobUuid, record, calls: views, viewer: { staffUuid: session.staffUuid, canApprove: canApprove(account, staff, session.staffUuid) },
    staff: staff.filter((s) => s.active).map((s) => ({ uuid: s.uuid, name: `${s.first} ${s.last}`.trim() })),
  };
}
