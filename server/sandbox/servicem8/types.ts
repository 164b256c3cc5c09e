/** A record exactly as ServiceM8 sends it: snake_case keys, strings, and 0/1 integers. */
export type WireValue = string | number;
export type WireRecord = Record<string, WireValue> & { uuid: string };

export const OBJECT_NAMES = [
  'vendor', 'staff', 'company', 'companycontact', 'jobcontact', 'job', 'jobpayment', 'note', 'task', 'attachment',
] as const;
export type ObjectName = (typeof OBJECT_NAMES)[number];

/** One account's live records, keyed by ServiceM8 object name. `vendor` holds exactly one record. */
export type AccountRecords = Record<ObjectName, WireRecord[]>;

/** Everything that defines one simulated ServiceM8 account. */
export type SeedData = {
  /** Values accepted in `X-API-Key` for this account (private-integration mode). */
  apiKeys: string[];
  /** Values accepted as `Authorization: Bearer …` for this account (OAuth mode). */
  bearerTokens: string[];
  /** OAuth scopes granted to each bearer token; a token without an entry carries none. */
  tokenScopes?: Record<string, string[]>;
  vendor: Record<string, WireValue> & { uuid: string };
  records: Partial<Record<Exclude<ObjectName, 'vendor'>, Array<Record<string, WireValue> & { uuid: string }>>>;
};

export type FaultConfig = {
  /** Share of authenticated requests answered with a failure before anything is read or written. */
  failureRate?: number;
  /** Statuses the failures are drawn from; default 500, 503 and 429 in equal parts. */
  failureStatuses?: Array<500 | 503 | 429>;
  /** Share of successful writes whose response is lost after the write was applied. */
  dropAfterWriteRate?: number;
  /** How a lost response looks: socket destroyed, or a 503 with no x-record-uuid; default mixed. */
  dropMode?: 'destroy' | 'status503' | 'mixed';
  random?: () => number;
};

export type RequestLogEntry = {
  method: string;
  /** Path without the query string, as sent (case preserved). */
  path: string;
  query: string;
  /** HTTP status; 0 when the socket was destroyed. */
  status: number;
  /** Vendor (account) UUID, when the credential was known. */
  account?: string;
  fault?: 'failure' | 'drop';
  /** Parsed JSON body of a POST, for tests that check what a client sent. */
  body?: unknown;
  at: Date;
};

export type RequestFilter = {
  method?: string;
  path?: string | RegExp;
  status?: number;
  account?: string;
  fault?: 'failure' | 'drop';
};
