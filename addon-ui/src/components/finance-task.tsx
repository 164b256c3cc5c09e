import type { FinanceTaskView } from '../../../server/panel/view-types.js';
import { formatWhen } from '../format.js';

/** The call's one finance task: each finance step as a checklist line with its state (mark and words from the server). */
export function FinanceTask({ task }: { task: FinanceTaskView }) {
  return (
    <section class="finance-task" data-testid="finance-task" aria-label="Finance task">
      <h3>{task.name}</h3>
      <p class="muted small">Due {formatWhen(task.dueDate)} · {task.deliveryText}</p>
      <ul class="plain checklist">
        {task.lines.map((l) => (
          <li key={l.id} data-testid="finance-line" data-line={l.id} data-state={l.state} class={`line-${l.state}`}>
            <span aria-hidden="true">{l.mark} </span>
            <strong>{l.stateWords}:</strong> {l.text}
            {l.note && <span class="muted"> — {l.note}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
