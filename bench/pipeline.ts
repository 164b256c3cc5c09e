import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import { request } from 'undici';
import { loadConfig } from '../server/config.js';
import { composeRuntime } from '../server/compose.js';
import { createApp } from '../server/app.js';
import { createLogger } from '../server/http/logger.js';
import { createMemoryRateLimiter } from '../server/servicem8/rate-limit.js';
import { SAMPLE_CALLS } from '../server/sandbox/sample-calls.js';

/**
 * N calls through intake (HTTP webhook), matching, policy and outbox delivery against the simulator.
 * ServiceM8's limit is per minute, so the limiter and simulator run on a virtual clock that the limiter's
 * waits advance: wall time measures our processing; virtual time shows the drain rate under 180/min.
 */
export async function benchPipeline(calls: number): Promise<Record<string, string | number>[]> {
  const t0 = Date.parse('2026-11-25T00:00:00Z');
  let t = t0;
  const clock = () => new Date(t);
  const limiter = createMemoryRateLimiter({ perMinute: 170, now: () => t, sleep: async (ms) => { t += ms; } });
  const config = loadConfig({ SANDBOX: '1', DATABASE_URL: 'sqlite::memory:', LOG_LEVEL: 'silent', PUBLIC_URL: 'http://127.0.0.1' });
  const rt = await composeRuntime(config, { log: createLogger('silent'), clock, limiter, worker: { baseDelayMs: 1, owner: 'bench' } });
  const server = createServer(createApp(rt.deps));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  const sb = rt.sandbox!;
  const wallStart = process.hrtime.bigint();
  for (let i = 0; i < calls; i++) {
    const body = JSON.stringify(SAMPLE_CALLS[i % SAMPLE_CALLS.length]!.build(`call_pipe_${i}`, clock()));
    const res = await request(`http://127.0.0.1:${port}/dialnexa/webhook/${sb.connectionId}`, { method: 'POST', body, headers: { 'content-type': 'application/json', 'x-dialnexa-signature': createHmac('sha256', sb.webhookSecret).update(body).digest('hex') } });
    await res.body.dump();
  }
  const intakeSeconds = Number(process.hrtime.bigint() - wallStart) / 1e9;
  for (;;) {
    await rt.worker.drain();
    const d = await rt.deps.store.outbox.depth();
    if (!d.pending && !d.running) break;
    t += 1000;
  }
  const wallSeconds = Number(process.hrtime.bigint() - wallStart) / 1e9;
  const reqs = sb.servicem8.requests;
  const writes = reqs.filter((r) => r.method === 'POST').length;
  const virtualMinutes = (t - t0) / 60_000;
  // Peak requests in any rolling 60 s (ServiceM8 allows 180 a minute per account).
  const times = reqs.map((r) => r.at.getTime()).sort((a, b) => a - b);
  let peak = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while (times[i]! - times[j]! >= 60_000) j++;
    peak = Math.max(peak, i - j + 1);
  }
  const depth = await rt.deps.store.outbox.depth();
  server.close();
  await rt.close();
  return [{
    calls, 'intake s': intakeSeconds, 'end-to-end wall s': wallSeconds, 'calls/s (wall)': calls / wallSeconds,
    'SM8 requests': reqs.length, 'SM8 writes': writes, 'requests/call': reqs.length / calls, 'target req/call': '≤ 3',
    'drain (virtual min)': virtualMinutes, 'peak req in any 60 s': peak, 'limit /60 s': 180, '429s': reqs.filter((r) => r.status === 429).length,
    failed: depth.failed,
  }];
}
