import type { CallAnalysis, CallOutcome } from '../../server/domain/call-outcome.js';
import type { Sm8Company, Sm8Contact, Sm8Job } from '../../server/domain/servicem8-records.js';
import type { Directory } from '../../server/matching/index.js';

export function company(uuid: string, name: string, active = true): Sm8Company {
  return { uuid, name, active };
}

export function contact(uuid: string, fields: Partial<Sm8Contact>): Sm8Contact {
  return {
    uuid, scope: 'company', type: 'BILLING', first: '', last: '', phone: '', mobile: '', email: '',
    isPrimary: false, active: true, ...fields,
  };
}

export function job(uuid: string, jobNumber: string, companyUuid: string, fields: Partial<Sm8Job> = {}): Sm8Job {
  return {
    uuid, jobNumber, companyUuid, status: 'Work Order', active: true, jobAddress: '1 Test St', billingAddress: '',
    description: '', purchaseOrderNumber: '', totalInvoiceAmount: '0.00', invoiceSent: false, paymentReceived: false,
    editDate: '2026-11-01 09:00:00', ...fields,
  };
}

/**
 * Seed-like account: phone numbers stored the way people type them into ServiceM8
 * ("0412 345 678", "+61…", "(02) 9000 1234", "61 2 9000 1234").
 */
export function seedDirectory(): Directory {
  return {
    companies: [
      company('c-nat', 'Natarajan Plumbing'),
      company('c-har', 'Harbour Cafe'),
      company('c-smi', 'Smith Electrical'),
      company('c-bak', 'Bondi Bakery'),
      company('c-boo', 'Bondi Books'),
      company('c-old', 'Old Roofing', false),
    ],
    contacts: [
      contact('p-nat', { companyUuid: 'c-nat', first: 'Priya', last: 'Natarajan', mobile: '0412 345 678', email: 'Accounts@Natarajan.example' }),
      contact('p-har', { scope: 'job', jobUuid: 'j-2001', type: 'JOB', first: 'Joanne', last: 'Harbour', mobile: '+61400111222' }),
      contact('p-smi', { companyUuid: 'c-smi', first: 'John', last: 'Smith', phone: '(03) 9555 0101', email: 'john@smith.example' }),
      contact('p-smi-old', { companyUuid: 'c-smi', first: 'Old', last: 'Number', mobile: '0488 888 888', active: false }),
      contact('p-bak', { companyUuid: 'c-bak', first: 'Bea', last: 'Baker', phone: '(02) 9000 1234' }),
      contact('p-boo', { companyUuid: 'c-boo', type: 'JOB', first: 'Bo', last: 'Reader', phone: '61 2 9000 1234' }),
      contact('p-old', { companyUuid: 'c-old', first: 'Olive', last: 'Roof', mobile: '0499 999 999' }),
    ],
    jobs: [
      job('j-1042', '1042', 'c-nat', { status: 'Completed', totalInvoiceAmount: '349.00', invoiceSent: true }),
      job('j-1043', '1043', 'c-nat'),
      job('j-2000', '2000', 'c-har', { status: 'Completed', paymentReceived: true }),
      job('j-2001', '2001', 'c-har'),
      job('j-3001', '3001', 'c-smi', { status: 'Quote' }),
      job('j-3002', '3002', 'c-smi', { status: 'Unsuccessful' }),
      job('j-9000', '9000', 'c-smi', { active: false }),
      job('j-5000', '5000', 'c-old'),
    ],
  };
}

export function outcome(analysis: Partial<CallAnalysis> | undefined, fields: Partial<CallOutcome> = {}): CallOutcome {
  return {
    kind: 'outcome', event: 'call_ended', providerCallId: 'call_7Qm2xK9a', revision: 1, status: 'completed',
    hasRecording: true, ...fields,
    ...(analysis ? { analysis: { intent: 'billing_question', links: {}, ...analysis } } : {}),
  };
}
