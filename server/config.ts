import { availableParallelism } from 'node:os';
import { z } from 'zod';

/**
 * Configuration contract from DESIGN.md. This is the only module that reads process.env,
 * and only when main.ts calls loadConfig(). Failures list every bad variable and never a value.
 */
const SECRET_VARS = ['SERVICEM8_APP_SECRET', 'SERVICEM8_API_KEY', 'DIALNEXA_WEBHOOK_SECRET', 'DIALNEXA_WEBHOOK_SECRET_PREVIOUS', 'DIALNEXA_API_KEY', 'ENCRYPTION_KEY', 'METRICS_TOKEN'] as const;

const optionalString = z.string().trim().min(1).optional();
const url = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });

const RawSchema = z.object({
  PORT: z.coerce.number({ error: 'must be a port number' }).int().min(0).max(65535).default(3000),
  PUBLIC_URL: url.optional(),
  DATABASE_URL: z
    .string()
    .regex(/^(sqlite:.+|postgres(ql)?:\/\/.+)$/, 'must be sqlite:<path> or postgres://…')
    .default('sqlite:./data/addon.sqlite'),
  SERVICEM8_APP_ID: optionalString,
  SERVICEM8_APP_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  SERVICEM8_API_URL: url.default('https://api.servicem8.com'),
  SERVICEM8_OAUTH_URL: url.default('https://go.servicem8.com'),
  SERVICEM8_API_KEY: optionalString,
  DIALNEXA_WEBHOOK_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  DIALNEXA_WEBHOOK_SECRET_PREVIOUS: z.string().min(16, 'must be at least 16 characters').optional(),
  DIALNEXA_API_URL: url.default('https://api.dialnexa.com/v1'),
  DIALNEXA_API_KEY: optionalString,
  ENCRYPTION_KEY: z
    .string()
    .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be 32 bytes, base64-encoded')
    .optional(),
  SANDBOX: z.enum(['0', '1', 'true', 'false'], { error: 'must be 0 or 1' }).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DRY_RUN: z.enum(['0', '1', 'true', 'false'], { error: 'must be 0 or 1' }).optional(),
  WORKER_CONCURRENCY: z.coerce.number({ error: 'must be a whole number' }).int().min(0).max(32).default(1),
  INTAKE_THREADS: z.coerce.number({ error: 'must be a whole number' }).int().min(0).max(16).optional(),
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  METRICS_PORT: z.coerce.number({ error: 'must be a port number' }).int().min(0).max(65535).optional(),
  ADDON_EVENT_MAX_AGE_SECONDS: z.coerce.number({ error: 'must be a number of seconds' }).int().min(30).max(3600).default(300),
  ADDON_EVENT_CLOCK_SKEW_SECONDS: z.coerce.number({ error: 'must be a number of seconds' }).int().min(0).max(600).default(60),
  DOCUMENT_SENDS: z.enum(['0', '1', 'true', 'false'], { error: 'must be 0 or 1' }).optional(),
});

export type Config = {
  port: number;
  publicUrl: string;
  databaseUrl: string;
  sandbox: boolean;
  dryRun: boolean;
  logLevel: string;
  workerConcurrency: number;
  /** Worker threads that redact and parse webhook bodies; 0 = on the event loop. */
  intakeThreads: number;
  servicem8: { appId?: string; appSecret?: string; apiUrl: string; oauthUrl: string; apiKey?: string };
  dialnexa: { webhookSecret?: string; previousWebhookSecret?: string; apiUrl: string; apiKey?: string };
  /** 32 bytes; in sandbox a throwaway key is generated when unset (main.ts says so in the log). */
  encryptionKey?: Buffer;
  /**
   * The add-on sends documents itself through ServiceM8's Messaging API (issue 14): the manifest then asks
   * for publish_email / publish_sms. Off by default outside the sandbox (DOCUMENT_SENDS=1 turns it on).
   */
  documentSends?: boolean;
  /**
   * /metrics is not public (issue 15, item 6): on the main port it needs `Authorization: Bearer <token>`
   * (without a token configured it always answers 401); `port` also serves it, unauthenticated, on
   * 127.0.0.1 only, for a Prometheus agent on the same host.
   */
  metrics: { token?: string; port?: number };
  /** How old a signed add-on event may be, and how far ahead of our clock its `iat` may be (seconds). */
  addonEvent: { maxAgeSeconds: number; clockSkewSeconds: number };
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const truthy = (v: string | undefined) => v === '1' || v === 'true';

/** Parses and validates the environment. Throws ConfigError naming every bad variable (never its value). */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const input = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = RawSchema.safeParse(input);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  const hasServiceM8Credentials = Boolean(e.SERVICEM8_APP_SECRET || e.SERVICEM8_API_KEY);
  const sandbox = e.SANDBOX === undefined ? !hasServiceM8Credentials : truthy(e.SANDBOX);
  const problems: string[] = [];
  if (!sandbox) {
    if (!e.SERVICEM8_APP_SECRET) problems.push('SERVICEM8_APP_SECRET: required outside sandbox (verifies add-on event JWTs)');
    if (!e.SERVICEM8_APP_ID && !e.SERVICEM8_API_KEY) problems.push('SERVICEM8_APP_ID: required outside sandbox unless SERVICEM8_API_KEY is set');
    if (!e.ENCRYPTION_KEY) problems.push('ENCRYPTION_KEY: required outside sandbox (32 bytes, base64)');
  }
  if (e.METRICS_PORT !== undefined && e.METRICS_PORT !== 0 && e.METRICS_PORT === e.PORT) problems.push('METRICS_PORT: must differ from PORT (it is the localhost-only metrics port)');
  if (problems.length) throw new ConfigError(problems);
  return {
    port: e.PORT,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    databaseUrl: e.DATABASE_URL,
    sandbox,
    dryRun: truthy(e.DRY_RUN),
    logLevel: e.LOG_LEVEL,
    workerConcurrency: e.WORKER_CONCURRENCY,
    // One core is the event loop's; redaction gets the others (at most 4: beyond that the loop is the limit).
    intakeThreads: e.INTAKE_THREADS ?? Math.min(4, availableParallelism() - 1),
    servicem8: { appId: e.SERVICEM8_APP_ID, appSecret: e.SERVICEM8_APP_SECRET, apiUrl: e.SERVICEM8_API_URL, oauthUrl: e.SERVICEM8_OAUTH_URL, apiKey: e.SERVICEM8_API_KEY },
    dialnexa: { webhookSecret: e.DIALNEXA_WEBHOOK_SECRET, previousWebhookSecret: e.DIALNEXA_WEBHOOK_SECRET_PREVIOUS, apiUrl: e.DIALNEXA_API_URL, apiKey: e.DIALNEXA_API_KEY },
    encryptionKey: e.ENCRYPTION_KEY ? Buffer.from(e.ENCRYPTION_KEY, 'base64') : undefined,
    metrics: { token: e.METRICS_TOKEN, port: e.METRICS_PORT },
    addonEvent: { maxAgeSeconds: e.ADDON_EVENT_MAX_AGE_SECONDS, clockSkewSeconds: e.ADDON_EVENT_CLOCK_SKEW_SECONDS },
    documentSends: e.DOCUMENT_SENDS === undefined ? sandbox : truthy(e.DOCUMENT_SENDS),
  };
}

/** Names of variables whose values must never appear in logs or errors. */
export const SECRET_VARIABLES: readonly string[] = SECRET_VARS;
