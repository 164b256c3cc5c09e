import { existsSync } from 'node:fs';
import type { Browser, BrowserContext } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`[notice] ${CHROMIUM} not found: browser tests are SKIPPED (CI installs Debian's chromium).`);

/** Debian's chromium, headless, with background networking off (this machine has no outside network). */
export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * ServiceM8's sdk.js and sdk.css live on platform.servicem8.com, which this machine cannot reach: serve
 * small stand-ins so pages behave as inside ServiceM8 (SMClient defined) without a network.
 */
export async function stubServiceM8Sdk(context: BrowserContext): Promise<string[]> {
  const calls: string[] = [];
  await context.route('https://platform.servicem8.com/**', (route) => {
    const url = route.request().url();
    if (url.endsWith('.css')) return route.fulfill({ contentType: 'text/css', body: 'body{font-family:Helvetica,Arial,sans-serif;margin:0}button{cursor:pointer}' });
    return route.fulfill({
      contentType: 'application/javascript',
      body: 'window.SMClient={init:function(){return{resizeWindow:function(w,h){window.__sm8calls=(window.__sm8calls||[]).concat(["resize:"+w+"x"+h]);return Promise.resolve()},closeWindow:function(){window.__sm8calls=(window.__sm8calls||[]).concat(["close"]);return Promise.resolve()},invoke:function(){return Promise.resolve("{}")}}}};',
    });
  });
  return calls;
}

/** Polls `check` every 50 ms until it holds, or fails naming `what` after `ms`. */
export async function waitFor(check: () => boolean | Promise<boolean>, what: string, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
