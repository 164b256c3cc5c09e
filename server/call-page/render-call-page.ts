import { formatMoney } from '../domain/money.js';
import { escapeHtml as e } from '../http/error-handler.js';
import type { AuditEvent } from '../store/audit-repo.js';
import type { StoredCall } from '../store/call-repo.js';

export type CallPageInput = {
  call: StoredCall;
  audit: AuditEvent[];
  /** Names for staff uuids, so the trail says "Sam Okafor" rather than an id where ServiceM8 knows them. */
  staffNames: Map<string, string>;
  csrfToken: string;
  /** A presigned recording link fetched on request; shown once, never stored. */
  recordingUrl?: string;
};

// Inline styles are allowed by the CSP; inline scripts are not, and this page has no script at all.
const STYLE = 'body{font:16px/1.45 system-ui,sans-serif;margin:0;color:#1d2329;background:#f6f7f8}'
  + 'main{max-width:44rem;margin:0 auto;padding:1rem;overflow-wrap:anywhere}h1{font-size:1.3rem;margin:.2rem 0 .6rem}'
  + 'h2{font-size:1.05rem;margin:1.2rem 0 .4rem}section{background:#fff;border-radius:6px;padding:.6rem .9rem;margin:.6rem 0}'
  + 'dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem .8rem;margin:0}dt{color:#59636e}dd{margin:0}'
  + '.transcript{white-space:pre-wrap;font:inherit;margin:0}ul{padding-left:1.1rem;margin:.2rem 0}'
  + 'button{font:inherit;padding:.5rem .9rem;min-height:44px}.muted{color:#59636e;font-size:.9rem}';

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">`
    + `<meta name="referrer" content="no-referrer"><title>${e(title)}</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>`;
}

const row = (label: string, value: string | undefined) => (value ? `<dt>${e(label)}</dt><dd>${e(value)}</dd>` : '');
const list = (items: string[]) => (items.length ? `<ul>${items.map((i) => `<li>${e(i)}</li>`).join('')}</ul>` : '<p class="muted">None.</p>');

function actorName(actor: string, names: Map<string, string>): string {
  const [kind, id] = actor.split(':', 2);
  return kind === 'staff' && id ? names.get(id) ?? `staff ${id}` : actor;
}

function claimSection(call: StoredCall): string {
  const a = call.outcome.analysis;
  const rows = [
    row('Intent', a?.intent?.replace(/_/g, ' ')), row('Invoice', a?.invoiceNumber), row('Job', a?.jobNumber),
    row('Amount', a?.amount && formatMoney(a.amount)), row('Caller says', a?.callerClaim), row('Reason', a?.refundReason || a?.disputeReason),
    row('Asked for', a?.creditRequest), row('Promised', a?.promisedNextStep),
  ].join('');
  return `<section><h2>Claim</h2>${rows ? `<dl>${rows}</dl>` : '<p class="muted">No billing details were extracted.</p>'}</section>`;
}

function decisionSection(call: StoredCall): string {
  const d = call.decision;
  if (!d) return '<section><h2>Decision</h2><p class="muted">Not decided yet.</p></section>';
  const next = d.nextStep ? [d.nextStep.text, d.nextStep.owner && `owner ${d.nextStep.owner}`, d.nextStep.deadline && `by ${d.nextStep.deadline}`].filter(Boolean).join(', ') : undefined;
  return `<section><h2>Decision</h2><p>${e(d.headline)}</p><dl>${row('Next step', next)}${row('Step status', call.stepStatus.replace(/_/g, ' '))}</dl>`
    + `<h2>Why</h2>${list(d.reasons)}</section>`;
}

function recordingSection(call: StoredCall, input: CallPageInput): string {
  if (!call.outcome.hasRecording) return '<section><h2>Recording</h2><p class="muted">DialNexa holds no recording of this call.</p></section>';
  const link = input.recordingUrl
    ? `<p><a href="${e(input.recordingUrl)}" rel="noreferrer noopener" target="_blank">Play the recording</a> <span class="muted">(link valid for a short time)</span></p>`
    : '';
  return `<section><h2>Recording</h2>${link}<form method="post" action="/calls/${e(call.linkToken)}/recording">`
    + `<input type="hidden" name="csrf" value="${e(input.csrfToken)}"><button type="submit">${input.recordingUrl ? 'Get a fresh link' : 'Get the recording'}</button></form>`
    + '<p class="muted">Asking for the recording is written to the audit trail.</p></section>';
}

function auditSection(input: CallPageInput): string {
  const items = input.audit.map((ev) => `<li><time datetime="${e(ev.at)}">${e(ev.at.replace('T', ' ').slice(0, 19))} UTC</time> · ${e(actorName(ev.actor, input.staffNames))} · ${e(ev.action)}</li>`);
  return `<section><h2>Audit trail</h2>${items.length ? `<ul>${items.join('')}</ul>` : '<p class="muted">No events.</p>'}</section>`;
}

/**
 * The call page behind a job note's link (issue 15, item 4): everything shown was redacted before it was
 * stored (summary, transcript, analysis), and the audit trail shows who did what but not event details.
 */
export function renderCallPage(input: CallPageInput): string {
  const { call } = input;
  const o = call.outcome;
  const facts = [row('Started', o.startedAt && `${o.startedAt.replace('T', ' ').slice(0, 16)} UTC`), row('Direction', o.direction), row('Status', o.status),
    row('Duration', o.durationSeconds !== undefined ? `${Math.round(o.durationSeconds)} s` : undefined)].join('');
  const body = `<h1>Billing call</h1><section>${facts ? `<dl>${facts}</dl>` : ''}<h2>Summary</h2><p>${e(o.summary ?? 'No summary yet.')}</p></section>`
    + claimSection(call) + decisionSection(call)
    + `<section><h2>Transcript</h2>${o.transcript ? `<pre class="transcript">${e(o.transcript)}</pre>` : '<p class="muted">No transcript was sent.</p>'}</section>`
    + recordingSection(call, input) + auditSection(input);
  return page('Billing call', body);
}

/** What a visitor without a session (or with the wrong account) sees: how to get in, and nothing of any call. */
export function renderCallSignIn(message?: string): string {
  return page('Billing call', `<h1>Billing call</h1><section><p>${e(message ?? 'Open this call from ServiceM8: open the job and tap “Billing calls” on the job card. The call link there signs you in for a few minutes.')}</p></section>`);
}
