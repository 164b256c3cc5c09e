import type { CallView, JobPanelView } from '../../../server/panel/view-types.js';
import { formatDuration, formatWhen, humanize, safeUrl } from '../format.js';
import type { JobPanelModel } from '../panel-model.js';
import { AuditList, DeliveryList } from './audit-list.js';
import { ClaimVsRecord } from './claim-vs-record.js';
import { FinanceTask } from './finance-task.js';
import { SendBox } from './send-box.js';
import { NextStep, type StaffOption } from './next-step.js';

function Recording({ call, model }: { call: CallView; model: JobPanelModel }) {
  const rec = model.ui(call.id).recording.value;
  const transcript = safeUrl(call.transcriptUrl);
  if (!call.hasRecording && !transcript) return null;
  return (
    <div class="media">
      <div class="btn-row">
        {call.hasRecording && (
          <button type="button" class="btn" disabled={rec.pending} onClick={() => void model.playRecording(call.id)} data-testid="play-recording">
            {rec.pending ? 'Getting recording…' : 'Play recording'}
          </button>
        )}
        {transcript && <a class="btn" href={transcript} target="_blank" rel="noopener noreferrer" data-testid="transcript-link">Transcript</a>}
      </div>
      <p class="status" aria-live="polite" data-testid="recording-message">
        {rec.error ?? (rec.url ? 'Recording opened in a new tab.' : '')}
      </p>
      {rec.url && (
        <p><a class="btn" href={rec.url} target="_blank" rel="noopener noreferrer" data-testid="recording-link">Not showing? Open the recording</a></p>
      )}
    </div>
  );
}

/** One DialNexa billing call on this job: who, what, claim against record, next step, history. */
export function CallCard({ call, record, model, staff }: { call: CallView; record: JobPanelView['record']; model: JobPanelModel; staff?: StaffOption[] }) {
  const id = `call-${call.id}`;
  const caller = call.callerName ?? call.callerNumber ?? 'Unknown caller';
  const openReviews = call.review.filter((r) => r.status === 'open');
  return (
    <article class="card" data-testid="call-card" data-call-id={call.id} aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{call.intentLabel} <span class="sub">· {caller}</span></h2>
      <p class="muted">
        {[call.callerName && call.callerNumber, formatWhen(call.startedAt), formatDuration(call.durationSeconds), humanize(call.status)].filter(Boolean).join(' · ')}
      </p>
      {call.summary && <p class="summary" data-testid="call-summary">{call.summary}</p>}
      <Recording call={call} model={model} />
      {call.redactedKinds.length > 0 && (
        <p class="muted small" data-testid="redacted-note">Private details were removed from this call: {call.redactedKinds.map(humanize).join(', ').toLowerCase()}.</p>
      )}
      {openReviews.length > 0 && (
        <ul class="callout callout-warn plain" data-testid="call-review">
          {openReviews.map((r) => <li key={r.id}><strong>Waiting for finance review: {r.label}.</strong> {r.detail}</li>)}
        </ul>
      )}
      <ClaimVsRecord claim={call.claim} mismatches={call.mismatches} record={record} />
      {call.financeTask && <FinanceTask task={call.financeTask} />}
      {call.send && <SendBox callId={call.id} send={call.send} model={model} />}
      <NextStep call={call} model={model} staff={staff} />
      {(call.policyReasons.length > 0 || call.match.reasons.length > 0) && (
        <details class="audit" data-testid="why">
          <summary>Why the add-on did this</summary>
          <ul>
            {call.policyReasons.map((r, i) => <li key={`p${i}`}>{r}</li>)}
            <li>Match to this job: {humanize(call.match.confidence).toLowerCase()}{call.match.reasons.length ? ` (${call.match.reasons.join('; ')})` : ''}</li>
          </ul>
        </details>
      )}
      <DeliveryList actions={call.actions} />
      <AuditList audit={call.audit} />
    </article>
  );
}
