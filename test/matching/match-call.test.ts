import { describe, expect, it } from 'vitest';
import type { Sm8Job } from '../../server/domain/servicem8-records.js';
import type { CallAnalysis } from '../../server/domain/call-outcome.js';
import { matchCall, type KnownReference } from '../../server/matching/index.js';
import { outcome, seedDirectory } from './fixtures.js';

const PAY: KnownReference = { kind: 'payment_id', value: 'pi_3Nx1', companyUuid: 'c-nat', jobUuid: 'j-1042' };

function run(analysis: Partial<CallAnalysis> | undefined, from?: string, extra: { summary?: string; knownRefs?: KnownReference[] } = {}) {
  return matchCall({
    outcome: outcome(analysis, { ...(from ? { fromNumber: from } : {}), ...(extra.summary ? { summary: extra.summary } : {}) }),
    directory: seedDirectory(),
    knownRefs: extra.knownRefs ?? [],
    defaultRegion: 'AU',
  });
}

describe('matchCall: each signal and each confidence level', () => {
  it.each([
    { name: 'invoice alone', a: { invoiceNumber: 'INV-1042' }, from: undefined, confidence: 'medium', score: 0.7, company: 'c-nat', job: 'j-1042', reason: 'invoice 1042 is job 1042 for Natarajan Plumbing' },
    { name: 'job number alone', a: { jobNumber: '#2001' }, from: undefined, confidence: 'medium', score: 0.7, company: 'c-har', job: 'j-2001', reason: 'job number 2001 is job 2001 for Harbour Cafe' },
    { name: 'invoice + phone', a: { invoiceNumber: '1042' }, from: '+61412345678', confidence: 'high', score: 0.85, company: 'c-nat', job: 'j-1042', reason: 'phone +61412345678 is the billing contact of Natarajan Plumbing' },
    { name: 'invoice + email', a: { invoiceNumber: '1042', customerEmail: 'accounts@natarajan.example' }, from: undefined, confidence: 'high', score: 0.85, company: 'c-nat', job: 'j-1042', reason: 'email matches the billing contact of Natarajan Plumbing' },
    { name: 'invoice + name', a: { invoiceNumber: '1042', customerName: 'Priya Natarajan' }, from: undefined, confidence: 'high', score: 0.76, company: 'c-nat', job: 'j-1042', reason: 'name matches the billing contact of Natarajan Plumbing' },
    { name: 'phone + email', a: { customerEmail: 'ACCOUNTS@natarajan.example' }, from: '61412345678', confidence: 'high', score: 0.75, company: 'c-nat', job: undefined, reason: 'client has 2 open jobs; none chosen' },
    { name: 'phone alone', a: {}, from: '+61412345678', confidence: 'medium', score: 0.5, company: 'c-nat', job: undefined, reason: 'phone +61412345678 is the billing contact of Natarajan Plumbing' },
    { name: 'email alone, any case', a: { customerEmail: ' John@SMITH.example ' }, from: undefined, confidence: 'medium', score: 0.5, company: 'c-smi', job: undefined, reason: 'email matches the billing contact of Smith Electrical' },
    { name: 'name alone', a: { customerName: 'Priya Natarajan' }, from: undefined, confidence: 'low', score: 0.2, company: 'c-nat', job: undefined, reason: 'name matches the billing contact of Natarajan Plumbing' },
  ] as const)('$name → $confidence', ({ a, from, confidence, score, company, job, reason }) => {
    const result = run(a, from);
    expect(result.confidence).toBe(confidence);
    expect(result.best?.companyUuid).toBe(company);
    expect(result.best?.jobUuid).toBe(job);
    expect(result.best?.score).toBe(score);
    expect(result.best?.reasons).toContain(reason);
  });

  it('a payment id seen on an earlier call points to its client and job; with the phone it is high', () => {
    const alone = run({ paymentId: 'pi_3Nx1' }, undefined, { knownRefs: [PAY] });
    expect(alone).toMatchObject({ confidence: 'medium', best: { companyUuid: 'c-nat', jobUuid: 'j-1042', score: 0.6 } });
    expect(alone.best?.reasons).toContain('payment id was seen on an earlier call about job 1042 for Natarajan Plumbing');
    const withPhone = run({ paymentId: 'pi_3Nx1' }, '+61412345678', { knownRefs: [PAY] });
    expect(withPhone).toMatchObject({ confidence: 'high', best: { companyUuid: 'c-nat', jobUuid: 'j-1042', score: 0.8 } });
  });

  it('a subscription id is matched by kind: a payment id with the same value does not count', () => {
    const sub: KnownReference = { kind: 'subscription_id', value: 'sub_9', companyUuid: 'c-har' };
    expect(run({ paymentId: 'sub_9' }, undefined, { knownRefs: [sub] }).confidence).toBe('none');
    expect(run({ subscriptionId: 'sub_9' }, undefined, { knownRefs: [sub] }).best?.companyUuid).toBe('c-har');
  });

  it('no signal → none, no best, no candidates', () => {
    expect(run({ customerName: 'Nobody Known' }, '+61499000000')).toMatchObject({ confidence: 'none', candidates: [] });
    expect(run(undefined).reasons).toContain('no signal matched an active client');
  });
});

