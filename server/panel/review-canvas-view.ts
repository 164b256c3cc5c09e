import type { AppDeps } from '../app-deps.js';
import type { Account } from '../store/account-repo.js';
import { canApprove, staffFor } from './job-panel-view.js';
import { claimOf, intentLabel } from './call-view.js';
import { sendLogView } from './send-view.js';
import { reasonLabel } from './review-labels.js';
import type { Decision } from '../domain/actions.js';
import type { PillView, PlaceChoicesView, ReviewCanvasView, ReviewQueueItem, SettingsView } from './view-types.js';

const REVIEW_PILL: Record<ReviewQueueItem['status'], PillView> = {
  open: { label: 'Open', tone: 'warn' }, resolved: { label: 'Resolved', tone: 'ok' }, dismissed: { label: 'Dismissed', tone: 'neutral' },
};

export function settingsView(account: Account): SettingsView {
  const s = account.settings;
  return {
    financeOwnerStaffUuid: s.financeOwnerStaffUuid, approvalThreshold: s.approvalThreshold, approverStaffUuids: s.approverStaffUuids,
    vipCompanyUuids: s.vipCompanyUuids, automationMode: s.automationMode, followUpDays: s.followUpDays, responseFormat: s.responseFormat,
    newJobStatus: s.newJobStatus ?? 'Quote', sendMode: s.sendMode ?? 'person', ...(s.paymentLinkUrl ? { paymentLinkUrl: s.paymentLinkUrl } : {}),
  };
}

/** The finance canvas: open review items with the call behind each, settings, and DialNexa connections. */
export async function buildReviewCanvasView(deps: AppDeps, account: Account, staffUuid: string): Promise<ReviewCanvasView> {
  const [items, staff, connections, sends] = await Promise.all([
    deps.store.reviews.list(account.uuid, 'open'), staffFor(deps, account.uuid), deps.store.accounts.listConnections(account.uuid), deps.store.sends.list(account.uuid, 20),
  ]);
  const client = await deps.servicem8For(account.uuid);
  const dir = client ? await deps.directory.get(account.uuid, client).catch(() => undefined) : undefined;
  const queue: ReviewQueueItem[] = [];
  for (const item of items) {
    const call = await deps.store.calls.get(account.uuid, item.callId);
    if (!call) continue;
    queue.push({
      id: item.id, reason: item.reason, label: reasonLabel(item.reason), pill: REVIEW_PILL[item.status], detail: item.detail, status: item.status, callId: item.callId, createdAt: item.createdAt,
      call: {
        callerName: call.outcome.analysis?.customerName, callerNumber: call.outcome.fromNumber, intentLabel: intentLabel(call.outcome.analysis?.intent ?? 'unknown'),
        summary: call.outcome.summary, startedAt: call.outcome.startedAt, claim: claimOf(call),
        candidates: (call.match?.candidates ?? []).map((c) => ({ companyUuid: c.companyUuid, companyName: c.companyName, jobNumber: c.jobNumber, score: c.score, reasons: c.reasons })),
        ...choicesOf(call.decision?.choices),
      },
    });
  }
  return {
    items: queue,
    settings: settingsView(account),
    staff: staff.filter((s) => s.active).map((s) => ({ uuid: s.uuid, name: `${s.first} ${s.last}`.trim(), jobTitle: s.jobTitle })),
    companies: (dir?.companies ?? []).map((c) => ({ uuid: c.uuid, name: c.name })).sort((a, b) => a.name.localeCompare(b.name)),
    connections: connections.map((c) => ({ id: c.id, webhookUrl: `${deps.config.publicUrl}/dialnexa/webhook/${c.id}`, createdAt: c.createdAt })),
    viewer: { staffUuid, canApprove: canApprove(account, staff, staffUuid) },
    sends: sends.map(sendLogView),
  };
}

function choicesOf(c: Decision['choices']): { choices?: PlaceChoicesView } {
  if (!c) return {};
  return { choices: { companyUuid: c.companyUuid, companyName: c.companyName, createJob: c.createJob, jobs: c.jobs.map((j) => ({ jobNumber: j.jobNumber, description: j.description })) } };
}
