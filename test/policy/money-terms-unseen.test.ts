import { describe, expect, it } from 'vitest';
import { readMoneyTerms, type MoneyTerms } from '../../server/policy/terms/read-terms.js';
import { regionContexts } from './terms-contexts.js';

/**
 * Phrasings written without sight of the reader, after probing found gaps: spreads, halves, "till the
 * 20th", money "back", reversals, bare instalments, corrections — and look-alikes that are no request at
 * all (a card, a past refund, a negation). Thu 3 Dec 2026: 17:00 in Sydney, 19:00 in Auckland, 06:00 in
 * London, 01:00 in New York — the 3rd everywhere.
 */
const NOW = new Date('2026-12-03T06:00:00Z');
const { AU, NZ, UK, US } = regionContexts(NOW);
type Ctx = typeof AU;

const m = (amount: string, currency: string) => ({ amount, currency });
type PlanWant = { count?: number; each?: string; frequency?: string; firstDate?: string; total?: string };
const plan = (cur: string, w: PlanWant): MoneyTerms => ({
  kind: 'payment_plan',
  ...(w.count ? { count: w.count } : {}),
  ...(w.each ? { instalment: m(w.each, cur) } : {}),
  ...(w.frequency ? { frequency: w.frequency as 'weekly' } : {}),
  ...(w.total ? { total: m(w.total, cur) } : {}),
  ...(w.firstDate ? { firstDate: w.firstDate } : {}),
});
const promise = (cur: string, amount?: string, date?: string): MoneyTerms => ({
  kind: 'promise_to_pay', ...(amount ? { amount: m(amount, cur) } : {}), ...(date ? { date } : {}),
});
const refund = (cur: string, amount?: string): MoneyTerms => ({ kind: 'refund', ...(amount ? { amount: m(amount, cur) } : {}) });
const credit = (cur: string, amount?: string): MoneyTerms => ({ kind: 'credit', ...(amount ? { amount: m(amount, cur) } : {}) });
const UNCLEAR = 'unclear' as const;

