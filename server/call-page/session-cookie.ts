import type { CookieOptions } from 'express';
import { CALL_SESSION_TTL_SECONDS } from './call-tokens.js';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Browsers drop `Secure` cookies over plain http, so a local run (http://localhost) goes without it. */
export function isLocalUrl(publicUrl: string): boolean {
  return LOCAL_HOSTS.has(new URL(publicUrl).hostname);
}

/** `__Secure-` makes the browser refuse the cookie unless it came over https with Secure (RFC 6265bis §4.1.3.1). */
export function sessionCookieName(publicUrl: string): string {
  return isLocalUrl(publicUrl) ? 'sm8_call_session' : '__Secure-sm8_call_session';
}

/**
 * HttpOnly (no script reads it), SameSite=Lax (not sent on cross-site POSTs, still sent when the link is
 * opened from ServiceM8 in a new tab), scoped to /calls, and as short-lived as the session inside it.
 */
export function sessionCookieOptions(publicUrl: string): CookieOptions {
  return { httpOnly: true, secure: !isLocalUrl(publicUrl), sameSite: 'lax', path: '/calls', maxAge: CALL_SESSION_TTL_SECONDS * 1000 };
}

/** One cookie from a Cookie header; malformed pairs are skipped, never thrown on. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}
