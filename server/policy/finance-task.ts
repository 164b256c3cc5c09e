import type { FinanceLine, TaskAction } from '../domain/actions.js';
import { dateWords } from './terms/dates.js';
import type { PolicyContext } from './policy-context.js';

/** The key of a call's one finance task: every finance step of the call is a line of it. */
export const FINANCE_TASK_KEY = 'task:finance';
const NO_OWNER = 'No finance owner is set — assign this task.';
const MAX_NAME = 100;

const BOX: Record<FinanceLine['state'], string> = { open: '[ ]', waiting: '[ ]', approved: '[x]', declined: '[-]' };

/** One checklist line as ServiceM8 shows it in the task's description. */
export function renderLine(l: FinanceLine): string {
  const tail = l.state === 'waiting'
    ? ` — waiting for ${l.waitsFor === 'review' ? 'review' : 'approval'}${l.why ? `: ${l.why}` : ''}`
    : l.by ? ` — ${l.by}` : '';
  return `${BOX[l.state]} ${l.text}${tail}`;
}

/** The description: who, the checklist, when it is due and why that date, where, and the call link. */
export function renderTaskDetails(task: Pick<TaskAction, 'lines' | 'header' | 'footer'>): string {
  const lines = task.lines ?? [];
  return [...(task.header ?? []), 'Finance steps for this call (tick each when done):', ...lines.map(renderLine), ...(task.footer ?? [])].join('\n');
}

/** "Finance: approve payment plan; follow up collections", cut to what a task list shows. */
export function taskName(lines: readonly FinanceLine[]): string {
  const name = `Finance: ${[...new Set(lines.map((l) => l.label))].join('; ')}`;
  return name.length <= MAX_NAME ? name : `${name.slice(0, MAX_NAME - 1).trimEnd()}…`;
}

/** Which deadline the task uses, said in the task so finance knows how firm it is. */
export function dueSentence(ctx: PolicyContext): string {
  const d = ctx.deadline;
  if (d.source === 'call') return `Due ${dateWords(d.date)}: the follow-up deadline DialNexa recorded on the call.`;
  const days = ctx.input.settings.followUpDays;
  const why = d.notes.find((n) => n.startsWith('follow-up deadline')) ?? 'the call gave no follow-up deadline';
  return `Due ${dateWords(d.date)}: ${days} business day${days === 1 ? '' : 's'} from the call (the account's follow-up days; ${why}).`;
}

/** The call's one finance task, assigned to the finance owner, on the job the call lands on. */
export function buildFinanceTask(ctx: PolicyContext, lines: FinanceLine[]): TaskAction {
  const where = ctx.destination === 'new_job' ? `${ctx.best.companyName} (new job)` : `Job ${ctx.jobNumber ?? ''} — ${ctx.best.companyName}`;
  const header = ctx.owner ? [] : [NO_OWNER];
  const footer = [dueSentence(ctx), where, `Call: ${ctx.input.callLink}`];
  return {
    kind: 'task',
    key: FINANCE_TASK_KEY,
    ...(ctx.destination === 'job' && ctx.best.jobUuid ? { jobUuid: ctx.best.jobUuid } : {}),
    ...(ctx.destination === 'new_job' ? { createdJobKey: 'job:create' } : {}),
    ...(ctx.owner ? { assigneeStaffUuid: ctx.owner.uuid } : {}),
    name: taskName(lines),
    details: renderTaskDetails({ lines, header, footer }),
    dueDate: ctx.deadline.date,
    lines,
    header,
    footer,
  };
}
