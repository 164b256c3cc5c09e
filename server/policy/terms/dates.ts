import { localDate } from '../follow-up-deadline.js';

/** What a date in free text is read against: "Friday" needs today, "4/12" needs the caller's convention. */
export type DateContext = { now: Date; timeZone: string; region: string };

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const DAY = '(mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)';

const ISO = /\b(\d{4})-(\d{2})-(\d{2})\b/;
const DAY_MONTH = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}\\b,?(?:\\s+(\\d{4}))?`, 'i');
const MONTH_DAY = new RegExp(`\\b${MONTH}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(\\d{4}))?`, 'i');
const NUMERIC = /\b(\d{1,2})[/.](\d{1,2})(?:[/.](\d{2}|\d{4}))?\b/;
const WEEKDAY = new RegExp(`\\b(?:(next|this|on)\\s+)?${DAY}\\b`, 'i');
const RELATIVE = /\b(today|tomorrow)\b/i;
// "the 20th", "by the 15th", "on the 1st of next month": a day of the month with no month named. Only
// where the words after it cannot make it a count or an order ("the 2nd charge", "the 3rd payment").
const DAY_ONLY = /\b(?:the|by|on|before|until|till)\s+(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)\b(?:\s+of\s+(this|next|the)\s+month\b)?(?=\s*$|\s*[,.;:!?)\u2013\u2014-]|\s+(?:to|and|at|or|when|if|so|then|as|latest|please|for|is|would|will|should|works?|instead)\b)/i;
const IN_TIME = /\bin\s+(\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+(days?|weeks?|fortnights?)\b/i;
const END_OF_MONTH = /\b(?:by\s+)?(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?(next\s+)?month\b/i;
const UNITS: Record<string, number> = { day: 1, week: 7, fortnight: 14 };
const SMALL: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };

/**
 * The first calendar date named in `text`, as `YYYY-MM-DD`: ISO, "4 December", "4th of Dec 2026",
 * "December 4, 2026", numeric dates day-first (AU, NZ, UK) or month-first (US, by `region`), "Friday",
 * "next Friday", "tomorrow", "the 20th" (the next 20th on or after today), "in two weeks", "end of the month".
 * A date without a year is the next one on or after today.
 */
export function findDate(text: string, ctx: DateContext): string | undefined {
  const today = localDate(ctx.now, ctx.timeZone);
  const iso = ISO.exec(text);
  if (iso) return valid(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const dm = DAY_MONTH.exec(text);
  if (dm) return withYear(Number(dm[1]), monthOf(dm[2]!), dm[3], today);
  const md = MONTH_DAY.exec(text);
  if (md) return withYear(Number(md[2]), monthOf(md[1]!), md[3], today);
  const num = NUMERIC.exec(text);
  if (num) {
    const [a, b] = [Number(num[1]), Number(num[2])];
    const [day, month] = ctx.region.toUpperCase() === 'US' ? [b, a] : [a, b];
    return withYear(day, month, num[3] && num[3].length === 2 ? `20${num[3]}` : num[3], today);
  }
  const dayOnly = DAY_ONLY.exec(text);
  if (dayOnly) return nextDayOfMonth(today, Number(dayOnly[1]), dayOnly[2]?.toLowerCase() === 'next');
  const inTime = IN_TIME.exec(text);
  if (inTime) {
    const n = /^\d+$/.test(inTime[1]!) ? Number(inTime[1]) : SMALL[inTime[1]!.toLowerCase()]!;
    return addDays(today, n * UNITS[inTime[2]!.toLowerCase().replace(/s$/, '')]!);
  }
  const end = END_OF_MONTH.exec(text);
  if (end) return lastOfMonth(today, end[1] ? 1 : 0);
  const rel = RELATIVE.exec(text);
  if (rel) return addDays(today, rel[1]!.toLowerCase() === 'tomorrow' ? 1 : 0);
  const wd = WEEKDAY.exec(text);
  if (wd) return nextWeekday(today, DAYS.indexOf(wd[2]!.slice(0, 3).toLowerCase()), wd[1]?.toLowerCase() === 'next');
  return undefined;
}

/** "2026-12-04" → "4 Dec 2026", the way the task line says it. */
export function dateWords(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS[(m ?? 1) - 1]!.replace(/^./, (c) => c.toUpperCase())} ${y}`;
}

function monthOf(word: string): number {
  return MONTHS.indexOf(word.slice(0, 3).toLowerCase()) + 1;
}

function withYear(day: number, month: number, year: string | undefined, today: string): string | undefined {
  if (year) return valid(Number(year), month, day);
  const thisYear = Number(today.slice(0, 4));
  const candidate = valid(thisYear, month, day);
  return candidate && candidate >= today ? candidate : valid(thisYear + 1, month, day);
}

// The next `day` of a month on or after today (a month without that day is skipped), or next month's.
function nextDayOfMonth(today: string, day: number, nextMonth: boolean): string | undefined {
  const [y, m] = today.split('-').map(Number) as [number, number];
  for (let ahead = nextMonth ? 1 : 0; ahead < 4; ahead++) {
    const month = m - 1 + ahead;
    const candidate = valid(y + Math.floor(month / 12), (month % 12) + 1, day);
    if (candidate && (nextMonth || candidate >= today)) return candidate;
    if (nextMonth) return undefined;
  }
  return undefined;
}

function lastOfMonth(today: string, ahead: number): string {
  const [y, m] = today.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m + ahead, 0)).toISOString().slice(0, 10);
}

function valid(y: number, m: number, d: number): string | undefined {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return date.toISOString().slice(0, 10);
}

function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

// "Friday" said on a Friday means today week only when the caller said "next"; otherwise the coming one.
function nextWeekday(today: string, weekday: number, next: boolean): string {
  const current = new Date(`${today}T00:00:00Z`).getUTCDay();
  let ahead = (weekday - current + 7) % 7;
  if (ahead === 0 && next) ahead = 7;
  return addDays(today, ahead);
}
