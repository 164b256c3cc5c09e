import { isSupportedCountry, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

/**
 * Normalises a phone number to E.164, or undefined when it is not a valid number. Never throws.
 * DialNexa may send `61412345678` without `+` (contract, envelope A); the account's region resolves
 * national forms such as `0412 345 678`.
 * @example toE164('61412345678', 'AU') // '+61412345678'
 */
export function toE164(value: unknown, defaultRegion: string): string | undefined {
  const text = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value;
  // Phone numbers are short; a long string is not one, and libphonenumber need not scan it.
  if (typeof text !== 'string' || text.length > 40) return undefined;
  const region = defaultRegion.toUpperCase();
  try {
    const parsed = isSupportedCountry(region)
      ? parsePhoneNumberFromString(text, region as CountryCode)
      : parsePhoneNumberFromString(text);
    // isValid (not just isPossible): '0061412345678' would otherwise become the wrong '+61061412345678'.
    return parsed?.isValid() ? parsed.number : undefined;
  } catch {
    return undefined;
  }
}
