import { describe, expect, it } from 'vitest';
import { readMoneyTerms, type MoneyTerms } from '../../server/policy/terms/read-terms.js';
import { regionContexts } from './terms-contexts.js';

/** Wed 25 Nov 2026, 14:07 in Sydney. */
const NOW = new Date('2026-11-25T03:07:02Z');
const { AU, NZ, UK, US } = regionContexts(NOW);
type Ctx = typeof AU;

const m = (amount: string, currency: string) => ({ amount, currency });
const plan = (count: number | undefined, each: [string, string] | undefined, frequency?: string, firstDate?: string, total?: [string, string]) => ({
  kind: 'payment_plan',
  ...(count ? { count } : {}), ...(each ? { instalment: m(...each) } : {}), ...(frequency ? { frequency } : {}),
  ...(total ?? (each && count) ? { total: total ? m(...total) : m((Number(each![0]) * count!).toFixed(2), each![1]) } : {}),
  ...(firstDate ? { firstDate } : {}),
});

// [region, what the caller or DialNexa wrote, what the add-on must read]
const PHRASINGS: [string, Ctx, string, MoneyTerms][] = ([
  // Payment plans
  ['AU', AU, 'Payment plan: 3 x $140.00 fortnightly', plan(3, ['140.00', 'AUD'], 'fortnightly') as MoneyTerms],
  ['AU', AU, '3 × $140 fortnightly from 4 December', plan(3, ['140.00', 'AUD'], 'fortnightly', '2026-12-04') as MoneyTerms],
  ['AU', AU, 'three fortnightly instalments of $140.00 starting Friday', plan(3, ['140.00', 'AUD'], 'fortnightly', '2026-11-27') as MoneyTerms],
  ['AU', AU, 'pay the $420 off in 3 fortnightly payments', plan(3, ['140.00', 'AUD'], 'fortnightly', undefined, ['420.00', 'AUD']) as MoneyTerms],
  ['AU', AU, 'Wants to split the $1,850.00 into 5 monthly instalments from 1/12/2026', plan(5, ['370.00', 'AUD'], 'monthly', '2026-12-01', ['1850.00', 'AUD']) as MoneyTerms],
  ['AU', AU, '$50 a week for 6 weeks', plan(6, ['50.00', 'AUD'], 'weekly') as MoneyTerms],
  ['AU', AU, 'instalments of AUD 250 per month, four of them', plan(undefined, ['250.00', 'AUD'], 'monthly') as MoneyTerms],
  ['AU', AU, 'can we do 4 payments of $105 each fortnight', plan(4, ['105.00', 'AUD'], 'fortnightly') as MoneyTerms],
  ['AU', AU, 'Payment plan 2 x A$210 monthly commencing 15 Jan', plan(2, ['210.00', 'AUD'], 'monthly', '2027-01-15') as MoneyTerms],
  ['AU', AU, 'pay it off over 3 months, $300 per month', plan(3, ['300.00', 'AUD'], 'monthly') as MoneyTerms],
  ['AU', AU, '$1000 in 3 instalments', plan(3, undefined, undefined, undefined, ['1000.00', 'AUD']) as MoneyTerms],
  ['NZ', NZ, 'NZ$200 weekly x 5', plan(5, ['200.00', 'NZD'], 'weekly') as MoneyTerms],
  ['NZ', NZ, 'Payment plan of $80 per week over 10 weeks starting 2/12', plan(10, ['80.00', 'NZD'], 'weekly', '2026-12-02') as MoneyTerms],
  ['NZ', NZ, 'two monthly instalments of $612.50 from the 20th of December', plan(2, ['612.50', 'NZD'], 'monthly', '2026-12-20') as MoneyTerms],
  ['NZ', NZ, '6 x NZD 99.99 fortnightly', plan(6, ['99.99', 'NZD'], 'fortnightly', undefined, ['599.94', 'NZD']) as MoneyTerms],
  ['UK', UK, '3 monthly instalments of £120', plan(3, ['120.00', 'GBP'], 'monthly') as MoneyTerms],
  ['UK', UK, 'pay £40 a fortnight for 4 fortnights from 5/1/27', plan(4, ['40.00', 'GBP'], 'fortnightly', '2027-01-05') as MoneyTerms],
  ['UK', UK, 'wants to pay the £900 off in three goes', plan(3, ['300.00', 'GBP'], undefined, undefined, ['900.00', 'GBP']) as MoneyTerms],
  ['UK', UK, 'instalment plan: 12 x £15.75 monthly beginning 1st January 2027', plan(12, ['15.75', 'GBP'], 'monthly', '2027-01-01', ['189.00', 'GBP']) as MoneyTerms],
  ['US', US, '4 biweekly installments of $125 starting 12/4/2026', plan(4, ['125.00', 'USD'], 'fortnightly', '2026-12-04') as MoneyTerms],
  ['US', US, 'payment plan: $75 every two weeks, 6 payments', plan(6, ['75.00', 'USD'], 'fortnightly') as MoneyTerms],
  ['US', US, 'three installments of US$333.33 monthly from January 5, 2027', plan(3, ['333.33', 'USD'], 'monthly', '2027-01-05', ['999.99', 'USD']) as MoneyTerms],
  ['US', US, 'split $2,400 into 4 monthly payments starting 1/15', plan(4, ['600.00', 'USD'], 'monthly', '2027-01-15', ['2400.00', 'USD']) as MoneyTerms],
  ['US', US, '$60 per week over 8 weeks', plan(8, ['60.00', 'USD'], 'weekly') as MoneyTerms],
  // Promises to pay
  ['AU', AU, 'will pay the $420 on Friday', { kind: 'promise_to_pay', amount: m('420.00', 'AUD'), date: '2026-11-27' }],
  ['AU', AU, 'Promised to pay $349.00 by 4/12/2026', { kind: 'promise_to_pay', amount: m('349.00', 'AUD'), date: '2026-12-04' }],
  ['AU', AU, 'can pay the balance next Monday', { kind: 'promise_to_pay', date: '2026-11-30' }],
  ['AU', AU, 'going to pay 480 dollars tomorrow', { kind: 'promise_to_pay', amount: m('480.00', 'AUD'), date: '2026-11-26' }],
  ['NZ', NZ, 'will settle the NZ$1,200.00 by 15 December', { kind: 'promise_to_pay', amount: m('1200.00', 'NZD'), date: '2026-12-15' }],
  ['UK', UK, 'promises to pay £250 on 3/12', { kind: 'promise_to_pay', amount: m('250.00', 'GBP'), date: '2026-12-03' }],
  ['UK', UK, 'will clear the £75.50 before 1st Dec', { kind: 'promise_to_pay', amount: m('75.50', 'GBP'), date: '2026-12-01' }],
  ['US', US, 'will pay $300 on 12/3', { kind: 'promise_to_pay', amount: m('300.00', 'USD'), date: '2026-12-03' }],
  ['US', US, 'promised payment by December 10th of USD 99', { kind: 'promise_to_pay', amount: m('99.00', 'USD'), date: '2026-12-10' }],
  // Credits
  ['AU', AU, 'Credit of $50 against the next invoice', { kind: 'credit', amount: m('50.00', 'AUD') }],
  ['AU', AU, 'wants a credit note for the $89.50 call-out fee', { kind: 'credit', amount: m('89.50', 'AUD') }],
  ['NZ', NZ, 'account credit NZ$120', { kind: 'credit', amount: m('120.00', 'NZD') }],
  ['UK', UK, 'please credit £30 to my account', { kind: 'credit', amount: m('30.00', 'GBP') }],
  ['US', US, 'a $25.00 credit toward the next service', { kind: 'credit', amount: m('25.00', 'USD') }],
  // Refunds
  ['AU', AU, 'Refund the $1,850.00', { kind: 'refund', amount: m('1850.00', 'AUD') }],
  ['AU', AU, 'wants 89.50 dollars back — refund to the card', { kind: 'refund', amount: m('89.50', 'AUD') }],
  ['NZ', NZ, 'money back for the NZD 64 call-out', { kind: 'refund', amount: m('64.00', 'NZD') }],
  ['UK', UK, 'refund £19.99 for the missed visit', { kind: 'refund', amount: m('19.99', 'GBP') }],
  ['US', US, 'reimburse me the US$45', { kind: 'refund', amount: m('45.00', 'USD') }],
  ['US', US, 'paid with a credit card and wants a refund of $349', { kind: 'refund', amount: m('349.00', 'USD') }],
  // Not a clear request: a person reads it
  ['AU', AU, 'sort out the bill', { kind: 'unclear', text: 'sort out the bill' }],
  ['UK', UK, 'something is wrong with my account, fix it', { kind: 'unclear', text: 'something is wrong with my account, fix it' }],
  ['US', US, 'paid by credit card last week', { kind: 'unclear', text: 'paid by credit card last week' }],
] as [string, Ctx, string, MoneyTerms][]);
const CASES = PHRASINGS.map(([region, ctx, text, want]) => ({ region, ctx, text, want }));

