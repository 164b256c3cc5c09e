import { describe, expect, it } from 'vitest';
import type { Sm8Staff } from '../../server/domain/servicem8-records.js';
import { addBusinessDays, followUpDeadline, localDate, shortDate } from '../../server/policy/follow-up-deadline.js';
import { resolveFinanceOwner } from '../../server/policy/index.js';
import { NOW, SAM, TECH, settings } from './fixtures.js';

const staff = (uuid: string, first: string, jobTitle: string, active = true): Sm8Staff =>
  ({ uuid, first, last: 'X', email: `${uuid}@x.example`, jobTitle, active });

describe('resolveFinanceOwner', () => {
  it('the account setting wins', () => {
    expect(resolveFinanceOwner(settings({ financeOwnerStaffUuid: 's-tec' }), [SAM, TECH])).toBe(TECH);
  });

  it('a setting naming an inactive or unknown staff member falls back to the job-title rule', () => {
    const gone = staff('s-gone', 'Gone', 'Finance', false);
    expect(resolveFinanceOwner(settings({ financeOwnerStaffUuid: 's-gone' }), [gone, TECH, SAM])).toBe(SAM);
    expect(resolveFinanceOwner(settings({ financeOwnerStaffUuid: 's-nobody' }), [TECH, SAM])).toBe(SAM);
  });

  it.each([['Finance Officer'], ['accounts payable'], ['Billing'], ['Bookkeeper'], ['Head of Accounting']])('title "%s" counts', (title) => {
    expect(resolveFinanceOwner(settings({ financeOwnerStaffUuid: undefined }), [TECH, staff('s-1', 'Kim', title)])?.uuid).toBe('s-1');
  });

  it('the first active match by name; inactive and non-finance staff never', () => {
    const list = [staff('s-z', 'Zoe', 'Bookkeeper'), staff('s-a', 'Ari', 'Billing clerk'), staff('s-i', 'Aaron', 'Finance', false), TECH];
    expect(resolveFinanceOwner(settings({ financeOwnerStaffUuid: undefined }), list)?.uuid).toBe('s-a');
    expect(resolveFinanceOwner(settings({ financeOwnerStaffUuid: undefined }), [TECH, staff('s-r', 'Ray', 'Refinancing advisor')])).toBeUndefined();
  });
});

describe('follow-up deadline', () => {
  const sydney = settings();

  it('default: now + 2 business days in the account timezone', () => {
    expect(followUpDeadline(undefined, sydney, NOW)).toMatchObject({ date: '2026-11-27', source: 'default' });
  });

  it('crosses a UTC date boundary: 13:30Z Wednesday is Thursday in Sydney', () => {
    const now = new Date('2026-11-25T13:30:00Z');
    expect(localDate(now, 'UTC')).toBe('2026-11-25');
    expect(localDate(now, 'Australia/Sydney')).toBe('2026-11-26');
    expect(followUpDeadline(undefined, sydney, now).date).toBe('2026-11-30');
    expect(followUpDeadline(undefined, settings({ timezone: 'UTC' }), now).date).toBe('2026-11-27');
  });

  it('skips weekends; a call on Saturday in Sydney is followed up on Tuesday', () => {
    expect(addBusinessDays('2026-11-28', 2)).toBe('2026-12-01');
    expect(addBusinessDays('2026-11-27', 1)).toBe('2026-11-30');
    expect(addBusinessDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addBusinessDays('2026-11-25', 0)).toBe('2026-11-25');
  });

  it.each([
    ['2026-12-03', '2026-12-03', 'call', []],
    ['2026-11-25', '2026-11-25', 'call', []],
    ['2026-12-02T22:00:00Z', '2026-12-03', 'call', []],
    ['2026-02-30', '2026-11-27', 'default', ['follow-up deadline "2026-02-30" is not a date; used the default']],
    ['next Tuesday', '2026-11-27', 'default', ['follow-up deadline "next Tuesday" is not a date; used the default']],
    ['2026-11-01', '2026-11-27', 'default', ['follow-up deadline 2026-11-01 is in the past; used the default']],
  ])('asked %j → %s (%s)', (asked, date, source, notes) => {
    expect(followUpDeadline(asked, sydney, NOW)).toEqual({ date, source, defaultDate: '2026-11-27', notes });
  });

  it('an unknown timezone falls back to UTC and says so, without throwing', () => {
    expect(followUpDeadline(undefined, settings({ timezone: 'Mars/Olympus' }), NOW)).toMatchObject({
      date: '2026-11-27', notes: ['timezone "Mars/Olympus" is not known; deadline computed in UTC'],
    });
  });

  it('short date for headlines', () => {
    expect(shortDate('2026-11-27')).toBe('27 Nov');
    expect(shortDate('2027-01-05')).toBe('5 Jan');
  });
});
