import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

/**
 * Normalises a phone number stored in any format to E.164, or undefined when it is not a phone number.
 * An unknown region is treated like no region (only `+…` numbers parse).
 * @example toE164('0412 345 678', 'AU') // '+61412345678'
 */
export function toE164(phone: string, region: string): string | undefined {
  const text = phone.trim();
  if (!/\d/.test(text)) return undefined;
  const local = parsePhoneNumberFromString(text, region.toUpperCase() as CountryCode);
  if (local?.isValid()) return local.number;
  // DialNexa and some CRMs drop the '+' (contracts/dialnexa-webhooks.md): "61412345678" is international.
  if (!text.startsWith('+')) {
    const international = parsePhoneNumberFromString(`+${text.replace(/\D/g, '')}`);
    if (international?.isValid()) return international.number;
  }
  // Seed and test data use unallocated ranges; a possible number still compares fine against itself.
  return local?.isPossible() ? local.number : undefined;
}
