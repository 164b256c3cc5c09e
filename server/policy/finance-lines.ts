import type { Decision, FinanceLine, ServiceM8Action, TaskAction } from '../domain/actions.js';
import { FINANCE_TASK_KEY, renderTaskDetails, taskName } from './finance-task.js';

/** The call's finance task, wherever the decision holds it (written, or proposed for a person). */
export function financeTaskOf(d: Decision | undefined): TaskAction | undefined {
  return [...(d?.actions ?? []), ...(d?.proposed ?? [])].find((a): a is TaskAction => a.kind === 'task' && a.key === FINANCE_TASK_KEY);
}

function mapTask(d: Decision, change: (t: TaskAction) => TaskAction): Decision {
  const swap = (list: ServiceM8Action[] | undefined) => list?.map((a) => (a.kind === 'task' && a.key === FINANCE_TASK_KEY ? change(a) : a));
  return { ...d, actions: swap(d.actions) ?? [], ...(d.proposed ? { proposed: swap(d.proposed) } : {}) };
}

function withLines(t: TaskAction, lines: FinanceLine[]): TaskAction {
  return { ...t, lines, name: taskName(lines), details: renderTaskDetails({ ...t, lines }) };
}

/**
 * A later revision of a call re-plans its lines; lines a person already approved or declined keep that
 * state (found by id), so a richer DialNexa event never un-ticks an approval.
 */
export function carryLineStates(previous: Decision | undefined, next: Decision): Decision {
  const done = new Map((financeTaskOf(previous)?.lines ?? []).filter((l) => l.state === 'approved' || l.state === 'declined').map((l) => [l.id, l]));
  if (done.size === 0) return next;
  return mapTask(next, (t) => withLines(t, (t.lines ?? []).map((l) => {
    const before = done.get(l.id);
    return before && l.state === 'waiting' ? { ...l, state: before.state, by: before.by, waitsFor: undefined, why: undefined } : l;
  })));
}

/**
 * An approver's decision ticks (approved) or strikes (declined) every line waiting for approval.
 * Returns the new decision and whether any line changed (nothing to send to ServiceM8 otherwise).
 */
export function settleApprovalLines(d: Decision, outcome: 'approved' | 'declined', by: string): { decision: Decision; changed: boolean } {
  const task = financeTaskOf(d);
  const waiting = (task?.lines ?? []).some((l) => l.state === 'waiting' && l.waitsFor === 'approval');
  if (!task || !waiting) return { decision: d, changed: false };
  const lines = (task.lines ?? []).map((l): FinanceLine => {
    if (l.state !== 'waiting' || l.waitsFor !== 'approval') return l;
    const { waitsFor: _w, why: _y, ...rest } = l;
    return { ...rest, state: outcome, by };
  });
  return { decision: mapTask(d, (t) => withLines(t, lines)), changed: true };
}

/** A staff escalation is one more line of the call's finance task, never a task of its own. */
export function addEscalationLine(d: Decision, text: string): Decision {
  return mapTask(d, (t) => withLines(t, [...(t.lines ?? []).filter((l) => l.id !== 'staff-escalation'),
    { id: 'staff-escalation', label: 'escalation', text, state: 'open' }]));
}
