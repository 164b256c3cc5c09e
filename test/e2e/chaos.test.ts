import { describe, expect, it } from 'vitest';
import { createRunners } from '../../server/calls/runners.js';
import { createDirectoryCache } from '../../server/calls/directory-cache.js';
import { createLogger } from '../../server/http/logger.js';
import { createOutboxWorker } from '../../server/outbox/worker.js';
import { createServiceM8Client } from '../../server/servicem8/client.js';
import { createMemoryRateLimiter, createUnlimitedRateLimiter } from '../../server/servicem8/rate-limit.js';
import { createSecretBox } from '../../server/security/secret-box.js';
import { createStore } from '../../server/store/store.js';
import { SEED } from '../../server/sandbox/seed.js';
import { engines, pgUrl } from '../helpers/databases.js';
import { makeRuntime, useRuntime } from '../helpers/make-deps.js';
import { sendSample, settle, written } from '../helpers/pipeline.js';
import { randomBytes } from 'node:crypto';

/** A seeded PRNG so a failing chaos run can be reproduced. */
function prng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

const SCENARIOS = ['duplicate-charge-1042', 'refund-under-threshold'] as const;

describe.each(engines)('chaos on %s', async (engine) => {
  void useRuntime;
  it('with 30% failures (500/503/429) and 10% lost responses after writes, every effect exists exactly once', async () => {
    const rt = await makeRuntime({ engine, maxAttempts: 30 });
    try {
      const sim = rt.sandbox!.servicem8;
      sim.setFaults({ failureRate: 0.3, dropAfterWriteRate: 0.1, random: prng(42) });
      const ids: string[] = [];
      for (let i = 0; i < 24; i++) {
        const id = `call_chaos_${i}`;
        ids.push(id);
        await sendSample(rt, SCENARIOS[i % 2]!, id);
        if (i % 5 === 0) await sendSample(rt, SCENARIOS[i % 2]!, id); // DialNexa retries too
      }
      await settle(rt, 60_000);
      sim.setFaults({});
      const injected = sim.requests.filter((r) => r.fault === 'failure').length;
      const dropped = sim.requests.filter((r) => r.fault === 'drop').length;
      expect(injected).toBeGreaterThan(10);
      expect(dropped).toBeGreaterThan(2);
      const w = written(rt);
      for (const id of ids) {
        const call = (await rt.deps.store.calls.getByProviderId(rt.sandbox!.accountUuid, id))!;
        const expected = call.decision!.actions;
        for (const kind of ['note', 'task'] as const) {
          const want = expected.filter((a) => a.kind === kind).length;
          const have = (kind === 'note' ? w.notes.filter((n) => String(n.note).includes(call.linkToken)) : sim.data().task.filter((t) => String(t.task_details).includes(call.linkToken))).length;
          expect(have, `${id} ${kind}`).toBe(want);
        }
        expect(expected.length, `${id} planned actions`).toBeGreaterThan(0);
      }
      const failed = (await rt.deps.store.outbox.depth()).failed;
      expect(failed).toBe(0);
      console.log(`[chaos ${engine}] ${sim.requests.length} ServiceM8 requests, ${injected} injected failures, ${dropped} lost responses, 0 duplicates`);
    } finally {
      await rt.close();
    }
  });

  it('a worker killed between ServiceM8 answering and marking the action done causes no duplicate after restart', async () => {
    let t = Date.now();
    const clock = () => new Date(t);
    const rt = await makeRuntime({ engine, clock });
    try {
      const quiet = createLogger('silent');
      const runners = createRunners({ store: rt.deps.store, servicem8For: rt.deps.servicem8For, directory: createDirectoryCache({ now: clock }), publicUrl: rt.config.publicUrl, clock, dialnexa: rt.deps.dialnexa });
      await sendSample(rt, 'duplicate-charge-1042', 'call_crash');
      await createOutboxWorker({ store: rt.deps.store, runners, clock, log: quiet, owner: 'decider' }).runOnce(); // decide → note + task queued
      // The "killed" worker: ServiceM8 applies the create and answers, then the process never records it.
      const killed = { ...rt.deps.store, outbox: { ...rt.deps.store.outbox, complete: () => new Promise<boolean>(() => {}) } };
      void createOutboxWorker({ store: killed as typeof rt.deps.store, runners, clock, log: quiet, owner: 'killed', leaseMs: 30_000 }).runOnce();
      const call = (await rt.deps.store.calls.getByProviderId(rt.sandbox!.accountUuid, 'call_crash'))!;
      const noteCount = () => written(rt).notes.filter((n) => String(n.note).includes(call.linkToken)).length;
      const taskCount = () => rt.sandbox!.servicem8.data().task.filter((x) => String(x.task_details).includes(call.linkToken)).length;
      // The killed worker gets as far as ServiceM8 applying its first create (note or task, whichever it took first).
      for (let i = 0; i < 500 && noteCount() + taskCount() === 0; i++) await new Promise((r) => setTimeout(r, 10));
      expect(noteCount() + taskCount()).toBe(1);
      const stuck = await rt.deps.store.outbox.listForCall(rt.sandbox!.accountUuid, call.id);
      expect(stuck.some((x) => x.status === 'running')).toBe(true);
      t += 31_000; // the dead worker's lease expires; a restarted worker takes over
      await createOutboxWorker({ store: rt.deps.store, runners, clock, log: quiet, owner: 'restarted' }).drain();
      expect(noteCount()).toBe(1);
      expect(taskCount()).toBe(1);
      expect((await rt.deps.store.outbox.listForCall(rt.sandbox!.accountUuid, call.id)).every((x) => x.status === 'done')).toBe(true);
    } finally {
      await rt.close();
    }
  });

  it('never lets the simulator rate-limit the add-on: the limiter keeps it under 180 requests per minute', async () => {
    let t = Date.parse('2026-11-25T03:00:00Z');
    const clock = () => new Date(t);
    const limiter = createMemoryRateLimiter({ perMinute: 170, now: () => t, sleep: async (ms) => { t += ms; } });
    const rt = await makeRuntime({ engine, limiter, clock });
    try {
      for (let i = 0; i < 90; i++) {
        await sendSample(rt, SCENARIOS[i % 2]!, `call_rate_${i}`);
        if (i % 10 === 9) rt.deps.directory.invalidate(rt.sandbox!.accountUuid); // force fresh directory reads too
      }
      await settle(rt, 60_000);
      const reqs = rt.sandbox!.servicem8.requests;
      const limited = reqs.filter((r) => r.status === 429).length;
      expect(reqs.length).toBeGreaterThan(180);
      expect(limited).toBe(0);
      console.log(`[rate ${engine}] ${reqs.length} requests over ${Math.round((t - Date.parse('2026-11-25T03:00:00Z')) / 1000)} simulated seconds, ${limited} answered 429`);
    } finally {
      await rt.close();
    }
  });
});