describe('matchCall: invoice in the summary (conservative)', () => {
  it('uses one "invoice 1042" from the summary when the analysis has none', () => {
    const result = run({}, undefined, { summary: 'Caller says invoice 1042 for $349.00 was charged twice.' });
    expect(result).toMatchObject({ confidence: 'medium', best: { jobUuid: 'j-1042', score: 0.5 } });
    expect(result.best?.reasons).toContain('summary mentions invoice 1042, which is job 1042 for Natarajan Plumbing');
  });

  it('ignores the summary when it names several references, and attaches no job by guesswork', () => {
    const result = run({}, '+61400111222', { summary: 'Invoice 1042 or invoice 2001, caller was unsure.' });
    expect(result.reasons).toContain('summary names several references (1042, 2001); none used');
    expect(result.best).toMatchObject({ companyUuid: 'c-har' });
    expect(result.best?.jobUuid).toBeUndefined();
  });

  it('the analysis wins over the summary', () => {
    const result = run({ invoiceNumber: '2001' }, undefined, { summary: 'About invoice 1042.' });
    expect(result.best?.jobUuid).toBe('j-2001');
  });
});

describe('matchCall: phones stored in any format', () => {
  it.each([
    ['+61412345678', 'c-nat'], ['0412345678', 'c-nat'], ['+61400111222', 'c-har'], ['+61395550101', 'c-smi'],
  ])('caller %s finds %s', (from, company) => {
    expect(run({}, from).best?.companyUuid).toBe(company);
  });

  it('on an outbound call the customer is the number called', () => {
    const call = outcome({}, { direction: 'outbound', fromNumber: '+61290001234', toNumber: '+61412345678' });
    const result = matchCall({ outcome: call, directory: seedDirectory(), knownRefs: [], defaultRegion: 'AU' });
    expect(result.best?.companyUuid).toBe('c-nat');
  });

  it('a job contact names the job it belongs to', () => {
    const result = run({}, '+61400111222');
    expect(result.best?.reasons).toContain('phone +61400111222 is the job contact on job 2001 of Harbour Cafe');
    // The client's only open job is not chosen when nothing on the call ties the call to it.
    expect(result.best?.reasons).toContain("job 2001 is the client's only open job, but nothing on the call ties it to that job; none chosen");
    expect(result.best?.jobUuid).toBeUndefined();
  });

  it('a number shared by two clients ("(02) 9000 1234" and "61 2 9000 1234") → no best, both listed', () => {
    const result = run({}, '+61290001234');
    expect(result.best).toBeUndefined();
    expect(result.confidence).toBe('low');
    expect(result.candidates.map((c) => c.companyName)).toEqual(['Bondi Bakery', 'Bondi Books']);
    for (const c of result.candidates) {
      expect(c.reasons).toContain('phone shared by 2 clients');
      expect(c.score).toBe(0.25);
    }
    expect(result.reasons).toContain('phone +61290001234 is shared by 2 clients: Bondi Bakery, Bondi Books');
  });

  it('a shared number plus an invoice of one of them → that one, high (the phone agrees)', () => {
    const dir = seedDirectory();
    dir.jobs.push({ ...dir.jobs[0]!, uuid: 'j-7001', jobNumber: '7001', companyUuid: 'c-bak' });
    const result = matchCall({ outcome: outcome({ invoiceNumber: '7001' }, { fromNumber: '+61290001234' }), directory: dir, knownRefs: [], defaultRegion: 'AU' });
    expect(result).toMatchObject({ confidence: 'high', best: { companyUuid: 'c-bak', jobUuid: 'j-7001' } });
    expect(result.candidates).toHaveLength(2);
  });
});

