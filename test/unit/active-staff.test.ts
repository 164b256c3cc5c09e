import { describe, expect, it } from 'vitest';
import { createActiveStaffCheck } from '../../server/servicem8/active-staff.js';
import type { ServiceM8Client } from '../../server/servicem8/client.js';
import { createFixedClock } from '../helpers/fixed-clock.js';

const staff = (uuid: string, active = true) => ({ uuid, first: 'A', last: 'B', email: 'a@b.example', jobTitle: 'Accounts', active });

function fakeClient(lists: () => ReturnType<typeof staff>[] | Error) {
  const calls = { n: 0 };
  const client = { listStaff: async () => { calls.n += 1; const l = lists(); if (l instanceof Error) throw l; return l; } } as unknown as ServiceM8Client;
  return { client, calls };
}

describe('createActiveStaffCheck', () => {
  it('answers from one cached list until the TTL, refetching once for an unknown uuid after 30 s', async () => {
    const clock = createFixedClock();
    let list = [staff('s-1'), staff('s-old', false)];
    const { client, calls } = fakeClient(() => list);
    const check = createActiveStaffCheck({ servicem8For: async () => client, now: clock.now });
    expect(await Promise.all([check('acc', 's-1'), check('acc', 's-1'), check('acc', 's-old')])).toEqual(['active', 'active', 'not_active']);
    expect(calls.n).toBe(1);
    list = [...list, staff('s-new')];
    expect(await check('acc', 's-new')).toBe('not_active'); // the list is 0 s old: not refetched
    clock.advance(31_000);
    expect(await check('acc', 's-new')).toBe('active');
    expect(calls.n).toBe(2);
    list = [staff('s-new')];
    expect(await check('acc', 's-1')).toBe('active'); // cached, within the TTL
    clock.advance(5 * 60_000);
    expect(await check('acc', 's-1')).toBe('not_active'); // deactivated in ServiceM8: seen after the TTL
  });

  it('is unverified when the account has no client or ServiceM8 fails, and retries the next time', async () => {
    const clock = createFixedClock();
    let fail = true;
    const { client, calls } = fakeClient(() => (fail ? new Error('503') : [staff('s-1')]));
    const check = createActiveStaffCheck({ servicem8For: async (a) => (a === 'acc' ? client : undefined), now: clock.now });
    expect(await check('other', 's-1')).toBe('unverified');
    expect(await check('acc', 's-1')).toBe('unverified');
    fail = false;
    expect(await check('acc', 's-1')).toBe('active');
    expect(calls.n).toBe(2);
  });
});