describe.skipIf(!pgUrl)('three workers on one PostgreSQL database', () => {
  it('runs each action exactly once', async () => {
    const rt = await makeRuntime({ engine: 'postgres' });
    try {
      for (let i = 0; i < 30; i++) await sendSample(rt, SCENARIOS[i % 2]!, `call_multi_${i}`);
      const key = randomBytes(32);
      const workers = await Promise.all(['w1', 'w2', 'w3'].map(async (owner) => {
        const handle = rt.tdb.reopen();
        const store = createStore(handle, createSecretBox(key), () => new Date());
        const servicem8For = async (account: string) => createServiceM8Client({ baseUrl: rt.sandbox!.servicem8Url, auth: { kind: 'apiKey', apiKey: SEED.apiKey }, accountUuid: account, limiter: createUnlimitedRateLimiter(), retry: { baseDelayMs: 1 } });
        const runners = createRunners({ store, servicem8For, directory: createDirectoryCache({ now: () => new Date() }), publicUrl: rt.config.publicUrl, clock: () => new Date() });
        return { handle, worker: createOutboxWorker({ store, runners, clock: () => new Date(), log: createLogger('silent'), owner, batchSize: 2 }) };
      }));
      const ran = await Promise.all(workers.map(async ({ worker }) => {
        let n = 0;
        for (let round = 0; round < 200; round++) {
          const got = await worker.runOnce();
          n += got;
          const d = await rt.deps.store.outbox.depth();
          if (!d.pending && !d.running) break;
          if (!got) await new Promise((r) => setTimeout(r, 5));
        }
        return n;
      }));
      expect(ran.filter((n) => n > 0).length).toBeGreaterThanOrEqual(2);
      const items = await rt.tdb.db.selectFrom('outbox').selectAll().execute();
      expect(items.every((i) => i.status === 'done' && i.attempts === 1)).toBe(true);
      const w = written(rt);
      for (let i = 0; i < 30; i++) {
        const call = (await rt.deps.store.calls.getByProviderId(rt.sandbox!.accountUuid, `call_multi_${i}`))!;
        expect(w.notes.filter((n) => String(n.note).includes(call.linkToken))).toHaveLength(call.decision!.actions.filter((a) => a.kind === 'note').length);
      }
      const creates = rt.sandbox!.servicem8.requests.filter((r) => r.method === 'POST' && /note\.json$/i.test(r.path)).length;
      expect(creates).toBe(w.notes.length);
      console.log(`[multi-worker] actions run per worker: ${ran.join(', ')}`);
      await Promise.all(workers.map((w) => w.handle.close()));
    } finally {
      await rt.close();
    }
  });
});
