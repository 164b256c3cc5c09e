import type { ReviewCanvasView } from '../../../server/panel/view-types.js';
import { formatWhen } from '../format.js';
import type { Host } from '../host.js';
import { EXPIRED_REVIEW_MESSAGE } from '../messages.js';
import type { ReviewModel } from '../review-model.js';
import { CloseBar, ErrorState, ExpiredNotice, LoadingState } from './page-states.js';
import { ReviewItem } from './review-item.js';
import { SettingsForm } from './settings-form.js';
import { SendLog } from './send-box.js';
import { StatusLine } from './status-line.js';

function Connections({ list }: { list: ReviewCanvasView['connections'] }) {
  if (list.length === 0) return <p class="muted" data-testid="no-connections">No DialNexa connection has been set up yet.</p>;
  return (
    <ul class="plain" data-testid="connections">
      {list.map((c) => (
        <li key={c.id} data-testid="connection">
          <p class="muted small">Webhook URL for DialNexa, added {formatWhen(c.createdAt)}</p>
          <p><code class="url" data-testid="webhook-url">{c.webhookUrl}</code></p>
        </li>
      ))}
    </ul>
  );
}

/** Menu-item canvas for the finance owner: calls waiting for a person, then the account settings. */
export function ReviewCanvas({ model, host, title }: { model: ReviewModel; host: Host; title: string }) {
  const st = model.state.value;
  const expired = model.expired.value;
  const view = st.kind === 'loaded' ? st.view : undefined;
  const items = view ? [...view.items].sort((a, b) => Number(b.status === 'open') - Number(a.status === 'open')) : [];
  const open = items.filter((i) => i.status === 'open').length;
  return (
    <>
      <h1 class="panel-title">{title}</h1>
      {expired && <ExpiredNotice message={EXPIRED_REVIEW_MESSAGE} host={host} />}
      <StatusLine status={model.notice.value} testId="review-notice" />
      {st.kind === 'loading' && <LoadingState text="Loading the review queue…" />}
      {st.kind === 'error' && !expired && <ErrorState message={st.message} onRetry={() => void model.load()} />}
      {view && (
        <div class="canvas">
          <section aria-labelledby="queue-h" class="canvas-queue">
            <h2 id="queue-h">Review queue <span class="sub">({open} waiting)</span></h2>
            {items.length === 0
              ? <p class="empty" data-testid="review-empty">Nothing is waiting for review.</p>
              : <ul class="plain" data-testid="review-queue">{items.map((i) => <ReviewItem key={i.id} item={i} model={model} companies={view.companies} />)}</ul>}
          </section>
          <div class="canvas-side">
            <section aria-labelledby="settings-h" class="card">
              <h2 id="settings-h">Settings</h2>
              <SettingsForm view={view} model={model} />
            </section>
            <section aria-labelledby="sends-h" class="card" data-testid="sends">
              <h2 id="sends-h">Documents sent</h2>
              <SendLog log={view.sends} />
              <button type="button" class="btn" onClick={() => void model.exportSends()} data-testid="sends-csv">Export CSV</button>
              <StatusLine status={model.ui('sends-csv').status.value} testId="sends-csv-message" />
            </section>
            <section aria-labelledby="conn-h" class="card">
              <h2 id="conn-h">DialNexa connections</h2>
              <Connections list={view.connections} />
            </section>
          </div>
        </div>
      )}
      <CloseBar host={host} label="Close" />
    </>
  );
}
