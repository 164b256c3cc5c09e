import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * AES-256-GCM for secrets at rest (OAuth tokens, webhook secrets, API keys).
 * Stored form: `v1.<keyId>.<iv>.<tag>.<ciphertext>` (base64url parts). The key id is derived from the key
 * itself, so a rotated key can decrypt values written under older keys kept in the ring.
 */
export type SecretBox = { seal(plain: string): string; open(sealed: string): string; keyId: string };

export function keyIdOf(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 8);
}

/** `current` encrypts; `previous` keys only decrypt (rotation). */
export function createSecretBox(current: Buffer, previous: Buffer[] = []): SecretBox {
  for (const k of [current, ...previous]) {
    if (k.length !== 32) throw new Error('encryption keys must be 32 bytes');
  }
  const ring = new Map([current, ...previous].map((k) => [keyIdOf(k), k] as const));
  const keyId = keyIdOf(current);
  return {
    keyId,
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', current, iv);
      const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return ['v1', keyId, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ct.toString('base64url')].join('.');
    },
    open(sealed) {
      const [version, id, iv, tag, ct] = sealed.split('.');
      const key = id ? ring.get(id) : undefined;
      if (version !== 'v1' || !key || !iv || !tag || ct === undefined) throw new Error('sealed value has an unknown format or key id');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString('utf8');
    },
  };
}
