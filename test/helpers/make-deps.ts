import { Writable } from 'node:stream';
import { afterAll } from 'vitest';
import type { Config } from '../../server/config.js';
import { loadConfig } from '../../server/config.js';
import { composeRuntime, type Runtime } from '../../server/compose.js';
import { createApp } from '../../server/app.js';
import { createLogger } from '../../server/http/logger.js';
import { createUnlimitedRateLimiter, type RateLimiter } from '../../server/servicem8/rate-limit.js';
import { openTestDb, type TestDb } from './databases.js';

export type TestRuntime = Runtime & { app: ReturnType<typeof createApp>; logs: string[]; tdb: TestDb; config: Config };

/**
 * A full app on a fresh database (SQLite file or a PostgreSQL schema) with the sandbox simulators, a
 * captured logger (tests scan it for leaks), and the worker NOT started: tests drain it explicitly.
 */
export async function makeRuntime(opts: { engine?: 'sqlite' | 'postgres'; env?: Record<string, string>; clock?: () => Date; limiter?: RateLimiter; owner?: string; tdb?: TestDb; maxAttempts?: number } = {}): Promise<TestRuntime> {
  const tdb = opts.tdb ?? await openTestDb(opts.engine ?? 'sqlite');
  const logs: string[] = [];
  const sink = new Writable({ write(chunk, _enc, cb) { logs.push(chunk.toString()); cb(); } });
  const config = loadConfig({ SANDBOX: '1', PUBLIC_URL: 'http://addon.test', LOG_LEVEL: 'debug', ...opts.env });
  const runtime = await composeRuntime(config, {
    log: createLogger('debug', sink), clock: opts.clock, dbHandle: tdb, limiter: opts.limiter ?? createUnlimitedRateLimiter(),
    worker: { owner: opts.owner, baseDelayMs: 1, maxAttempts: opts.maxAttempts }, clientRetry: { baseDelayMs: 1, maxDelayMs: 5 },
  });
  const app = createApp(runtime.deps);
  return { ...runtime, app, logs, tdb, config: runtime.deps.config, close: async () => { await runtime.close(); if (!opts.tdb) await tdb.drop(); } };
}

/** makeRuntime, closed automatically after the file's tests. */
export async function useRuntime(opts: Parameters<typeof makeRuntime>[0] = {}): Promise<TestRuntime> {
  const rt = await makeRuntime(opts);
  afterAll(() => rt.close());
  return rt;
}
