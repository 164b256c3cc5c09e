import { createHmac } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { SEED } from '../server/sandbox/seed.js';
import { SAMPLE_CALLS } from '../server/sandbox/sample-calls.js';
import { startChild } from './lib/child.js';
import { runLoad, type LoadResult } from './lib/load.js';

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

export async function benchHttp(requests: number): Promise<Record<string, string | number>[]> {
  const rows: Record<string, string | number>[] = [];
  const hello = await startChild<{ port: number }>('hello.ts');
  const origin = (p: number) => `http://127.0.0.1:${p}`;
  await runLoad({ origin: origin(hello.info.port), path: '/', connections: CONNECTIONS, requests: 500 }); // warm-up
  const base = await runLoad({ origin: origin(hello.info.port), path: '/', connections: CONNECTIONS, requests });
  rows.push(row('express hello-world (baseline)', base));
  await hello.stop();

  for (const [label, url] of [['sqlite', 'sqlite::memory:'], ...(process.env.TEST_DATABASE_URL ? [['postgres', process.env.TEST_DATABASE_URL]] : [])] as const) {
    const addon = await startChild<AddonInfo>('addon.ts', { BENCH_DATABASE_URL: url });
    const o = origin(addon.info.port);
    if (label === 'sqlite') {
      const token = jwt.sign({ eventVersion: '1.0', eventName: 'dialnexa_billing_job_panel', auth: { accountUUID: addon.info.accountUuid, staffUUID: SEED.staff.finance.uuid }, eventArgs: { jobUUID: SEED.jobs.j1042.uuid } }, addon.info.appSecret, { algorithm: 'HS256' });
      await runLoad({ origin: o, path: '/servicem8/addon-event', method: 'POST', body: () => token, connections: CONNECTIONS, requests: 300 });
      rows.push(row('add-on callback (job panel → HTML)', await runLoad({ origin: o, path: '/servicem8/addon-event', method: 'POST', headers: () => ({ 'content-type': 'text/plain' }), body: () => token, connections: CONNECTIONS, requests }), base));
    }
    const bodies = Array.from({ length: requests + 300 }, (_, i) => webhookBody(i));
    const sign = (i: number) => ({ 'content-type': 'application/json', 'x-dialnexa-signature': createHmac('sha256', addon.info.webhookSecret).update(bodies[i]!).digest('hex') });
    await runLoad({ origin: o, path: `/dialnexa/webhook/${addon.info.connectionId}`, method: 'POST', headers: (i) => sign(requests + (i % 300)), body: (i) => bodies[requests + (i % 300)]!, connections: CONNECTIONS, requests: 300 });
    rows.push(row(`webhook intake, 5 KB transcript (${label})`, await runLoad({ origin: o, path: `/dialnexa/webhook/${addon.info.connectionId}`, method: 'POST', headers: sign, body: (i) => bodies[i]!, connections: CONNECTIONS, requests }), base));
    await addon.stop();
  }
  return rows;
}
