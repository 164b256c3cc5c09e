import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signPanelToken } from '../../server/panel/session-token.js';
import { SEED } from '../../server/sandbox/seed.js';
import { hasChromium, launchChromium, stubServiceM8Sdk, waitFor } from '../helpers/browser.js';
import { startLiveServer } from '../helpers/live-server.js';

const ARTIFACTS = new URL('../artifacts/', import.meta.url);
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const J1042 = SEED.jobs.j1042.uuid;
const FINANCE = SEED.staff.finance.uuid;

describe.skipIf(!hasChromium)('job-card panel in Chromium', () => {
  let live: Awaited<ReturnType<typeof startLiveServer>>;
  let browser: Browser;
  const sim = () => live.runtime.sandbox!.servicem8;
  const confirmedNotes = () => sim().data().note.filter((n) => String(n.related_object_uuid) === J1042 && /confirmed by/.test(String(n.note)));

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    live = await startLiveServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await live?.close();
  });

  async function sendDuplicateChargeFromSandbox(page: Page) {
    await page.goto(`${live.url}/sandbox`);
    await expect(page.getByRole('heading', { level: 1 })).toBeDefined();
    await page.locator('input[name=scenario][value="duplicate-charge-1042"]').check();
    await page.getByRole('button', { name: 'Send call' }).click();
    await page.locator('#send-status', { hasText: 'answered 200' }).waitFor();
    await waitFor(async () => (await page.locator('#arrivals pre.note').count()) > 0, 'the intake note to arrive in ServiceM8');
  }

  async function expectClaimBesideRecord(f: Page | Frame) {
    const card = f.locator('[data-testid=call-card]').first();
    await card.waitFor();
    const claim = card.locator('[data-testid=claim-vs-record]');
    expect(await claim.innerText()).toContain('349.00');
    expect(await claim.locator('[data-testid=payment]').count()).toBe(2);
    const mismatch = claim.locator('[data-testid=mismatch][data-kind=duplicate_payment]');
    expect(await mismatch.isVisible()).toBe(true);
    expect(await mismatch.innerText()).toMatch(/recorded 2 times/);
  }

  it('desktop: sandbox → duplicate-charge call → panel shows the claim beside two payments → confirm (double-click) → one note', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await stubServiceM8Sdk(context);
    const page = await context.newPage();
    await sendDuplicateChargeFromSandbox(page);
    await page.locator('select[name=staffUuid]').selectOption(FINANCE);
    await page.locator('#job-select').selectOption(J1042);
    await page.getByRole('button', { name: /Open “Billing calls”/ }).click();
    const frame = page.frameLocator('iframe');
    const f = (await page.locator('iframe').elementHandle())!;
    const inner = (await f.contentFrame())!;
    await expectClaimBesideRecord(inner);
    expect(await frame.locator('.headline').first().innerText()).toMatch(/duplicate|Duplicate|finance/i);
    const before = confirmedNotes().length;
    await inner.locator('[data-testid=step-confirm]').first().dblclick();
    await inner.locator('[data-testid=step-message][data-kind=success]').first().waitFor();
    await waitFor(() => confirmedNotes().length > before, 'the confirmation note');
    await new Promise((r) => setTimeout(r, 500)); // give a duplicate every chance to appear
    expect(confirmedNotes().length - before).toBe(1);
    await page.screenshot({ path: new URL('panel-desktop.png', ARTIFACTS).pathname, fullPage: true });
    await context.close();
  });

  async function openPanelPage(page: Page, job = J1042, staff = FINANCE) {
    await page.goto(`${live.url}/sandbox/panel-page?jobUuid=${job}&staffUuid=${staff}`);
  }

  /** A fresh duplicate-charge call on job 1042, decided and delivered, so a step is open to confirm. */
  async function freshCall() {
    const { request } = await import('undici');
    const r = await (await request(`${live.url}/sandbox/calls`, { method: 'POST', body: JSON.stringify({ scenario: 'duplicate-charge-1042' }), headers: { 'content-type': 'application/json' } })).body.json() as { callId: string };
    await waitFor(async () => (await live.runtime.deps.store.calls.getByProviderId(live.runtime.sandbox!.accountUuid, r.callId))?.stepStatus === 'open', 'the call to be decided');
  }

  it('mobile 360×740: same claim and mismatch, big touch targets, no sideways scroll, confirm once', async () => {
    await freshCall();
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    await stubServiceM8Sdk(context);
    const page = await context.newPage();
    await openPanelPage(page);
    await expectClaimBesideRecord(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const small = await page.evaluate(() => [...document.querySelectorAll('button, a[href], input, select, summary, textarea')]
      .filter((el) => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0 && (r.height < 44 || r.width < 44); })
      .map((el) => (el as HTMLElement).dataset.testid ?? el.tagName));
    expect(small).toEqual([]);
    await page.screenshot({ path: new URL('panel-mobile.png', ARTIFACTS).pathname, fullPage: true });
    const cards = page.locator('[data-testid=call-card]');
    const pending = cards.filter({ has: page.locator('[data-testid=step-confirm]') }).first();
    const before = confirmedNotes().length;
    await pending.locator('[data-testid=step-confirm]').scrollIntoViewIfNeeded();
    const box = (await pending.locator('[data-testid=step-confirm]').boundingBox())!;
    // A double tap: two touches on the same spot, as fast as the touchscreen sends them.
    await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
    await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
    await page.locator('[data-testid=step-message][data-kind=success]').first().waitFor({ timeout: 10_000 });
    await waitFor(() => confirmedNotes().length > before, 'the confirmation note');
    await new Promise((r) => setTimeout(r, 500));
    expect(confirmedNotes().length - before).toBe(1);
    await context.close();
  });

  // The page is server-rendered (issue 15, item 3): what the server showed stays readable, and the first tap
  // with a token that has run out asks to reopen instead of acting.
  it('an expired token: the call stays readable, the first tap shows the reopen notice and writes nothing', async () => {
    await freshCall();
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    await stubServiceM8Sdk(context);
    const page = await context.newPage();
    const expired = signPanelToken({ accountUuid: live.runtime.sandbox!.accountUuid, staffUuid: FINANCE, scope: 'job', jobUuid: J1042 }, live.runtime.deps.panelKey, new Date(Date.now() - 20 * 60_000));
    await page.route(`${live.url}/sandbox/panel-page**`, async (route) => {
      const res = await route.fetch();
      const html = (await res.text()).replace(/"token":"[^"]+"/, `"token":"${expired}"`);
      await route.fulfill({ response: res, body: html });
    });
    await openPanelPage(page);
    const before = confirmedNotes().length;
    await page.locator('[data-testid=call-card] [data-testid=step-confirm]').first().click(); // waits for the script to enable it
    await page.locator('[data-testid=session-expired]').waitFor();
    expect(await page.locator('[data-testid=call-summary]').first().isVisible()).toBe(true);
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.testid)).toBe('reopen-panel');
    await new Promise((r) => setTimeout(r, 300));
    expect(confirmedNotes().length).toBe(before);
    await context.close();
  });

  it('a token for another job never shows this job\'s calls, and its API calls for them answer 404', async () => {
    const context = await browser.newContext();
    await stubServiceM8Sdk(context);
    const page = await context.newPage();
    await openPanelPage(page, SEED.jobs.j1039.uuid);
    await page.locator('[data-testid=empty]').waitFor();
    const callId = (await live.runtime.deps.store.calls.listForJob(live.runtime.sandbox!.accountUuid, J1042))[0]!.id;
    const status = await page.evaluate(async (id) => {
      const boot = JSON.parse(document.getElementById('bootstrap')!.textContent!);
      const r = await fetch(`${boot.apiBase}/calls/${id}/steps`, { method: 'POST', headers: { authorization: `Bearer ${boot.token}`, 'content-type': 'application/json' }, body: JSON.stringify({ action: 'confirm', requestId: 'req-foreign-job' }) });
      return r.status;
    }, callId);
    expect(status).toBe(404);
    await context.close();
  });

  it('works by keyboard alone and has no serious accessibility violations (axe-core)', async () => {
    await freshCall();
    const context = await browser.newContext({ viewport: { width: 1024, height: 800 }, bypassCSP: true });
    await stubServiceM8Sdk(context);
    const page = await context.newPage();
    await openPanelPage(page);
    await page.locator('[data-testid=call-card]').first().waitFor();
    await page.addScriptTag({ path: AXE });
    const violations = await page.evaluate(async () => {
      const r = await (window as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string }[] }> } }).axe.run();
      return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
    });
    expect(violations).toEqual([]);
    // Tab from the top: the recording button comes first, then the next step; Enter confirms it.
    const seen: string[] = [];
    for (let i = 0; i < 40 && seen.at(-1) !== 'step-confirm'; i++) {
      await page.keyboard.press('Tab');
      seen.push(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.testid ?? document.activeElement?.tagName ?? ''));
    }
    expect(seen.indexOf('play-recording')).toBeGreaterThanOrEqual(0);
    expect(seen.indexOf('play-recording')).toBeLessThan(seen.indexOf('step-confirm'));
    const before = confirmedNotes().length;
    await page.keyboard.press('Enter');
    await page.locator('[data-testid=step-message][data-kind=success]').first().waitFor();
    await waitFor(() => confirmedNotes().length > before, 'the confirmation note (keyboard)');
    // Disclosure sections open from the keyboard too.
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.tagName === 'SUMMARY')) break;
    }
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.parentElement?.hasAttribute('open'))).toBe(true);
    await context.close();
  });

  it('shows the payment-plan call\'s one finance task with each line\'s state; approving ticks the line and updates the ServiceM8 task once', async () => {
    const { request } = await import('undici');
    const r = await (await request(`${live.url}/sandbox/calls`, { method: 'POST', body: JSON.stringify({ scenario: 'payment-plan-1039' }), headers: { 'content-type': 'application/json' } })).body.json() as { callId: string };
    const account = live.runtime.sandbox!.accountUuid;
    const callOf = () => live.runtime.deps.store.calls.getByProviderId(account, r.callId);
    const taskOf = async () => { const c = await callOf(); return sim().data().task.find((t) => c && String(t.task_details).includes(`/calls/${c.linkToken}`)); };
    await waitFor(async () => (await callOf())?.stepStatus === 'awaiting_approval' && Boolean(await taskOf()), 'the plan call to be decided and its task delivered');
    const task = (await taskOf())!;
    const updates = () => sim().requests.filter((q) => q.method === 'POST' && q.path.includes(`/task/${task.uuid}.json`)).length;
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    await stubServiceM8Sdk(context);
    const page = await context.newPage();
    await openPanelPage(page, SEED.jobs.j1039.uuid);
    const card = page.locator(`[data-testid=call-card][data-call-id="${(await callOf())!.id}"]`);
    const lines = card.locator('[data-testid=finance-line]');
    await lines.first().waitFor();
    const states = async () => lines.evaluateAll((els) => els.map((e) => `${(e as HTMLElement).dataset.line}:${(e as HTMLElement).dataset.state}`));
    expect(await states()).toEqual(['collections:open', 'payment_plan:waiting', 'escalation:open']);
    expect(await card.locator('[data-line=payment_plan]').innerText()).toMatch(/Waiting: Approve a payment plan: 3 × AUD 140\.00 fortnightly.*waiting for approval/);
    // No credit or refund wording anywhere on the call's card: the request is a plan. (ServiceM8's record
    // of the earlier part payment names its method, "Credit Card": that is the record, not an instruction.)
    expect((await card.innerText()).replace(/Credit Card/g, '')).not.toMatch(/credit|refund/i);
    await card.locator('[data-testid=step-approve]').dblclick();
    await card.locator('[data-line=payment_plan][data-state=approved]').waitFor();
    expect(await card.locator('[data-line=payment_plan]').innerText()).toMatch(/Approved: .* — approved by Sam Okafor/);
    await waitFor(async () => /\[x\] Approve a payment plan/.test(String((await taskOf())?.task_details)), 'the ServiceM8 task to show the ticked line');
    await new Promise((res) => setTimeout(res, 500)); // give a second update every chance to appear
    expect(updates()).toBe(1);
    await page.screenshot({ path: new URL('panel-finance-task.png', ARTIFACTS).pathname, fullPage: true });
    await context.close();
  });
});
