import type { AppDeps } from '../app-deps.js';
import { AppError } from '../errors.js';
import { idempotencyKey } from '../outbox/idempotency.js';
import { decideStep } from '../policy/decide-step.js';
import { staffName } from '../policy/finance-owner.js';
import type { PanelSession } from '../panel/session-token.js';
import type { StepRequest } from '../panel/view-types.js';
import { canApprove, staffFor } from '../panel/job-panel-view.js';
import { callLink } from './decide-call.js';
import { redactText } from '../redaction/redact-text.js';

/** Staff type free text too: it is redacted like call text before it is stored or sent to ServiceM8. */
const clean = (s?: string) => (s === undefined ? undefined : redactText(s).text);

/**
 * A staff action on a call's next step (confirm / escalate / resolve / approve / decline): load the call
 * scoped to the token's account and job (404 otherwise), run the pure step policy, then in one
 * transaction move the step (compare-and-set), enqueue its ServiceM8 effects in the outbox and audit it.
 * A repeat — same requestId, or a double tap racing the first — does nothing more.
 */
export async function actOnStep(deps: AppDeps, session: PanelSession, callId: string, req: StepRequest): Promise<{ repeated: boolean }> {
  const account = await deps.store.accounts.get(session.accountUuid);
  const call = account ? await deps.store.calls.get(account.uuid, callId) : undefined;
  if (!account || !call || call.jobUuid !== session.jobUuid) throw new AppError('NOT_FOUND', 'No such call on this job');
  const history = await deps.store.audit.listForCall(account.uuid, call.id);
  if (history.some((e) => e.detail.requestId === req.requestId)) return { repeated: true };
  const staff = await staffFor(deps, account.uuid);
  const taskWritten = (await deps.store.outbox.listForCall(account.uuid, call.id)).some((x) => x.actionKey === 'task:finance');
  const me = staff.find((s) => s.uuid === session.staffUuid);
  const result = decideStep({
    action: req.action, stepStatus: call.stepStatus, decision: call.decision, jobUuid: call.jobUuid,
    viewer: { staffUuid: session.staffUuid, name: me ? staffName(me) : 'a staff member', canApprove: canApprove(account, staff, session.staffUuid) },
    edits: { text: clean(req.text), ownerStaffUuid: req.ownerStaffUuid, deadline: req.deadline, reason: clean(req.reason), outcome: clean(req.outcome) },
    settings: account.settings, staff, callLink: callLink(deps.config.publicUrl, call), now: deps.clock(), taskWritten,
  });
  if (!result.ok) {
    if (result.reason === 'already_done') return { repeated: true };
    throw new AppError(result.reason === 'missing_input' ? 'BAD_REQUEST' : 'CONFLICT', result.message);
  }
  const moved = await deps.store.transaction(async (tx) => {
    const base = result.decision ?? call.decision;
    const decision = base && result.nextStep ? { ...base, nextStep: result.nextStep } : base;
    if (!(await tx.calls.transition(account.uuid, call.id, result.from, result.to, { decision }))) return false;
    for (const a of result.actions) {
      await tx.outbox.enqueue({ accountUuid: account.uuid, callId: call.id, kind: a.kind, actionKey: a.key, idempotencyKey: idempotencyKey(account.uuid, call.providerCallId, a.key), payload: a });
    }
    if (result.closeReviews) await tx.reviews.closeAllForCall(account.uuid, call.id, `${req.action}: ${result.summary}`, session.staffUuid);
    await tx.audit.append({ accountUuid: account.uuid, callId: call.id, actor: `staff:${session.staffUuid}`, action: `step.${req.action}`,
      detail: { requestId: req.requestId, text: result.summary, reason: clean(req.reason), outcome: clean(req.outcome), actions: result.actions.map((a) => a.key) } });
    return true;
  });
  if (moved) deps.wakeWorker();
  return { repeated: !moved };
}