describe('matchCall: conflicts and weak names lower the confidence', () => {
  it('invoice points to one client, phone to another → best stays with the invoice at low confidence, with reasons', () => {
    const result = run({ invoiceNumber: '1042' }, '+61400111222');
    expect(result.confidence).toBe('low');
    expect(result.best?.companyUuid).toBe('c-nat');
    expect(result.candidates.map((c) => c.companyUuid)).toEqual(['c-nat', 'c-har']);
    expect(result.reasons).toContain('conflicting signals: phone +61400111222 points to Harbour Cafe, not Natarajan Plumbing');
  });

  it('invoice + phone on one client, email on another → high becomes medium', () => {
    const result = run({ invoiceNumber: '1042', customerEmail: 'john@smith.example' }, '+61412345678');
    expect(result.confidence).toBe('medium');
    expect(result.best?.companyUuid).toBe('c-nat');
    expect(result.reasons).toContain('conflicting signals: email points to Smith Electrical, not Natarajan Plumbing');
  });

  it('invoice and job number naming different clients equally → no best', () => {
    const result = run({ invoiceNumber: '1042', jobNumber: '2001' });
    expect(result.best).toBeUndefined();
    expect(result.confidence).toBe('low');
  });

  it('a caller name that fits none of the client\'s names is a reason and a small penalty', () => {
    const result = run({ invoiceNumber: '1042', customerName: 'J. Smith' }, '+61412345678');
    expect(result.best?.reasons).toContain("name differs: caller said 'J. Smith'");
    expect(result.best!.score).toBeLessThan(0.85);
    expect(result.confidence).toBe('high');
  });

  it.each([['John Smith'], ['Jo Smith']])('"%s" fits the contact John Smith', (name) => {
    expect(run({ customerName: name }).best?.reasons).toContain('name matches the billing contact of Smith Electrical');
  });

  it.each([['J. Smith'], ['smith'], ['Smith Electrical Pty Ltd']])('"%s" fits the client Smith Electrical', (name) => {
    expect(run({ customerName: name })).toMatchObject({ confidence: 'low', best: { companyUuid: 'c-smi', reasons: ['name matches client Smith Electrical', "job 3001 is the client's only open job, but nothing on the call ties it to that job; none chosen"] } });
  });

  it('"Ann Smith" does not fit John Smith', () => {
    expect(run({ customerName: 'Ann Smith' }).confidence).toBe('none');
  });

  it('name alone matching two clients → ambiguous, ordered by name', () => {
    const dir = seedDirectory();
    dir.companies.push({ uuid: 'c-ab', name: 'Abbey Smith Builders', active: true });
    dir.contacts.push({ ...dir.contacts[2]!, uuid: 'p-ab', companyUuid: 'c-ab', email: '', phone: '' });
    const result = matchCall({ outcome: outcome({ customerName: 'John Smith' }), directory: dir, knownRefs: [], defaultRegion: 'AU' });
    expect(result.best).toBeUndefined();
    expect(result.candidates.map((c) => c.companyName)).toEqual(['Abbey Smith Builders', 'Smith Electrical']);
  });
});

