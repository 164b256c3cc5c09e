import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
import type { Dispatcher } from 'undici';
import type { AppDeps, Readiness } from './app-deps.js';
import type { Config } from './config.js';
import { createDirectoryCache } from './calls/directory-cache.js';
import { createRunners } from './calls/runners.js';
import { createDialNexaClient } from './dialnexa/client.js';
import { createMetrics } from './http/metrics.js';
import { createIntakePool } from './intake/intake-pool.js';
import { createSharedRateLimiter } from './limits/shared-rate-limiter.js';
import { createAccountClients } from './oauth/account-clients.js';
import { createOAuthClient } from './oauth/oauth-client.js';
import { createOutboxWorker, type OutboxWorker } from './outbox/worker.js';
import { createIntakeFirst } from './outbox/intake-first.js';
import { createRecordCache } from './panel/record-view.js';
import { derivePanelKey } from './panel/session-token.js';
import { loadUiAssets } from './panel/ui-assets.js';
import { SANDBOX_DIALNEXA_API_KEY } from './sandbox/dialnexa-simulator.js';
import type { SandboxHandle } from './sandbox/sandbox-handle.js';
import { startSandbox } from './sandbox/start-sandbox.js';
import { createServiceM8Client, type ServiceM8Auth } from './servicem8/client.js';
import { createMemoryRateLimiter, type RateLimiter } from './servicem8/rate-limit.js';
import type { RetryPolicy } from './servicem8/retry.js';
import { createSecretBox } from './security/secret-box.js';
import { migrate, migrationsApplied, openDatabase, type Db } from './store/db.js';
import { createStore } from './store/store.js';

export type Runtime = { deps: AppDeps; worker: OutboxWorker; db: Db; sandbox?: SandboxHandle; close(): Promise<void> };
export type ComposeOptions = { log: Logger; clock?: () => Date; dispatcher?: Dispatcher; limiter?: RateLimiter; distDir?: string; dbHandle?: Db; worker?: { owner?: string; baseDelayMs?: number; idleMs?: number; maxAttempts?: number }; clientRetry?: Partial<RetryPolicy> };

const DEFAULT_DIST = fileURLToPath(new URL('../dist/ui', import.meta.url));

/**
 * Wires the real adapters together from validated config: database (migrated under a lock), sealed
 * secrets, ServiceM8 clients with a rate limiter (shared through PostgreSQL when there is one), DialNexa,
 * caches, the outbox worker, and the sandbox when enabled. No listening happens here (main.ts does that).
 */
