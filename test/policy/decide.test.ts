import { describe, expect, it } from 'vitest';
import type { NoteAction, TaskAction } from '../../server/domain/actions.js';
import { decide } from '../../server/policy/index.js';
import { CALL_LINK, JOB_1042, NO_MATCH, SHARED_PHONE, TECH, call, input, keys, kinds, matched, reviewReasons, settings } from './fixtures.js';

const note = (d: { actions: { kind: string }[] }) => d.actions.find((a): a is NoteAction => a.kind === 'note');
const task = (list: { kind: string; key: string }[] | undefined, key: string) =>
  (list ?? []).find((a): a is TaskAction => a.kind === 'task' && a.key === key);

describe('decide: the named cases from the issue', () => {
  it('duplicate charge quoting invoice 1042, confident match → exactly one note on job 1042 and one finance task', () => {
    const d = decide(input());
    expect(kinds(d.actions)).toEqual(['note', 'task']);
    expect(keys(d.actions)).toEqual(['note:intake', 'task:finance']);
    expect(d.review).toEqual([]);
    expect(d.proposed).toEqual([]);
    expect(note(d)).toMatchObject({ jobUuid: 'j-1042' });
    expect(note(d)?.text).toContain('job 1042');
    expect(note(d)?.text).toContain('AUD 349.00');
    expect(note(d)?.text).toContain(CALL_LINK);
    expect(task(d.actions, 'task:finance')).toMatchObject({ jobUuid: 'j-1042', assigneeStaffUuid: 's-sam', dueDate: '2026-11-27', name: 'Finance: check duplicate payment; escalation' });
    expect(task(d.actions, 'task:finance')?.details).toContain('[ ] Check the duplicate payment on invoice 1042: which of the payments of AUD 349.00 is the duplicate');
    expect(d.headline).toBe("Duplicate charge on this job — don't collect payment; finance (Sam) owns it until 27 Nov");
    expect(d.reasons).toContain('escalated because duplicate charges are owned by finance');
    expect(d.nextStep).toMatchObject({ owner: 'Sam Lee', ownerStaffUuid: 's-sam', deadline: '2026-11-27' });
    expect(d.awaiting).toBeUndefined();
  });

  it('unknown caller → review only (no_match), nothing written or proposed', () => {
    const d = decide(input({ match: NO_MATCH }));
    expect(d.actions).toEqual([]);
    expect(d.proposed).toEqual([]);
    expect(reviewReasons(d)).toEqual(['no_match']);
    expect(d.awaiting).toBe('review');
    expect(d.headline).toBe('Duplicate charge from an unmatched caller — waiting for review (caller not matched)');
  });

  it('phone shared by two clients → review ambiguous_match naming both, nothing written', () => {
    const d = decide(input({ match: SHARED_PHONE }));
    expect(d.actions).toEqual([]);
    expect(d.review).toEqual([{ reason: 'ambiguous_match', detail: 'could be Bondi Bakery or Bondi Books; the add-on never writes to several clients' }]);
    expect(d.reasons).toContain('phone +61290001234 is shared by 2 clients: Bondi Bakery, Bondi Books');
  });

  it('resend to an email not on file → review recipient_not_on_file; the resend line waits for review', () => {
    const d = decide(input({ outcome: call({ intent: 'document_resend', documentKind: 'invoice', documentRecipientEmail: 'someone@else.example' }) }));
    expect(keys(d.actions)).toEqual(['note:intake', 'task:finance']);
    expect(task(d.actions, 'task:finance')?.details).toContain('[ ] Send the invoice to s•••@else.example only once that address is verified (the caller asked for it; it is not on file) — waiting for review');
    expect(d.review).toEqual([{ reason: 'recipient_not_on_file', detail: 's•••@else.example is not on file for this client or job; on file: a•••@natarajan.example, +61 4•• ••• 678, s•••@natarajan.example, +61 2•• ••• 234' }]);
  });

  it('refund above the threshold → review above_threshold; ONE task with the refund line (waiting for approval) and the escalation line', () => {
    const d = decide(input({ outcome: call({ intent: 'refund_request', callerVerified: true, amount: { amount: '900.00', currency: 'AUD' } }) }));
    expect(keys(d.actions)).toEqual(['note:intake', 'task:finance']);
    expect(d.proposed).toEqual([]);
    expect(task(d.actions, 'task:finance')?.details).toContain('[ ] Refund AUD 900.00 to the payer on invoice 1042 through the payment platform, then record it in ServiceM8 — waiting for approval: AUD 900.00 is above the AUD 500.00 approval limit');
    expect(task(d.actions, 'task:finance')?.details).toContain('[ ] Own the escalation and call the client back: refund request: AUD 900.00 is above the AUD 500.00 approval limit');
    expect(d.review).toEqual([{ reason: 'above_threshold', detail: 'AUD 900.00 is above the AUD 500.00 approval limit' }]);
    expect(d.awaiting).toBe('approval');
    expect(note(d)?.text).toContain('Next: refund request waits for approval: AUD 900.00 is above the AUD 500.00 approval limit');
  });

  it('refund verified and under the threshold → note + finance task to make it', () => {
    const d = decide(input({ outcome: call({ intent: 'refund_request', callerVerified: true, amount: { amount: '80.00', currency: 'AUD' } }) }));
    expect(keys(d.actions)).toEqual(['note:intake', 'task:finance']);
    expect(d.review).toEqual([]);
    expect(task(d.actions, 'task:finance')).toMatchObject({ name: 'Finance: refund', assigneeStaffUuid: 's-sam' });
    expect(task(d.actions, 'task:finance')?.details).toContain('[ ] Refund AUD 80.00 to the payer');
    expect(d.reasons).toContain('refund request proceeds: caller verified and AUD 80.00 is within the AUD 500.00 approval limit');
  });

  it('hangup → nothing, with the reason', () => {
    const d = decide(input({ outcome: call(undefined, { status: 'hangup', hangupReason: 'user_busy' }) }));
    expect(d).toEqual({ actions: [], proposed: [], review: [], reasons: ['call never connected (user_busy)'], headline: 'Call did not connect — nothing to do' });
  });

  it('review_everything mode → nothing written; every step proposed', () => {
    const d = decide(input({ settings: settings({ automationMode: 'review_everything' }) }));
    expect(d.actions).toEqual([]);
    expect(keys(d.proposed)).toEqual(['note:intake', 'task:finance']);
    expect(reviewReasons(d)).toEqual(['review_everything']);
    expect(d.headline).toContain('waiting for review (account reviews every call)');
  });

  it('no finance owner → the task is unassigned and says so', () => {
    const d = decide(input({ settings: settings({ financeOwnerStaffUuid: undefined }), staff: [TECH] }));
    const t = task(d.actions, 'task:finance');
    expect(t?.assigneeStaffUuid).toBeUndefined();
    expect(t?.details.startsWith('No finance owner is set — assign this task.')).toBe(true);
    expect(d.headline).toContain('finance (no owner set) owns it until 27 Nov');
    expect(d.nextStep?.owner).toBe('unassigned (no finance owner set)');
  });

  it('deadline in Australia/Sydney across a UTC date boundary (13:30 UTC Wed = 00:30 Thu in Sydney)', () => {
    const d = decide(input({ now: new Date('2026-11-25T13:30:00Z') }));
    // Thursday 26 Nov in Sydney + 2 business days = Monday 30 Nov (a UTC calendar would give Fri 27 Nov).
    expect(task(d.actions, 'task:finance')?.dueDate).toBe('2026-11-30');
  });

  it("the task is due by DialNexa's deadline when it is still ahead, and says which date it used", () => {
    const ahead = decide(input({ outcome: call({ intent: 'duplicate_charge', invoiceNumber: '1042', followUpDeadline: '2026-12-01' }) }));
    expect(task(ahead.actions, 'task:finance')?.dueDate).toBe('2026-12-01');
    expect(task(ahead.actions, 'task:finance')?.details).toContain('Due 1 Dec 2026: the follow-up deadline DialNexa recorded on the call.');
    const past = decide(input({ outcome: call({ intent: 'duplicate_charge', invoiceNumber: '1042', followUpDeadline: '2026-11-20' }) }));
    expect(task(past.actions, 'task:finance')?.dueDate).toBe('2026-11-27');
    expect(task(past.actions, 'task:finance')?.details).toContain("Due 27 Nov 2026: 2 business days from the call (the account's follow-up days; follow-up deadline 2026-11-20 is in the past; used the default).");
  });
});

