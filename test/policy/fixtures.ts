import { defaultSettings, type AccountSettings } from '../../server/domain/account-settings.js';
import type { CallAnalysis, CallOutcome } from '../../server/domain/call-outcome.js';
import type { MatchCandidate, MatchConfidence, MatchResult } from '../../server/domain/match.js';
import type { Sm8Job, Sm8Staff } from '../../server/domain/servicem8-records.js';
import type { PolicyInput, Recipient } from '../../server/policy/index.js';

/** Wed 25 Nov 2026, 14:07 in Sydney (AEDT, UTC+11): two business days later is Fri 27 Nov. */
export const NOW = new Date('2026-11-25T03:07:02Z');
export const CALL_LINK = 'https://addon.example/calls/cl_123';

export const SAM: Sm8Staff = { uuid: 's-sam', first: 'Sam', last: 'Lee', email: 'sam@x.example', jobTitle: 'Accounts Manager', active: true };
export const TECH: Sm8Staff = { uuid: 's-tec', first: 'Alex', last: 'Tran', email: 'alex@x.example', jobTitle: 'Plumber', active: true };

export const JOB_1042: Sm8Job = {
  uuid: 'j-1042', jobNumber: '1042', companyUuid: 'c-nat', status: 'Completed', active: true, jobAddress: '12 Pitt St, Sydney',
  billingAddress: 'PO Box 1, Sydney', description: 'Replace hot water unit', purchaseOrderNumber: 'PO-77',
  totalInvoiceAmount: '349.00', invoiceSent: true, paymentReceived: true, editDate: '2026-11-20 10:00:00',
};

export const BILLING: Recipient = { email: 'Accounts@Natarajan.example', phone: '', mobile: '0412 345 678', type: 'BILLING', scope: 'company' };
export const SITE: Recipient = { email: 'site@natarajan.example', phone: '(02) 9000 1234', mobile: '', type: 'JOB', scope: 'job' };

const NAT: MatchCandidate = {
  companyUuid: 'c-nat', companyName: 'Natarajan Plumbing', jobUuid: 'j-1042', jobNumber: '1042', score: 0.85,
  reasons: ['invoice 1042 is job 1042 for Natarajan Plumbing', 'phone +61412345678 is the billing contact of Natarajan Plumbing'],
};

/** A match on job 1042 (or only the client, with `job: false`) at the given confidence. */
export function matched(confidence: MatchConfidence = 'high', job = true): MatchResult {
  const best: MatchCandidate = job ? NAT : { companyUuid: 'c-nat', companyName: 'Natarajan Plumbing', score: 0.75, reasons: ['phone matches'] };
  return { confidence, best, candidates: [best], reasons: [] };
}

export const NO_MATCH: MatchResult = { confidence: 'none', candidates: [], reasons: ['no signal matched an active client'] };

export const SHARED_PHONE: MatchResult = {
  confidence: 'low',
  candidates: [
    { companyUuid: 'c-bak', companyName: 'Bondi Bakery', score: 0.25, reasons: ['phone shared by 2 clients'] },
    { companyUuid: 'c-boo', companyName: 'Bondi Books', score: 0.25, reasons: ['phone shared by 2 clients'] },
  ],
  reasons: ['phone +61290001234 is shared by 2 clients: Bondi Bakery, Bondi Books'],
};

export function call(analysis: Partial<CallAnalysis> | undefined, fields: Partial<CallOutcome> = {}): CallOutcome {
  return {
    kind: 'outcome', event: 'call_ended', providerCallId: 'call_7Qm2xK9a', revision: 1, status: 'completed',
    fromNumber: '+61412345678', hasRecording: true,
    summary: 'Caller says invoice 1042 for $349.00 was charged twice on their card this week.',
    ...fields,
    ...(analysis ? { analysis: { intent: 'billing_question', links: {}, ...analysis } } : {}),
  };
}

export function settings(overrides: Partial<AccountSettings> = {}): AccountSettings {
  return { ...defaultSettings(), financeOwnerStaffUuid: 's-sam', ...overrides };
}

export function input(overrides: Partial<PolicyInput> = {}): PolicyInput {
  return {
    outcome: call({ intent: 'duplicate_charge', invoiceNumber: '1042', amount: { amount: '349.00', currency: 'AUD' } }),
    match: matched(),
    settings: settings(),
    staff: [TECH, SAM],
    job: JOB_1042,
    recipients: [BILLING, SITE],
    callLink: CALL_LINK,
    now: NOW,
    ...overrides,
  };
}

export function keys(actions: readonly { key: string }[] | undefined): string[] {
  return (actions ?? []).map((a) => a.key);
}

export function kinds(actions: readonly { kind: string }[] | undefined): string[] {
  return (actions ?? []).map((a) => a.kind);
}

export function reviewReasons(d: { review: { reason: string }[] }): string[] {
  return d.review.map((r) => r.reason);
}
