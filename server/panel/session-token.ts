import { createHmac, createSecretKey, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { z } from 'zod';
import { AppError } from '../errors.js';

/** A short-lived panel token: scoped to account + job (or the review canvas) + staff member. */
export type PanelSession = { accountUuid: string; staffUuid: string; scope: 'job' | 'account'; jobUuid?: string };

const TTL_SECONDS = 15 * 60;
const ClaimsSchema = z.object({
  acc: z.string().min(1), stf: z.string(), scp: z.enum(['job', 'account']), job: z.string().optional(), aud: z.literal('panel'),
});

/**
 * Derives the panel signing key from the server's master key so it is never the ServiceM8 App Secret.
 * A KeyObject, because jsonwebtoken otherwise tries (and fails) to parse a raw secret as PEM on every call.
 */
export function derivePanelKey(master: Buffer): KeyObject {
  return createSecretKey(createHmac('sha256', master).update('panel-token-v1').digest());
}

export function signPanelToken(s: PanelSession, key: KeyObject, now: Date): string {
  return jwt.sign({ acc: s.accountUuid, stf: s.staffUuid, scp: s.scope, job: s.jobUuid, aud: 'panel', iat: Math.floor(now.getTime() / 1000) },
    key, { algorithm: 'HS256', expiresIn: TTL_SECONDS });
}

/** Pinned to HS256 with the injected clock; any failure is one UNAUTHORIZED (reason logged). */
export function verifyPanelToken(token: string, key: KeyObject, now: Date): PanelSession {
  try {
    const c = ClaimsSchema.parse(jwt.verify(token, key, { algorithms: ['HS256'], audience: 'panel', clockTimestamp: Math.floor(now.getTime() / 1000) }));
    return { accountUuid: c.acc, staffUuid: c.stf, scope: c.scp, jobUuid: c.job };
  } catch (err) {
    const expired = err instanceof jwt.TokenExpiredError;
    throw new AppError('UNAUTHORIZED', expired ? 'Your session has expired. Reopen the panel from the job card.' : 'Invalid session token',
      { cause: err, detail: { reason: (err as Error).message } });
  }
}

export const PANEL_TOKEN_TTL_SECONDS = TTL_SECONDS;
