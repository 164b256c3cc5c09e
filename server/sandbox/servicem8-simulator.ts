import { Router } from 'express';
import { createAccountRegistry, materialize, type Credential } from './servicem8/accounts.js';
import { listenOn, type Listening } from './servicem8/listen.js';
import { createMessagingRouter, type SentMessage } from './servicem8/messaging.js';
import { OBJECT_DEFS } from './servicem8/objects.js';
import { createRequestWindow } from './servicem8/rate-window.js';
import { createSimulatorRouter } from './servicem8/router.js';
import type { AccountRecords, FaultConfig, ObjectName, RequestFilter, RequestLogEntry, SeedData, WireRecord, WireValue } from './servicem8/types.js';
import { createSeedData } from './seed.js';

export type { AccountRecords, FaultConfig, ObjectName, RequestFilter, RequestLogEntry, SeedData, WireRecord } from './servicem8/types.js';
export type { Credential } from './servicem8/accounts.js';
export type { SentMessage } from './servicem8/messaging.js';

export type ServiceM8SimulatorOptions = {
  /** The default account; the seed from seed.ts when omitted. */
  seed?: SeedData;
  now?: () => Date;
  faults?: FaultConfig;
  /** Requests per rolling minute per account before 429 (ServiceM8: 180). */
  perMinuteLimit?: number;
  /** Requests per rolling day per account before 429 (ServiceM8: 20 000). */
  perDayLimit?: number;
  /** Rows per list page (ServiceM8: 5 000); small values force cursor paging in tests. */
  pageSize?: number;
  /** Messages per account per UTC day through the Messaging API before 429; default 500. */
  messagingDailyQuota?: number;
};

export type ServiceM8Simulator = {
  /** Serves `/api_1.0/…`; mount at the root of an Express app (or use `listen`). */
  handler: Router;
  /** The default account's vendor UUID. */
  defaultAccount: string;
  /** Adds another account with its own data and credentials; returns its vendor UUID. */
  addAccount(seed: SeedData): string;
  addCredential(accountKey: string | undefined, credential: Credential): void;
  revokeCredential(value: string): void;
  setFaults(faults: FaultConfig): void;
  setPageSize(pageSize: number): void;
  /** Every request answered so far, oldest first. */
  readonly requests: readonly RequestLogEntry[];
  count(filter?: RequestFilter): number;
  /** Every email and SMS the Messaging API accepted (a repeat with the same Idempotency-Key is not a new one). */
  readonly sent: readonly SentMessage[];
  setMessagingQuota(perDay: number): void;
  /** Live records of an account (by vendor UUID, API key or token; default account when omitted). */
  data(accountKey?: string): AccountRecords;
  /** Inserts or replaces a record directly (wire format), filling missing fields with defaults. */
  put(object: ObjectName, record: Record<string, WireValue> & { uuid: string }, accountKey?: string): WireRecord;
  /** Restores every account's records to its seed and clears the request log, rate windows and faults. */
  reset(): void;
  listen(port?: number, host?: string): Promise<Listening>;
};

/**
 * An in-process ServiceM8 REST API for tests and the sandbox: multi-account, rate-limited, with
 * `$filter`, cursor paging, irregular note/attachment paths, soft deletes and injectable faults.
 * @example
 * const sim = createServiceM8Simulator({ pageSize: 2 });
 * const { url, close } = await sim.listen();
 */
export function createServiceM8Simulator(opts: ServiceM8SimulatorOptions = {}): ServiceM8Simulator {
  const now = opts.now ?? (() => new Date());
  const accounts = createAccountRegistry();
  const defaultAccount = accounts.add(opts.seed ?? createSeedData());
  const window = createRequestWindow({ perMinute: opts.perMinuteLimit ?? 180, perDay: opts.perDayLimit ?? 20_000 });
  const requests: RequestLogEntry[] = [];
  let faults: FaultConfig = { ...opts.faults };
  let pageSize = opts.pageSize ?? 5_000;
  let quota = opts.messagingDailyQuota ?? 500;
  const sent: SentMessage[] = [];
  const log = (e: RequestLogEntry) => requests.push(e);

  const handler = Router();
  handler.use(createMessagingRouter({ accounts, window, now, faults: () => faults, log, dailyQuota: () => quota, sent }));
  handler.use(createSimulatorRouter({ accounts, window, now, faults: () => faults, pageSize: () => pageSize, log }));

  return {
    handler,
    defaultAccount,
    addAccount: (seed) => accounts.add(seed),
    addCredential: (accountKey, credential) => accounts.addCredential(accountKey, credential),
    revokeCredential: (value) => accounts.revokeCredential(value),
    setFaults(next) {
      faults = { ...next };
    },
    setPageSize(next) {
      if (!Number.isInteger(next) || next < 1) throw new RangeError('pageSize must be a positive integer');
      pageSize = next;
    },
    requests,
    sent,
    setMessagingQuota(perDay) {
      quota = perDay;
    },
    count: (filter = {}) => requests.filter((r) => matchesRequest(r, filter)).length,
    data: (accountKey) => accounts.resolve(accountKey).records,
    put(object, record, accountKey) {
      const rows = accounts.resolve(accountKey).records[object];
      const full = materialize(OBJECT_DEFS[object], record);
      const at = rows.findIndex((r) => r.uuid === record.uuid);
      if (at >= 0) rows[at] = full;
      else rows.push(full);
      return full;
    },
    reset() {
      accounts.resetData();
      window.reset();
      requests.length = 0;
      sent.length = 0;
      quota = opts.messagingDailyQuota ?? 500;
      faults = { ...opts.faults };
    },
    listen: (port = 0, host = '127.0.0.1') => listenOn(handler, port, host),
  };
}

function matchesRequest(r: RequestLogEntry, f: RequestFilter): boolean {
  if (f.method && r.method !== f.method.toUpperCase()) return false;
  if (typeof f.path === 'string' && r.path.toLowerCase() !== f.path.toLowerCase()) return false;
  if (f.path instanceof RegExp && !f.path.test(r.path)) return false;
  if (f.status !== undefined && r.status !== f.status) return false;
  if (f.account !== undefined && r.account !== f.account) return false;
  return f.fault === undefined || r.fault === f.fault;
}
