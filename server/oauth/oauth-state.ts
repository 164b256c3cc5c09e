import { randomBytes, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';

/** Stateless CSRF protection for the OAuth round trip: a signed, 10-minute, single-purpose state value. */
export function createOAuthState(key: KeyObject, now: Date): string {
  return jwt.sign({ n: randomBytes(12).toString('base64url'), aud: 'oauth-state', iat: Math.floor(now.getTime() / 1000) }, key, { algorithm: 'HS256', expiresIn: 600 });
}

export function isValidOAuthState(state: string, key: KeyObject, now: Date): boolean {
  try {
    jwt.verify(state, key, { algorithms: ['HS256'], audience: 'oauth-state', clockTimestamp: Math.floor(now.getTime() / 1000) });
    return true;
  } catch {
    return false;
  }
}
