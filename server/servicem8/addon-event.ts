import { createSecretKey, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { z } from 'zod';
import { AppError } from '../errors.js';

/** The event object inside the add-on callback JWT (platform-notes §2.2), in domain terms. */
export type AddonEvent = {
  eventName: string;
  accountUuid: string;
  staffUuid: string;
  accessToken?: string;
  args: Record<string, unknown>;
};

const EventSchema = z.object({
  eventName: z.string().min(1),
  auth: z.object({
    accountUUID: z.string().min(1),
    staffUUID: z.string().optional().default(''),
    accessToken: z.string().optional(),
  }),
  eventArgs: z.record(z.string(), z.unknown()).optional().default({}),
});

/**
 * Verifies the raw callback body: an HS256 JWT signed with the App Secret (platform-notes §2.1).
 * The algorithm is pinned (rejects `none`, HS512, RS256…); `exp` is enforced only when present,
 * against the injected clock. Every failure is the same UNAUTHORIZED; the reason goes to the log.
 */
export function verifyAddonEvent(token: string, secret: string | KeyObject, now: Date): AddonEvent {
  let claims: unknown;
  try {
    claims = jwt.verify(token.trim(), typeof secret === 'string' ? secretKey(secret) : secret, { algorithms: ['HS256'], clockTimestamp: Math.floor(now.getTime() / 1000) });
  } catch (err) {
    throw new AppError('UNAUTHORIZED', 'Invalid add-on event signature', { cause: err, detail: { reason: (err as Error).message } });
  }
  const parsed = EventSchema.safeParse(claims);
  if (!parsed.success) {
    throw new AppError('BAD_REQUEST', 'Add-on event is missing required fields', { detail: { reason: parsed.error.issues.map((i) => i.path.join('.')).join(', ') } });
  }
  const e = parsed.data;
  return {
    // ServiceM8 has been seen sending `Webhook_Subscription`: compare case-insensitively (platform-notes §2.4).
    eventName: e.eventName.toLowerCase(),
    accountUuid: e.auth.accountUUID,
    staffUuid: e.auth.staffUUID,
    accessToken: e.auth.accessToken,
    args: e.eventArgs,
  };
}

/**
 * A KeyObject for an HMAC secret. jsonwebtoken first tries to parse a string secret as a PEM public key
 * (and fails) on every call, which costs ~1 ms; handing it a KeyObject skips that.
 */
export function secretKey(secret: string | Buffer): KeyObject {
  return createSecretKey(typeof secret === 'string' ? Buffer.from(secret, 'utf8') : secret);
}
