import { useRef, useState } from 'preact/hooks';
import type { CallView, StepStatus } from '../../../server/panel/view-types.js';
import { formatMoney, formatWhen } from '../format.js';
import type { JobPanelModel, StepInput } from '../panel-model.js';
import { Pill, StatusLine } from './status-line.js';

export type StaffOption = { uuid: string; name: string };

const asDateInput = (d?: string) => (d && /^\d{4}-\d\d-\d\d/.test(d) ? d.slice(0, 10) : '');

type Props = { call: CallView; model: JobPanelModel; staff?: StaffOption[] };

/** The proposed next step and what staff can do with it: confirm (optionally edited), escalate, resolve, approve. */
export function NextStep({ call, model, staff }: Props) {
  const ui = model.ui(call.id);
  const busy = ui.pending.value !== null;
  const step = call.nextStep;
  const status: StepStatus = call.stepStatus ?? step?.status ?? 'none';
  const approval = call.approval;
  // Mirrors server/policy/decide-step.ts: which transitions the server accepts from each status.
  // A held money step waits for an approver even after someone escalated it.
  const needsApproval = status === 'awaiting_approval' || (status === 'escalated' && Boolean(approval?.required));
  const canConfirm = ['open', 'awaiting_review', 'escalated', 'none'].includes(status) && !needsApproval;
  const canEscalate = !['escalated', 'resolved', 'planning'].includes(status);
  const canResolve = status !== 'resolved' && status !== 'planning';
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState('');
  const [owner, setOwner] = useState('');
  const [deadline, setDeadline] = useState('');
  const [reason, setReason] = useState('');
  const [outcome, setOutcome] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<{ field: string; text: string } | null>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);
  const id = `ns-${call.id}`;
  const ownerName = step?.owner ?? 'Unassigned';

  async function run(input: StepInput, field?: string, value?: string) {
    if (field && !value?.trim()) {
      setError({ field, text: field === 'outcome' ? 'Say how it was resolved.' : field === 'text' ? 'The next step needs some text.' : 'Give finance a reason.' });
      document.getElementById(`${id}-${field}`)?.focus();
      return;
    }
    setError(null);
    if (await model.runStep(call.id, input)) {
      setEditing(false); setReason(''); setOutcome(''); setNote('');
    }
    // The button that was pressed may be gone now (status changed); keep keyboard focus near the result.
    setTimeout(() => { if (!document.activeElement || document.activeElement === document.body) statusRef.current?.focus(); }, 0);
  }

  function startEdit() {
    setText(step?.text ?? ''); setOwner(''); setDeadline(asDateInput(step?.deadline)); setEditing(!editing);
  }

  function confirm(e: Event) {
    e.preventDefault();
    if (!editing) return void run({ action: 'confirm' });
    const input: StepInput = { action: 'confirm' };
    if (text.trim() !== (step?.text ?? '')) input.text = text.trim();
    if (owner) input.ownerStaffUuid = owner;
    if (deadline && deadline !== asDateInput(step?.deadline)) input.deadline = deadline;
    void run(input, 'text', text);
  }

  const err = (field: string) => error?.field === field
    ? <p class="field-error" id={`${id}-${field}-err`} data-testid={`${field}-error`}>{error.text}</p> : null;
  const described = (field: string) => (error?.field === field ? `${id}-${field}-err` : undefined);

  return (
    <section class="next-step" data-testid="next-step">
      <h3>Next step <Pill tone={call.stepPill.tone} testId="step-status">{call.stepPill.label}</Pill></h3>
      {step
        ? <>
            <p class="step-text" data-testid="step-text-current">{step.text}</p>
            <p class="muted">Owner: {ownerName}{step.deadline && <> · due <strong>{formatWhen(step.deadline)}</strong></>}</p>
          </>
        : <p class="muted">No next step has been proposed for this call.</p>}
      {approval?.required && (
        <p class="callout callout-warn" data-testid="approval-threshold">
          This step changes money. Steps over {formatMoney(approval.threshold)} need an approver
          {approval.canApprove ? ' — you can approve it.' : ' — someone with approval rights must approve it.'}
        </p>
      )}

      {canConfirm && (
        <form class="step-form" onSubmit={confirm} data-testid="confirm-form">
          {editing && (
            <fieldset>
              <legend>Edit before confirming</legend>
              <label for={`${id}-text`}>Next step</label>
              <textarea id={`${id}-text`} rows={3} value={text} onInput={(e) => setText(e.currentTarget.value)} data-testid="step-text" aria-describedby={described('text')} />
              {err('text')}
              {staff && staff.length > 0 && <>
                <label for={`${id}-owner`}>Owner</label>
                <select id={`${id}-owner`} value={owner} onChange={(e) => setOwner(e.currentTarget.value)} data-testid="step-owner">
                  <option value="">Keep: {ownerName}</option>
                  {staff.map((s) => <option key={s.uuid} value={s.uuid}>{s.name}</option>)}
                </select>
              </>}
              <label for={`${id}-deadline`}>Deadline</label>
              <input id={`${id}-deadline`} type="date" value={deadline} onInput={(e) => setDeadline(e.currentTarget.value)} data-testid="step-deadline" />
            </fieldset>
          )}
          <div class="btn-row">
            <button type="submit" class="btn btn-primary" disabled={busy} data-testid="step-confirm">{editing ? 'Confirm edited step' : 'Confirm next step'}</button>
            <button type="button" class="btn" disabled={busy} aria-expanded={editing} onClick={startEdit} data-testid="step-edit-toggle">{editing ? 'Cancel edit' : 'Edit'}</button>
          </div>
        </form>
      )}

      {needsApproval && approval?.canApprove && (
        <form class="step-form" onSubmit={(e) => { e.preventDefault(); void run({ action: 'approve', reason: note.trim() || undefined }); }} data-testid="approval-form">
          <label for={`${id}-note`}>Note for the record (optional)</label>
          <input id={`${id}-note`} type="text" value={note} onInput={(e) => setNote(e.currentTarget.value)} data-testid="approval-reason" />
          <div class="btn-row">
            <button type="submit" class="btn btn-primary" disabled={busy} data-testid="step-approve">Approve</button>
            <button type="button" class="btn btn-danger" disabled={busy} onClick={() => void run({ action: 'decline', reason: note.trim() || undefined })} data-testid="step-decline">Decline</button>
          </div>
        </form>
      )}

      {canEscalate && (
        <details class="step-more" data-testid="escalate-section">
          <summary>Escalate to finance…</summary>
          <form class="step-form" onSubmit={(e) => { e.preventDefault(); void run({ action: 'escalate', reason: reason.trim() }, 'reason', reason); }}>
            <label for={`${id}-reason`}>Why finance needs to handle it</label>
            <textarea id={`${id}-reason`} rows={2} value={reason} onInput={(e) => setReason(e.currentTarget.value)} data-testid="escalate-reason" aria-describedby={described('reason')} />
            {err('reason')}
            <button type="submit" class="btn" disabled={busy} data-testid="step-escalate">Send to finance</button>
          </form>
        </details>
      )}

      {canResolve && (
        <details class="step-more" data-testid="resolve-section">
          <summary>Mark resolved…</summary>
          <form class="step-form" onSubmit={(e) => { e.preventDefault(); void run({ action: 'resolve', outcome: outcome.trim() }, 'outcome', outcome); }}>
            <label for={`${id}-outcome`}>Outcome</label>
            <textarea id={`${id}-outcome`} rows={2} value={outcome} onInput={(e) => setOutcome(e.currentTarget.value)} data-testid="resolve-outcome" aria-describedby={described('outcome')} />
            {err('outcome')}
            <button type="submit" class="btn" disabled={busy} data-testid="step-resolve">Mark resolved</button>
          </form>
        </details>
      )}
      <StatusLine status={ui.status.value} testId="step-message" statusRef={statusRef} />
    </section>
  );
}
