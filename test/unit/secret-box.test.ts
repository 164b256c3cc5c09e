import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSecretBox, keyIdOf } from '../../server/security/secret-box.js';

describe('secret box (AES-256-GCM at rest)', () => {
  const k1 = randomBytes(32);
  const k2 = randomBytes(32);

  it('round-trips and never stores the plaintext', () => {
    const box = createSecretBox(k1);
    const sealed = box.seal('refresh-token-abc');
    expect(sealed).not.toContain('refresh-token-abc');
    expect(sealed.split('.')[1]).toBe(keyIdOf(k1));
    expect(box.open(sealed)).toBe('refresh-token-abc');
    expect(box.seal('x')).not.toBe(box.seal('x'));
  });

  it('decrypts old values after rotation and rejects tampering and unknown keys', () => {
    const old = createSecretBox(k1).seal('webhook-secret');
    const rotated = createSecretBox(k2, [k1]);
    expect(rotated.open(old)).toBe('webhook-secret');
    expect(rotated.seal('y').split('.')[1]).toBe(keyIdOf(k2));
    const parts = old.split('.');
    parts[4] = Buffer.from('tampered').toString('base64url');
    expect(() => rotated.open(parts.join('.'))).toThrow();
    expect(() => createSecretBox(k2).open(old)).toThrow(/unknown format or key id/);
  });
});
