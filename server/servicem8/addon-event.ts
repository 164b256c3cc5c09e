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

/** How fresh an event must be: its age limit and how far clocks may disagree (config.addonEvent). */
export type Freshness = { maxAgeSeconds: number; clockSkewSeconds: number };
export const DEFAULT_FRESHNESS: Freshness = { maxAgeSeconds: 300, clockSkewSeconds: 60 };

/**
 * Verifies the raw callback body: an HS256 JWT signed with the App Secret (platform-notes §2.1).
 * The algorithm is pinned (rejects `none`, HS512, RS256…) and the event must be fresh (see
 * `staleness`), against the injected clock. Every failure is the same UNAUTHORIZED; the reason goes
 * to the log.
 */
export function verifyAddonEvent(token: string, secret: string | KeyObject, now: Date, freshness: Freshness = DEFAULT_FRESHNESS): AddonEvent {
  let claims: unknown;
  const nowSeconds = Math.floor(now.getTime() / 1000);
  try {
    claims = jwt.verify(token.trim(), typeof secret === 'string' ? secretKey(secret) : secret, { algorithms: ['HS256'], clockTimestamp: nowSeconds, clockTolerance: freshness.clockSkewSeconds });
  } catch (err) {
    throw new AppError('UNAUTHORIZED', 'Invalid add-on event signature', { cause: err, detail: { reason: (err as Error).message } });
  }
  const stale = staleness(claims as { iat?: unknown; exp?: unknown }, nowSeconds, freshness);
  if (stale) throw new AppError('UNAUTHORIZED', 'Invalid add-on event signature', { detail: { reason: stale } });
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
 * Why an event is too old to act on, or undefined when it is fresh. Issue 15: a signed event with no
 * `exp` was accepted for ever, so one captured token minted panel tokens for its job indefinitely.
 *
 * platform-notes §2.1 says ServiceM8 documents none of `iat`, `exp`, `iss`, that a third-party handler
 * reads `payload.iat`, and not to require `exp` (UNVERIFIED). So `exp` alone is not required: an event
 * must carry `iat` or `exp`, and
 * - with `iat`: issued at most `maxAgeSeconds` ago and not more than `clockSkewSeconds` ahead of us;
 * - with `exp` only: expiring within `maxAgeSeconds` from now (a long-lived token is the same replay
 *   risk as none; `exp` in the past is already refused by jwt.verify, with the same skew allowance).
 * An event with neither is refused: if ServiceM8 ever sends such events, the log says
 * "neither iat nor exp" on each one, and the README (Operations) says what it means.
 */
function staleness(c: { iat?: unknown; exp?: unknown }, now: number, f: Freshness): string | undefined {
  const iat = typeof c.iat === 'number' && Number.isFinite(c.iat) ? c.iat : undefined;
  const exp = typeof c.exp === 'number' && Number.isFinite(c.exp) ? c.exp : undefined;
  if (iat === undefined && exp === undefined) return 'add-on event has neither iat nor exp';
  if (iat !== undefined) {
    if (iat > now + f.clockSkewSeconds) return `add-on event iat is ${iat - now} s in the future`;
    if (now - iat > f.maxAgeSeconds + f.clockSkewSeconds) return `add-on event is ${now - iat} s old (limit ${f.maxAgeSeconds} s)`;
    return undefined;
  }
  if (exp! - now > f.maxAgeSeconds + f.clockSkewSeconds) return `add-on event without iat expires in ${exp! - now} s (limit ${f.maxAgeSeconds} s)`;
  return undefined;
}

/**
 * A KeyObject for an HMAC secret. jsonwebtoken first tries to parse a string secret as a PEM public key
 * (and fails) on every call, which costs ~1 ms; handing it a KeyObject skips that.
 */
export function secretKey(secret: string | Buffer): KeyObject {
  return createSecretKey(typeof secret === 'string' ? Buffer.from(secret, 'utf8') : secret);
}
