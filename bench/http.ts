import { createHmac } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { SEED } from '../server/sandbox/seed.js';
import { SAMPLE_CALLS } from '../server/sandbox/sample-calls.js';
import { startChild } from './lib/child.js';
import { runLoad, type LoadResult } from './lib/load.js';
import { hasWrk, runWrk } from './lib/wrk.js';

type AddonInfo = { port: number; appSecret: string; connectionId: string; webhookSecret: string; accountUuid: string };
const CONNECTIONS = 16;

const row = (name: string, r: LoadResult, base?: LoadResult) => ({
  target: name, requests: r.requests, 'req/s': Math.round(r.rps), 'p50 ms': r.p50, 'p99 ms': r.p99,
  'vs hello req/s': base ? `${((r.rps / base.rps) * 100).toFixed(0)}%` : '100%', statuses: Object.entries(r.statuses).map(([k, v]) => `${k}×${v}`).join(' '),
});

/** A ~5 KB transcript: the duplicate-charge sample padded with realistic turns. */
function webhookBody(i: number): string {
  const body = SAMPLE_CALLS[0]!.build(`call_bench_${process.pid}_${i}`, new Date()) as any;
  const turns = ['Agent: Could you confirm the invoice number for me?', 'User: It is invoice 1042, the one from the backflow valve repair.', 'Agent: Thanks. I can see two payments of three forty-nine on that invoice.', 'User: Yes, that is the problem, I only meant to pay it once.'];
  let t = body.payload.call.transcript as string;
  while (t.length < 5_000) t += `\n${turns[t.length % turns.length]}`;
  body.payload.call.transcript = t;
  return JSON.stringify(body);
}

type Req = { method: string; path: string; contentType: string; signature?: string; body: string };

/** wrk when installed (C client, leaves the server a core); otherwise a Node client, with the caveat printed. */
async function load(origin: string, reqs: Req[], count: number): Promise<LoadResult> {
  if (hasWrk) return runWrk({ origin, connections: CONNECTIONS, seconds: Number(process.env.BENCH_SECONDS ?? 5), requests: reqs });
  return runLoad({
    origin, path: reqs[0]!.path, method: reqs[0]!.method as 'GET' | 'POST', connections: CONNECTIONS, requests: count,
    headers: (i) => ({ 'content-type': reqs[i % reqs.length]!.contentType, ...(reqs[i % reqs.length]!.signature ? { 'x-dialnexa-signature': reqs[i % reqs.length]!.signature! } : {}) }),
    body: (i) => reqs[i % reqs.length]!.body,
  });
}

export async function benchHttp(requests: number): Promise<Record<string, string | number>[]> {
  if (!hasWrk) console.log('(wrk not installed: using a Node load generator, which competes with the server for the 2 cores — apt-get install wrk for truer figures)');
  const rows: Record<string, string | number>[] = [];
  const origin = (p: number) => `http://127.0.0.1:${p}`;
  const hello = await startChild<{ port: number }>('hello.ts');
  const helloReq: Req[] = [{ method: 'GET', path: '/', contentType: 'text/plain', body: '' }];
  await load(origin(hello.info.port), helloReq, 500);
  const base = await load(origin(hello.info.port), helloReq, requests);
  rows.push(row('express hello-world (baseline)', base));
  await hello.stop();

  for (const [label, url] of [['sqlite', 'sqlite::memory:'], ...(process.env.TEST_DATABASE_URL ? [['postgres', process.env.TEST_DATABASE_URL]] : [])] as const) {
    const addon = await startChild<AddonInfo>('addon.ts', { BENCH_DATABASE_URL: url });
    const o = origin(addon.info.port);
    if (label === 'sqlite') {
      const token = jwt.sign({ eventVersion: '1.0', eventName: 'dialnexa_billing_job_panel', auth: { accountUUID: addon.info.accountUuid, staffUUID: SEED.staff.finance.uuid }, eventArgs: { jobUUID: SEED.jobs.j1042.uuid } }, addon.info.appSecret, { algorithm: 'HS256' });
      const ev: Req[] = [{ method: 'POST', path: '/servicem8/addon-event', contentType: 'text/plain', body: token }];
      await load(o, ev, 300);
      rows.push(row('add-on callback (job panel → HTML)', await load(o, ev, requests), base));
    }
    const n = hasWrk ? 12_000 : requests;
    const hooks: Req[] = Array.from({ length: n }, (_, i) => {
      const body = webhookBody(i);
      return { method: 'POST', path: `/dialnexa/webhook/${addon.info.connectionId}`, contentType: 'application/json', signature: createHmac('sha256', addon.info.webhookSecret).update(body).digest('hex'), body };
    });
    rows.push(row(`webhook intake, 5 KB transcript, new call each (${label})`, await load(o, hooks, requests), base));
    await addon.stop();
  }
  return rows;
}
