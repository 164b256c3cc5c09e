import { createHmac, timingSafeEqual } from 'node:crypto';

const HEX_SHA256 = /^[0-9a-f]{64}$/;

/**
 * DialNexa signs the raw body: lowercase hex HMAC-SHA256, optionally prefixed `sha256=`
 * (contracts/dialnexa-webhooks.md, Transport). Checked over the exact bytes received, in constant time,
 * against the current secret and, during rotation, the previous one. No timestamp is signed, so there is
 * no clock here: replays are made harmless by idempotency instead.
 */
export function verifyDialNexaSignature(rawBody: Buffer, header: string | undefined, secrets: readonly string[]): boolean {
  if (!header) return false;
  const given = header.trim().toLowerCase().replace(/^sha256=/, '');
  if (!HEX_SHA256.test(given)) return false;
  const givenBytes = Buffer.from(given, 'hex');
  let ok = false;
  // Compare against every secret (no early exit) so timing does not reveal which one matched.
  for (const secret of secrets) {
    const expected = createHmac('sha256', secret).update(rawBody).digest();
    if (timingSafeEqual(expected, givenBytes)) ok = true;
  }
  return ok;
}
