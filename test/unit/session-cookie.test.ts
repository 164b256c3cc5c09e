import { describe, expect, it } from 'vitest';
import { readCookie, sessionCookieName, sessionCookieOptions } from '../../server/call-page/session-cookie.js';

describe('call page session cookie (issue 15, item 4)', () => {
  it('is HttpOnly, Secure, SameSite=Lax, scoped to /calls and short-lived outside localhost', () => {
    expect(sessionCookieOptions('https://addon.example.com')).toEqual({ httpOnly: true, secure: true, sameSite: 'lax', path: '/calls', maxAge: 30 * 60 * 1000 });
    expect(sessionCookieName('https://addon.example.com')).toBe('__Secure-sm8_call_session');
  });

  it('drops Secure (and the __Secure- prefix browsers would then refuse) only on localhost', () => {
    for (const url of ['http://localhost:3000', 'http://127.0.0.1:8080', 'http://[::1]:3000']) {
      expect(sessionCookieOptions(url)).toMatchObject({ httpOnly: true, secure: false, sameSite: 'lax' });
      expect(sessionCookieName(url)).toBe('sm8_call_session');
    }
    expect(sessionCookieOptions('http://localhost.evil.example').secure).toBe(true);
  });

  it('reads one cookie from a header and ignores malformed pairs', () => {
    expect(readCookie('a=1; sm8_call_session=tok.en.sig; b', 'sm8_call_session')).toBe('tok.en.sig');
    expect(readCookie('=x; junk; other=1', 'sm8_call_session')).toBeUndefined();
    expect(readCookie(undefined, 'sm8_call_session')).toBeUndefined();
  });
});
