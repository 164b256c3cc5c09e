import { randomUUID } from 'node:crypto';
import type { Account } from './accounts.js';
import { matchesFilter, parseFilter } from './filter-query.js';
import { formatLocalDate, formatLocalTimestamp } from './local-time.js';
import { coerceValue, defaultValue, type ObjectDef } from './objects.js';
import type { WireRecord } from './types.js';

export type OpResult = { status: number; body: unknown; headers?: Record<string, string> };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const OK = { errorCode: 0, message: 'OK' };
export const notFound = (): OpResult => ({
  status: 404, body: { errorCode: 404, message: 'Resource not found. The requested record does not exist or has been deleted.' },
});
export const badRequest = (message: string): OpResult => ({ status: 400, body: { errorCode: 400, message } });

/**
 * `GET /{object}.json`: `$filter`, then cursor paging in UUID order. `cursor=-1` starts; the next
 * cursor (the last UUID of the page) is sent in `x-next-cursor` while rows remain. Without a cursor
 * the first page comes back with no header, so unpaged reads silently stop (platform-notes §4.6, §8.13).
 */
export function listRecords(account: Account, def: ObjectDef, query: URLSearchParams, pageSize: number): OpResult {
  let rows = [...account.records[def.name]];
  const filter = query.get('$filter');
  if (filter !== null) {
    const parsed = parseFilter(filter, (f) => f in def.fields);
    if (!parsed.ok) return badRequest(parsed.message);
    rows = rows.filter((r) => matchesFilter(r, parsed.conditions));
  }
  rows.sort((a, b) => (a.uuid < b.uuid ? -1 : a.uuid > b.uuid ? 1 : 0));
  const cursor = query.get('cursor');
  if (cursor !== null && cursor !== '-1' && !UUID.test(cursor)) return badRequest('Invalid cursor');
  const start = cursor && cursor !== '-1' ? rows.findIndex((r) => r.uuid > cursor) : 0;
  const page = start < 0 ? [] : rows.slice(start, start + pageSize);
  const more = start >= 0 && start + pageSize < rows.length;
  const last = page[page.length - 1];
  return { status: 200, body: page, ...(cursor !== null && more && last ? { headers: { 'x-next-cursor': last.uuid } } : {}) };
}

export function getRecord(account: Account, def: ObjectDef, uuid: string): OpResult {
  // Soft-deleted records stay readable through the API (platform-notes §4.2).
  const found = account.records[def.name].find((r) => r.uuid.toLowerCase() === uuid.toLowerCase());
  return found ? { status: 200, body: found } : notFound();
}

/**
 * `POST /{object}.json` and `POST /{object}/{uuid}.json`. A create whose body carries the UUID of an
 * existing record updates that record instead of adding a second one: this mirrors ServiceM8 accepting a
 * client-supplied `uuid` on create ("UUID is optional for record creation", spec), and it is what makes
 * the add-on's deterministic UUIDs idempotent when a create is retried.
 */
export function writeRecord(account: Account, def: ObjectDef, body: unknown, now: Date, targetUuid?: string): OpResult {
  if (!def.writable) return badRequest(`${def.name} records cannot be written through this endpoint`);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return badRequest('Request body must be a JSON object');
  const input = body as Record<string, unknown>;
  const uuid = targetUuid ?? (typeof input.uuid === 'string' && input.uuid !== '' ? input.uuid : undefined);
  if (uuid !== undefined && !UUID.test(uuid)) return badRequest('uuid is not a valid UUID');
  const existing = uuid ? account.records[def.name].find((r) => r.uuid.toLowerCase() === uuid.toLowerCase()) : undefined;
  if (targetUuid && !existing) return notFound();
  const invalid = validate(def, input, !existing);
  if (invalid) return badRequest(invalid);

  const timezone = String(account.records.vendor[0]?.timezone_name || 'UTC');
  const stamp = formatLocalTimestamp(now, timezone);
  const record = existing ?? createBlank(account, def, uuid ?? randomUUID(), stamp, formatLocalDate(now, timezone));
  for (const [field, value] of Object.entries(input)) {
    const kind = def.fields[field];
    const coerced = kind && field !== 'uuid' ? coerceValue(kind, value) : undefined;
    if (coerced !== undefined) record[field] = coerced;
  }
  afterWrite(account, def, record, stamp);
  if (!existing) account.records[def.name].push(record);
  return { status: 200, body: OK, headers: existing && targetUuid ? {} : { 'x-record-uuid': record.uuid } };
}

export function deleteRecord(account: Account, def: ObjectDef, uuid: string, now: Date): OpResult {
  if (!def.writable) return badRequest(`${def.name} records cannot be deleted`);
  const found = account.records[def.name].find((r) => r.uuid.toLowerCase() === uuid.toLowerCase());
  if (!found) return notFound();
  // Deletes are soft: active=0, still readable, restorable with active=1 (platform-notes §4.2).
  found.active = 0;
  found.edit_date = formatLocalTimestamp(now, String(account.records.vendor[0]?.timezone_name || 'UTC'));
  return { status: 200, body: OK };
}

function validate(def: ObjectDef, input: Record<string, unknown>, creating: boolean): string | undefined {
  if (creating) {
    const missing = def.required.filter((f) => input[f] === undefined || input[f] === null || input[f] === '');
    if (missing.length > 0) return `Required field(s) missing: ${missing.join(', ')}`;
  }
  for (const [field, allowed] of Object.entries(def.enums)) {
    if (input[field] !== undefined && !allowed.includes(String(input[field]))) return `Invalid value for ${field}`;
  }
  for (const [field, max] of Object.entries(def.maxLength)) {
    if (typeof input[field] === 'string' && (input[field] as string).length > max) return `${field} is longer than ${max} characters`;
  }
  return undefined;
}

function createBlank(account: Account, def: ObjectDef, uuid: string, stamp: string, today: string): WireRecord {
  const record: WireRecord = { uuid };
  for (const [field, kind] of Object.entries(def.fields)) if (field !== 'uuid') record[field] = defaultValue(kind);
  record.active = 1;
  if ('create_date' in def.fields) record.create_date = stamp;
  if (def.name === 'job') {
    record.date = today;
    record.total_invoice_amount = '0.00';
    record.generated_job_id = String(nextJobNumber(account));
  }
  if (def.name === 'jobpayment') record.timestamp = stamp;
  return record;
}

function nextJobNumber(account: Account): number {
  const numbers = account.records.job.map((j) => Number(j.generated_job_id)).filter(Number.isFinite);
  return Math.max(1000, ...numbers) + 1;
}

function afterWrite(account: Account, def: ObjectDef, record: WireRecord, stamp: string): void {
  record.edit_date = stamp;
  // related_object is always stored lowercase (platform-notes §5.4).
  if (typeof record.related_object === 'string') record.related_object = record.related_object.toLowerCase();
  // Completing a task fills the completion stamp and staff; API-key calls act as the first staff member.
  if (def.name === 'task' && record.task_complete === '1' && !record.completed_timestamp) {
    record.completed_timestamp = stamp;
    record.completed_by_staff_uuid = account.records.staff[0]?.uuid ?? '';
  }
  if (def.name === 'task' && record.task_complete === '0') record.completed_timestamp = '';
}