export async function composeRuntime(configIn: Config, o: ComposeOptions): Promise<Runtime> {
  const clock = o.clock ?? (() => new Date());
  const log = o.log;
  const db = o.dbHandle ?? openDatabase(configIn.databaseUrl, {
    checkpoint: { onError: (err) => log.error({ err }, 'SQLite background checkpoint failed; if its thread stopped, the writer checkpoints for itself (check the database file and the disk)') },
  });
  const applied = await migrate(db);
  if (applied.length) log.info({ applied }, 'database migrated');
  let key = configIn.encryptionKey;
  if (!key) {
    if (!configIn.sandbox) throw new Error('ENCRYPTION_KEY is required outside sandbox');
    key = randomBytes(32);
    log.warn('sandbox: generated a throwaway ENCRYPTION_KEY for this run; secrets stored now cannot be read after a restart');
  }
  const store = createStore(db, createSecretBox(key), clock);
  const sandbox = configIn.sandbox ? await startSandbox({ store, log, now: clock, appSecret: configIn.servicem8.appSecret }) : undefined;
  const config: Config = sandbox
    ? { ...configIn, servicem8: { ...configIn.servicem8, appSecret: sandbox.appSecret, apiUrl: sandbox.servicem8Url }, dialnexa: { ...configIn.dialnexa, apiUrl: sandbox.dialnexaUrl, apiKey: configIn.dialnexa.apiKey ?? SANDBOX_DIALNEXA_API_KEY } }
    : configIn;
  const metrics = createMetrics(() => store.outbox.depth());
  const limiter = o.limiter ?? (db.dialect === 'postgres' ? createSharedRateLimiter({ store, now: () => clock().getTime(), maxWaitMs: 120_000 }) : createMemoryRateLimiter({ now: () => clock().getTime(), maxWaitMs: 120_000 }));
  const factory = (auth: ServiceM8Auth, accountUuid: string) => createServiceM8Client({
    baseUrl: config.servicem8.apiUrl, auth, accountUuid, limiter, dispatcher: o.dispatcher, retry: o.clientRetry,
    onRequest: (i) => metrics.countServiceM8(i.method, String(i.status)),
  });
  const oauthClient = config.servicem8.appId && config.servicem8.appSecret && !sandbox
    ? createOAuthClient({ oauthUrl: config.servicem8.oauthUrl, clientId: config.servicem8.appId, clientSecret: config.servicem8.appSecret, redirectUri: `${config.publicUrl}/oauth/servicem8/callback`, dispatcher: o.dispatcher, now: clock })
    : undefined;
  const servicem8For = createAccountClients({ store, factory, oauth: oauthClient, clock, log });
  let defaultAccountUuid = sandbox?.accountUuid;
  if (!sandbox && config.servicem8.apiKey) {
    const vendor = await factory({ kind: 'apiKey', apiKey: config.servicem8.apiKey }, 'single-account').getVendor();
    await store.accounts.upsert(vendor.uuid, vendor.name);
    await store.accounts.saveCredentials(vendor.uuid, { kind: 'apiKey', apiKey: config.servicem8.apiKey });
    defaultAccountUuid = vendor.uuid;
    log.info({ account: vendor.uuid }, 'single-account mode: ServiceM8 API key belongs to this account');
  }
  const dialnexa = config.dialnexa.apiKey ? createDialNexaClient({ baseUrl: config.dialnexa.apiUrl, apiKey: config.dialnexa.apiKey, dispatcher: o.dispatcher }) : undefined;
  const directory = createDirectoryCache({ now: clock });
  const records = createRecordCache({ now: clock });
  const runners = createRunners({ store, servicem8For, directory, publicUrl: config.publicUrl, clock, dialnexa, dryRun: config.dryRun, log });
  // A delivery rarely takes longer than 100 ms; the worker waits at most that for the intake to settle.
  const intakeFirst = createIntakeFirst();
  const worker = createOutboxWorker({
    store, runners, clock, log: log.child({ component: 'outbox' }), onResult: metrics.countAction, beforeBatch: () => intakeFirst.settled(100), ...o.worker,
  });
  const readiness = async (): Promise<Readiness> => {
    try {
      await store.ping();
      const ok = await migrationsApplied(db);
      return { ok, checks: { database: { ok: true }, migrations: { ok, ...(ok ? {} : { message: 'pending migrations: run npm run migrate' }) } } };
    } catch (err) {
      log.error({ err }, 'readiness: database unreachable (check DATABASE_URL and that the server is up)');
      return { ok: false, checks: { database: { ok: false, message: 'database unreachable (details in the log)' } } };
    }
  };
  const intake = createIntakePool({ threads: config.intakeThreads, log });
  const deps: AppDeps = {
    config, store, clock, log, metrics, readiness, servicem8For, dialnexa, directory, records, intake,
    ui: loadUiAssets(o.distDir ?? DEFAULT_DIST, config.publicUrl), panelKey: derivePanelKey(key), wakeWorker: () => worker.wake(), intakeFirst,
    defaultAccountUuid, sandbox,
    oauth: oauthClient ? { client: oauthClient, vendorFor: (token) => factory({ kind: 'bearer', getToken: async () => token }, 'oauth-connect').getVendor() } : undefined,
  };
  return {
    deps, worker, db, sandbox,
    async close() {
      await worker.stop();
      await intake.close();
      await sandbox?.close();
      await store.close();
    },
  };
}
