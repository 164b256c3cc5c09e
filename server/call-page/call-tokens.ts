import { createHmac, randomBytes, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { z } from 'zod';
import { AppError } from '../errors.js';

/**
 * Credentials for the call page (issue 15, item 4), signed HS256 with the panel key (derived from the master
 * key, never the ServiceM8 App Secret). Each kind has its own audience, so a panel token is not a sign-in
 * link, a sign-in link is not a session, and neither is the other.
 */
export type CallViewer = { accountUuid: string; staffUuid: string };
export type CallSession = CallViewer & { sessionId: string };

/** A sign-in link is followed at once from the panel; minutes are plenty and keep a leaked one short-lived. */
export const SIGN_IN_LINK_TTL_SECONDS = 5 * 60;
/** A session long enough to read a call and ask for its recording, short enough that a shared screen ends. */
export const CALL_SESSION_TTL_SECONDS = 30 * 60;

const LinkClaimsSchema = z.object({ acc: z.string().min(1), stf: z.string().min(1), cal: z.string().min(1), aud: z.literal('call-link') });
const SessionClaimsSchema = z.object({ acc: z.string().min(1), stf: z.string().min(1), sid: z.string().min(16), aud: z.literal('call-session') });

const seconds = (now: Date) => Math.floor(now.getTime() / 1000);

function verify(token: string, key: KeyObject, audience: string, now: Date): unknown {
  try {
    return jwt.verify(token, key, { algorithms: ['HS256'], audience, clockTimestamp: seconds(now) });
  } catch (err) {
    // One UNAUTHORIZED for every failure (bad signature, alg, audience, expiry); the reason goes to the log.
    throw new AppError('UNAUTHORIZED', 'This link has expired or is not valid. Open the call again from the job card.', { cause: err, detail: { reason: (err as Error).message } });
  }
}

/** The short-lived link the job panel hands out: bound to account, staff member and one call's link token. */
export function signSignInLink(v: CallViewer, linkToken: string, key: KeyObject, now: Date): string {
  return jwt.sign({ acc: v.accountUuid, stf: v.staffUuid, cal: linkToken, aud: 'call-link', iat: seconds(now) }, key, { algorithm: 'HS256', expiresIn: SIGN_IN_LINK_TTL_SECONDS });
}

/** Verifies a sign-in link for the call it claims to open; a link for another call is as bad as a forged one. */
export function verifySignInLink(token: string, linkToken: string, key: KeyObject, now: Date): CallViewer {
  const parsed = LinkClaimsSchema.safeParse(verify(token, key, 'call-link', now));
  if (!parsed.success || parsed.data.cal !== linkToken) throw new AppError('UNAUTHORIZED', 'This link is not valid for this call.', { detail: { reason: parsed.success ? 'sign-in link names another call' : 'sign-in link claims malformed' } });
  return { accountUuid: parsed.data.acc, staffUuid: parsed.data.stf };
}

export function signCallSession(v: CallViewer, key: KeyObject, now: Date): { token: string; session: CallSession } {
  const session = { ...v, sessionId: randomBytes(16).toString('base64url') };
  const token = jwt.sign({ acc: v.accountUuid, stf: v.staffUuid, sid: session.sessionId, aud: 'call-session', iat: seconds(now) }, key, { algorithm: 'HS256', expiresIn: CALL_SESSION_TTL_SECONDS });
  return { token, session };
}

export function verifyCallSession(token: string, key: KeyObject, now: Date): CallSession {
  const parsed = SessionClaimsSchema.safeParse(verify(token, key, 'call-session', now));
  if (!parsed.success) throw new AppError('UNAUTHORIZED', 'Session is not valid', { detail: { reason: 'session claims malformed' } });
  return { accountUuid: parsed.data.acc, staffUuid: parsed.data.stf, sessionId: parsed.data.sid };
}

/**
 * The CSRF token for a session's forms: an HMAC of its random session id, so it is tied to the cookie
 * (a token from another session fails) and needs no storage (OWASP CSRF cheat sheet, "signed double submit").
 */
export function csrfTokenFor(s: CallSession, key: KeyObject): string {
  return createHmac('sha256', key).update(`call-page-csrf:${s.sessionId}`).digest('base64url');
}
