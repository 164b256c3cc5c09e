import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED } from '../../server/sandbox/seed.js';
import { hasChromium, launchChromium } from '../helpers/browser.js';
import { startLiveServer } from '../helpers/live-server.js';
import { addonEvent } from '../helpers/sign.js';

const J1042 = SEED.jobs.j1042.uuid;
const FINANCE = SEED.staff.finance.uuid;

// The call page in a real browser at 360 px (issue 15, item 4): the sign-in link sets a cookie the browser
// keeps and sends back, the page reads without sideways scrolling, and the CSRF form works with no script.
describe.skipIf(!hasChromium)('call page in Chromium (issue 15, item 4)', () => {
  let live: Awaited<ReturnType<typeof startLiveServer>>;
  let browser: Browser;
  beforeAll(async () => {
    live = await startLiveServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await live?.close();
  });

  async function decidedCall() {
    const post = (path: string, body: string, headers: Record<string, string>) => fetch(`${live.url}${path}`, { method: 'POST', body, headers });
    const made = await (await post('/sandbox/calls', JSON.stringify({ scenario: 'duplicate-charge-1042' }), { 'content-type': 'application/json' })).json() as { callId: string };
    const get = () => live.runtime.deps.store.calls.getByProviderId(live.runtime.sandbox!.accountUuid, made.callId);
    for (let end = Date.now() + 15_000; !(await get())?.decision; await new Promise((r) => setTimeout(r, 50))) if (Date.now() > end) throw new Error('call not decided');
    return (await get())!;
  }

  it('opens from a panel-issued link at 360 px, shows the call, and fetches the recording through the CSRF form', async () => {
    const call = await decidedCall();
    const event = addonEvent({ secret: live.runtime.deps.config.servicem8.appSecret!, account: live.runtime.sandbox!.accountUuid, staff: FINANCE, eventName: 'dialnexa_billing_job_panel', args: { jobUUID: J1042 } });
    const html = (await (await fetch(`${live.url}/servicem8/addon-event`, { method: 'POST', body: event })).json() as { eventResponse: string }).eventResponse;
    const boot = JSON.parse(/<script id="bootstrap" type="application\/json">(.*?)<\/script>/.exec(html)![1]!) as { token: string };
    const link = await (await fetch(`${live.url}/api/panel/calls/${call.id}/link`, { method: 'POST', headers: { authorization: `Bearer ${boot.token}` } })).json() as { url: string };

    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const problems: string[] = [];
    // CSP violations and script errors, not the browser's own /favicon.ico miss.
    page.on('console', (m) => { if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) problems.push(m.text()); });
    page.on('response', (r) => { if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) problems.push(`${r.status()} ${r.url()}`); });
    await page.goto(link.url);
    expect(page.url()).toBe(`${live.url}/calls/${call.linkToken}`); // the one-time credential is gone from the address bar
    expect(await page.locator('main').innerText()).toContain('charged twice');
    const cookies = await context.cookies();
    expect(cookies.map((c) => [c.name, c.httpOnly, c.sameSite, c.path])).toEqual([['sm8_call_session', true, 'Lax', '/calls']]);
    expect(await page.evaluate(() => document.cookie)).toBe(''); // HttpOnly: no script can read it
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    await page.getByRole('button', { name: 'Get the recording' }).tap();
    await page.getByRole('link', { name: 'Play the recording' }).waitFor();
    expect(await page.getByRole('link', { name: 'Play the recording' }).getAttribute('href')).toMatch(/^https:\/\/recordings\.dialnexa\.example\//);
    expect(problems).toEqual([]);
    await context.close();
  });
});
