import { describe, expect, it } from 'vitest';
import type { TaskAction } from '../../server/domain/actions.js';
import { decide } from '../../server/policy/index.js';
import { financeTaskOf } from '../../server/policy/finance-lines.js';
import { BILLING, JOB_1042, SITE, call, input, keys, reviewReasons, settings } from './fixtures.js';

const taskOf = (d: ReturnType<typeof decide>, key: string) =>
  [...d.actions, ...(d.proposed ?? [])].find((a): a is TaskAction => a.kind === 'task' && a.key === key);

const lineOf = (d: ReturnType<typeof decide>, id: string) => financeTaskOf(d)?.lines?.find((l) => l.id === id);
const ids = (d: ReturnType<typeof decide>) => (financeTaskOf(d)?.lines ?? []).map((l) => l.id);

describe('escalations: one more line of the one finance task', () => {
  it.each([
    ['duplicate_charge', {}, 'duplicate charges are owned by finance', ['duplicate_charge', 'escalation']],
    ['chargeback', {}, 'chargebacks are owned by finance', ['chargeback', 'escalation']],
    ['dispute', {}, 'billing disputes are owned by finance', ['dispute', 'escalation']],
    ['collections', {}, 'collections calls are sensitive and owned by finance', ['collections', 'escalation']],
    ['failed_renewal', { vip: true }, 'the failed renewal is urgent', ['failed_renewal', 'escalation']],
    ['failed_renewal', { followUpDeadline: '2026-11-26' }, 'the failed renewal is urgent', ['failed_renewal', 'escalation']],
    ['failed_renewal', { dueDate: '2026-11-20' }, 'the failed renewal is urgent', ['failed_renewal', 'escalation']],
    ['payment_update', { vip: true }, 'a payment problem is blocking a VIP client', ['payment_method_update', 'escalation']],
    ['payment_status', { vip: true, paymentStatus: 'failed' }, 'a payment problem is blocking a VIP client', ['escalation']],
  ] as const)('%s %j → task:finance with an escalation line (%s)', (intent, extra, trigger, lines) => {
    const d = decide(input({ outcome: call({ intent, ...extra }) }));
    expect(keys(d.actions)).toEqual(['note:intake', 'task:finance']);
    expect(d.reasons).toContain(`escalated because ${trigger}`);
    expect(ids(d)).toEqual(lines);
    expect(lineOf(d, 'escalation')?.text).toContain(trigger);
  });

  it.each([
    ['failed_renewal', {}],
    ['failed_renewal', { followUpDeadline: '2026-12-20' }],
  ] as const)('%s %j → a follow-up line, no escalation', (intent, extra) => {
    const d = decide(input({ outcome: call({ intent, ...extra }) }));
    expect(ids(d)).toEqual(['failed_renewal']);
    expect(d.review).toEqual([]);
  });

  it.each([
    ['payment_status', { paymentStatus: 'failed' }],
    ['billing_question', { vip: true }],
  ] as const)('%s %j → note only', (intent, extra) => {
    const d = decide(input({ outcome: call({ intent, ...extra }) }));
    expect(keys(d.actions)).toEqual(['note:intake']);
    expect(d.review).toEqual([]);
  });

  it('billing dispute headline tells the technician what to do', () => {
    const d = decide(input({ outcome: call({ intent: 'dispute' }) }));
    expect(d.headline).toBe("Billing dispute on this job — don't collect payment; finance (Sam) owns it until 27 Nov");
  });

  it('payment details update → the secure-link line (and an escalation line for a VIP)', () => {
    const plain = decide(input({ outcome: call({ intent: 'payment_update' }) }));
    expect(ids(plain)).toEqual(['payment_method_update']);
    expect(lineOf(plain, 'payment_method_update')?.text).toContain('never taken on the phone');
    expect(ids(decide(input({ outcome: call({ intent: 'payment_update', vip: true }) })))).toEqual(['payment_method_update', 'escalation']);
  });

  it('subscription change → review money_change; its line waits for approval, the note is written', () => {
    const d = decide(input({ outcome: call({ intent: 'subscription_change' }) }));
    expect(keys(d.actions)).toEqual(['note:intake', 'task:finance']);
    expect(lineOf(d, 'subscription_change')).toMatchObject({ state: 'waiting', waitsFor: 'approval' });
    expect(reviewReasons(d)).toEqual(['money_change']);
    expect(d.awaiting).toBe('approval');
  });

  it('an unclear request ("sort out the bill") is a billing question for review, not a guess', () => {
    const d = decide(input({ outcome: call({ intent: 'billing_question', creditRequest: 'sort out the bill' }) }));
    expect(reviewReasons(d)).toEqual(['insufficient_context']);
    expect(financeTaskOf(d)).toBeUndefined();
    expect(d.review[0]?.detail).toContain('"sort out the bill"');
  });
});

