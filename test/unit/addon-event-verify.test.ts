import { describe, expect, it } from 'vitest';
import { verifyAddonEvent } from '../../server/servicem8/addon-event.js';
import { signJwt } from '../helpers/sign.js';

const SECRET = 'app-secret-for-tests-0123456789';
const NOW = new Date('2026-11-25T03:20:00Z');
const t = Math.floor(NOW.getTime() / 1000);
const event = { eventVersion: '1.0', eventName: 'Webhook_Subscription', auth: { accountUUID: 'acc-1', staffUUID: 'staff-1' }, eventArgs: { object: 'job' } };

describe('verifyAddonEvent (HS256, pinned)', () => {
  it('accepts a valid token and lowercases the event name', () => {
    expect(verifyAddonEvent(signJwt({ ...event, iat: t }, SECRET), SECRET, NOW)).toEqual({ eventName: 'webhook_subscription', accountUuid: 'acc-1', staffUuid: 'staff-1', accessToken: undefined, args: { object: 'job' } });
  });
  it.each([
    ['tampered payload', () => { const [h, , s] = signJwt(event, SECRET).split('.'); return `${h}.${Buffer.from(JSON.stringify({ ...event, auth: { accountUUID: 'other' } })).toString('base64url')}.${s}`; }],
    ['wrong secret', () => signJwt(event, 'another-secret-entirely-000000')],
    ['alg none', () => signJwt(event, SECRET, { alg: 'none' })],
    ['HS512', () => signJwt(event, SECRET, { alg: 'HS512' })],
    ['expired', () => signJwt({ ...event, exp: t - 1 }, SECRET)],
    ['garbage', () => 'not-a-jwt'],
  ])('rejects %s with UNAUTHORIZED', (_name, make) => {
    expect(() => verifyAddonEvent(make(), SECRET, NOW)).toThrow(expect.objectContaining({ code: 'UNAUTHORIZED' }));
  });
  it('accepts a token without exp (ServiceM8 does not document one) and one not yet expired', () => {
    expect(verifyAddonEvent(signJwt({ ...event, exp: t + 60 }, SECRET), SECRET, NOW).accountUuid).toBe('acc-1');
  });
  it('refuses a signed token without the event fields as BAD_REQUEST', () => {
    expect(() => verifyAddonEvent(signJwt({ hello: 'world' }, SECRET), SECRET, NOW)).toThrow(expect.objectContaining({ code: 'BAD_REQUEST' }));
  });
});
