import { useState } from 'preact/hooks';
import type { CandidateView, PlaceChoicesView, ReviewQueueItem } from '../../../server/panel/view-types.js';
import { formatMoney, formatWhen } from '../format.js';
import type { ReviewInput, ReviewModel } from '../review-model.js';
import { Pill, StatusLine } from './status-line.js';

const scoreText = (s: number) => (s <= 1 ? `${Math.round(s * 100)}% match` : `score ${s}`);

type CandidateActions = { onLink?: (jobNumber: string) => void; onCreate?: (companyUuid: string) => void };

function Candidates({ list, busy, onLink, onCreate }: { list: CandidateView[]; busy: boolean } & CandidateActions) {
  if (list.length === 0) return <p class="muted">No likely matches found.</p>;
  return (
    <ul class="candidates" data-testid="candidates" aria-label="Possible matches">
      {list.map((c, i) => (
        <li key={i} data-testid="candidate">
          <strong>{c.companyName}</strong>{c.jobNumber && ` · job ${c.jobNumber}`} <span class="muted">({scoreText(c.score)})</span>
          {c.reasons.length > 0 && <><br /><span class="muted small">{c.reasons.join('; ')}</span></>}
          {onLink && c.jobNumber && (
            <><br /><button type="button" class="btn" disabled={busy} onClick={() => onLink(c.jobNumber!)} data-testid="use-candidate">Link to job {c.jobNumber}</button></>
          )}
          {onCreate && (
            <>{!c.jobNumber && <br />} <button type="button" class="btn" disabled={busy} onClick={() => onCreate(c.companyUuid)} data-testid="create-job-candidate">New job for {c.companyName}</button></>
          )}
        </li>
      ))}
    </ul>
  );
}

/** The client's open jobs and "create a job", when the call named no job that fits (never the latest by default). */
function PlaceChoices({ choices, busy, onLink, onCreate }: { choices: PlaceChoicesView; busy: boolean } & CandidateActions) {
  return (
    <div class="choices" data-testid="place-choices">
      <p><strong>Which job of {choices.companyName} is this call about?</strong></p>
      <ul class="plain">
        {choices.jobs.map((j) => (
          <li key={j.jobNumber}>
            <button type="button" class="btn" disabled={busy || !onLink} onClick={() => onLink?.(j.jobNumber)} data-testid="choose-job">Job {j.jobNumber}{j.description ? ` — ${j.description}` : ''}</button>
          </li>
        ))}
        {choices.createJob && (
          <li><button type="button" class="btn" disabled={busy || !onCreate} onClick={() => onCreate?.(choices.companyUuid)} data-testid="choose-create-job">Create a job for {choices.companyName}</button></li>
        )}
      </ul>
    </div>
  );
}

/** One queue entry: why it needs a person, the caller and claim, likely matches, and what finance can do. */
export function ReviewItem({ item, model, companies }: { item: ReviewQueueItem; model: ReviewModel; companies: { uuid: string; name: string }[] }) {
  const ui = model.ui(item.id);
  const busy = ui.pending.value !== null;
  const [jobNumber, setJobNumber] = useState('');
  const [reason, setReason] = useState('');
  const [company, setCompany] = useState('');
  const [error, setError] = useState<{ field: string; text: string } | null>(null);
  const id = `ri-${item.id}`;
  const c = item.call;
  const open = item.status === 'open';
  // Link or create from the likely matches and from the client's open jobs alike.
  const actions: CandidateActions = open ? { onLink: (n) => act({ action: 'link_job', jobNumber: n }), onCreate: (uuid) => act({ action: 'create_job', companyUuid: uuid }) } : {};
  const claim = [c.claim.invoiceNumber && `invoice ${c.claim.invoiceNumber}`, formatMoney(c.claim.amount), c.claim.paymentStatus].filter(Boolean).join(' · ');

  function act(input: ReviewInput, field?: 'job' | 'reason') {
    const value = field === 'job' ? input.jobNumber : input.reason;
    if (field && !value) {
      setError({ field, text: field === 'job' ? 'Enter the ServiceM8 job number.' : 'Say why it can be dismissed.' });
      document.getElementById(`${id}-${field}`)?.focus();
      return;
    }
    setError(null);
    void model.act(item.id, input);
  }
  const err = (field: string) => error?.field === field ? <p class="field-error" id={`${id}-${field}-err`}>{error.text}</p> : null;

  return (
    <li class="card" data-testid="review-item" data-item-id={item.id} data-reason={item.reason}>
      <h3 id={`${id}-h`}>{item.label} <Pill tone={item.pill.tone}>{item.pill.label}</Pill></h3>
      <p class="muted">{[c.callerName, c.callerNumber, c.intentLabel, formatWhen(c.startedAt ?? item.createdAt)].filter(Boolean).join(' · ')}</p>
      {item.detail && <p>{item.detail}</p>}
      {c.summary && <p class="summary">{c.summary}</p>}
      {claim && <p data-testid="review-claim"><strong>Claim:</strong> {claim}</p>}
      {c.claim.callerClaim && <blockquote class="claim-words"><p>{c.claim.callerClaim}</p></blockquote>}
      {c.choices && <PlaceChoices choices={c.choices} busy={busy} {...actions} />}
      <Candidates list={c.candidates} busy={busy} {...actions} />
      {open && (
        <div class="review-actions">
          <form class="step-form inline-form" onSubmit={(e) => { e.preventDefault(); act({ action: 'link_job', jobNumber: jobNumber.trim() }, 'job'); }}>
            <label for={`${id}-job`}>Job number</label>
            <input id={`${id}-job`} inputMode="numeric" autoComplete="off" value={jobNumber} onInput={(e) => setJobNumber(e.currentTarget.value)}
              data-testid="review-job-number" aria-describedby={error?.field === 'job' ? `${id}-job-err` : undefined} />
            <button type="submit" class="btn btn-primary" disabled={busy} data-testid="review-link">Link to job</button>
            {err('job')}
          </form>
          <form class="step-form inline-form" onSubmit={(e) => { e.preventDefault(); act({ action: 'dismiss', reason: reason.trim() }, 'reason'); }}>
            <label for={`${id}-reason`}>Reason for dismissing</label>
            <input id={`${id}-reason`} value={reason} onInput={(e) => setReason(e.currentTarget.value)}
              data-testid="review-dismiss-reason" aria-describedby={error?.field === 'reason' ? `${id}-reason-err` : undefined} />
            <button type="submit" class="btn" disabled={busy} data-testid="review-dismiss">Dismiss</button>
            {err('reason')}
          </form>
          {c.candidates.length === 0 && companies.length > 0 && (
            <form class="step-form inline-form" onSubmit={(e) => { e.preventDefault(); if (company) act({ action: 'create_job', companyUuid: company }); }}>
              <label for={`${id}-company`}>New job for an existing client</label>
              <select id={`${id}-company`} value={company} onChange={(e) => setCompany(e.currentTarget.value)} data-testid="review-company">
                <option value="">Choose a client…</option>
                {companies.map((co) => <option key={co.uuid} value={co.uuid}>{co.name}</option>)}
              </select>
              <button type="submit" class="btn" disabled={busy || !company} data-testid="review-create-job">Create job</button>
            </form>
          )}
          {item.reason === 'delivery_failed' && (
            <button type="button" class="btn" disabled={busy} onClick={() => act({ action: 'retry' })} data-testid="review-retry">Retry delivery</button>
          )}
        </div>
      )}
      <StatusLine status={ui.status.value} testId="review-message" />
    </li>
  );
}
