import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import jwt from 'jsonwebtoken';
import pg from 'pg';
import { SEED } from '../server/sandbox/seed.js';
import { startChild } from './lib/child.js';
import { webhookBody as sampleBody } from './lib/webhook-body.js';
import { runLoad, type LoadResult } from './lib/load.js';
import { hasWrk, runWrk } from './lib/wrk.js';

type AddonInfo = { port: number; appSecret: string; connectionId: string; webhookSecret: string; accountUuid: string };
const CONNECTIONS = 16;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Median of the rounds, with the spread: this machine's speed varies by up to 2x within minutes. */
function row(name: string, rs: LoadResult[], base?: LoadResult[]) {
  const rps = rs.map((r) => r.rps);
  const statuses: Record<string, number> = {};
  for (const r of rs) for (const [k, v] of Object.entries(r.statuses)) statuses[k] = (statuses[k] ?? 0) + v;
  // The ratio is taken round by round (each round's baseline was measured minutes apart from the others).
  const ratios = base ? rs.map((r, i) => r.rps / base[i]!.rps) : [];
  return {
    target: name, requests: rs.reduce((n, r) => n + r.requests, 0), 'req/s (median)': Math.round(median(rps)),
    'req/s range': `${Math.round(Math.min(...rps))}–${Math.round(Math.max(...rps))}`,
    'p50 ms': median(rs.map((r) => r.p50)), 'p99 ms': median(rs.map((r) => r.p99)),
    'vs hello req/s': base ? `${(median(ratios) * 100).toFixed(0)}%` : '100%', statuses: Object.entries(statuses).map(([k, v]) => `${k}×${v}`).join(' '),
  };
}

const webhookBody = (round: number, i: number) => sampleBody(`call_bench_${process.pid}_${round}_${i}`);

/**
 * A schema of its own for this run, dropped afterwards: each run starts from empty tables, as the SQLite
 * rows do, instead of inheriting every earlier run's rows (and their autovacuum work).
 */
async function createBenchSchema(url: string): Promise<{ url: string; drop(): Promise<void> }> {
  const schema = `bench_${process.pid}`;
  const run = async (statement: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try { await client.query(statement); } finally { await client.end(); }
  };
  await run(`create schema ${schema}`);
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return { url: u.toString(), drop: () => run(`drop schema ${schema} cascade`) };
}

type Req = { method: string; path: string; contentType: string; signature?: string; body: string };

/** wrk when installed (C client, leaves the server a core); otherwise a Node client, with the caveat printed. */
async function load(origin: string, reqs: Req[], count: number, seconds = Number(process.env.BENCH_SECONDS ?? 5)): Promise<LoadResult> {
  if (hasWrk) return runWrk({ origin, connections: CONNECTIONS, seconds, requests: reqs });
  return runLoad({
    origin, path: reqs[0]!.path, method: reqs[0]!.method as 'GET' | 'POST', connections: CONNECTIONS, requests: count,
    headers: (i) => ({ 'content-type': reqs[i % reqs.length]!.contentType, ...(reqs[i % reqs.length]!.signature ? { 'x-dialnexa-signature': reqs[i % reqs.length]!.signature! } : {}) }),
    body: (i) => reqs[i % reqs.length]!.body,
  });
}

type Target = { name: string; origin: string; reqs: (round: number) => Req[]; base: boolean; results: LoadResult[] };

/**
 * Rounds (BENCH_ROUNDS, default 3) of: the Express hello-world baseline, the add-on callback, and
 * webhook intake on SQLite (with and without intake threads) and PostgreSQL, each round with new call
 * ids, so every webhook creates a call. Servers run in their own processes, as `npm start` runs.
 */
export async function benchHttp(requests: number): Promise<Record<string, string | number>[]> {
  if (!hasWrk) console.log('(wrk not installed: using a Node load generator, which competes with the server for the 2 cores — apt-get install wrk for truer figures)');
  const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
  const origin = (p: number) => `http://127.0.0.1:${p}`;
  const threads = process.env.INTAKE_THREADS ?? String(Math.min(4, availableParallelism() - 1));
  const hello = await startChild<{ port: number }>('hello.ts');
  const children = [hello];
  const targets: Target[] = [{ name: 'express hello-world (baseline)', origin: origin(hello.info.port), reqs: () => [{ method: 'GET', path: '/', contentType: 'text/plain', body: '' }], base: true, results: [] }];
  // SQLite as deployed: a WAL file on disk (synchronous=NORMAL), one per server.
  const dir = mkdtempSync(join(tmpdir(), 'bench-db-'));
  const engines: [string, string, string][] = [['sqlite', `sqlite:${join(dir, 'a.sqlite')}`, threads], ['sqlite', `sqlite:${join(dir, 'b.sqlite')}`, '0']];
  const pgSchema = process.env.TEST_DATABASE_URL ? await createBenchSchema(process.env.TEST_DATABASE_URL) : undefined;
  if (pgSchema) engines.push(['postgres', pgSchema.url, threads]);
  for (const [label, url, n] of engines) {
    const addon = await startChild<AddonInfo>('addon.ts', { BENCH_DATABASE_URL: url, INTAKE_THREADS: n });
    children.push(addon);
    const o = origin(addon.info.port);
    if (targets.length === 1) {
      // Signed per round: the add-on refuses events older than ADDON_EVENT_MAX_AGE_SECONDS (issue 15).
      const token = () => jwt.sign({ eventVersion: '1.0', eventName: 'dialnexa_billing_job_panel', auth: { accountUUID: addon.info.accountUuid, staffUUID: SEED.staff.finance.uuid }, eventArgs: { jobUUID: SEED.jobs.j1042.uuid } }, addon.info.appSecret, { algorithm: 'HS256' });
      targets.push({ name: 'add-on callback (job panel → HTML)', origin: o, reqs: () => [{ method: 'POST', path: '/servicem8/addon-event', contentType: 'text/plain', body: token() }], base: false, results: [] });
    }
    const count = hasWrk ? 12_000 : requests;
    targets.push({
      name: `webhook intake, 5 KB transcript, new call each (${label === 'sqlite' ? 'SQLite file' : 'PostgreSQL'}, ${n === '0' ? 'no intake threads' : `${n} intake thread${n === '1' ? '' : 's'}`})`, origin: o, base: false, results: [],
      reqs: (round) => Array.from({ length: count }, (_, i) => {
        const body = webhookBody(round, i);
        return { method: 'POST', path: `/dialnexa/webhook/${addon.info.connectionId}`, contentType: 'application/json', signature: createHmac('sha256', addon.info.webhookSecret).update(body).digest('hex'), body };
      }),
    });
  }
  // Warm-up (JIT, caches, the database's first pages) on the path that is measured: new calls each time.
  // It used to cycle 300 requests for the whole 5 s, so after the first 300 it warmed the duplicate path,
  // and the first measured round of every intake target ran 10–30 % slower than the next (seen 2026-11-27).
  for (const t of targets) await load(t.origin, t.reqs(-1), 300, 3);
  for (let round = 0; round < rounds; round++) {
    for (const t of targets) t.results.push(await load(t.origin, t.reqs(round), requests));
  }
  for (const c of children) await c.stop();
  await pgSchema?.drop();
  rmSync(dir, { recursive: true, force: true });
  const base = targets[0]!.results;
  return targets.map((t) => row(t.name, t.results, t.base ? undefined : base));
}
