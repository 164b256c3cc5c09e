import type { Decision, ServiceM8Action } from '../domain/actions.js';
import { addEscalationLine, financeTaskOf, settleApprovalLines } from './finance-lines.js';
import { FINANCE_TASK_KEY } from './finance-task.js';

/**
 * What an approval, a decline or an escalation in the panel does to the call's one finance task: the
 * lines change in the decision, and ServiceM8 gets ONE task update (keyed by the action, so a repeat
 * sends nothing more) when the task is already there — or the task itself, already ticked, when it was
 * only proposed. Undefined when the call has no finance task (the caller then falls back to notes).
 */
export function financeStep(
  decision: Decision | undefined, taskWritten: boolean, change: { kind: 'approved' | 'declined'; by: string } | { kind: 'escalated'; text: string },
): { decision: Decision; actions: ServiceM8Action[] } | undefined {
  if (!decision || !financeTaskOf(decision)) return undefined;
  const next = change.kind === 'escalated' ? addEscalationLine(decision, change.text) : settleApprovalLines(decision, change.kind, change.by).decision;
  const verb = change.kind === 'approved' ? 'approve' : change.kind === 'declined' ? 'decline' : 'escalate';
  const released = change.kind === 'approved' ? (next.proposed ?? []).filter((a) => a.key !== FINANCE_TASK_KEY) : [];
  const task = financeTaskOf(next)!;
  const taskAction: ServiceM8Action[] = taskWritten
    ? [{ kind: 'task_update', key: `${FINANCE_TASK_KEY}:update:${verb}`, taskKey: FINANCE_TASK_KEY }]
    : change.kind === 'declined' ? [] : [task];
  // Once released, the proposed steps are in the outbox: the decision no longer proposes them.
  const proposed = change.kind === 'approved' ? [] : next.proposed;
  const actions = taskWritten ? next.actions : change.kind === 'declined' ? next.actions : [...next.actions, task];
  return { decision: { ...next, actions, ...(proposed ? { proposed } : {}) }, actions: [...released, ...taskAction] };
}