describe('decide: calls without an outcome', () => {
  it.each([
    [call(undefined, { status: 'in_progress' }), 'call has no outcome (status in_progress)'],
    [call(undefined, { status: 'failed' }), 'call has no outcome (status failed)'],
    [call({ intent: 'dispute' }, { status: 'hangup' }), 'call never connected (hangup)'],
    [call(undefined, { kind: 'notification', status: 'unknown' }), "notification only: the call's details are fetched before anything is decided"],
    [call(undefined, { kind: 'ignored', event: 'call_initiated' }), 'event call_initiated is not acted on'],
  ])('%# → nothing: %s', (outcome, reason) => {
    const d = decide(input({ outcome }));
    expect(d.actions).toEqual([]);
    expect(d.review).toEqual([]);
    expect(d.reasons).toEqual([reason]);
  });

  it('a completed call without analysis but with a summary → a note on the confidently matched job', () => {
    const d = decide(input({ outcome: call(undefined) }));
    expect(keys(d.actions)).toEqual(['note:intake']);
    expect(d.headline).toBe('Call with no clear request on this job — noted, nothing to do');
  });

  it('a completed call with nothing to record → review insufficient_context', () => {
    const d = decide(input({ outcome: call(undefined, { summary: undefined }) }));
    expect(d.actions).toEqual([]);
    expect(reviewReasons(d)).toEqual(['insufficient_context']);
  });
});

