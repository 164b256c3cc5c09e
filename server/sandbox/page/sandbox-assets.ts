/** Static script and style for the sandbox page (served from /sandbox/*; CSP allows only same-origin scripts). */
export const SANDBOX_JS = `
const $ = (s) => document.querySelector(s);
async function post(url, body) {
  const r = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const text = await r.text();
  let json; try { json = JSON.parse(text); } catch { json = { raw: text }; }
  return { status: r.status, json };
}
$('#send-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const scenario = new FormData(e.target).get('scenario');
  if (!scenario) { $('#send-status').textContent = 'Pick a scenario first.'; return; }
  $('#send-status').textContent = 'Sending…';
  const r = await post('/sandbox/calls', { scenario });
  $('#send-status').textContent = r.status === 200 ? 'DialNexa delivered call ' + r.json.callId + ': the add-on answered ' + r.json.webhookStatus + '. ' + (r.json.hint || '') : 'Failed: ' + (r.json.error ? r.json.error.message : r.status);
  if (r.json.jobUuid) $('#job-select').value = r.json.jobUuid;
  refresh();
});
$('#open-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const f = new FormData(e.target);
  const event = e.submitter ? e.submitter.value : 'job';
  const wrap = $('#frame-wrap');
  wrap.textContent = 'Opening…';
  const r = await post('/sandbox/open', { jobUuid: f.get('jobUuid'), staffUuid: f.get('staffUuid'), event });
  wrap.textContent = '';
  if (r.status !== 200) { wrap.textContent = 'ServiceM8 would show an error: ' + (r.json.error ? r.json.error.message : r.status); return; }
  const frame = document.createElement('iframe');
  frame.title = event === 'job' ? 'Billing calls panel' : 'Billing call review';
  frame.className = f.get('surface') === 'mobile' ? 'mobile' : 'web';
  frame.srcdoc = r.json.html;
  wrap.appendChild(frame);
});
async function refresh() {
  const job = $('#job-select').value;
  const r = await fetch('/sandbox/state?jobUuid=' + encodeURIComponent(job)).then((x) => x.json()).catch(() => null);
  if (!r) return;
  const box = $('#arrivals');
  box.textContent = '';
  const add = (tag, text, cls) => { const el = document.createElement(tag); el.textContent = text; if (cls) el.className = cls; box.appendChild(el); return el; };
  add('p', 'Outbox: ' + r.outbox.pending + ' waiting, ' + r.outbox.done + ' delivered, ' + r.outbox.failed + ' failed. Review queue: ' + r.openReviews + ' open.');
  if (!r.notes.length && !r.tasks.length) add('p', 'No add-on notes or tasks on job ' + r.jobNumber + ' yet.');
  for (const n of r.notes) add('pre', 'Note on job ' + r.jobNumber + ':\\n' + n, 'note');
  for (const t of r.tasks) add('pre', 'Task: ' + t, 'task');
}
setInterval(refresh, 2000);
document.addEventListener('DOMContentLoaded', refresh);
$('#job-select').addEventListener('change', refresh);
`;

export const SANDBOX_CSS = `
body{font:16px/1.45 system-ui,sans-serif;margin:0;color:#1d2733;background:#f4f6f8}
header{background:#1d3a5f;color:#fff;padding:16px 24px}header code,header em{color:#fff}
h1{font-size:1.4rem;margin:0 0 8px}h2{font-size:1.1rem;margin-top:0}
.grid{display:grid;gap:16px;padding:16px;grid-template-columns:repeat(auto-fit,minmax(320px,1fr))}
section{background:#fff;border:1px solid #d5dbe1;border-radius:6px;padding:16px}.wide{grid-column:1/-1}
.scenarios{list-style:none;padding:0;margin:0}.scenario{display:block;padding:8px;min-height:44px;border-bottom:1px solid #eef1f4}
.scenario span{display:block;color:#4a5868;font-size:.9rem}
button,select{min-height:44px;font-size:1rem;padding:0 14px;margin:4px 8px 4px 0}
button{background:#1d6fd8;color:#fff;border:0;border-radius:4px;cursor:pointer}button:focus-visible,select:focus-visible,input:focus-visible{outline:3px solid #f5a623;outline-offset:2px}
.row{display:flex;flex-wrap:wrap;align-items:end;gap:8px}.row label{display:flex;flex-direction:column;font-size:.9rem}
.hint{color:#4a5868;font-size:.9rem}pre{white-space:pre-wrap;background:#f7f9fb;border-left:4px solid #1d6fd8;padding:8px}
.frame-wrap iframe{border:1px solid #9aa7b4;background:#fff;display:block;margin-top:8px}
iframe.web{width:100%;max-width:960px;height:820px}iframe.mobile{width:360px;height:740px}
`;
