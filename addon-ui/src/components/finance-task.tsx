import type { FinanceLineView, FinanceTaskView } from '../../../server/panel/view-types.js';
import { formatWhen } from '../format.js';

// Words and a mark for each state, so the state never rests on colour alone (WCAG 1.4.1).
const STATE: Record<FinanceLineView['state'], { mark: string; words: string }> = {
  open: { mark: '☐', words: 'To do' },
  waiting: { mark: '⏳', words: 'Waiting' },
  approved: { mark: '☑', words: 'Approved' },
  declined: { mark: '☒', words: 'Declined' },
};

const DELIVERY: Record<FinanceTaskView['delivery'], string> = {
  proposed: 'not in ServiceM8 yet (waits for review)', pending: 'sending to ServiceM8', running: 'sending to ServiceM8',
  done: 'in ServiceM8', failed: 'ServiceM8 refused it',
};

function waitingWords(l: FinanceLineView): string {
  return `waiting for ${l.waitsFor === 'review' ? 'review' : 'approval'}${l.why ? `: ${l.why}` : ''}`;
}

/** The call's one finance task: each finance step as a checklist line with its state. */
export function FinanceTask({ task }: { task: FinanceTaskView }) {
  return (
    <section class="finance-task" data-testid="finance-task" aria-label="Finance task">
      <h3>{task.name}</h3>
      <p class="muted small">Due {formatWhen(task.dueDate)} · {DELIVERY[task.delivery]}</p>
      <ul class="plain checklist">
        {task.lines.map((l) => (
          <li key={l.id} data-testid="finance-line" data-line={l.id} data-state={l.state} class={`line-${l.state}`}>
            <span aria-hidden="true">{STATE[l.state].mark} </span>
            <strong>{STATE[l.state].words}:</strong> {l.text}
            {l.state === 'waiting' && <span class="muted"> — {waitingWords(l)}</span>}
            {l.by && <span class="muted"> — {l.by}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
