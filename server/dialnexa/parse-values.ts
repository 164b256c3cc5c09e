/**
 * Tolerant readers for single wire values. None of them throws; each returns undefined for a value it
 * cannot use, so a bad optional field never fails a delivery (contract: only structural fields give 400).
 */

/** Longest free-text string kept; longer ones are cut (the body limit is 1 MiB, so this is generous). */
export const MAX_TEXT = 200_000;

export type WireObject = Record<string, unknown>;

/** A plain JSON object, never an array (arrays arrive where objects are expected in hostile input). */
export function isWireObject(value: unknown): value is WireObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Own property only: `__proto__` / `constructor` keys from JSON.parse are own data properties and are
 * read as plain values, while inherited members (Object.prototype.constructor) are never returned.
 */
export function field(obj: unknown, key: string): unknown {
  if (!isWireObject(obj)) return undefined;
  return Object.prototype.hasOwnProperty.call(obj, key) ? obj[key] : undefined;
}

/** First own property among `keys` that is not null/undefined (for documented aliases). */
export function firstField(obj: unknown, keys: readonly string[]): unknown {
  for (const key of keys) {
    const v = field(obj, key);
    if (v !== undefined && v !== null) return v;
  }
  return undefined;
}

export function objectAt(obj: unknown, key: string): WireObject | undefined {
  const v = field(obj, key);
  return isWireObject(v) ? v : undefined;
}

/** Cuts at MAX_TEXT without leaving half a surrogate pair behind. */
export function truncate(text: string, max = MAX_TEXT): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const last = cut.charCodeAt(cut.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut;
}

/** Trimmed non-empty text; finite numbers are accepted as text (`invoice_number: 1042`). */
export function readText(value: unknown, max = MAX_TEXT): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return undefined;
  const text = truncate(value, max + 64).trim();
  return text === '' ? undefined : truncate(text, max);
}

/** Lower-case enum token: "Partially Paid" / "partially-paid" → "partially_paid". */
export function readToken(value: unknown): string | undefined {
  const text = readText(value, 64);
  return text?.toLowerCase().replace(/[\s-]+/g, '_');
}

const TRUE = new Set(['true', 'yes', 'y', '1']);
const FALSE = new Set(['false', 'no', 'n', '0']);

/** true/false, "true"/"yes"/"1", 1/0 (analysis booleans are sometimes typed as strings by the agent). */
export function readBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (value === 1 || value === 0) return value === 1;
  const token = readToken(value);
  if (token === undefined) return undefined;
  if (TRUE.has(token)) return true;
  return FALSE.has(token) ? false : undefined;
}

/** A finite number, or a numeric string ("0.85"); NaN/Infinity never pass. */
export function readNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  const text = readText(value, 64);
  if (text === undefined || !/^-?\d+(\.\d+)?$/.test(text)) return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/** `due_date` / `follow_up_deadline`: an ISO date or date-time, kept as sent when it parses. */
export function readIsoDate(value: unknown): string | undefined {
  const text = readText(value, 64);
  if (text === undefined || !(ISO_DATE.test(text) || ISO_DATETIME.test(text))) return undefined;
  const ms = Date.parse(text.replace(' ', 'T'));
  if (Number.isNaN(ms)) return undefined;
  // Date.parse rolls 2026-02-30 over to 2 March; a calendar date must survive the round trip.
  return new Date(Date.UTC(+text.slice(0, 4), +text.slice(5, 7) - 1, +text.slice(8, 10))).toISOString().startsWith(text.slice(0, 10))
    ? text
    : undefined;
}

/**
 * An instant in ms since the epoch from an ISO string or a number. *Assumed*: numeric timestamps below
 * 10^11 are seconds (DialNexa documents only ISO strings, e.g. `initiated_at`).
 */
export function readInstantMs(value: unknown): number | undefined {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0) return undefined;
    const ms = value < 1e11 ? value * 1000 : value;
    return ms < 1e13 ? Math.trunc(ms) : undefined;
  }
  const text = readText(value, 64);
  if (text === undefined || !ISO_DATETIME.test(text)) return undefined;
  const ms = Date.parse(text.replace(' ', 'T'));
  return Number.isNaN(ms) || ms < 0 || ms >= 1e13 ? undefined : ms;
}

/** http(s) links only (crm_url, transcript links); anything else could be `javascript:` in the panel. */
export function readHttpUrl(value: unknown): string | undefined {
  const text = readText(value, 4096);
  if (text === undefined || !/^https?:\/\//i.test(text)) return undefined;
  try {
    return new URL(text).href;
  } catch {
    return undefined;
  }
}