describe(`money terms in AU, NZ, UK and US phrasing (${PHRASINGS.length} phrasings)`, () => {
  it.each(CASES)('$region: "$text"', ({ ctx, text, want }) => {
    expect(readMoneyTerms(text, ctx)).toEqual(want);
  });

  it('has at least 40 phrasings of plans, promises, credits and refunds', () => {
    expect(PHRASINGS.filter(([, , , t]) => t.kind !== 'unclear').length).toBeGreaterThanOrEqual(40);
  });

  it('never computes money with floats: 3 × 0.10 is exactly 0.30, 10 × 99.99 exactly 999.90', () => {
    expect(readMoneyTerms('3 x $0.10 weekly', AU)).toMatchObject({ total: m('0.30', 'AUD') });
    expect(readMoneyTerms('10 x $99.99 weekly', AU)).toMatchObject({ total: m('999.90', 'AUD') });
  });

  it('leaves the instalment unknown when a total does not split into whole cents', () => {
    expect(readMoneyTerms('$100 in 3 instalments', AU)).toEqual({ kind: 'payment_plan', count: 3, total: m('100.00', 'AUD') });
  });

  it('empty text is no request at all', () => {
    expect(readMoneyTerms('  ', AU)).toBeUndefined();
    expect(readMoneyTerms(undefined, AU)).toBeUndefined();
  });
});
