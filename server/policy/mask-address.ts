import { parsePhoneNumberFromString } from 'libphonenumber-js';

const DOT = '•';

/**
 * An email or phone partly hidden for notes, the panel and logs: enough to tell two addresses apart,
 * not enough to use one. Emails keep the first letter and the domain; phones keep the country code, the
 * first national digit and the last three.
 * @example maskAddress('jane@example.net') // 'j•••@example.net'
 * @example maskAddress('+61491570010')     // '+61 4•• ••• 010'
 */
export function maskAddress(address: string): string {
  const text = address.trim();
  const at = text.lastIndexOf('@');
  if (at > 0) return `${text[0]}${DOT.repeat(3)}${text.slice(at)}`;
  return maskPhone(text);
}

function maskPhone(text: string): string {
  const parsed = text.startsWith('+') ? parsePhoneNumberFromString(text) : undefined;
  const code = parsed ? `+${parsed.countryCallingCode}` : '';
  const national = parsed ? String(parsed.nationalNumber) : text.replace(/\D/g, '');
  if (national.length < 5) return `${code}${code ? ' ' : ''}${DOT.repeat(4)}`;
  const hidden = `${national[0]}${DOT.repeat(national.length - 4)}${national.slice(-3)}`;
  // Groups of three from the end: "4•• ••• 010".
  const groups: string[] = [];
  for (let end = hidden.length; end > 0; end -= 3) groups.unshift(hidden.slice(Math.max(0, end - 3), end));
  return [code, ...groups].filter(Boolean).join(' ');
}

/** Masks every email and phone-like number inside free text (an upstream error message may echo an address). */
export function maskAddressesIn(text: string): string {
  return text
    .replace(/[^\s@<>()"',;:]+@[^\s@<>()"',;:]+\.[A-Za-z]{2,}/g, (m) => maskAddress(m))
    .replace(/\+?\d[\d ()-]{6,}\d/g, (m) => maskAddress(m.startsWith('+') ? m.replace(/[^\d+]/g, '') : m));
}
