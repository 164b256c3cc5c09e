import type { WireRecord } from './types.js';

export type FilterCondition = { field: string; op: 'eq' | 'ne' | 'gt' | 'lt'; value: string | number };
export type FilterParse = { ok: true; conditions: FilterCondition[] } | { ok: false; message: string };

/** ServiceM8's answer to `or`, parentheses, `ge` and `le` (platform-notes §4.5, third-party, UNVERIFIED). */
export const ADVANCED_FILTER_MESSAGE = 'Advanced Record Filter Queries Not Supported';
const MAX_CLAUSES = 10;
const TOKEN = /'[^']*'|\(|\)|[^\s()']+|'/g;

/**
 * Parses `field op value [and field op value]…` with op ∈ eq ne gt lt, strings in single quotes,
 * numbers bare (platform-notes §4.5). `knownField` decides which names exist (names are case-sensitive).
 */
export function parseFilter(expr: string, knownField: (name: string) => boolean): FilterParse {
  const tokens = expr.match(TOKEN) ?? [];
  const bare = tokens.filter((t) => !t.startsWith("'")).map((t) => t.toLowerCase());
  if (bare.some((t) => t === 'or' || t === '(' || t === ')' || t === 'ge' || t === 'le' || t === 'not')) {
    return { ok: false, message: ADVANCED_FILTER_MESSAGE };
  }
  const conditions: FilterCondition[] = [];
  for (let i = 0; i < tokens.length; i += 4) {
    const [field, op, raw, joiner] = tokens.slice(i, i + 4);
    if (field === undefined || op === undefined || raw === undefined) return { ok: false, message: 'Invalid $filter expression' };
    if (joiner !== undefined && joiner.toLowerCase() !== 'and') return { ok: false, message: 'Invalid $filter expression' };
    if (joiner !== undefined && i + 4 >= tokens.length) return { ok: false, message: 'Invalid $filter expression' };
    if (op !== 'eq' && op !== 'ne' && op !== 'gt' && op !== 'lt') return { ok: false, message: `Invalid $filter operator ${op}` };
    if (!knownField(field)) return { ok: false, message: `Invalid $filter field ${field}` };
    const value = parseValue(raw);
    if (value === undefined) return { ok: false, message: 'Invalid $filter value' };
    conditions.push({ field, op, value });
  }
  if (conditions.length === 0) return { ok: false, message: 'Invalid $filter expression' };
  if (conditions.length > MAX_CLAUSES) return { ok: false, message: `A $filter may have at most ${MAX_CLAUSES} conditions` };
  return { ok: true, conditions };
}

function parseValue(raw: string): string | number | undefined {
  if (raw.length >= 2 && raw.startsWith("'") && raw.endsWith("'")) return raw.slice(1, -1);
  return /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : undefined;
}

export function matchesFilter(record: WireRecord, conditions: readonly FilterCondition[]): boolean {
  return conditions.every((c) => {
    const actual = record[c.field] ?? '';
    if (c.op === 'eq' || c.op === 'ne') {
      // Quoted values compare as text ('0412…' must not equal 412…); bare numbers compare numerically.
      const equal = typeof c.value === 'number' ? Number(actual) === c.value : String(actual) === c.value;
      return c.op === 'eq' ? equal : !equal;
    }
    const cmp = compare(actual, c.value);
    return c.op === 'gt' ? cmp > 0 : cmp < 0;
  });
}

// Numbers compare as numbers; everything else as text, which also orders `YYYY-MM-DD HH:MM:SS` correctly.
function compare(a: string | number, b: string | number): number {
  const numeric = (x: string | number) => typeof x === 'number' || /^-?\d+(\.\d+)?$/.test(x.trim());
  if (numeric(a) && numeric(b)) return Number(a) - Number(b);
  const sa = String(a);
  const sb = String(b);
  return sa === sb ? 0 : sa < sb ? -1 : 1;
}
