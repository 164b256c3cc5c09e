import { useState } from 'preact/hooks';
import type { ReviewCanvasView, SettingsView } from '../../../server/panel/view-types.js';
import type { ReviewModel } from '../review-model.js';
import { StatusLine } from './status-line.js';

type Draft = { owner: string; amount: string; currency: string; approvers: string[]; vips: string[]; mode: SettingsView['automationMode']; days: string; format: SettingsView['responseFormat']; jobStatus: SettingsView['newJobStatus']; send: SettingsView['sendMode']; link: string };

const toDraft = (s: SettingsView): Draft => ({
  owner: s.financeOwnerStaffUuid ?? '', amount: s.approvalThreshold.amount, currency: s.approvalThreshold.currency,
  approvers: s.approverStaffUuids, vips: s.vipCompanyUuids, mode: s.automationMode, days: String(s.followUpDays), format: s.responseFormat,
  jobStatus: s.newJobStatus, send: s.sendMode, link: s.paymentLinkUrl ?? '',
});

function validate(d: Draft): Record<string, string> {
  const e: Record<string, string> = {};
  if (!/^\d+(\.\d{1,2})?$/.test(d.amount)) e.amount = 'Enter an amount like 500 or 500.00.';
  if (!/^[A-Z]{3}$/.test(d.currency)) e.currency = 'Use a 3-letter currency code, like AUD.';
  if (!/^\d{1,3}$/.test(d.days)) e.days = 'Enter a whole number of days.';
  return e;
}

// Server field paths (zod issue paths) → the draft field they belong to.
const FIELD_OF: [string, keyof Draft][] = [
  ['approvalThreshold.currency', 'currency'], ['approvalThreshold', 'amount'], ['financeOwner', 'owner'], ['approver', 'approvers'],
  ['vip', 'vips'], ['automation', 'mode'], ['followUp', 'days'], ['response', 'format'], ['paymentLink', 'link'],
];

function toggle(list: string[], value: string, on: boolean): string[] {
  return on ? [...list, value] : list.filter((v) => v !== value);
}

