import { describe, expect, it } from 'vitest';
import { verifyAddonEvent } from '../../server/servicem8/addon-event.js';
import { signJwt } from '../helpers/sign.js';

const SECRET = 'app-secret-for-tests-0123456789';
const NOW = new Date('2026-11-25T03:20:00Z');
const t = Math.floor(NOW.getTime() / 1000);
const bare = { eventVersion: '1.0', eventName: 'Webhook_Subscription', auth: { accountUUID: 'acc-1', staffUUID: 'staff-1' }, eventArgs: { object: 'job' } };
const event = { ...bare, iat: t - 5 };
const FRESH = { maxAgeSeconds: 300, clockSkewSeconds: 60 };

describe('verifyAddonEvent (HS256, pinned)', () => {
  it('accepts a valid token and lowercases the event name', () => {
    expect(verifyAddonEvent(signJwt(event, SECRET), SECRET, NOW, FRESH)).toEqual({ eventName: 'webhook_subscription', accountUuid: 'acc-1', staffUuid: 'staff-1', accessToken: undefined, args: { object: 'job' } });
  });
  it.each([
    ['tampered payload', () => { const [h, , s] = signJwt(event, SECRET).split('.'); return `${h}.${Buffer.from(JSON.stringify({ ...event, auth: { accountUUID: 'other' } })).toString('base64url')}.${s}`; }],
    ['tampered signature', () => `${signJwt(event, SECRET).slice(0, -4)}AAAA`],
    ['wrong secret', () => signJwt(event, 'another-secret-entirely-000000')],
    ['alg none', () => signJwt(event, SECRET, { alg: 'none' })],
    ['HS512', () => signJwt(event, SECRET, { alg: 'HS512' })],
    ['expired beyond the skew allowance', () => signJwt({ ...event, exp: t - 61 }, SECRET)],
    ['no iat and no exp (replayable for ever)', () => signJwt(bare, SECRET)],
    ['an old iat (6 minutes)', () => signJwt({ ...bare, iat: t - 361 }, SECRET)],
    ['an old iat with a far exp', () => signJwt({ ...bare, iat: t - 3600, exp: t + 3600 }, SECRET)],
    ['a future iat beyond the skew', () => signJwt({ ...bare, iat: t + 61 }, SECRET)],
    ['no iat and an exp a day away', () => signJwt({ ...bare, exp: t + 86_400 }, SECRET)],
    ['a non-numeric iat', () => signJwt({ ...bare, iat: 'now' }, SECRET)],
    ['garbage', () => 'not-a-jwt'],
  ])('rejects %s with UNAUTHORIZED', (_name, make) => {
    expect(() => verifyAddonEvent(make(), SECRET, NOW, FRESH)).toThrow(expect.objectContaining({ code: 'UNAUTHORIZED' }));
  });
  it.each([
    ['iat just now', { iat: t }],
    ['iat 5 minutes ago (the limit)', { iat: t - 300 }],
    ['iat within the skew ahead of our clock', { iat: t + 30 }],
    ['no iat, exp within the age limit (exp is not required, platform-notes §2.1)', { exp: t + 120 }],
    ['no iat, exp just past but within the skew', { exp: t - 30 }],
  ])('accepts %s', (_name, claims) => {
    expect(verifyAddonEvent(signJwt({ ...bare, ...claims }, SECRET), SECRET, NOW, FRESH).accountUuid).toBe('acc-1');
  });
  it('applies the configured window', () => {
    const strict = { maxAgeSeconds: 60, clockSkewSeconds: 0 };
    expect(() => verifyAddonEvent(signJwt({ ...bare, iat: t - 61 }, SECRET), SECRET, NOW, strict)).toThrow(expect.objectContaining({ code: 'UNAUTHORIZED' }));
    expect(() => verifyAddonEvent(signJwt({ ...bare, iat: t + 1 }, SECRET), SECRET, NOW, strict)).toThrow(expect.objectContaining({ code: 'UNAUTHORIZED' }));
    expect(verifyAddonEvent(signJwt({ ...bare, iat: t - 60 }, SECRET), SECRET, NOW, strict).accountUuid).toBe('acc-1');
  });
  it('says why in the error detail (for the log), never in the message', () => {
    try {
      verifyAddonEvent(signJwt({ ...bare, iat: t - 3600 }, SECRET), SECRET, NOW, FRESH);
      throw new Error('expected a rejection');
    } catch (err) {
      expect(err).toMatchObject({ message: 'Invalid add-on event signature', detail: { reason: expect.stringMatching(/3600 s old/) } });
    }
  });
  it('refuses a signed token without the event fields as BAD_REQUEST', () => {
    expect(() => verifyAddonEvent(signJwt({ hello: 'world', iat: t }, SECRET), SECRET, NOW, FRESH)).toThrow(expect.objectContaining({ code: 'BAD_REQUEST' }));
  });
});
