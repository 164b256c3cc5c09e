import type { SendView } from '../../../server/panel/view-types.js';
import { formatWhen } from '../format.js';
import type { JobPanelModel } from '../panel-model.js';
import { StatusLine } from './status-line.js';

/** The send log: when, what, to whom (masked), how it stands, who confirmed. */
export function SendLog({ log }: { log: SendView['log'] }) {
  return log.length ? <ul class="plain" data-testid="send-log">{log.map((l) => <li key={l.id} data-testid="send-log-entry" data-status={l.status}>{formatWhen(l.at)} · {l.what} to <strong>{l.to}</strong> · {l.statusText} · {l.by}</li>)}</ul> : null;
}

/** A document resend: what would go where and why, one tap to send it (or to record a person did), and its log. */
export function SendBox({ callId, send, model }: { callId: string; send: SendView; model: JobPanelModel }) {
  const ui = model.ui(`send:${callId}`);
  const a = send.action;
  return (
    <section class="finance-task" data-testid="send" data-state={send.state} aria-label="Document send">
      <h3>{send.title}</h3>
      {send.to && <p>To {send.to}</p>}
      {send.requested && <p class="callout callout-warn" data-testid="send-compare">Asked for: <strong>{send.requested}</strong><br />On file: {send.onFile.join(', ') || 'none'}</p>}
      <p class="muted small">{send.why}</p>
      {a?.instructions && <p class="callout" data-testid="send-instructions">{a.instructions}</p>}
      {a && <button type="button" class="btn btn-primary" disabled={ui.pending.value !== null} onClick={() => void model.send(callId, a.by)} data-testid="send-confirm">{a.label}</button>}
      <StatusLine status={ui.status.value} testId="send-message" />
      <SendLog log={send.log} />
    </section>
  );
}
