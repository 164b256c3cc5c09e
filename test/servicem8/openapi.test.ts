import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED } from '../../server/sandbox/seed.js';
import { openApiAvailable, validateRequestBody, validateResponseBody } from '../helpers/openapi.js';
import { startServiceM8Sim, type RunningSim } from '../helpers/servicem8-sim.js';

const NOTE = 'dddd0000-0000-4000-8000-000000000001';
const TASK = 'dddd0000-0000-4000-8000-000000000002';
const JOB = 'dddd0000-0000-4000-8000-000000000003';
const ok = { valid: true, errors: [] };

// test/helpers/openapi.ts prints "openapi.json not found at ../shared — skipping ServiceM8 schema checks" when absent.
describe.skipIf(!openApiAvailable)('ServiceM8 OpenAPI conformance (../shared/servicem8/openapi.json)', () => {
  let run: RunningSim;
  beforeAll(async () => {
    run = await startServiceM8Sim();
  });
  afterAll(() => run.close());

  it('every create/update body the client sends for notes, tasks and jobs matches the spec', async () => {
    run.sim.reset();
    const client = run.client();
    await client.createNote({ uuid: NOTE, jobUuid: SEED.jobs.j1042.uuid, note: 'Caller disputes a second 349.00 charge.' });
    await client.updateNote(NOTE, { note: 'Updated summary.' });
    await client.createTask({ uuid: TASK, name: 'Review duplicate payment', details: 'Job 1042', dueDate: '2025-11-28',
      relatedObject: 'job', relatedObjectUuid: SEED.jobs.j1042.uuid, assignedToStaffUuid: SEED.staff.finance.uuid });
    await client.createTask({ name: 'Unassigned follow-up', details: 'No finance owner set', dueDate: '2025-11-28' });
    await client.updateTask(TASK, { complete: true, active: true, details: 'Done', assignedToStaffUuid: SEED.staff.owner.uuid });
    await client.createJob({ uuid: JOB, companyUuid: SEED.companies.chen.uuid, status: 'Quote', description: 'Billing call', jobAddress: '27 Wattle Cres' });
    await client.updateJob(JOB, { status: 'Work Order', purchaseOrderNumber: 'PO-7', description: 'Billing call (edited)' });

    const posts = run.sim.requests.filter((r) => r.method === 'POST');
    expect(posts.map((r) => r.path.replace(/\/[0-9a-f-]{36}\.json$/, '/{uuid}.json'))).toEqual([
      '/api_1.0/note.json', '/api_1.0/dbonote/{uuid}.json', '/api_1.0/task.json', '/api_1.0/task.json',
      '/api_1.0/task/{uuid}.json', '/api_1.0/job.json', '/api_1.0/job/{uuid}.json',
    ]);
    for (const r of posts) expect({ path: r.path, ...validateRequestBody('POST', r.path, r.body) }).toMatchObject({ path: r.path, ...ok });
  });

  it.each([
    ['vendor.json', undefined],
    ['staff.json', SEED.staff.finance.uuid],
    ['company.json', SEED.companies.natarajan.uuid],
    ['companycontact.json', SEED.contacts.natarajanBilling],
    ['jobcontact.json', SEED.jobContacts.j1042Billing],
    ['job.json', SEED.jobs.j1042.uuid],
    ['jobpayment.json', SEED.payments.j1042First],
    ['note.json', SEED.notes.j1042Invoice],
    ['task.json', SEED.tasks.j1038FollowUp],
    ['attachment.json', SEED.attachments.j1042Invoice],
  ])('the simulator answers GET %s (list and single) in the spec schema', async (list, uuid) => {
    const object = list.replace('.json', '');
    const item = object === 'note' ? 'dbonote' : object === 'attachment' ? 'dboattachment' : object;
    const paths = [`/api_1.0/${list}`, `/api_1.0/${item}/${uuid ?? SEED.vendor.uuid}.json`];
    for (const path of paths) {
      const res = await fetch(run.url + path, { headers: { 'X-API-Key': SEED.apiKey } });
      expect(res.status).toBe(200);
      const body: unknown = await res.json();
      expect({ path, ...validateResponseBody('GET', path, 200, body) }).toMatchObject({ path, ...ok });
      if (path.endsWith(`/${list}`)) expect((body as unknown[]).length).toBeGreaterThan(0);
    }
  });

  it('create results, 404s and search answers match the spec', async () => {
    const post = await fetch(`${run.url}/api_1.0/note.json`, {
      method: 'POST', headers: { 'X-API-Key': SEED.apiKey, 'content-type': 'application/json' }, body: JSON.stringify({ note: 'x' }),
    });
    expect(validateResponseBody('POST', '/api_1.0/note.json', 200, await post.json())).toMatchObject(ok);
    const missing = await fetch(`${run.url}/api_1.0/job/bbbb0000-0000-4000-8000-000000000000.json`, { headers: { 'X-API-Key': SEED.apiKey } });
    expect(validateResponseBody('GET', '/api_1.0/job/bbbb0000-0000-4000-8000-000000000000.json', 404, await missing.json())).toMatchObject(ok);
    const search = await fetch(`${run.url}/api_1.0/search.json?q=natarajan`, { headers: { 'X-API-Key': SEED.apiKey } });
    expect(validateResponseBody('GET', '/api_1.0/search.json', 200, await search.json())).toMatchObject(ok);
  });

  it('the validator does catch wire-type mistakes (strings where the spec says integer)', () => {
    const job = run.sim.data().job[0];
    const res = validateResponseBody('GET', '/api_1.0/job.json', 200, [{ ...job, invoice_sent: '1' }]);
    expect(res.valid).toBe(false);
    expect(res.errors.join()).toContain('/0/invoice_sent');
    expect(validateRequestBody('POST', '/api_1.0/job.json', { job_description: 'no status' }).valid).toBe(false);
  });
});
