import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildJobNote, MAX_NOTE_CHARS, type JobNoteInput } from '../../server/policy/index.js';
import { stripUnsafeLinks } from '../../server/policy/unsafe-links.js';
import { CALL_LINK, call } from './fixtures.js';

const RECORDING = 'https://recordings.dialnexa.example/call_7Qm2xK9a.mp3?X-Amz-Expires=604800&X-Amz-Signature=abc';

function note(overrides: Partial<JobNoteInput> = {}): string {
  return buildJobNote({
    outcome: call({ intent: 'duplicate_charge', invoiceNumber: 'INV-1042', amount: { amount: '349.00', currency: 'AUD' }, callerClaim: 'charged twice', promisedNextStep: 'Finance will check within two days', nextStepOwner: 'finance' }),
    record: { jobNumber: '1042', companyName: 'Natarajan Plumbing' },
    next: ['finance follows up (duplicate charges are owned by finance)'],
    owner: 'Sam Lee',
    deadline: '2026-11-27',
    callLink: CALL_LINK,
    ...overrides,
  });
}

describe('buildJobNote', () => {
  it('says what was asked, the record, the claim, the summary, the promise, owner and deadline, and the call link', () => {
    expect(note()).toBe([
      'DialNexa call: Duplicate charge',
      'Record: job 1042, Natarajan Plumbing',
      'Claim: invoice INV-1042 · AUD 349.00 · "charged twice"',
      'Summary: Caller says invoice 1042 for $349.00 was charged twice on their card this week.',
      'Promised: Finance will check within two days (finance)',
      'Next: finance follows up (duplicate charges are owned by finance)',
      'Owner: Sam Lee, by 2026-11-27',
      `Call: ${CALL_LINK}`,
    ].join('\n'));
  });

  it('never carries a recording or presigned URL, wherever it appears', () => {
    const text = note({
      outcome: call({ intent: 'dispute', callerClaim: `see ${RECORDING}`, promisedNextStep: 'listen to https://x.example/a?Signature=1' }, { summary: `Recording: ${RECORDING} and https://crm.example/tickets/9` }),
    });
    expect(text).not.toMatch(/recordings\.dialnexa|X-Amz|Signature=/i);
    expect(text).toContain('[link removed]');
    expect(text).toContain('https://crm.example/tickets/9');
  });

  it('drops a call link that is itself presigned', () => {
    expect(note({ callLink: RECORDING })).not.toContain('Call:');
  });

  it('truncates a long summary at a word, keeps the link, and stays within the bound', () => {
    const text = note({ outcome: call({ intent: 'dispute' }, { summary: 'word '.repeat(800) }) });
    expect(text.length).toBeLessThanOrEqual(MAX_NOTE_CHARS);
    expect(text).toMatch(/word…\n/);
    expect(text.endsWith(`Call: ${CALL_LINK}`)).toBe(true);
  });

  it('works without analysis or owner', () => {
    const text = note({ outcome: call(undefined), owner: undefined, deadline: undefined, next: [], record: { newJob: true, companyName: 'Natarajan Plumbing' } });
    expect(text.split('\n')[0]).toBe('DialNexa call: Call with no clear request');
    expect(text).toContain('Record: new job, Natarajan Plumbing');
    expect(text).not.toContain('Owner:');
  });

  it('property: any text → within bound, link kept, no recording URL', () => {
    const chunk = fc.oneof(fc.string(), fc.constant(RECORDING), fc.constant('\n'), fc.constant('word '.repeat(50)));
    fc.assert(
      fc.property(fc.array(chunk, { maxLength: 30 }), fc.array(chunk, { maxLength: 5 }), (parts, claim) => {
        const text = note({ outcome: call({ intent: 'refund_request', callerClaim: claim.join(' ') }, { summary: parts.join(' ') }), next: parts.slice(0, 3) });
        expect(text.length).toBeLessThanOrEqual(MAX_NOTE_CHARS);
        expect(text.endsWith(`\nCall: ${CALL_LINK}`)).toBe(true);
        expect(text).not.toContain('X-Amz');
      }),
      { numRuns: 200 },
    );
  });
});

describe('stripUnsafeLinks', () => {
  it.each([
    [`listen: ${RECORDING}`, 'listen: [link removed]'],
    ['https://cdn.example/recording/1.mp3', '[link removed]'],
    ['https://s3.example/a.mp3?sig=1&se=2', '[link removed]'],
    ['ticket https://support.example/t/42 ok', 'ticket https://support.example/t/42 ok'],
    ['no links at all', 'no links at all'],
  ])('%s', (text, expected) => {
    expect(stripUnsafeLinks(text)).toBe(expected);
  });
});
