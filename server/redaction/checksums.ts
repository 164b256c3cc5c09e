// Check-digit algorithms used to tell a real sensitive number from a look-alike.
// Every function takes a string of ASCII digits (or IBAN characters) and never throws.

function digitAt(s: string, i: number): number {
  return s.charCodeAt(i) - 48;
}

function isDigits(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const d = digitAt(s, i);
    if (d < 0 || d > 9) return false;
  }
  return true;
}

/** Luhn (mod 10) check used by every card scheme (ISO/IEC 7812-1). */
export function luhn(digits: string): boolean {
  if (!isDigits(digits) || digits.length < 2) return false;
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digitAt(digits, i);
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

/** ABA routing number check: weights 3, 7, 1 repeated, sum divisible by 10 (ABA Key to Routing Numbers). */
export function abaChecksum(digits: string): boolean {
  if (digits.length !== 9 || !isDigits(digits)) return false;
  const weights = [3, 7, 1];
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += digitAt(digits, i) * weights[i % 3]!;
  return sum !== 0 && sum % 10 === 0;
}

/**
 * IBAN check (ISO 13616): move the first four characters to the end, letters become 10..35,
 * and the whole number mod 97 must be 1. Computed piecewise so no BigInt is needed.
 */
export function ibanMod97(iban: string): boolean {
  const s = iban.toUpperCase();
  if (s.length < 15 || s.length > 34 || !/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(s)) return false;
  const moved = s.slice(4) + s.slice(0, 4);
  let rem = 0;
  for (let i = 0; i < moved.length; i++) {
    const c = moved.charCodeAt(i);
    if (c >= 48 && c <= 57) rem = (rem * 10 + (c - 48)) % 97;
    else rem = (rem * 100 + (c - 55)) % 97;
  }
  return rem === 1;
}

/**
 * Australian Business Number (ABR "Format of the ABN"): subtract 1 from the first digit, weight the
 * eleven digits 10,1,3,5,7,9,11,13,15,17,19, and the sum divides by 89. Public, printed on every invoice.
 */
export function abnChecksum(digits: string): boolean {
  if (!isDigits(digits) || digits.length !== 11) return false;
  const weights = [10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19];
  let sum = (digitAt(digits, 0) - 1) * weights[0]!;
  for (let i = 1; i < 11; i++) sum += digitAt(digits, i) * weights[i]!;
  return sum % 89 === 0;
}

/**
 * Australian Company Number (ASIC): weights 8,7,…,1 on the first eight digits; the check digit is
 * (10 - sum mod 10) mod 10. Public, like the ABN.
 */
export function acnChecksum(digits: string): boolean {
  if (!isDigits(digits) || digits.length !== 9) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += digitAt(digits, i) * (8 - i);
  return (10 - (sum % 10)) % 10 === digitAt(digits, 8);
}

/** Australian Tax File Number: weighted sum mod 11 is 0 (ATO TFN algorithm, 8 and 9 digit forms). */
export function tfnChecksum(digits: string): boolean {
  if (!isDigits(digits)) return false;
  const weights = digits.length === 9 ? [1, 4, 3, 7, 5, 8, 6, 9, 10] : digits.length === 8 ? [10, 7, 8, 4, 6, 3, 5, 1] : null;
  if (!weights) return false;
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += digitAt(digits, i) * weights[i]!;
  return sum !== 0 && sum % 11 === 0;
}

function irdCheckDigit(base: string, weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += digitAt(base, i) * weights[i]!;
  const rem = sum % 11;
  return rem === 0 ? 0 : 11 - rem;
}

/**
 * New Zealand IRD number (Inland Revenue "RWT and NRWT certificate" spec): 8 or 9 digits in
 * 10,000,000..150,000,000; the check digit uses weights 3,2,7,6,5,4,3,2 and, when that gives 10,
 * the secondary weights 7,4,3,2,5,2,7,6; a second 10 means the number is invalid.
 */
export function irdChecksum(digits: string): boolean {
  if (!isDigits(digits) || (digits.length !== 8 && digits.length !== 9)) return false;
  const value = Number(digits);
  if (value <= 10_000_000 || value >= 150_000_000) return false;
  const padded = digits.padStart(9, '0');
  const base = padded.slice(0, 8);
  const check = digitAt(padded, 8);
  let expected = irdCheckDigit(base, [3, 2, 7, 6, 5, 4, 3, 2]);
  if (expected === 10) expected = irdCheckDigit(base, [7, 4, 3, 2, 5, 2, 7, 6]);
  return expected !== 10 && expected === check;
}
