import { describe, expect, it } from 'vitest';
import { abaChecksum, ibanMod97, irdChecksum, luhn, tfnChecksum } from '../../server/redaction/checksums.js';
import { isValidItin, isValidNino, isValidSsn } from '../../server/redaction/tax-ids.js';
import { hasCardIssuerPrefix, isLikelyCard } from '../../server/redaction/card-numbers.js';

describe('luhn', () => {
  it.each(['4111111111111111', '5555555555554444', '378282246310005', '6011111111111117', '3530111333300000', '30569309025904', '2223003122003222', '79927398713'])(
    'accepts %s', (d) => expect(luhn(d)).toBe(true));
  it.each(['4111111111111112', '5555555555554443', '1234567812345678', '79927398710', '', '4', '4111-1111'])('rejects %s', (d) => expect(luhn(d)).toBe(false));
});

describe('card issuer prefixes', () => {
  it.each(['4', '51', '55', '2221', '2720', '34', '37', '6011', '65', '644', '649', '3528', '3589', '36', '38', '300', '305', '62', '6304', '50'])(
    'knows %s', (p) => expect(hasCardIssuerPrefix(p.padEnd(16, '0'))).toBe(true));
  it.each(['1', '2220', '2721', '33', '60', '643', '3527', '94', '0'])('does not know %s', (p) => expect(hasCardIssuerPrefix(p.padEnd(16, '0'))).toBe(false));
  it('needs 13–19 digits, the checksum and a prefix', () => {
    expect(isLikelyCard('4111111111111111')).toBe(true);
    expect(isLikelyCard('8812345678901236')).toBe(false);
    expect(isLikelyCard('411111111111')).toBe(false);
  });
});

describe('ABA routing checksum (3-7-1)', () => {
  it.each(['021000021', '011000015', '121000358', '026009593'])('accepts %s', (d) => expect(abaChecksum(d)).toBe(true));
  it.each(['021000022', '123456789', '000000000', '02100002', '0210000210'])('rejects %s', (d) => expect(abaChecksum(d)).toBe(false));
});

describe('IBAN mod 97', () => {
  it.each(['GB82WEST12345698765432', 'DE89370400440532013000', 'FR1420041010050500013M02606', 'NL91ABNA0417164300', 'BE68539007547034', 'gb82west12345698765432'])(
    'accepts %s', (s) => expect(ibanMod97(s)).toBe(true));
  it.each(['GB82WEST12345698765433', 'GB00WEST12345698765432', 'DE8937040044053201300', 'XX', '1234567890123456'])('rejects %s', (s) => expect(ibanMod97(s)).toBe(false));
});

describe('Australian TFN (weighted mod 11)', () => {
  it.each(['123456782', '876543210', '81854402'])('accepts %s', (d) => expect(tfnChecksum(d)).toBe(true));
  it.each(['123456789', '123456783', '81854403', '000000000', '1234567'])('rejects %s', (d) => expect(tfnChecksum(d)).toBe(false));
});

describe('New Zealand IRD (two weight sets)', () => {
  it.each(['49091850', '35901981', '136410132', '049091850'])('accepts %s', (d) => expect(irdChecksum(d)).toBe(true));
  it.each(['49091851', '136410133', '9125568', '150000001', '10000000'])('rejects %s', (d) => expect(irdChecksum(d)).toBe(false));
});

describe('UK National Insurance number', () => {
  it.each(['AB123456C', 'AB 12 34 56 C', 'JG103759A', 'CE123456D'])('accepts %s', (s) => expect(isValidNino(s)).toBe(true));
  it.each(['QQ123456C', 'DA123456A', 'AO123456A', 'GB123456A', 'NK123456A', 'TN123456A', 'ZZ123456A', 'AB123456E', 'AB12345C'])(
    'rejects %s', (s) => expect(isValidNino(s)).toBe(false));
});

describe('US SSN and ITIN layout rules', () => {
  it('accepts valid areas, groups and serials', () => {
    expect(isValidSsn('078051120')).toBe(true);
    expect(isValidSsn('219099999')).toBe(true);
  });
  it.each(['000123456', '666123456', '912701234', '123001234', '123450000'])('rejects SSN %s', (d) => expect(isValidSsn(d)).toBe(false));
  it.each(['912701234', '900501234', '999991234', '912921234'])('accepts ITIN %s', (d) => expect(isValidItin(d)).toBe(true));
  it.each(['912931234', '912661234', '912891234', '812701234'])('rejects ITIN %s', (d) => expect(isValidItin(d)).toBe(false));
});
