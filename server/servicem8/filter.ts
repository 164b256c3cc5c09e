import { ServiceM8InputError } from './errors.js';

/** The only operators ServiceM8 `$filter` accepts (platform-notes §4.5): no ge, le, or, parentheses. */
export const FILTER_OPERATORS = ['eq', 'ne', 'gt', 'lt'] as const;
export type FilterOperator = (typeof FILTER_OPERATORS)[number];
export type FilterClause = readonly [field: string, op: FilterOperator, value: string | number];

/** ServiceM8 allows at most 10 clauses joined by `and` (platform-notes §4.5, §8.12). */
export const MAX_FILTER_CLAUSES = 10;
/** Third-party notes report a 255-character limit on values (platform-notes §4.5, UNVERIFIED). */
export const MAX_FILTER_VALUE_LENGTH = 255;

const FIELD = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Builds a `$filter` expression, refusing anything ServiceM8 would reject instead of letting a
 * request fail (or, worse, silently match everything) in production.
 * @example buildFilter([['related_object_uuid', 'eq', jobUuid], ['active', 'eq', 1]])
 *   // "related_object_uuid eq '…' and active eq 1"
 */
export function buildFilter(clauses: readonly FilterClause[]): string {
  if (clauses.length === 0) throw new ServiceM8InputError('$filter needs at least one clause');
  if (clauses.length > MAX_FILTER_CLAUSES) {
    throw new ServiceM8InputError(`$filter allows at most ${MAX_FILTER_CLAUSES} clauses, got ${clauses.length}`);
  }
  return clauses.map(formatClause).join(' and ');
}

function formatClause([field, op, value]: FilterClause): string {
  if (!FIELD.test(field)) throw new ServiceM8InputError(`$filter field name is not allowed: ${JSON.stringify(field)}`);
  // Runtime check too: callers may pass operators from untyped input.
  if (!(FILTER_OPERATORS as readonly string[]).includes(op)) {
    throw new ServiceM8InputError(`$filter operator "${String(op)}" is not supported (only eq, ne, gt, lt)`);
  }
  return `${field} ${op} ${formatValue(value)}`;
}

function formatValue(value: string | number): string {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new ServiceM8InputError('$filter number must be finite');
    return String(value);
  }
  if (typeof value !== 'string') throw new ServiceM8InputError('$filter value must be a string or number');
  if (value.length > MAX_FILTER_VALUE_LENGTH) throw new ServiceM8InputError('$filter value is longer than 255 characters');
  // ServiceM8 documents no escape for a quote inside a quoted value, so refuse rather than guess.
  if (value.includes("'")) throw new ServiceM8InputError('$filter value must not contain a single quote');
  return `'${value}'`;
}

/**
 * Encodes query parameters fully: encodeURIComponent plus `'`, `(`, `)`, `!` and `*`, which it leaves
 * alone; ServiceM8 asks for a fully URL-encoded `$filter`, `$` included (platform-notes §4.5).
 */
export function encodeQuery(params: Readonly<Record<string, string>>): string {
  return Object.entries(params)
    .map(([k, v]) => `${encodeFully(k)}=${encodeFully(v)}`)
    .join('&');
}

function encodeFully(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
