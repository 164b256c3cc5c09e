import { escapeHtml } from '../http/error-handler.js';

export type CallRecordLink = { linkToken: string; startedAt?: string; label: string };

/**
 * The "Full call record" buttons under the panel: plain forms posting the panel token to
 * /calls/:token/open in a new tab (routes/call-page-open.ts). Server-rendered outside #app, so they need no
 * script, hydration never touches them, and they cost the 20 KB bundle nothing (issue 15, items 3 and 4).
 */
export function renderCallRecordForms(calls: readonly CallRecordLink[], publicUrl: string, panelToken: string): string {
  if (calls.length === 0) return '';
  const forms = calls.map((c) => `<form method="post" action="${escapeHtml(`${publicUrl}/calls/${encodeURIComponent(c.linkToken)}/open`)}" target="_blank" rel="noopener">`
    + `<input type="hidden" name="panel_token" value="${escapeHtml(panelToken)}">`
    + `<button type="submit" class="btn">${escapeHtml(c.label)}</button></form>`).join('');
  return `<section class="panel call-records" aria-labelledby="call-records-h"><h2 id="call-records-h">Full call record</h2>`
    + `<p class="muted">Transcript, recording and audit trail, in a new tab (signed in as you for 30 minutes).</p><div class="btn-row">${forms}</div></section>`;
}