describe('document resends', () => {
  const resend = (extra: Parameters<typeof call>[0]) => decide(input({ outcome: call({ intent: 'document_resend', documentKind: 'invoice', ...extra }) }));

  it('no recipient named → the billing contact on file', () => {
    const d = resend({});
    expect(keys(d.actions)).toEqual(['note:intake', 'task:finance']);
    expect(taskOf(d, 'task:finance')).toMatchObject({ name: 'Finance: resend invoice' });
    expect(taskOf(d, 'task:finance')?.details).toContain('[ ] Send the invoice to a•••@natarajan.example (the billing contact, on file in ServiceM8) by email');
  });

  it.each([
    ['an email on file, in another case', { documentRecipientEmail: 'SITE@natarajan.EXAMPLE' }, 'the job contact on the job'],
    ['a phone on file, in another format', { documentRecipientPhone: '+61 2 9000 1234' }, 'the job contact on the job'],
    ['a mobile on file, without +', { documentRecipientPhone: '61412345678' }, 'the billing contact'],
  ])('%s → sent there', (_name, extra, who) => {
    const d = resend(extra);
    expect(d.review).toEqual([]);
    expect(lineOf(d, 'resend')?.text).toContain(`(${who}, on file in ServiceM8)`);
  });

  it.each([
    ['an email not on file', { documentRecipientEmail: 'someone@else.example' }],
    ['a phone not on file', { documentRecipientPhone: '0400 000 001' }],
    ['an email on file but a phone not', { documentRecipientEmail: 'accounts@natarajan.example', documentRecipientPhone: '0400 000 001' }],
  ])('%s → review recipient_not_on_file', (_name, extra) => {
    const d = resend(extra);
    expect(reviewReasons(d)).toEqual(['recipient_not_on_file']);
    expect(keys(d.actions)).toEqual(['note:intake', 'task:finance']);
    expect(lineOf(d, 'resend')).toMatchObject({ state: 'waiting', waitsFor: 'review' });
  });

  it('no contact on file at all → review, nothing proposed', () => {
    const d = decide(input({ recipients: [], outcome: call({ intent: 'document_resend' }) }));
    expect(d.review).toEqual([{ reason: 'recipient_not_on_file', detail: 'no contact with an email or mobile is on file for this client or job' }]);
    expect(d.proposed).toEqual([]);
  });

  it('a payment link prefers the billing mobile (masked in the task)', () => {
    const d = decide(input({ recipients: [SITE, BILLING], outcome: call({ intent: 'document_resend', documentKind: 'payment_link' }) }));
    expect(taskOf(d, 'task:finance')?.details).toContain('Send the payment link to +61 4•• ••• 678 (the billing contact');
  });
});

describe('job field changes', () => {
  const change = (field: string, newValue?: string) =>
    decide(input({ outcome: call({ intent: 'job_change', jobChange: { field, ...(newValue ? { newValue } : {}), reason: 'tenant moved' } }) }));

  it('job address → update with the old value from the live job, the new value and the reason', () => {
    const d = change('job_address', '14 Pitt St, Sydney');
    expect(d.actions).toContainEqual({
      kind: 'update_job', key: 'job:update:jobAddress', jobUuid: 'j-1042', field: 'jobAddress',
      oldValue: JOB_1042.jobAddress, newValue: '14 Pitt St, Sydney', reason: 'tenant moved',
    });
    expect(d.headline).toBe('Job change request on this job — job address updated');
  });

  it('description, spelled as people say it', () => {
    expect(keys(change('Job Description', 'Replace both units').actions)).toEqual(['note:intake', 'job:update:description']);
  });

  it.each([
    ['price', 'money_change', []],
    ['payment_terms', 'money_change', []],
    ['due date', 'money_change', []],
    ['discount', 'money_change', []],
    ['purchase_order_number', 'money_change', ['job:update:purchaseOrderNumber']],
    ['billing address', 'money_change', ['job:update:billingAddress']],
    ['gate code', 'legal_or_access', []],
    ['contract terms', 'money_change', []],
    ['warranty', 'legal_or_access', []],
  ])('%s → review %s, change proposed where it maps to a job field', (field, reason, proposed) => {
    const d = change(field, 'new value');
    expect(reviewReasons(d)).toEqual([reason]);
    expect(keys(d.actions)).toEqual(['note:intake']);
    expect(keys(d.proposed)).toEqual(proposed);
  });

  it.each([
    ['no field named', '', 'new', 'the caller asked for a job change but not which field'],
    ['unknown field', 'colour of van', 'red', '"colour of van" is not a job field the add-on changes by itself'],
    ['no new value', 'job address', undefined, 'the caller did not say what job address should become'],
  ])('%s → review insufficient_context', (_name, field, value, detail) => {
    expect(change(field, value).review).toEqual([{ reason: 'insufficient_context', detail }]);
  });

  it('without the live job the old value is unknown → review', () => {
    const d = decide(input({ job: undefined, outcome: call({ intent: 'job_change', jobChange: { field: 'job address', newValue: 'x' } }) }));
    expect(d.review).toEqual([{ reason: 'insufficient_context', detail: 'the live job was not loaded, so the old value is unknown' }]);
    expect(d.actions.some((a) => a.kind === 'update_job')).toBe(false);
  });

  it('a value that is already set → no update', () => {
    expect(keys(change('job address', JOB_1042.jobAddress).actions)).toEqual(['note:intake']);
  });

  it('review_everything proposes the update instead of writing it', () => {
    const d = decide(input({ settings: settings({ automationMode: 'review_everything' }), outcome: call({ intent: 'job_change', jobChange: { field: 'job address', newValue: 'x' } }) }));
    expect(d.actions).toEqual([]);
    expect(keys(d.proposed)).toEqual(['note:intake', 'job:update:jobAddress']);
  });
});
