import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createServiceM8Simulator, type ServiceM8SimulatorOptions } from '../../server/sandbox/servicem8-simulator.js';
import { COASTAL_SEED, SEED, createCoastalSeedData } from '../../server/sandbox/seed.js';
import { seededRandom, sequence, startServiceM8Sim } from '../helpers/servicem8-sim.js';

const KEY = { 'X-API-Key': SEED.apiKey };
const NEW = 'aaaa0000-0000-4000-8000-000000000001';

function setup(opts: ServiceM8SimulatorOptions = {}) {
  const sim = createServiceM8Simulator(opts);
  const app = express().use(sim.handler);
  return { sim, app, get: (path: string) => request(app).get(path).set(KEY), post: (path: string) => request(app).post(path).set(KEY) };
}

describe('ServiceM8 simulator', () => {
  describe('auth and rate limits', () => {
    it('answers 401 JSON for an unknown key or token, and accepts bearer tokens', async () => {
      const { app } = setup();
      const res = await request(app).get('/api_1.0/vendor.json').set('X-API-Key', 'nope');
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ errorCode: 401, message: 'Authentication failed. Please check your API key or OAuth token.' });
      expect((await request(app).get('/api_1.0/vendor.json')).status).toBe(401);
      const ok = await request(app).get('/api_1.0/vendor.json').set('Authorization', `Bearer ${SEED.bearerToken}`);
      expect(ok.body).toEqual([expect.objectContaining({ uuid: SEED.vendor.uuid, currency: 'AUD', timezone_name: 'Australia/Sydney' })]);
    });

    it('answers 429 with a text body after the per-minute limit, per account, and recovers a minute later', async () => {
      let now = new Date('2025-11-26T01:00:00Z');
      const { sim, app, get } = setup({ perMinuteLimit: 5, now: () => now });
      sim.addAccount(createCoastalSeedData());
      for (let i = 0; i < 5; i += 1) expect((await get('/api_1.0/vendor.json')).status).toBe(200);
      const limited = await get('/api_1.0/vendor.json');
      expect(limited.status).toBe(429);
      expect(limited.headers['content-type']).toMatch(/^text\/plain/);
      expect(limited.text).toBe('Number of allowed API requests per minute exceeded');
      expect((await request(app).get('/api_1.0/vendor.json').set('X-API-Key', COASTAL_SEED.apiKey)).status).toBe(200);
      now = new Date(now.getTime() + 60_001);
      expect((await get('/api_1.0/vendor.json')).status).toBe(200);
      expect(sim.count({ status: 429 })).toBe(1);
    });

    it('applies the daily limit with its own text', async () => {
      const { get } = setup({ perMinuteLimit: 100, perDayLimit: 3 });
      for (let i = 0; i < 3; i += 1) await get('/api_1.0/vendor.json');
      const res = await get('/api_1.0/vendor.json');
      expect([res.status, res.text]).toEqual([429, 'Number of allowed API requests per day exceeded']);
    });
  });

  describe('$filter and paging', () => {
    it.each([
      "active eq 1 or active eq 0", "(active eq 1)", "amount ge '349.00'", "amount le '349.00'",
    ])('rejects %s as an advanced query', async (filter) => {
      const res = await setup().get(`/api_1.0/jobpayment.json?%24filter=${encodeURIComponent(filter)}`);
      expect(res.status).toBe(400);
      expect(res.body.message).toBe('Advanced Record Filter Queries Not Supported');
    });

    it('rejects more than 10 clauses, unknown fields and malformed expressions', async () => {
      const s = setup();
      const eleven = Array.from({ length: 11 }, () => 'active eq 1').join(' and ');
      for (const bad of [eleven, "no_such_field eq 'x'", 'active eq', "active eq 1 and", "active eq 'unterminated"]) {
        expect((await s.get(`/api_1.0/job.json?%24filter=${encodeURIComponent(bad)}`)).status).toBe(400);
      }
    });

    it('filters with eq, ne, gt and lt, comparing timestamps as text', async () => {
      const { get } = setup();
      const q = (f: string) => get(`/api_1.0/jobpayment.json?%24filter=${encodeURIComponent(f)}`).then((r) => (r.body as Array<{ uuid: string }>).map((p) => p.uuid).sort());
      expect(await q(`job_uuid eq '${SEED.jobs.j1042.uuid}'`)).toEqual([SEED.payments.j1042First, SEED.payments.j1042Second]);
      expect(await q("timestamp gt '2025-11-18 10:14:22' and active eq 1")).toEqual([SEED.payments.j1042Second]);
      expect(await q("timestamp lt '2025-11-04 00:00:00' and method ne 'Cash'")).toEqual([SEED.payments.j1036]);
      expect(await q('active eq 0')).toEqual([SEED.payments.j1038Deleted]);
    });

    it('pages with cursor=-1 and x-next-cursor, and silently truncates without a cursor', async () => {
      const { get } = setup({ pageSize: 4 });
      const unpaged = await get('/api_1.0/job.json');
      expect([unpaged.body.length, unpaged.headers['x-next-cursor']]).toEqual([4, undefined]);
      const seen: string[] = [];
      let cursor: string | undefined = '-1';
      while (cursor) {
        const res = await get(`/api_1.0/job.json?cursor=${cursor}`);
        seen.push(...(res.body as Array<{ generated_job_id: string }>).map((j) => j.generated_job_id));
        cursor = res.headers['x-next-cursor'];
      }
      expect(seen).toHaveLength(11);
      expect(new Set(seen).size).toBe(11);
    });
  });

  describe('paths and CRUD conventions', () => {
    it('treats object names case-insensitively and serves the irregular note and attachment paths', async () => {
      const { get } = setup();
      expect((await get('/api_1.0/Job.json')).status).toBe(200);
      expect((await get(`/api_1.0/JOB/${SEED.jobs.j1042.uuid}.json`)).body.generated_job_id).toBe('1042');
      expect((await get(`/api_1.0/dbonote/${SEED.notes.j1042Invoice}.json`)).status).toBe(200);
      expect((await get(`/api_1.0/note/${SEED.notes.j1042Invoice}.json`)).status).toBe(404);
      expect((await get(`/api_1.0/dboattachment/${SEED.attachments.j1042Invoice}.json`)).body.attachment_source).toBe('INVOICE');
      expect((await get(`/api_1.0/Attachment/${SEED.attachments.j1042Invoice}.json`)).status).toBe(200);
      const missing = await get('/api_1.0/job/bbbb0000-0000-4000-8000-000000000000.json');
      expect([missing.status, missing.body.errorCode]).toEqual([404, 404]);
    });

    it('creates with x-record-uuid and {"errorCode":0,"message":"OK"}, stamping account-local times', async () => {
      const { sim, post } = setup({ now: () => new Date('2025-11-26T01:00:00Z') });
      const res = await post('/api_1.0/note.json').send({ related_object: 'JOB', related_object_uuid: SEED.jobs.j1042.uuid, note: 'hi' });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ errorCode: 0, message: 'OK' });
      const uuid = res.headers['x-record-uuid'] as string;
      expect(uuid).toMatch(/^[0-9a-f-]{36}$/);
      // 01:00 UTC is 12:00 in Sydney (AEDT, UTC+11).
      expect(sim.data().note.find((n) => n.uuid === uuid)).toMatchObject({ related_object: 'job', active: 1, create_date: '2025-11-26 12:00:00' });
    });

    it('updates instead of duplicating when a create carries an existing uuid', async () => {
      const { sim, post } = setup();
      const before = sim.data().job.length;
      const first = await post('/api_1.0/job.json').send({ uuid: NEW, status: 'Quote', company_uuid: SEED.companies.chen.uuid });
      const again = await post('/api_1.0/job.json').send({ uuid: NEW, status: 'Work Order', company_uuid: SEED.companies.chen.uuid });
      expect([first.headers['x-record-uuid'], again.headers['x-record-uuid']]).toEqual([NEW, NEW]);
      expect(sim.data().job).toHaveLength(before + 1);
      expect(sim.data().job.find((j) => j.uuid === NEW)).toMatchObject({ status: 'Work Order', generated_job_id: '1048' });
    });

    it('validates creates: required fields, enums, uuids, JSON bodies', async () => {
      const { post, app } = setup();
      expect((await post('/api_1.0/job.json').send({ job_description: 'no status' })).status).toBe(400);
      expect((await post('/api_1.0/job.json').send({ status: 'Paid' })).status).toBe(400);
      expect((await post('/api_1.0/task.json').send({ uuid: 'not-a-uuid', name: 'x' })).status).toBe(400);
      const badJson = await request(app).post('/api_1.0/note.json').set(KEY).set('content-type', 'application/json').send('{"note":');
      expect(badJson.status).toBe(400);
      expect((await request(app).put(`/api_1.0/job/${SEED.jobs.j1042.uuid}.json`).set(KEY).send({})).status).toBe(405);
    });

    it('ignores read-only fields in updates', async () => {
      const { sim, post } = setup();
      await post(`/api_1.0/job/${SEED.jobs.j1042.uuid}.json`).send({ total_invoice_amount: '0.00', generated_job_id: '9', purchase_order_number: 'PO-2' });
      expect(sim.data().job.find((j) => j.uuid === SEED.jobs.j1042.uuid)).toMatchObject({ total_invoice_amount: '349.00', generated_job_id: '1042', purchase_order_number: 'PO-2' });
    });

    it('soft-deletes: active becomes 0 and the record stays readable', async () => {
      const { app, get } = setup();
      const del = await request(app).delete(`/api_1.0/dbonote/${SEED.notes.j1042Invoice}.json`).set(KEY);
      expect(del.body).toEqual({ errorCode: 0, message: 'OK' });
      expect((await get(`/api_1.0/dbonote/${SEED.notes.j1042Invoice}.json`)).body.active).toBe(0);
      const active = await get(`/api_1.0/note.json?%24filter=${encodeURIComponent(`related_object_uuid eq '${SEED.jobs.j1042.uuid}' and active eq 1`)}`);
      expect(active.body).toEqual([]);
    });

    it('searches jobs and clients', async () => {
      const res = await setup().get('/api_1.0/search.json?q=1042');
      expect(res.body).toEqual({ results: [{ uuid: SEED.jobs.j1042.uuid, type: 'job', title: 'Job 1042' }], query: '1042', count: 1 });
      expect((await setup().get('/api_1.0/search.json')).status).toBe(400);
    });
  });

  describe('faults', () => {
    it('fails a share of requests with a 500/503/429 mix, before anything is written', async () => {
      const { sim, post } = setup({ faults: { failureRate: 1, random: sequence(0, 0.1, 0, 0.5, 0, 0.9) } });
      const statuses: number[] = [];
      for (let i = 0; i < 3; i += 1) statuses.push((await post('/api_1.0/note.json').send({ uuid: NEW, note: 'x' })).status);
      expect(statuses).toEqual([500, 503, 429]);
      expect(sim.data().note.some((n) => n.uuid === NEW)).toBe(false);
      expect(sim.count({ fault: 'failure' })).toBe(3);
      sim.setFaults({});
      expect((await post('/api_1.0/note.json').send({ uuid: NEW, note: 'x' })).status).toBe(200);
    });

    it('drop-after-write applies the write but answers 503 without x-record-uuid', async () => {
      const { sim, post } = setup({ faults: { dropAfterWriteRate: 1, dropMode: 'status503' } });
      const res = await post('/api_1.0/note.json').send({ uuid: NEW, related_object: 'job', related_object_uuid: SEED.jobs.j1042.uuid, note: 'x' });
      expect(res.status).toBe(503);
      expect(res.headers['x-record-uuid']).toBeUndefined();
      expect(sim.data().note.filter((n) => n.uuid === NEW)).toHaveLength(1);
    });

    it('drop-after-write by socket destruction: the client sees a network error, the write happened', async () => {
      const run = await startServiceM8Sim({ faults: { dropAfterWriteRate: 1, dropMode: 'destroy' } });
      try {
        const err = await run.client({ retry: { attempts: 1 } }).createNote({ uuid: NEW, jobUuid: SEED.jobs.j1042.uuid, note: 'x' }).catch((e: unknown) => e);
        expect(err).toMatchObject({ name: 'ServiceM8Error', status: 'network_error', retryable: true });
        expect(run.sim.data().note.filter((n) => n.uuid === NEW)).toHaveLength(1);
        expect(run.sim.count({ fault: 'drop', status: 0 })).toBe(1);
      } finally {
        await run.close();
      }
    });

    it('chaos: with deterministic uuids, retried creates never duplicate', async () => {
      const run = await startServiceM8Sim({ faults: { failureRate: 0.2, dropAfterWriteRate: 0.3, random: seededRandom(42) } });
      try {
        const client = run.client({ retry: { attempts: 10 } });
        const uuids = Array.from({ length: 25 }, (_, i) => `cccc0000-0000-4000-8000-${String(i).padStart(12, '0')}`);
        for (const uuid of uuids) await client.createNote({ uuid, jobUuid: SEED.jobs.j1042.uuid, note: `note ${uuid}` });
        const notes = run.sim.data().note.filter((n) => n.uuid.startsWith('cccc'));
        expect(notes.map((n) => n.uuid).sort()).toEqual(uuids);
        expect(run.sim.count({ fault: 'drop' })).toBeGreaterThan(0);
        expect(run.sim.count({ fault: 'failure' })).toBeGreaterThan(0);
      } finally {
        await run.close();
      }
    });
  });

  it('keeps accounts apart and reset() restores the seed', async () => {
    const { sim, post } = setup();
    sim.addAccount(createCoastalSeedData());
    await post('/api_1.0/note.json').send({ uuid: NEW, note: 'x' });
    expect(sim.data(COASTAL_SEED.apiKey).note).toHaveLength(0);
    expect(sim.data(COASTAL_SEED.vendor.uuid).job.map((j) => j.generated_job_id)).toEqual(['1042']);
    expect(sim.count({ account: SEED.vendor.uuid })).toBe(1);
    sim.reset();
    expect(sim.data().note.some((n) => n.uuid === NEW)).toBe(false);
    expect(sim.requests).toHaveLength(0);
  });
});
