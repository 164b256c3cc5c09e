import { useEffect } from 'preact/hooks';
import type { JobPanelView } from '../../../server/panel/view-types.js';
import { formatWhen } from '../format.js';
import type { Host } from '../host.js';
import { EXPIRED_JOB_MESSAGE } from '../messages.js';
import type { JobPanelModel } from '../panel-model.js';
import { CallCard } from './call-card.js';
import type { StaffOption } from './next-step.js';
import { CloseBar, ErrorState, ExpiredNotice, LoadingState } from './page-states.js';

/** The server may add a staff list for the owner picker; StepRequest only takes a staff UUID. */
type JobView = JobPanelView;

/**
 * Job-card panel (web popup for office staff, full screen in the mobile app for technicians). The headline
 * leads: it is the one line a technician needs, and it is the server-rendered line until data arrives.
 */
export function JobPanel({ model, host, title, initialHeadline }: { model: JobPanelModel; host: Host; title: string; initialHeadline?: string }) {
  const st = model.state.value;
  const expired = model.expired.value;
  const view = st.kind === 'loaded' ? (st.view as JobView) : undefined;
  const headline = view ? view.calls[0]?.headline ?? initialHeadline : initialHeadline;
  useEffect(() => { if (st.kind !== 'loading') host.fit(); }, [st.kind]);
  return (
    <>
      <h1 class="panel-title">{title}</h1>
      {headline && <p class="headline" role="status" data-testid="headline">{headline}</p>}
      {expired && <ExpiredNotice message={EXPIRED_JOB_MESSAGE} host={host} />}
      {st.kind === 'loading' && <LoadingState text="Loading call details…" />}
      {st.kind === 'error' && !expired && <ErrorState message={st.message} onRetry={() => void model.load()} />}
      {view && view.calls.length === 0 && <p class="empty" data-testid="empty">No billing calls are linked to this job yet.</p>}
      {view?.calls.map((c, i) => {
        const card = <CallCard key={c.id} call={c} record={view.record} model={model} staff={view.staff} />;
        // Earlier calls fold to one line so the newest leads; native <details> opens without the script.
        return i === 0 ? card : (
          <details key={c.id}>
            <summary>{c.intentLabel} · {formatWhen(c.startedAt)} · {c.stepPill.label}</summary>
            {card}
          </details>
        );
      })}
      <CloseBar host={host} label="Close" />
    </>
  );
}
