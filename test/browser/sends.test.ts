import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED } from '../../server/sandbox/seed.js';
import { hasChromium, launchChromium, stubServiceM8Sdk, waitFor } from '../helpers/browser.js';
import { startLiveServer } from '../helpers/live-server.js';

const J1042 = SEED.jobs.j1042.uuid;
const FINANCE = SEED.staff.finance.uuid;
const FULL = 'accounts@natarajan-supplies.example';
const MASKED = 'a•••@natarajan-supplies.example';

describe.skipIf(!hasChromium)('document resend from the panel in Chromium (issue 14)', () => {
  let live: Awaited<ReturnType<typeof startLiveServer>>;
  let browser: Browser;
  const sim = () => live.runtime.sandbox!.servicem8;

  beforeAll(async () => {
    live = await startLiveServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await live?.close();
  });

  /** A verified caller asks for invoice 1042 at the address on file; returns the add-on's call id once decided. */
  async function resendCall(): Promise<{ id: string; providerCallId: string }> {
    const { request } = await import('undici');
    const r = await (await request(`${live.url}/sandbox/calls`, { method: 'POST', body: JSON.stringify({ scenario: 'resend-invoice-on-file' }), headers: { 'content-type': 'application/json' } })).body.json() as { callId: string };
    const get = () => live.runtime.deps.store.calls.getByProviderId(live.runtime.sandbox!.accountUuid, r.callId);
    await waitFor(async () => Boolean((await get())?.decision?.send), 'the resend call to be decided');
    return { id: (await get())!.id, providerCallId: r.callId };
  }
  const sentFor = (providerCallId: string) => sim().sent.filter((m) => m.idempotencyKey?.includes(`:${providerCallId}:`));

  async function confirmAndSee(page: Page, call: { id: string; providerCallId: string }, tap: (x: number, y: number) => Promise<void>) {
    await page.goto(`${live.url}/sandbox/panel-page?jobUuid=${J1042}&staffUuid=${FINANCE}`);
    const card = page.locator(`[data-testid=call-card][data-call-id="${call.id}"]`);
    const box = card.locator('[data-testid=send][data-state=proposed]');
    await box.waitFor();
    expect(await box.innerText()).toContain(MASKED);
    const button = box.locator('[data-testid=send-confirm]');
    await button.scrollIntoViewIfNeeded();
    const b = (await button.boundingBox())!;
    expect(b.height).toBeGreaterThanOrEqual(44);
    expect(b.width).toBeGreaterThanOrEqual(44);
    // Twice, as fast as a double tap: one send.
    await tap(b.x + b.width / 2, b.y + b.height / 2);
    await tap(b.x + b.width / 2, b.y + b.height / 2);
    await card.locator('[data-testid=send-message][data-kind=success]').waitFor({ timeout: 10_000 });
    await waitFor(async () => (await live.runtime.deps.store.sends.listForCall(live.runtime.sandbox!.accountUuid, call.id))[0]?.status === 'sent', 'the send to go out');
    await page.reload();
    const entry = page.locator(`[data-testid=call-card][data-call-id="${call.id}"] [data-testid=send-log-entry][data-status=sent]`);
    await entry.waitFor();
    expect(await entry.innerText()).toContain(MASKED);
    expect((await page.content()).toLowerCase()).not.toContain(FULL);
    await new Promise((r) => setTimeout(r, 300));
    expect(sentFor(call.providerCallId)).toHaveLength(1);
  }

  it('1280 px: confirm a resend (double-click), the add-on sends it once, the log shows the masked address', async () => {
    const call = await resendCall();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await stubServiceM8Sdk(context);
    const page = await context.newPage();
    await confirmAndSee(page, call, (x, y) => page.mouse.click(x, y));
    await context.close();
  });

  it('360 px: no sideways scroll, confirm with a double tap, one send, masked in the log', async () => {
    const call = await resendCall();
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    await stubServiceM8Sdk(context);
    const page = await context.newPage();
    await confirmAndSee(page, call, (x, y) => page.touchscreen.tap(x, y));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await context.close();
  });

  it('review canvas: the latest sends with masked addresses, and the CSV export with the audit trail', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    await stubServiceM8Sdk(context);
    const page = await context.newPage();
    await page.goto(`${live.url}/sandbox/panel-page?event=review&staffUuid=${FINANCE}`);
    const entry = page.locator('[data-testid=sends] [data-testid=send-log-entry]').first();
    await entry.waitFor();
    expect(await entry.innerText()).toContain(MASKED);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid=sends-csv]').click()]);
    const { readFile } = await import('node:fs/promises');
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv).toContain('"audit_trail"');
    expect(csv).toContain(MASKED);
    expect(csv).toMatch(/send\.sent by servicem8/);
    expect(csv.toLowerCase()).not.toContain(FULL);
    await context.close();
  });
});
