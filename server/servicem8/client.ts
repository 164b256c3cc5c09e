import { randomUUID } from 'node:crypto';
import type { Dispatcher } from 'undici';
import type { Sm8Attachment, Sm8Company, Sm8Contact, Sm8Job, Sm8MessageReceipt, Sm8Note, Sm8Payment, Sm8Staff, Sm8Task, Sm8Vendor } from '../domain/servicem8-records.js';
import { ServiceM8Error, ServiceM8InputError } from './errors.js';
import { buildFilter, type FilterClause } from './filter.js';
import { createTransport, type HttpCall, type HttpResult, type RequestInfo, type ServiceM8Auth } from './http.js';
import type { RateLimiter } from './rate-limit.js';
import { resolveRetryPolicy, type RetryPolicy } from './retry.js';
import { body, filters, parse, WireFormatError, type EmailInput, type JobCreateInput, type NoteCreateInput, type SmsInput, type TaskCreateInput, type TaskUpdate } from './wire.js';

export type { ServiceM8Auth, RequestInfo } from './http.js';
export type { EmailInput, SmsInput, TaskUpdate } from './wire.js';
export { ServiceM8Error, ServiceM8InputError } from './errors.js';

export type ServiceM8ClientOptions = {
  /** REST host, e.g. `https://api.servicem8.com`; the client adds `/api_1.0/…`. */
  baseUrl: string;
  auth: ServiceM8Auth;
  /** Rate-limiter key: the ServiceM8 account (vendor) UUID. */
  accountUuid: string;
  dispatcher?: Dispatcher;
  limiter: RateLimiter;
  /** Per attempt; default 10 000 ms. */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** Makes the UUID sent with a create when the caller gave none, so retries of that create stay idempotent. */
  generateUuid?: () => string;
  onRequest?: (info: RequestInfo) => void;
};

type WithOptionalUuid<T extends { uuid: string }> = Omit<T, 'uuid'> & { uuid?: string };

