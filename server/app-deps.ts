import type { Logger } from 'pino';
import type { Config } from './config.js';
import type { Metrics } from './http/metrics.js';
import type { ServiceM8Client } from './servicem8/client.js';
import type { Store } from './store/store.js';
import type { UiAssets } from './panel/ui-assets.js';
import type { SandboxHandle } from './sandbox/sandbox-handle.js';
import type { DialNexaApi } from './calls/dialnexa-api.js';
import type { OAuthClient } from './oauth/oauth-client.js';
import type { DirectoryCache } from './calls/directory-cache.js';
import type { RecordCache } from './panel/record-view.js';
import type { Sm8Vendor } from './domain/servicem8-records.js';
import type { IntakePool } from './intake/intake-pool.js';

export type Readiness = { ok: boolean; checks: Record<string, { ok: boolean; message?: string }> };

/**
 * Everything the HTTP app needs, passed in by main.ts (or by tests with fakes). Nothing here is a
 * module-level singleton; route modules close over this object.
 */
export type AppDeps = {
  config: Config;
  store: Store;
  clock: () => Date;
  log: Logger;
  metrics: Metrics;
  readiness: () => Promise<Readiness>;
  /** A ready ServiceM8 client for an account, or undefined when the account is not connected. */
  servicem8For: (accountUuid: string) => Promise<ServiceM8Client | undefined>;
  dialnexa?: DialNexaApi;
  /** Brief per-account caches of ServiceM8 reads (matching directory; live job records for the panel). */
  directory: DirectoryCache;
  records: RecordCache;
  ui: UiAssets;
  /** Signs and verifies 15-minute panel tokens (derived from the master key, never the App Secret). */
  panelKey: import('node:crypto').KeyObject;
  /** Redacts and parses verified webhook bodies (on worker threads when configured). */
  intake: IntakePool;
  /** Nudges the outbox worker after new actions are enqueued (no-op when no worker runs here). */
  wakeWorker: () => void;
  /** Counts webhook deliveries in flight so the worker lets them finish first (outbox/intake-first.ts). */
  intakeFirst?: import('./outbox/intake-first.js').IntakeFirst;
  /** The account for single-account routes (API-key mode or sandbox). */
  defaultAccountUuid?: string;
  /** Multi-account OAuth install flow; absent in API-key and sandbox modes. */
  oauth?: { client: OAuthClient; vendorFor(accessToken: string): Promise<Sm8Vendor> };
  sandbox?: SandboxHandle;
};
