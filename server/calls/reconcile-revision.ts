import type { Decision, ServiceM8Action } from '../domain/actions.js';
import { FINANCE_TASK_KEY } from '../policy/finance-task.js';
import { carryLineStates, financeTaskOf } from '../policy/finance-lines.js';
import type { OutboxItem } from '../store/outbox-repo.js';

const PLACING = new Set(['note:intake', 'job:create']);

/**
 * What a decision for a later revision of a call may still do, given what earlier revisions already put
 * in the outbox: the call keeps the place it first landed (no second note, no second job), its one finance
 * task is rewritten (a `task_update` keyed by revision) instead of created again, and lines already
 * approved or declined stay so.
 */
export function reconcileRevision(held: readonly OutboxItem[], previous: Decision | undefined, planned: Decision, revision: number) {
  const decision = carryLineStates(previous, planned);
  const keys = new Set(held.map((x) => x.actionKey));
  const keepPlace = held.some((x) => PLACING.has(x.actionKey));
  const before = financeTaskOf(previous);
  const enqueue: ServiceM8Action[] = [];
  for (const a of decision.actions) {
    if (keepPlace && PLACING.has(a.key)) continue;
    if (a.kind === 'task' && a.key === FINANCE_TASK_KEY && keys.has(FINANCE_TASK_KEY)) {
      if (before?.details !== a.details || before?.dueDate !== a.dueDate) enqueue.push({ kind: 'task_update', key: `${FINANCE_TASK_KEY}:update:r${revision}`, taskKey: FINANCE_TASK_KEY });
      continue;
    }
    // A task or note for a job this decision creates needs that create; if the call was placed, they follow it.
    if (keepPlace && (a.kind === 'note' || a.kind === 'task') && a.createdJobKey && !keys.has(a.createdJobKey)) continue;
    enqueue.push(a);
  }
  return { decision, enqueue, keepPlace };
}