describe('decide: match confidence', () => {
  it.each(['medium', 'low'] as const)('%s → review low_confidence with the note proposed on the job', (confidence) => {
    const d = decide(input({ match: matched(confidence) }));
    expect(d.actions).toEqual([]);
    expect(keys(d.proposed)).toEqual(['note:intake', 'task:finance']);
    expect(d.review[0]).toEqual({ reason: 'low_confidence', detail: `the match to Natarajan Plumbing is only ${confidence} confidence` });
  });

  it('sensitive request → review sensitive; nothing written even when confident', () => {
    const d = decide(input({ outcome: call({ intent: 'billing_question', sensitiveRequest: true }) }));
    expect(d.actions).toEqual([]);
    expect(keys(d.proposed)).toEqual(['note:intake']);
    expect(reviewReasons(d)).toEqual(['sensitive']);
  });
});

describe('decide: a client without a job', () => {
  const clear = call({ intent: 'chargeback', callerClaim: 'Bank says the card payment was disputed as fraud' }, { summary: 'Chargeback notice received for last month.' });
  const neverRaised = call({ intent: 'billing_question', callerClaim: 'asks to be invoiced' }, { summary: 'Caller says the outdoor tap was replaced last week but no invoice was ever raised; asks for it to be invoiced.' });
  const open = [{ ...JOB_1042, uuid: 'j-7', jobNumber: '1047', description: 'Service dishwasher' }, { ...JOB_1042, uuid: 'j-8', jobNumber: '1048', description: 'Quote: re-pipe laundry' }];

  it('work done but never raised → a new job (status from settings) with the note on it; the task belongs to it too', () => {
    const d = decide(input({ match: matched('high', false), job: undefined, outcome: neverRaised, settings: settings({ newJobStatus: 'Work Order' }), openJobs: open }));
    expect(kinds(d.actions)).toEqual(['create_job', 'note']);
    expect(d.actions[0]).toMatchObject({ kind: 'create_job', key: 'job:create', companyUuid: 'c-nat', status: 'Work Order' });
    expect(d.actions[0]?.kind === 'create_job' && d.actions[0].description).toContain('the outdoor tap was replaced last week');
    expect(d.actions[1]).toMatchObject({ kind: 'note', key: 'note:intake', createdJobKey: 'job:create' });
    expect(d.reasons).toContain('opens a new Work Order job for Natarajan Plumbing: the caller says the work was done but never raised');
  });

  it('never raised, but the match picked the only open job → still a new job, never the unrelated one', () => {
    const only = { ...matched('high', true), best: { ...matched('high', true).best!, jobBasis: 'only_open_job' as const } };
    const d = decide(input({ match: only, outcome: neverRaised }));
    expect(kinds(d.actions)).toEqual(['create_job', 'note']);
    expect(d.actions.some((a) => a.kind === 'note' && a.jobUuid === 'j-1042')).toBe(false);
  });

  it('medium confidence → the new job is only proposed', () => {
    const d = decide(input({ match: matched('medium', false), job: undefined, outcome: neverRaised }));
    expect(d.actions).toEqual([]);
    expect(keys(d.proposed)).toEqual(['job:create', 'note:intake']);
  });

  it('no job named and none fits → review with the client\'s open jobs and "create a job" as choices, nothing written', () => {
    const d = decide(input({ match: matched('high', false), job: undefined, outcome: clear, openJobs: open }));
    expect(d.actions).toEqual([]);
    expect(d.proposed).toEqual([]);
    expect(reviewReasons(d)).toEqual(['insufficient_context']);
    expect(d.review[0]?.detail).toBe("the call names no job of Natarajan Plumbing and none clearly fits: choose one of Natarajan Plumbing's open jobs — job 1047 (Service dishwasher), job 1048 (Quote: re-pipe laundry) — or create a job");
    expect(d.choices).toEqual({ companyUuid: 'c-nat', companyName: 'Natarajan Plumbing', createJob: true, jobs: [
      { jobUuid: 'j-7', jobNumber: '1047', description: 'Service dishwasher' }, { jobUuid: 'j-8', jobNumber: '1048', description: 'Quote: re-pipe laundry' }] });
  });

  it.each([
    ['intent unknown', call({ intent: 'unknown' })],
    ['intent other', call({ intent: 'other' })],
    ['too little said', call({ intent: 'dispute' }, { summary: 'Disputes bill.' })],
  ])('%s → review insufficient_context, no job', (_name, outcome) => {
    const d = decide(input({ match: matched('high', false), job: undefined, outcome }));
    expect(d.actions).toEqual([]);
    expect(d.proposed).toEqual([]);
    expect(reviewReasons(d)).toEqual(['insufficient_context']);
  });
});

describe('decide: stable keys', () => {
  it('the same call always produces the same decision and keys', () => {
    const a = decide(input({ outcome: call({ intent: 'refund_request', callerVerified: true, amount: { amount: '80.00', currency: 'AUD' } }) }));
    const b = decide(input({ outcome: call({ intent: 'refund_request', callerVerified: true, amount: { amount: '80.00', currency: 'AUD' } }) }));
    expect(a).toEqual(b);
  });

  it('a later revision of the same call (richer analysis) keeps the purpose keys', () => {
    const early = decide(input({ outcome: call({ intent: 'duplicate_charge' }) }));
    const later = decide(input({ outcome: call({ intent: 'duplicate_charge', invoiceNumber: '1042', callerClaim: 'charged twice' }, { revision: 2 }) }));
    expect(keys(later.actions)).toEqual(keys(early.actions));
  });
});
