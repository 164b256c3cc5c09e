import type { ActionView, AuditView } from '../../../server/panel/view-types.js';
import { formatWhen, humanize } from '../format.js';
import { Pill } from './status-line.js';

/** Append-only history of the call: who did what, when. Collapsed so technicians see the headline first. */
export function AuditList({ audit }: { audit: AuditView[] }) {
  return (
    <details class="audit" data-testid="audit-list">
      <summary>History ({audit.length})</summary>
      {audit.length === 0
        ? <p class="muted">Nothing has happened on this call yet.</p>
        : (
          <ol>
            {audit.map((a, i) => (
              <li key={i} data-testid="audit-entry">
                <span class="muted">{formatWhen(a.at)} · {a.actor}</span>
                <br /><strong>{humanize(a.action)}</strong>{a.summary ? ` — ${a.summary}` : ''}
              </li>
            ))}
          </ol>
        )}
    </details>
  );
}

/** What the add-on writes (or will write) into ServiceM8 for this call; opened when something failed. */
export function DeliveryList({ actions }: { actions: ActionView[] }) {
  if (actions.length === 0) return null;
  const failed = actions.some((a) => a.status === 'failed');
  return (
    <details class="audit" data-testid="delivery-list" open={failed}>
      <summary>ServiceM8 updates ({actions.length}){failed ? ' — one failed' : ''}</summary>
      <ul>
        {actions.map((a) => (
          <li key={a.id} data-testid="delivery" data-status={a.status}>
            <Pill tone={a.pill.tone}>{a.pill.label}</Pill> {a.description}
            {a.attempts > 1 && <span class="muted"> · {a.attempts} attempts</span>}
            {a.lastError && <><br /><span class="muted">Last error: {a.lastError}</span></>}
          </li>
        ))}
      </ul>
    </details>
  );
}
