import { escapeHtml } from '../../http/error-handler.js';

export type SandboxPageData = {
  jobs: { uuid: string; number: string; client: string; status: string; total: string }[];
  staff: { uuid: string; name: string; title: string }[];
  scenarios: { id: string; title: string; description: string }[];
  webhookUrl: string;
};

const opt = (value: string, label: string) => `<option value="${escapeHtml(value)}">${escapeHtml(label)}</option>`;

/**
 * The first page a new user sees after `npm start`: it imitates a ServiceM8 job card. Pick a job and a
 * staff member, open the add-on exactly as ServiceM8 would (a signed event, the answer rendered in a frame),
 * and send realistic DialNexa calls to watch them arrive. Sandbox mode only.
 */
export function renderSandboxPage(d: SandboxPageData): string {
  const jobs = d.jobs.map((j) => opt(j.uuid, `Job ${j.number} — ${j.client} (${j.status}, invoice ${j.total})`)).join('');
  const staff = d.staff.map((s) => opt(s.uuid, `${s.name}${s.title ? ` — ${s.title}` : ''}`)).join('');
  const scenarios = d.scenarios.map((s) => `<li><label class="scenario"><input type="radio" name="scenario" value="${escapeHtml(s.id)}"> <strong>${escapeHtml(s.title)}</strong><span>${escapeHtml(s.description)}</span></label></li>`).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Sandbox — DialNexa billing calls for ServiceM8</title><link rel="stylesheet" href="/sandbox/sandbox.css"><script defer src="/sandbox/sandbox.js"></script></head>
<body><header><h1>Sandbox: DialNexa billing calls in ServiceM8</h1>
<p>This page stands in for ServiceM8 and DialNexa. Everything here runs on this machine against a simulated ServiceM8 account
(<em>Harbourside Plumbing &amp; Electrical</em>, AUD, Sydney) — nothing leaves it. Try it in three steps:</p>
<ol><li><strong>Send a call</strong>: pick a scenario; it is signed and posted to the add-on's DialNexa webhook, exactly as DialNexa would.</li>
<li><strong>Watch it arrive</strong>: the add-on redacts it, matches it to a client and job, and writes notes and tasks into the simulated ServiceM8.</li>
<li><strong>Open the job card</strong>: the add-on's panel opens in a frame, as in ServiceM8's web app or (narrow) the mobile app.</li></ol></header>
<main class="grid">
<section aria-labelledby="send-h"><h2 id="send-h">1. Send a DialNexa call</h2><form id="send-form"><fieldset><legend>Scenario</legend><ul class="scenarios">${scenarios}</ul></fieldset>
<button type="submit">Send call</button></form><p id="send-status" role="status" aria-live="polite"></p>
<p class="hint">Webhook: <code>${escapeHtml(d.webhookUrl)}</code></p></section>
<section aria-labelledby="arrive-h"><h2 id="arrive-h">2. What arrived in ServiceM8</h2><p class="hint">Updates every two seconds for the selected job.</p><div id="arrivals" aria-live="polite"><p>Nothing yet.</p></div></section>
<section aria-labelledby="open-h" class="wide"><h2 id="open-h">3. Open the job card</h2><form id="open-form" class="row">
<label>Job <select name="jobUuid" id="job-select">${jobs}</select></label>
<label>Signed in as <select name="staffUuid">${staff}</select></label>
<label>Surface <select name="surface"><option value="web">Web app (job card popup)</option><option value="mobile">Mobile app (360 px)</option></select></label>
<button type="submit" name="event" value="job">Open “Billing calls”</button><button type="submit" name="event" value="review">Open review queue (menu item)</button></form>
<div id="frame-wrap" class="frame-wrap"><p class="hint">The add-on's answer appears here.</p></div></section></main></body></html>`;
}
