import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SEED } from '../../server/sandbox/seed.js';
import { ServiceM8Error } from '../../server/servicem8/client.js';
import { seededRandom, startServiceM8Sim, type RunningSim } from '../helpers/servicem8-sim.js';

const J1042 = SEED.jobs.j1042.uuid;
const INVOICE = SEED.attachments.j1042Invoice;

describe('Messaging API in the simulator, through the client', () => {
  let run: RunningSim;
  const oauth = (token = SEED.bearerToken) => run.client({ auth: { kind: 'bearer', getToken: async () => token } });
  const email = (key: string, to = 'accounts@natarajan-supplies.example') =>
    ({ to, subject: 'Invoice 1042', text: 'Your invoice is attached.', attachmentUuids: [INVOICE], regardingJobUuid: J1042, idempotencyKey: key });

  beforeAll(async () => { run = await startServiceM8Sim(); });
  afterAll(async () => { await run.close(); });
  beforeEach(() => run.sim.reset());

  it('sends an email with the job invoice attached and answers a message id', async () => {
    const r = await oauth().sendEmail(email('k-1'));
    expect(r.messageUuid).toMatch(/^[0-9a-f-]{36}$/);
    expect(run.sim.sent).toHaveLength(1);
    expect(run.sim.sent[0]).toMatchObject({ channel: 'email', attachments: [INVOICE], regardingJobUuid: J1042, subject: 'Invoice 1042' });
  });

  it('sends an SMS to an E.164 mobile; refuses a local-format number', async () => {
    await oauth().sendSms({ to: '+61491570156', message: 'Pay here: https://pay.example/x', idempotencyKey: 'k-2' });
    const bad = await oauth().sendSms({ to: '0491 570 156', message: 'x', idempotencyKey: 'k-3' }).catch((e: unknown) => e);
    expect(bad).toMatchObject({ status: 400, retryable: false });
    expect(run.sim.sent.map((m) => m.channel)).toEqual(['sms']);
  });

  it('refuses an API key (no Messaging API for private integrations) and a token without the scope, with 403', async () => {
    const viaKey = await run.client().sendEmail(email('k-4')).catch((e: unknown) => e);
    expect(viaKey).toBeInstanceOf(ServiceM8Error);
    expect(viaKey).toMatchObject({ status: 403 });
    run.sim.addCredential(undefined, { kind: 'bearer', value: 'token-without-messaging', scopes: ['read_jobs', 'publish_sms'] });
    const noScope = await oauth('token-without-messaging').sendEmail(email('k-5')).catch((e: unknown) => e);
    expect(String((noScope as Error).message)).toContain('publish_email');
    expect(run.sim.sent).toHaveLength(0);
  });

  it('refuses bad recipients and attachments of another account', async () => {
    for (const to of ['not-an-email', 'a@b.example, c@d.example']) {
      await expect(oauth().sendEmail(email(`k-${to}`, to))).rejects.toMatchObject({ status: 400 });
    }
    await expect(oauth().sendEmail({ ...email('k-6'), attachmentUuids: ['00000000-0000-4000-8000-000000000000'] })).rejects.toMatchObject({ status: 400 });
    expect(run.sim.sent).toHaveLength(0);
  });

  it('enforces the daily quota per account with 429', async () => {
    run.sim.setMessagingQuota(2);
    await oauth().sendEmail(email('q-1'));
    await oauth().sendEmail(email('q-2'));
    await expect(oauth().sendEmail(email('q-3'))).rejects.toMatchObject({ status: 429 });
    expect(run.sim.sent).toHaveLength(2);
  });

  it('a repeat with the same Idempotency-Key answers the first message and sends nothing', async () => {
    const a = await oauth().sendEmail(email('same'));
    const b = await oauth().sendEmail(email('same'));
    expect(b.messageUuid).toBe(a.messageUuid);
    expect(run.sim.sent).toHaveLength(1);
  });

  it('a dropped answer is not retried by the transport; a retry with the key finds the message sent once', async () => {
    run.sim.setFaults({ dropAfterWriteRate: 1, dropMode: 'destroy' });
    await expect(oauth().sendEmail(email('drop'))).rejects.toMatchObject({ retryable: true });
    expect(run.sim.sent).toHaveLength(1);
    run.sim.setFaults({});
    await oauth().sendEmail(email('drop'));
    expect(run.sim.sent).toHaveLength(1);
  });

  it('under 30 % injected failures and drops, retrying each send with its key sends each exactly once', async () => {
    run.sim.setFaults({ failureRate: 0.3, dropAfterWriteRate: 0.3, random: seededRandom(14) });
    for (let i = 0; i < 20; i++) {
      for (let attempt = 0; attempt < 30; attempt++) {
        const ok = await oauth().sendEmail(email(`chaos-${i}`)).then(() => true, (e: ServiceM8Error) => { if (!e.retryable) throw e; return false; });
        if (ok) break;
      }
    }
    expect(run.sim.count({ fault: 'failure' }) + run.sim.count({ fault: 'drop' })).toBeGreaterThan(5);
    expect(run.sim.sent).toHaveLength(20);
    expect(new Set(run.sim.sent.map((m) => m.idempotencyKey)).size).toBe(20);
  });
});
