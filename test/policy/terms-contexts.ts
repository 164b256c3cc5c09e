/** The four markets' reading contexts at one instant, for the money-terms table tests. */
export function regionContexts(now: Date) {
  return {
    AU: { now, timeZone: 'Australia/Sydney', region: 'AU', currency: 'AUD' },
    NZ: { now, timeZone: 'Pacific/Auckland', region: 'NZ', currency: 'NZD' },
    UK: { now, timeZone: 'Europe/London', region: 'GB', currency: 'GBP' },
    US: { now, timeZone: 'America/New_York', region: 'US', currency: 'USD' },
  };
}
