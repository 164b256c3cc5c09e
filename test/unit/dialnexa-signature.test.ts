import { describe, expect, it } from 'vitest';
import { verifyDialNexaSignature } from '../../server/dialnexa/verify-signature.js';
import { dialnexaSignature } from '../helpers/sign.js';

const body = Buffer.from('{"event_type":"call_ended","payload":{"call":{"id":"call_1"}}}');
const S1 = 'current-secret-0123456789abcdef';
const S0 = 'previous-secret-0123456789abcdef';

describe('verifyDialNexaSignature', () => {
  it('accepts plain and sha256= prefixed hex, in any case', () => {
    expect(verifyDialNexaSignature(body, dialnexaSignature(body, S1, false), [S1])).toBe(true);
    expect(verifyDialNexaSignature(body, dialnexaSignature(body, S1, true), [S1])).toBe(true);
    expect(verifyDialNexaSignature(body, dialnexaSignature(body, S1).toUpperCase().replace('SHA256=', 'sha256='), [S1])).toBe(true);
  });
  it('accepts the previous secret during rotation', () => {
    expect(verifyDialNexaSignature(body, dialnexaSignature(body, S0), [S1, S0])).toBe(true);
  });
  it('rejects missing, malformed, wrong-secret and tampered-body signatures', () => {
    expect(verifyDialNexaSignature(body, undefined, [S1])).toBe(false);
    expect(verifyDialNexaSignature(body, 'sha256=xyz', [S1])).toBe(false);
    expect(verifyDialNexaSignature(body, dialnexaSignature(body, 'wrong-secret-0123456789abcdef'), [S1])).toBe(false);
    expect(verifyDialNexaSignature(Buffer.from(`${body} `), dialnexaSignature(body, S1), [S1])).toBe(false);
    expect(verifyDialNexaSignature(body, dialnexaSignature(body, S0), [S1])).toBe(false);
  });
});
