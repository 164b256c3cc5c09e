import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { COASTAL_SEED, SEED, createCoastalSeedData } from '../../server/sandbox/seed.js';
import { ServiceM8Error, ServiceM8InputError } from '../../server/servicem8/client.js';
import { startServiceM8Sim, type RunningSim } from '../helpers/servicem8-sim.js';

const J = SEED.jobs;
const NEW_NOTE = 'aaaa0000-0000-4000-8000-000000000001';
const NEW_TASK = 'aaaa0000-0000-4000-8000-000000000002';
const NEW_JOB = 'aaaa0000-0000-4000-8000-000000000003';

describe('ServiceM8 client against the simulator', () => {
  let run: RunningSim;
  beforeAll(async () => {
    run = await startServiceM8Sim();
  });
  afterAll(() => run.close());
  beforeEach(() => run.sim.reset());

  describe('reads and wire mapping', () => {
    it('reads the vendor as the account', async () => {
      await expect(run.client().getVendor()).resolves.toEqual({
        uuid: SEED.vendor.uuid, name: 'Harbourside Plumbing & Electrical', currency: 'AUD', timezone: 'Australia/Sydney',
      });
    });

    it('lists all staff with their active flag and job title', async () => {
      const staff = await run.client().listStaff();
      expect(staff).toHaveLength(5);
      expect(staff.find((s) => s.uuid === SEED.staff.finance.uuid)).toMatchObject({ first: 'Sam', last: 'Okafor', jobTitle: 'Accounts & Billing', active: true });
      expect(staff.find((s) => s.uuid === SEED.staff.formerBookkeeper.uuid)?.active).toBe(false);
    });

    it('lists active clients only, and reads one client or undefined', async () => {
      const client = run.client();
      const names = (await client.listCompanies()).map((c) => c.name);
      expect(names).toHaveLength(7);
      expect(names).not.toContain('Parramatta Kebab House');
      expect(await client.getCompany(SEED.companies.parramattaKebabs.uuid)).toEqual({
        uuid: SEED.companies.parramattaKebabs.uuid, name: 'Parramatta Kebab House', active: false,
      });
      expect(await client.getCompany('bbbb0000-0000-4000-8000-000000000000')).toBeUndefined();
    });

    it('keeps phone numbers as stored and maps "1"/"0" primary flags', async () => {
      const contacts = await run.client().listCompanyContacts(SEED.companies.natarajan.uuid);
      expect(contacts.map((c) => [c.first, c.type, c.phone, c.mobile, c.isPrimary, c.scope, c.companyUuid])).toEqual([
        ['Anand', 'BILLING', '(02) 5550 1234', '0491 570 156', true, 'company', SEED.companies.natarajan.uuid],
        ['Ravi', 'JOB', '', '0491 571 804', false, 'company', SEED.companies.natarajan.uuid],
      ]);
      const shared = (await run.client().listCompanyContacts()).filter((c) => c.mobile.replace(/\D/g, '').endsWith('491570157'));
      expect(new Set(shared.map((c) => c.companyUuid))).toEqual(new Set([SEED.companies.westside.uuid, SEED.companies.fitzgerald.uuid]));
    });

    it('lists job contacts for one job', async () => {
      const contacts = await run.client().listJobContacts(J.j1041.uuid);
      expect(contacts.map((c) => [c.type, c.first, c.mobile, c.scope, c.jobUuid])).toEqual([
        ['Property Manager', 'Kylie', '+61491570157', 'job', J.j1041.uuid],
        ['JOB', 'Jordan', '0491 571 491', 'job', J.j1041.uuid],
      ]);
    });

    it('finds job 1042 by number with money as a decimal string and booleans mapped', async () => {
      const [job, ...rest] = await run.client().listJobs({ jobNumber: '1042' });
      expect(rest).toEqual([]);
      expect(job).toMatchObject({
        uuid: J.j1042.uuid, jobNumber: '1042', companyUuid: SEED.companies.natarajan.uuid, status: 'Completed',
        totalInvoiceAmount: '349.00', invoiceSent: true, paymentReceived: true, active: true, purchaseOrderNumber: 'PO-88412',
      });
    });

    it('lists active jobs by client and hides soft-deleted ones, while getJob still reads them', async () => {
      const client = run.client();
      expect((await client.listJobs({ companyUuid: SEED.companies.natarajan.uuid })).map((j) => j.jobNumber).sort()).toEqual(['1042', '1045']);
      expect((await client.listJobs()).map((j) => j.jobNumber)).not.toContain('1040');
      expect(await client.getJob(J.j1040.uuid)).toMatchObject({ jobNumber: '1040', active: false });
      expect(await client.getJob('bbbb0000-0000-4000-8000-000000000000')).toBeUndefined();
    });

    it('maps mixed boolean and money encodings', async () => {
      run.sim.put('job', { uuid: NEW_JOB, generated_job_id: 2000, status: 'Completed', invoice_sent: '1', payment_received: '0', total_invoice_amount: '1234.5' });
      expect(await run.client().getJob(NEW_JOB)).toMatchObject({ jobNumber: '2000', invoiceSent: true, paymentReceived: false, totalInvoiceAmount: '1234.50' });
    });

    it('lists job 1042 as paid twice, and drops soft-deleted payments', async () => {
      const client = run.client();
      const payments = await client.listJobPayments(J.j1042.uuid);
      expect(payments.map((p) => [p.amount, p.method, p.timestamp])).toEqual([
        ['349.00', 'Credit Card', '2025-11-18 10:14:22'],
        ['349.00', 'Credit Card', '2025-11-19 09:02:51'],
      ]);
      expect(await client.listJobPayments(J.j1038.uuid)).toEqual([]);
      expect((await client.listJobPayments(J.j1039.uuid)).map((p) => p.amount)).toEqual(['400.00']);
    });

    it('follows x-next-cursor across pages from cursor=-1', async () => {
      run.sim.setPageSize(3);
      const jobs = await run.client().listJobs();
      expect(jobs.map((j) => j.jobNumber).sort()).toEqual(['1036', '1038', '1039', '1041', '1042', '1043', '1044', '1045', '1046', '1047']);
      const pages = run.sim.requests.filter((r) => r.path === '/api_1.0/job.json');
      expect(pages).toHaveLength(4);
      expect(new URLSearchParams(pages[0]?.query).get('cursor')).toBe('-1');
      expect(new URLSearchParams(pages[1]?.query).get('cursor')).toMatch(/^5e3d0005-/);
      expect(new URLSearchParams(pages[0]?.query).get('$filter')).toBe('active eq 1');
    });

    it('searches', async () => {
      expect(await run.client().search('natarajan')).toEqual([
        { uuid: SEED.companies.natarajan.uuid, type: 'company', title: 'Natarajan Plumbing Supplies' },
      ]);
      await expect(run.client().search('')).rejects.toBeInstanceOf(ServiceM8InputError);
    });
  });

  describe('writes', () => {
    it('creates a note with its own uuid; a repeated create updates the same record', async () => {
      const client = run.client();
      expect(await client.createNote({ uuid: NEW_NOTE, jobUuid: J.j1042.uuid, note: 'Caller says card charged twice.' })).toEqual({ uuid: NEW_NOTE });
      expect(await client.createNote({ uuid: NEW_NOTE, jobUuid: J.j1042.uuid, note: 'Caller says card charged twice (retry).' })).toEqual({ uuid: NEW_NOTE });
      const matching = run.sim.data().note.filter((n) => n.uuid === NEW_NOTE);
      expect(matching).toHaveLength(1);
      expect(matching[0]).toMatchObject({ related_object: 'job', related_object_uuid: J.j1042.uuid, note: 'Caller says card charged twice (retry).' });
      expect(run.sim.count({ method: 'POST', path: '/api_1.0/note.json' })).toBe(2);
    });

    it('returns the uuid from x-record-uuid and sends a generated uuid when none is given', async () => {
      const client = run.client({ generateUuid: () => NEW_NOTE });
      expect(await client.createNote({ jobUuid: J.j1042.uuid, note: 'hello' })).toEqual({ uuid: NEW_NOTE });
      expect(run.sim.requests.at(-1)?.body).toEqual({ uuid: NEW_NOTE, related_object: 'job', related_object_uuid: J.j1042.uuid, note: 'hello' });
    });

    it('reads and updates notes at /dbonote/{uuid}.json and lists them per job', async () => {
      const client = run.client();
      await client.createNote({ uuid: NEW_NOTE, jobUuid: J.j1042.uuid, note: 'first' });
      await client.updateNote(NEW_NOTE, { note: 'second' });
      expect(await client.getNote(NEW_NOTE)).toMatchObject({ uuid: NEW_NOTE, jobUuid: J.j1042.uuid, note: 'second', active: true });
      expect((await client.listNotes(J.j1042.uuid)).map((n) => n.uuid).sort()).toEqual([SEED.notes.j1042Invoice, NEW_NOTE].sort());
      expect(run.sim.requests.map((r) => `${r.method} ${r.path}`)).toEqual(expect.arrayContaining([
        `POST /api_1.0/dbonote/${NEW_NOTE}.json`, `GET /api_1.0/dbonote/${NEW_NOTE}.json`,
      ]));
      expect(await client.getNote('bbbb0000-0000-4000-8000-000000000000')).toBeUndefined();
    });

    it('fails an update of a missing note with a permanent 404', async () => {
      const err = await run.client().updateNote('bbbb0000-0000-4000-8000-000000000000', { note: 'x' }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ServiceM8Error);
      expect(err).toMatchObject({ status: 404, retryable: false, attempts: 1 });
    });

    it('creates, reads and completes a task', async () => {
      const client = run.client();
      await client.createTask({ uuid: NEW_TASK, name: 'Check duplicate payment on 1042', details: 'Two card payments of 349.00',
        dueDate: '2025-11-28', relatedObject: 'job', relatedObjectUuid: J.j1042.uuid, assignedToStaffUuid: SEED.staff.finance.uuid });
      expect(await client.getTask(NEW_TASK)).toEqual({
        uuid: NEW_TASK, name: 'Check duplicate payment on 1042', details: 'Two card payments of 349.00', dueDate: '2025-11-28',
        relatedObject: 'job', relatedObjectUuid: J.j1042.uuid, assignedToStaffUuid: SEED.staff.finance.uuid, complete: false, active: true,
      });
      await client.updateTask(NEW_TASK, { complete: true, dueDate: '2025-11-30' });
      const task = run.sim.data().task.find((t) => t.uuid === NEW_TASK);
      expect(task).toMatchObject({ task_complete: '1', due_date: '2025-11-30' });
      expect(task?.completed_timestamp).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    });

    it('creates a job idempotently and updates non-money fields with POST', async () => {
      const client = run.client();
      const input = { uuid: NEW_JOB, companyUuid: SEED.companies.natarajan.uuid, status: 'Work Order' as const, description: 'Billing query follow-up' };
      await client.createJob(input);
      await client.createJob(input);
      const created = run.sim.data().job.filter((j) => j.uuid === NEW_JOB);
      expect(created).toHaveLength(1);
      expect(created[0]).toMatchObject({ generated_job_id: '1048', status: 'Work Order', company_uuid: SEED.companies.natarajan.uuid, total_invoice_amount: '0.00' });
      await client.updateJob(NEW_JOB, { purchaseOrderNumber: 'PO-1', job_address: '1 Test St' });
      expect(run.sim.requests.at(-1)).toMatchObject({ method: 'POST', path: `/api_1.0/job/${NEW_JOB}.json`, body: { purchase_order_number: 'PO-1', job_address: '1 Test St' } });
      expect(run.sim.requests.every((r) => r.method === 'GET' || r.method === 'POST')).toBe(true);
    });

    it('refuses money and unknown job fields without sending anything', async () => {
      const client = run.client();
      await expect(client.updateJob(J.j1042.uuid, { total_invoice_amount: '0.00' })).rejects.toBeInstanceOf(ServiceM8InputError);
      await expect(client.updateJob(J.j1042.uuid, { status: 'Paid' })).rejects.toBeInstanceOf(ServiceM8InputError);
      await expect(client.getJob('../vendor')).rejects.toBeInstanceOf(ServiceM8InputError);
      expect(run.sim.requests).toHaveLength(0);
    });
  });

  describe('auth and accounts', () => {
    it('authenticates with a bearer token', async () => {
      const client = run.client({ auth: { kind: 'bearer', getToken: async () => SEED.bearerToken } });
      expect((await client.getVendor()).uuid).toBe(SEED.vendor.uuid);
    });

    it('gives a permanent 401 for an unknown key and never puts the key in the message', async () => {
      const err = await run.client({ auth: { kind: 'apiKey', apiKey: 'wrong-key-123456' } }).getVendor().catch((e: unknown) => e);
      expect(err).toMatchObject({ status: 401, retryable: false });
      expect(String((err as Error).message)).not.toContain('wrong-key-123456');
    });

    it('keeps accounts apart: each sees only its own job 1042', async () => {
      run.sim.addAccount(createCoastalSeedData());
      const coastal = run.client({ auth: { kind: 'apiKey', apiKey: COASTAL_SEED.apiKey }, accountUuid: COASTAL_SEED.vendor.uuid });
      expect((await coastal.listJobs({ jobNumber: '1042' })).map((j) => [j.uuid, j.totalInvoiceAmount])).toEqual([[COASTAL_SEED.jobs.j1042.uuid, '99.00']]);
      expect((await run.client().listJobs({ jobNumber: '1042' })).map((j) => j.uuid)).toEqual([J.j1042.uuid]);
      expect(await coastal.getJob(J.j1042.uuid)).toBeUndefined();
    });
  });
});
