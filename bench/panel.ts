import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { SEED } from '../server/sandbox/seed.js';
import { startChild } from './lib/child.js';

type AddonInfo = { port: number };
type Rows = Record<string, string | number>[];
const CHROMIUM = '/usr/bin/chromium';
// DevTools' classic "Slow 3G": 400 ms latency, 500 kbit/s each way.
const SLOW_3G = { offline: false, latency: 400, downloadThroughput: (500 * 1000) / 8, uploadThroughput: (500 * 1000) / 8 };

function bundleSizes(): Rows {
  const dir = new URL('../dist/ui/assets/', import.meta.url);
  if (!existsSync(dir)) return [{ note: 'dist/ui not built: run npm run build:ui' }];
  const files = readdirSync(dir);
  const size = (ext: string) => files.filter((f) => f.endsWith(ext)).reduce((n, f) => n + gzipSync(readFileSync(new URL(f, dir))).length, 0);
  return [
    { asset: 'JavaScript', 'KB gz': size('.js') / 1024, budget: '≤ 20 KB' },
    { asset: 'CSS', 'KB gz': size('.css') / 1024, budget: '≤ 6 KB' },
  ];
}

/**
 * First contentful paint of the panel in Chromium on Slow 3G. ServiceM8 hands the HTML over in its event
 * answer, so the main case renders that HTML (setContent) and fetches only our CSS/JS over the throttled
 * link; the second case also downloads the HTML itself. ServiceM8's sdk.js/css are stubbed (unreachable here).
 */
async function firstPaint(): Promise<Rows> {
  if (!existsSync(CHROMIUM)) return [{ note: `${CHROMIUM} missing: paint timing skipped` }];
  const { chromium } = await import('playwright-core');
  const addon = await startChild<AddonInfo>('addon.ts');
  const base = `http://127.0.0.1:${addon.info.port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
  const pageUrl = `${base}/sandbox/panel-page?jobUuid=${SEED.jobs.j1042.uuid}&staffUuid=${SEED.staff.finance.uuid}`;
  const html = await (await fetch(pageUrl)).text();
  const rows: Rows = [];
  for (const mode of ['HTML from the add-on event (as in ServiceM8)', 'HTML downloaded too']) {
    const samples: number[] = [];
    for (let i = 0; i < 5; i++) {
      const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
      await context.route('https://platform.servicem8.com/**', (r) => r.fulfill({ body: r.request().url().endsWith('.css') ? '' : 'window.SMClient={init(){return{}}}', contentType: r.request().url().endsWith('.css') ? 'text/css' : 'application/javascript' }));
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      await cdp.send('Network.emulateNetworkConditions', SLOW_3G);
      if (mode.startsWith('HTML from')) {
        await page.goto(`${base}/healthz`);
        await page.setContent(html, { waitUntil: 'commit' });
      } else {
        await page.goto(pageUrl, { waitUntil: 'commit' });
      }
      const fcp = await page.evaluate(() => new Promise<number>((resolve) => {
        new PerformanceObserver((list) => { const e = list.getEntriesByName('first-contentful-paint')[0]; if (e) resolve(e.startTime); }).observe({ type: 'paint', buffered: true });
      }));
      samples.push(fcp);
      await context.close();
    }
    samples.sort((a, b) => a - b);
    rows.push({ case: mode, 'median FCP ms': samples[2]!, 'worst ms': samples[4]!, network: 'Slow 3G (400 ms, 500 kbit/s)', budget: '< 1500 ms' });
  }
  await browser.close();
  await addon.stop();
  return rows;
}

export async function benchPanel(): Promise<[string, Rows][]> {
  return [['Panel bundle (gzipped)', bundleSizes()], ['Panel first paint at 360 px', await firstPaint()]];
}
