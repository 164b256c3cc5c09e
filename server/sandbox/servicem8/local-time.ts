/**
 * ServiceM8 timestamps are `YYYY-MM-DD HH:MM:SS` in the account's own timezone, with no offset
 * (platform-notes §4.4, §8.11); the simulator renders them the same way from `vendor.timezone_name`.
 */
export function formatLocalTimestamp(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
  }).formatToParts(at);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}:${get('second')}`;
}

export function formatLocalDate(at: Date, timeZone: string): string {
  return formatLocalTimestamp(at, timeZone).slice(0, 10);
}