describe("matchCall: the client's only open job only when the call's subject fits it", () => {
  const withJob = (fields: Partial<Sm8Job>) => {
    const dir = seedDirectory();
    dir.jobs = dir.jobs.map((j) => (j.uuid === 'j-2001' ? { ...j, ...fields } : j));
    return dir;
  };
  const match = (dir: ReturnType<typeof seedDirectory>, analysis: Partial<CallAnalysis>, summary?: string) =>
    matchCall({ outcome: outcome(analysis, { fromNumber: '+61400111222', ...(summary ? { summary } : {}) }), directory: dir, knownRefs: [], defaultRegion: 'AU' });

  it('the amount on the call is the job invoice total → that job, with the reason', () => {
    const result = match(withJob({ totalInvoiceAmount: '420.00' }), { amount: { amount: '420.00', currency: 'AUD' } });
    expect(result.best).toMatchObject({ jobUuid: 'j-2001', jobBasis: 'only_open_job' });
    expect(result.best?.reasons).toContain("job 2001 is the client's only open job and the call's subject fits it: the amount on the call is the job's invoice total (420.00)");
  });

  it('the call and the job description share a telling word → that job', () => {
    const result = match(withJob({ description: 'Replace the commercial dishwasher pump' }), {}, 'Caller asks why the dishwasher bill is so high.');
    expect(result.best?.jobUuid).toBe('j-2001');
    expect(result.best?.reasons.join(' ')).toContain('"dishwasher"');
  });

  it('a billing call about something else → no job, even though it is the only open one', () => {
    const result = match(withJob({ description: 'Replace the commercial dishwasher pump', totalInvoiceAmount: '880.00' }), { amount: { amount: '140.00', currency: 'AUD' } }, 'Caller says the outdoor tap fix was never invoiced.');
    expect(result.best?.jobUuid).toBeUndefined();
  });

  it('a named job is chosen because the call named it', () => {
    expect(run({ invoiceNumber: '1042' }, '+61412345678').best?.jobBasis).toBe('named');
  });
});

describe('matchCall: inactive records never match', () => {
  it('an inactive client: its contacts and jobs are ignored', () => {
    expect(run({}, '+61499999999').confidence).toBe('none');
    expect(run({ invoiceNumber: '5000' }).reasons).toContain('invoice 5000 matches no active job');
  });

  it('an inactive contact and an inactive job are ignored', () => {
    expect(run({}, '+61488888888').confidence).toBe('none');
    const result = run({ invoiceNumber: '9000' }, '+61395550101');
    expect(result.reasons).toContain('invoice 9000 matches no active job');
    // A named but unknown reference stops the "only open job" guess.
    expect(result.best).toMatchObject({ companyUuid: 'c-smi' });
    expect(result.best?.jobUuid).toBeUndefined();
  });

  it('an inactive company in the directory is not listed as a candidate by name', () => {
    expect(run({ customerName: 'Olive Roof' }).confidence).toBe('none');
  });
});

describe('matchCall: shape and determinism', () => {
  it('the same input gives the same result, candidates by score then name', () => {
    const a = run({ invoiceNumber: '1042', customerName: 'J. Smith' }, '+61290001234');
    const b = run({ invoiceNumber: '1042', customerName: 'J. Smith' }, '+61290001234');
    expect(a).toEqual(b);
    const scores = a.candidates.map((c) => c.score);
    expect([...scores].sort((x, y) => y - x)).toEqual(scores);
  });

  it('a bad invoice reference is a reason, not an error', () => {
    expect(run({ invoiceNumber: 'ABC-XYZ' }).reasons).toContain('invoice reference "ABC-XYZ" is not a job number');
  });
});