export interface ServiceM8Client {
  getVendor(): Promise<Sm8Vendor>;
  /** All staff, inactive included (`active` says which); callers pick. */
  listStaff(): Promise<Sm8Staff[]>;
  /** Active clients only. */
  listCompanies(): Promise<Sm8Company[]>;
  getCompany(uuid: string): Promise<Sm8Company | undefined>;
  listCompanyContacts(companyUuid?: string): Promise<Sm8Contact[]>;
  listJobContacts(jobUuid?: string): Promise<Sm8Contact[]>;
  /** Active jobs, optionally by client and/or job number (`generated_job_id`). */
  listJobs(filter?: { companyUuid?: string; jobNumber?: string }): Promise<Sm8Job[]>;
  /** undefined on 404; a soft-deleted job is returned with `active: false`. */
  getJob(uuid: string): Promise<Sm8Job | undefined>;
  listJobPayments(jobUuid: string): Promise<Sm8Payment[]>;
  listNotes(jobUuid: string): Promise<Sm8Note[]>;
  getNote(uuid: string): Promise<Sm8Note | undefined>;
  createNote(input: WithOptionalUuid<NoteCreateInput>): Promise<{ uuid: string }>;
  updateNote(uuid: string, input: { note: string }): Promise<void>;
  getTask(uuid: string): Promise<Sm8Task | undefined>;
  createTask(input: WithOptionalUuid<TaskCreateInput>): Promise<{ uuid: string }>;
  updateTask(uuid: string, partial: TaskUpdate): Promise<void>;
  createJob(input: WithOptionalUuid<JobCreateInput>): Promise<{ uuid: string }>;
  /** Partial update of non-money fields, by domain name (see JOB_UPDATABLE_FIELDS in wire.ts). */
  updateJob(uuid: string, fields: Record<string, string>): Promise<void>;
  search(q: string, limit?: number): Promise<unknown[]>;
  /** Active files in the job diary (quotes, invoices, photos). */
  listJobAttachments(jobUuid: string): Promise<Sm8Attachment[]>;
  /**
   * Messaging API (OAuth, scope publish_email / publish_sms). Sent with an Idempotency-Key; only a 429 is
   * retried here, since after a 5xx or a lost answer the message may already have gone out.
   */
  sendEmail(input: EmailInput): Promise<Sm8MessageReceipt>;
  sendSms(input: SmsInput): Promise<Sm8MessageReceipt>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Guards against a cursor that never ends (5 000 rows a page → 5 million rows). */
const MAX_PAGES = 1_000;

/**
 * A typed ServiceM8 REST client for one account.
 * @example
 * const sm8 = createServiceM8Client({ baseUrl: 'https://api.servicem8.com', accountUuid,
 *   auth: { kind: 'bearer', getToken }, limiter: createMemoryRateLimiter() });
 * const job = await sm8.getJob(jobUuid);
 */
export function createServiceM8Client(opts: ServiceM8ClientOptions): ServiceM8Client {
  if (!/^https?:\/\//.test(opts.baseUrl)) throw new TypeError('ServiceM8 baseUrl must be an http(s) URL');
  if (!opts.accountUuid) throw new TypeError('ServiceM8 accountUuid is required');
  const send = createTransport({
    baseUrl: opts.baseUrl, auth: opts.auth, accountUuid: opts.accountUuid, limiter: opts.limiter,
    ...(opts.dispatcher ? { dispatcher: opts.dispatcher } : {}),
    timeoutMs: opts.timeoutMs ?? 10_000, retry: resolveRetryPolicy(opts.retry),
    sleep: opts.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    random: opts.random ?? Math.random,
    ...(opts.onRequest ? { onRequest: opts.onRequest } : {}),
  });
  const newUuid = opts.generateUuid ?? randomUUID;

  // A body of the wrong shape is ServiceM8's bug or a proxy's; retrying will not fix it.
  const decode = <T>(call: HttpCall, res: HttpResult, map: (b: unknown) => T): T => {
    try {
      return map(res.body);
    } catch (cause) {
      if (!(cause instanceof WireFormatError)) throw cause;
      throw new ServiceM8Error({ status: res.status, retryable: false, method: call.method, path: call.root === 'platform' ? call.path : `/api_1.0${call.path}`,
        attempts: 1, detail: `unexpected response shape: ${cause.message}`, cause });
    }
  };
  const fetchOne = async <T>(call: HttpCall, map: (b: unknown) => T): Promise<T> => decode(call, await send(call), map);

  // Follows x-next-cursor from cursor=-1 until the header is absent (platform-notes §4.6, §8.13).
  async function listAll<T>(path: string, map: (b: unknown) => T[], clauses?: FilterClause[]): Promise<T[]> {
    const filter: Record<string, string> = clauses ? { $filter: buildFilter(clauses) } : {};
    const out: T[] = [];
    const seen = new Set<string>();
    let cursor = '-1';
    for (let page = 0; page < MAX_PAGES; page += 1) {
      const call: HttpCall = { method: 'GET', path, query: { ...filter, cursor } };
      const res = await send(call);
      out.push(...decode(call, res, map));
      const next = res.headers['x-next-cursor'];
      if (!next || seen.has(next)) return out;
      seen.add(next);
      cursor = next;
    }
    throw new ServiceM8Error({ status: 200, retryable: false, method: 'GET', path: `/api_1.0${path}`, attempts: 1,
      detail: `more than ${MAX_PAGES} pages` });
  }

  async function getOne<T>(template: string, uuid: string, map: (b: unknown) => T): Promise<T | undefined> {
    const call: HttpCall = { method: 'GET', path: template.replace('{uuid}', checkUuid(uuid)), allowNotFound: true };
    const res = await send(call);
    return res.status === 404 ? undefined : decode(call, res, map);
  }

  async function create(path: string, uuid: string, payload: object): Promise<{ uuid: string }> {
    // Creates return the new UUID in x-record-uuid (platform-notes §4.2); ours is the fallback.
    const res = await send({ method: 'POST', path, body: payload });
    return { uuid: res.headers['x-record-uuid'] || uuid };
  }

  async function update(path: string, uuid: string, payload: object): Promise<void> {
    await send({ method: 'POST', path: path.replace('{uuid}', checkUuid(uuid)), body: payload });
  }

  // Every method is async so that input errors arrive as rejections, never synchronous throws.
  return {
    getVendor: async () => fetchOne({ method: 'GET', path: '/vendor.json' }, parse.vendor),
    listStaff: async () => listAll('/staff.json', parse.staffList),
    listCompanies: async () => listAll('/company.json', parse.companyList, filters.activeCompanies()),
    getCompany: async (uuid) => getOne('/company/{uuid}.json', uuid, parse.company),
    listCompanyContacts: async (companyUuid) => listAll('/companycontact.json', parse.companyContactList, filters.companyContacts(companyUuid)),
    listJobContacts: async (jobUuid) => listAll('/jobcontact.json', parse.jobContactList, filters.jobContacts(jobUuid)),
    listJobs: async (filter) => listAll('/job.json', parse.jobList, filters.jobs(filter)),
    getJob: async (uuid) => getOne('/job/{uuid}.json', uuid, parse.job),
    listJobPayments: async (jobUuid) => listAll('/jobpayment.json', parse.paymentList, filters.jobPayments(checkUuid(jobUuid))),
    listNotes: async (jobUuid) => listAll('/note.json', parse.noteList, filters.jobNotes(checkUuid(jobUuid))),
    // Notes are read and updated at /dbonote/{uuid}.json, not /note/{uuid}.json (platform-notes §8.15).
    getNote: async (uuid) => getOne('/dbonote/{uuid}.json', uuid, parse.note),
    createNote: async (input) => withUuid(input, (i) => create('/note.json', i.uuid, body.noteCreate(i))),
    updateNote: async (uuid, input) => update('/dbonote/{uuid}.json', uuid, body.noteUpdate(input)),
    getTask: async (uuid) => getOne('/task/{uuid}.json', uuid, parse.task),
    createTask: async (input) => withUuid(input, (i) => create('/task.json', i.uuid, body.taskCreate(i))),
    updateTask: async (uuid, partial) => update('/task/{uuid}.json', uuid, body.taskUpdate(partial)),
    createJob: async (input) => withUuid(input, (i) => create('/job.json', i.uuid, body.jobCreate(i))),
    updateJob: async (uuid, fields) => update('/job/{uuid}.json', uuid, body.jobUpdate(fields)),
    search: async (q, limit = 20) => searchAll(q, limit),
    listJobAttachments: async (jobUuid) => listAll('/attachment.json', parse.attachmentList, filters.jobAttachments(checkUuid(jobUuid))),
    sendEmail: async (input) => message('/platform_service_email', input.idempotencyKey, body.email(input)),
    sendSms: async (input) => message('/platform_service_sms', input.idempotencyKey, body.sms(input)),
  };

  async function message(path: string, key: string, payload: object): Promise<Sm8MessageReceipt> {
    if (!key) throw new ServiceM8InputError('a message needs an idempotency key');
    const call: HttpCall = { method: 'POST', path, root: 'platform', body: payload, headers: { 'idempotency-key': key }, retryOnlyThrottled: true };
    const res = await send(call);
    return decode(call, res, (b) => parse.messageReceipt(b, res.headers['x-record-uuid']));
  }

  async function searchAll(q: string, limit: number): Promise<unknown[]> {
    // The spec bounds q to 1..100 characters and limit to 1..50.
    if (q.trim().length === 0 || q.length > 100) throw new ServiceM8InputError('search query must be 1 to 100 characters');
    const bounded = Math.min(50, Math.max(1, Math.trunc(limit)));
    return fetchOne({ method: 'GET', path: '/search.json', query: { q, limit: String(bounded) } }, parse.searchResults);
  }

  function withUuid<T extends { uuid?: string }, R>(input: T, run: (i: T & { uuid: string }) => Promise<R>): Promise<R> {
    return run({ ...input, uuid: checkUuid(input.uuid ?? newUuid()) });
  }
}

function checkUuid(uuid: string): string {
  if (!UUID.test(uuid)) throw new ServiceM8InputError(`not a ServiceM8 UUID: ${JSON.stringify(uuid).slice(0, 60)}`);
  return uuid;
}
