import type { AccountSettings } from '../domain/account-settings.js';

export type FollowUpDeadline = {
  /** `YYYY-MM-DD` in the account's timezone. */
  date: string;
  source: 'call' | 'default';
  /** `now` plus the account's follow-up days: the yardstick for "urgent". */
  defaultDate: string;
  /** Why the call's own deadline was not used, or why the timezone fell back to UTC. */
  notes: string[];
};

// Building an Intl formatter costs far more than using one; the policy runs once per call and per replay.
const formatters = new Map<string, Intl.DateTimeFormat>();

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The deadline the call gave (`follow_up_deadline`) when it is a real date not in the past, else `now` plus
 * `followUpDays` business days (Mon–Fri; public holidays are not known here), both in the account's timezone.
 */
export function followUpDeadline(requested: string | undefined, settings: AccountSettings, now: Date): FollowUpDeadline {
  const notes: string[] = [];
  const timeZone = usableTimeZone(settings.timezone, notes);
  const today = localDate(now, timeZone);
  const fallback = addBusinessDays(today, Math.max(0, Math.floor(settings.followUpDays || 0)));
  const text = requested?.trim();
  if (!text) return { date: fallback, source: 'default', defaultDate: fallback, notes };
  const asked = parseDeadline(text, timeZone);
  if (!asked) notes.push(`follow-up deadline "${text}" is not a date; used the default`);
  else if (asked < today) notes.push(`follow-up deadline ${asked} is in the past; used the default`);
  else return { date: asked, source: 'call', defaultDate: fallback, notes };
  return { date: fallback, source: 'default', defaultDate: fallback, notes };
}

/** The calendar date of `instant` in `timeZone`, as `YYYY-MM-DD`; `timeZone` must be a valid IANA name. */
export function localDate(instant: Date, timeZone: string): string {
  const parts = formatterFor(timeZone).formatToParts(instant);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** `YYYY-MM-DD` plus `days` weekdays (Saturday and Sunday skipped). */
export function addBusinessDays(date: string, days: number): string {
  const [, y, m, d] = ISO_DATE.exec(date) ?? [];
  const day = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  for (let left = days; left > 0; ) {
    day.setUTCDate(day.getUTCDate() + 1);
    if (day.getUTCDay() !== 0 && day.getUTCDay() !== 6) left -= 1;
  }
  return day.toISOString().slice(0, 10);
}

/** "2026-11-27" → "27 Nov" for headlines a technician reads at a glance. */
export function shortDate(date: string): string {
  const [, , m, d] = ISO_DATE.exec(date) ?? [];
  return m && d ? `${Number(d)} ${MONTHS[Number(m) - 1] ?? ''}`.trim() : date;
}

function parseDeadline(text: string, timeZone: string): string | undefined {
  const [, y, m, d] = ISO_DATE.exec(text) ?? [];
  if (y && m && d) {
    const day = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
    return day.toISOString().slice(0, 10) === text ? text : undefined;
  }
  // A timestamp ("2026-11-27T05:00:00Z") names an instant; the account's calendar decides its date.
  if (!/^\d{4}-\d{2}-\d{2}T/.test(text)) return undefined;
  const instant = new Date(text);
  return Number.isNaN(instant.getTime()) ? undefined : localDate(instant, timeZone);
}

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function usableTimeZone(timeZone: string, notes: string[]): string {
  try {
    formatterFor(timeZone);
    return timeZone;
  } catch {
    notes.push(`timezone "${timeZone}" is not known; deadline computed in UTC`);
    return 'UTC';
  }
}
