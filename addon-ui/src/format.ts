import type { Money } from '../../server/domain/money.js';

/** "AUD 349.00" straight from the decimal string: money is never parsed to a float (DESIGN.md rule 6). */
export function formatMoney(m?: Money): string {
  return m ? `${m.currency} ${m.amount}` : '';
}

// ServiceM8 timestamps are account-local with no offset (platform-notes §4.4); show them as written.
const WALL_CLOCK = /^(\d{4})-(\d\d)-(\d\d)(?:[ T](\d\d):(\d\d)(?::\d\d(?:\.\d+)?)?)?$/;

/** Short, locale-aware date ("25 Nov, 2:07 pm"); date-only strings show no time. Unparseable input is returned as is. */
export function formatWhen(value?: string): string {
  if (!value) return '';
  const m = WALL_CLOCK.exec(value);
  const date = m ? new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +(m[4] ?? 0), +(m[5] ?? 0))) : new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const withTime = !m || m[4] !== undefined;
  const opts: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', timeZone: m ? 'UTC' : undefined };
  if (date.getFullYear() !== new Date().getFullYear()) opts.year = 'numeric';
  if (withTime) Object.assign(opts, { hour: 'numeric', minute: '2-digit' });
  try {
    return new Intl.DateTimeFormat(undefined, opts).format(date);
  } catch {
    return value;
  }
}

export function formatDuration(seconds?: number): string {
  if (seconds === undefined || seconds < 0) return '';
  const s = Math.round(seconds);
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`;
}

/** Only http(s) links are rendered; anything else (javascript:, data:) is dropped. */
export function safeUrl(value?: string): string | undefined {
  if (!value) return undefined;
  try {
    // No location when the server renders the panel (issue 15, item 3): links there are absolute anyway.
    const u = new URL(value, globalThis.location?.href);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * One id per user intent; the server treats a repeat with the same id as the same request.
 * randomUUID needs a secure context; getRandomValues is in every browser ServiceM8 supports, secure or not.
 */
export function newRequestId(): string {
  const c = globalThis.crypto;
  if (typeof c.randomUUID === 'function') return c.randomUUID();
  return Array.from(c.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Turns a wire code ("ambiguous_match") into words when no label is known. */
export function humanize(code: string): string {
  const s = code.replace(/[._-]+/g, ' ').trim();
  return s.charAt(0).toUpperCase() + s.slice(1);
}