// [region, what the caller or DialNexa wrote, what the add-on must read ('unclear' keeps the text)]
const PHRASINGS: [string, Ctx, string, MoneyTerms | typeof UNCLEAR][] = [
  // Payment plans
  ['AU', AU, 'wants to spread the $900 over 6 months', plan('AUD', { count: 6, each: '150.00', frequency: 'monthly', total: '900.00' })],
  ['AU', AU, 'Customer asked to pay half now and half next month', plan('AUD', { count: 2 })],
  ['AU', AU, 'happy to do 4 payments of 105 each fortnight starting next Friday', plan('AUD', { count: 4, each: '105.00', frequency: 'fortnightly', firstDate: '2026-12-04', total: '420.00' })],
  ['AU', AU, 'can we do 3 x 150 monthly', plan('AUD', { count: 3, each: '150.00', frequency: 'monthly', total: '450.00' })],
  ['AU', AU, 'pay the $600 in 4 payments, weekly — actually make it fortnightly', plan('AUD', { count: 4, each: '150.00', frequency: 'fortnightly', total: '600.00' })],
  ['AU', AU, 'Customer wants to pay the $700 off in fortnightly amounts of $175', plan('AUD', { count: 4, each: '175.00', frequency: 'fortnightly', total: '700.00' })],
  ['AU', AU, 'over the next three months, $250 a month', plan('AUD', { count: 3, each: '250.00', frequency: 'monthly', total: '750.00' })],
  ['AU', AU, 'wants to split it 3 ways, $90 each', plan('AUD', { count: 3, each: '90.00', total: '270.00' })],
  ['NZ', NZ, 'Can she pay it fortnightly, $75 a fortnight until the $600 is cleared', plan('NZD', { count: 8, each: '75.00', frequency: 'fortnightly', total: '600.00' })],
  ['NZ', NZ, 'six fortnightly payments of NZ$55', plan('NZD', { count: 6, each: '55.00', frequency: 'fortnightly', total: '330.00' })],
  ['NZ', NZ, 'wants to pay the $1,200 off at $100 a week starting Monday', plan('NZD', { count: 12, each: '100.00', frequency: 'weekly', firstDate: '2026-12-07', total: '1200.00' })],
  ['NZ', NZ, 'half now, half on the 20th', plan('NZD', { count: 2 })],
  ['NZ', NZ, 'pay half of the $640 now and the other half on payday', plan('NZD', { count: 2, each: '320.00', total: '640.00' })],
  ['UK', UK, 'Could he pay 20 quid a week until it is cleared', plan('GBP', { each: '20.00', frequency: 'weekly' })],
  ['UK', UK, 'three instalments of £75, first one on 8/1', plan('GBP', { count: 3, each: '75.00', firstDate: '2027-01-08', total: '225.00' })],
  ['UK', UK, 'split the £450 into three monthly payments, no, make it four payments', plan('GBP', { count: 4, each: '112.50', frequency: 'monthly', total: '450.00' })],
  ['UK', UK, '£60 pcm for 5 months', plan('GBP', { count: 5, each: '60.00', frequency: 'monthly', total: '300.00' })],
  ['UK', UK, 'pay the £240 in 4 instalments every other week', plan('GBP', { count: 4, each: '60.00', frequency: 'fortnightly', total: '240.00' })],
  ['UK', UK, 'pay £200 today and £200 on Friday', plan('GBP', { count: 2, each: '200.00', total: '400.00' })],
  ['US', US, '$50/mo for 6 months', plan('USD', { count: 6, each: '50.00', frequency: 'monthly', total: '300.00' })],
  ['US', US, 'wants to make biweekly installments of $80 starting 12/18', plan('USD', { each: '80.00', frequency: 'fortnightly', firstDate: '2026-12-18' })],
  ['US', US, 'Can I break the $1,500 into 3 payments', plan('USD', { count: 3, each: '500.00', total: '1500.00' })],
  ['US', US, 'four installments of 62.50 each, every two weeks, starting Jan 8', plan('USD', { count: 4, each: '62.50', frequency: 'fortnightly', firstDate: '2027-01-08', total: '250.00' })],
  ['AU', AU, 'happy to pay $20 pw', plan('AUD', { each: '20.00', frequency: 'weekly' })],
  ['US', US, 'do 3 payments of $100, sorry, $120 each', plan('USD', { count: 3, each: '120.00', total: '360.00' })],
  ['US', US, 'wants to spread the $1,000 over 4 months, no wait, 5 months', plan('USD', { count: 5, each: '200.00', frequency: 'monthly', total: '1000.00' })],
  // Promises to pay
  ['AU', AU, 'asked whether she could have till the 20th to pay the $380', promise('AUD', '380.00', '2026-12-20')],
  ['AU', AU, 'She will transfer the balance on payday, the 15th', promise('AUD', undefined, '2026-12-15')],
  ['AU', AU, "I'll pay the $380 on the 15th", promise('AUD', '380.00', '2026-12-15')],
  ['AU', AU, 'will have it paid by the end of the month', promise('AUD', undefined, '2026-12-31')],
  ['AU', AU, 'should be able to pay the $220 in two weeks', promise('AUD', '220.00', '2026-12-17')],
  ['AU', AU, 'will pay on Friday, actually make it Monday', promise('AUD', undefined, '2026-12-07')],
  ['NZ', NZ, 'can pay the NZ$95 on Tuesday', promise('NZD', '95.00', '2026-12-08')],
  ['NZ', NZ, 'will transfer $410 on 18/12', promise('NZD', '410.00', '2026-12-18')],
  ['UK', UK, "She'll settle the £310 on the 1st", promise('GBP', '310.00', '2027-01-01')],
  ['UK', UK, 'will pay the remaining £85 by 15/12', promise('GBP', '85.00', '2026-12-15')],
  ['UK', UK, 'can he have until Friday to pay the £60', promise('GBP', '60.00', '2026-12-04')],
  ['US', US, "I'll pay the $500 on Dec. 18", promise('USD', '500.00', '2026-12-18')],
  ['US', US, 'will send a check for $275 by 12/15', promise('USD', '275.00', '2026-12-15')],
  ['US', US, 'can make the payment of $90 in 10 days', promise('USD', '90.00', '2026-12-13')],
  ['US', US, 'will pay half of the $600 on Friday', promise('USD', '300.00', '2026-12-04')],
  ['UK', UK, "doesn't want a payment plan, will pay the £300 on Friday", promise('GBP', '300.00', '2026-12-04')],
  ['AU', AU, 'will pay the $420 by direct debit on the 15th', promise('AUD', '420.00', '2026-12-15')],
  ['US', US, 'will pay the balance when she gets paid on the 30th', promise('USD', undefined, '2026-12-30')],
  // Credits
  ['AU', AU, 'would like the $45 credited to her account', credit('AUD', '45.00')],
  ['UK', UK, 'Could you put a £20 credit on my account for the trouble', credit('GBP', '20.00')],
  ['US', US, 'wants a $30 credit instead of a refund', credit('USD', '30.00')],
  ['NZ', NZ, "doesn't want a refund, a credit on the account is fine", credit('NZD')],
  // Refunds
  ['AU', AU, 'can I get the $80 back onto my card', refund('AUD', '80.00')],
  ['AU', AU, 'Please reverse the second charge of $129.00', refund('AUD', '129.00')],
  ['AU', AU, 'wants the deposit back', refund('AUD')],
  ['UK', UK, 'I want my £60 back', refund('GBP', '60.00')],
  ['UK', UK, 'wants a refund of the £25 call-out, not a credit', refund('GBP', '25.00')],
  ['NZ', NZ, 'refund the NZ$35 please, not a credit', refund('NZD', '35.00')],
  ['US', US, 'reverse the duplicate $49.99 payment', refund('USD', '49.99')],
  ['US', US, 'refund me the $19.99 - no wait, $29.99', refund('USD', '29.99')],
  ['US', US, 'asked for a refund of half the $200', refund('USD', '100.00')],
  ['AU', AU, 'refund $50 of the $129 call-out', refund('AUD', '50.00')],
  ['UK', UK, 'charged £129 instead of £99, wants a refund', refund('GBP')],
  ['NZ', NZ, 'wants her money back, not a credit', refund('NZD')],
  // A plan with parts that differ, or a part now and "the rest": the reading has no way to say both
  ['AU', AU, 'offered to pay $100 now and the remaining $320 in two weeks', UNCLEAR],
  ['AU', AU, 'wants to pay a deposit of $200 and the rest in instalments', UNCLEAR],
  ['US', US, 'pay $150 now and $200 next week', UNCLEAR],
  ['UK', UK, 'will pay £50 today and the rest on Friday', UNCLEAR],
  // Look-alikes: a payment method, a past event, a status question, a negation — never a request
  ['AU', AU, 'wants to pay by direct debit monthly from now on', UNCLEAR],
  ['AU', AU, 'paid by card yesterday', UNCLEAR],
  ['AU', AU, 'the refund was already processed', UNCLEAR],
  ['AU', AU, "don't want a refund, just an explanation", UNCLEAR],
  ['AU', AU, 'where is my refund?', UNCLEAR],
  ['AU', AU, "there's a $40 credit on my account already, can it go toward this invoice?", UNCLEAR],
  ['AU', AU, 'wants to update the card on file', UNCLEAR],
  ['AU', AU, 'Customer asked about paying by instalments', UNCLEAR],
  ['AU', AU, 'she paid $200 on Friday', UNCLEAR],
  ['NZ', NZ, 'my account is in credit', UNCLEAR],
  ['NZ', NZ, 'was refunded the wrong amount last week', UNCLEAR],
  ['UK', UK, 'can you sort out the bill', UNCLEAR],
  ['UK', UK, 'wants to pay by card over the phone', UNCLEAR],
  ['UK', UK, 'not after a refund, just wants the invoice corrected', UNCLEAR],
  ['UK', UK, 'wants to set up a standing order', UNCLEAR],
  ['UK', UK, "can't pay until next month", UNCLEAR],
  ['US', US, 'I was credited twice?', UNCLEAR],
  ['US', US, 'my credit card was charged twice', UNCLEAR],
  ['US', US, 'She will pay by credit card', UNCLEAR],
  ['US', US, 'never received the refund from last month', UNCLEAR],
  ['US', US, 'asked about the refund policy', UNCLEAR],
  ['US', US, "won't be able to pay the $300 on Friday", UNCLEAR],
  ['US', US, 'is a payment plan possible?', UNCLEAR],
  ['AU', AU, 'was on a payment plan of $50 a week', UNCLEAR],
  ['AU', AU, 'will pay $100 on Friday and $100 next Friday', UNCLEAR],
  ['UK', UK, 'will pay half now', UNCLEAR],
  ['US', US, 'wants some of the $300 refunded', UNCLEAR],
  ['NZ', NZ, "she'll pay by bank transfer", UNCLEAR],
  ['US', US, 'Could you call me back about the refund', UNCLEAR],
];
const CASES = PHRASINGS.map(([region, ctx, text, want]) => ({
  region, ctx, text, want: want === UNCLEAR ? { kind: 'unclear', text } : want,
}));

describe(`money terms in unseen AU, NZ, UK and US phrasing (${PHRASINGS.length} phrasings)`, () => {
  it.each(CASES)('$region: "$text"', ({ ctx, text, want }) => {
    expect(readMoneyTerms(text, ctx)).toEqual(want);
  });

  it('has at least 60 phrasings', () => {
    expect(PHRASINGS.length).toBeGreaterThanOrEqual(60);
  });

  it('never reads a negated or past refund or credit as a request', () => {
    const said = [
      "don't want a refund", 'does not want a credit', 'no refund needed', 'never asked for a refund',
      'the credit was applied last month', 'already got the refund', 'has been refunded', "hasn't received the refund yet",
      'rather than a refund, can someone explain the invoice', 'not looking for a credit', 'the refund came through',
    ];
    for (const text of said) expect(readMoneyTerms(text, AU)?.kind, text).toBe('unclear');
  });

  it('never reads a part-payment with "the rest" as a credit, refund or an even split', () => {
    for (const text of ['$100 now and the rest next week', 'pays $300 upfront and the balance over 3 months', 'a $50 deposit today and the remainder on Friday']) {
      expect(readMoneyTerms(text, AU)?.kind, text).toBe('unclear');
    }
  });
});