/** Account settings for finance: owner, approval threshold and approvers, VIP clients, automation. */
export function SettingsForm({ view, model }: { view: ReviewCanvasView; model: ReviewModel }) {
  const s = model.settings;
  const [draft, setDraft] = useState(() => toDraft(view.settings));
  const [local, setLocal] = useState<Record<string, string>>({});
  const [filter, setFilter] = useState('');
  const set = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch });
  const server: Record<string, string> = {};
  for (const [path, msg] of Object.entries(s.fieldErrors.value)) {
    const hit = FIELD_OF.find(([p]) => path.startsWith(p));
    if (hit) server[hit[1]] ??= msg;
  }
  const errors = { ...server, ...local };
  const err = (f: string) => errors[f] ? <p class="field-error" id={`set-${f}-err`} data-testid={`settings-${f}-error`}>{errors[f]}</p> : null;
  const desc = (f: string) => (errors[f] ? `set-${f}-err` : undefined);
  const companies = view.companies.filter((c) => !filter || c.name.toLowerCase().includes(filter.toLowerCase()) || draft.vips.includes(c.uuid));

  function submit(e: Event) {
    e.preventDefault();
    const v = validate(draft);
    setLocal(v);
    const first = Object.keys(v)[0];
    if (first) return void document.getElementById(`set-${first}`)?.focus();
    void model.save({
      financeOwnerStaffUuid: draft.owner || undefined,
      approvalThreshold: { amount: draft.amount, currency: draft.currency },
      approverStaffUuids: draft.approvers, vipCompanyUuids: draft.vips,
      automationMode: draft.mode, followUpDays: Number(draft.days), responseFormat: draft.format,
      newJobStatus: draft.jobStatus, sendMode: draft.send, paymentLinkUrl: draft.link.trim() || undefined,
    }).then((saved) => { if (saved) setDraft(toDraft(saved)); });
  }

  return (
    <form class="settings" onSubmit={submit} data-testid="settings-form" noValidate>
      <label for="set-owner">Finance owner</label>
      <select id="set-owner" value={draft.owner} onChange={(e) => set({ owner: e.currentTarget.value })} data-testid="settings-finance-owner" aria-describedby={desc('owner')}>
        <option value="">Automatic: first staff member with finance or accounts in their job title</option>
        {view.staff.map((p) => <option key={p.uuid} value={p.uuid}>{p.name}{p.jobTitle ? ` — ${p.jobTitle}` : ''}</option>)}
      </select>
      {err('owner')}

      <fieldset>
        <legend>Approval threshold</legend>
        <p class="muted small">Refunds, credits and other money changes above this wait for an approver.</p>
        <div class="pair">
          <div>
            <label for="set-currency">Currency</label>
            <input id="set-currency" class="short" maxLength={3} autoCapitalize="characters" value={draft.currency}
              onInput={(e) => set({ currency: e.currentTarget.value.toUpperCase() })} data-testid="settings-threshold-currency" aria-describedby={desc('currency')} />
          </div>
          <div>
            <label for="set-amount">Amount</label>
            <input id="set-amount" inputMode="decimal" value={draft.amount} onInput={(e) => set({ amount: e.currentTarget.value.trim() })}
              data-testid="settings-threshold-amount" aria-describedby={desc('amount')} />
          </div>
        </div>
        {err('currency')}{err('amount')}
      </fieldset>

      <fieldset data-testid="settings-approvers">
        <legend>Approvers</legend>
        <p class="muted small">The finance owner can always approve.</p>
        {view.staff.length === 0 && <p class="muted">No staff found in ServiceM8.</p>}
        {view.staff.map((p) => (
          <label key={p.uuid} class="check">
            <input type="checkbox" value={p.uuid} checked={draft.approvers.includes(p.uuid)}
              onChange={(e) => set({ approvers: toggle(draft.approvers, p.uuid, e.currentTarget.checked) })} data-testid="settings-approver" />
            {p.name}
          </label>
        ))}
        {err('approvers')}
      </fieldset>

      <fieldset data-testid="settings-vips">
        <legend>VIP clients</legend>
        <p class="muted small">Calls from these clients always go to a person.</p>
        {view.companies.length > 8 && <>
          <label for="set-vip-filter">Find a client</label>
          <input id="set-vip-filter" type="search" value={filter} onInput={(e) => setFilter(e.currentTarget.value)} data-testid="settings-vip-filter" />
        </>}
        <div class="check-list">
          {companies.map((c) => (
            <label key={c.uuid} class="check">
              <input type="checkbox" value={c.uuid} checked={draft.vips.includes(c.uuid)}
                onChange={(e) => set({ vips: toggle(draft.vips, c.uuid, e.currentTarget.checked) })} data-testid="settings-vip" />
              {c.name}
            </label>
          ))}
        </div>
        {err('vips')}
      </fieldset>

      <fieldset>
        <legend>Automation</legend>
        <label class="check"><input type="radio" name="set-mode" checked={draft.mode === 'automatic_confident'} onChange={() => set({ mode: 'automatic_confident' })} data-testid="settings-automation-automatic_confident" />
          Write confident, non-money steps to ServiceM8 automatically</label>
        <label class="check"><input type="radio" name="set-mode" checked={draft.mode === 'review_everything'} onChange={() => set({ mode: 'review_everything' })} data-testid="settings-automation-review_everything" />
          Send every call to review first</label>
        {err('mode')}
      </fieldset>

      <label for="set-days">Follow-up deadline (days after the call)</label>
      <input id="set-days" class="short" inputMode="numeric" value={draft.days} onInput={(e) => set({ days: e.currentTarget.value.trim() })}
        data-testid="settings-follow-up-days" aria-describedby={desc('days')} />
      {err('days')}

      <label for="set-job-status">New job status</label>
      <select id="set-job-status" value={draft.jobStatus} onChange={(e) => set({ jobStatus: e.currentTarget.value as Draft['jobStatus'] })}>
        <option>Quote</option><option>Work Order</option>
      </select>

      <label for="set-send">Document resends</label>
      <select id="set-send" value={draft.send} onChange={(e) => set({ send: e.currentTarget.value as Draft['send'] })} data-testid="settings-send-mode">
        <option value="person">A person confirms each send</option>
        <option value="automatic">Send by itself to a recipient on file when the caller was verified</option>
      </select>
      <label for="set-link">Secure payment link (https)</label>
      <input id="set-link" type="url" value={draft.link} onInput={(e) => set({ link: e.currentTarget.value })} data-testid="settings-payment-link" aria-describedby={desc('link')} />
      {err('link')}

      <fieldset>
        <legend>Panel response format</legend>
        <label class="check"><input type="radio" name="set-format" checked={draft.format === 'envelope'} onChange={() => set({ format: 'envelope' })} data-testid="settings-response-envelope" />
          JSON envelope (recommended)</label>
        <label class="check"><input type="radio" name="set-format" checked={draft.format === 'html'} onChange={() => set({ format: 'html' })} data-testid="settings-response-html" />
          Raw HTML</label>
        {err('format')}
      </fieldset>

      <div class="btn-row">
        <button type="submit" class="btn btn-primary" disabled={s.pending.value} data-testid="settings-save">Save settings</button>
      </div>
      <StatusLine status={s.status.value} testId="settings-message" />
    </form>
  );
}
