import type { Account } from './accounts.js';
import { badRequest, type OpResult } from './records.js';

/**
 * `GET /search.json?q=&limit=`: the spec's SearchResponse `{results:[{uuid,type,title}], query, count}`,
 * q 1..100 characters, limit 1..50 (default 20). Matching here is a plain case-insensitive substring over
 * active jobs and clients; ServiceM8's own relevance ranking is not reproduced.
 */
export function searchRecords(account: Account, query: URLSearchParams): OpResult {
  const q = (query.get('q') ?? '').trim();
  if (q.length < 1 || q.length > 100) return badRequest('Missing or invalid query parameter q');
  const limitRaw = query.get('limit');
  const limit = limitRaw === null ? 20 : Number(limitRaw);
  if (!Number.isInteger(limit) || limit < 1 || limit > 50) return badRequest('limit must be an integer from 1 to 50');
  const needle = q.toLowerCase();
  const has = (...values: unknown[]) => values.some((v) => String(v ?? '').toLowerCase().includes(needle));

  const jobs = account.records.job
    .filter((j) => j.active === 1 && has(j.generated_job_id, j.job_description, j.job_address, j.purchase_order_number))
    .map((j) => ({ uuid: j.uuid, type: 'job', title: `Job ${String(j.generated_job_id)}` }));
  const companies = account.records.company
    .filter((c) => c.active === 1 && has(c.name, c.address))
    .map((c) => ({ uuid: c.uuid, type: 'company', title: String(c.name) }));
  const results = [...jobs, ...companies].slice(0, limit);
  return { status: 200, body: { results, query: q, count: results.length } };
}
