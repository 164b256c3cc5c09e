import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { SEED } from '../../server/sandbox/seed.js';
import { engines } from '../helpers/databases.js';
import { useRuntime } from '../helpers/make-deps.js';
import { addonEvent } from '../helpers/sign.js';
import { callEnded, deliver } from '../helpers/deliver.js';
import { settle } from '../helpers/pipeline.js';

/**
 * Known sensitive values, seeded into every free-text field of a call (written and spoken), then searched
 * for in every sink: database rows, logs, webhook and API responses, the panel HTML, and every request
 * the add-on sent to ServiceM8. None may appear.
 */
const SECRETS = {
  card: '4111 1111 1111 1111',
  cardDigits: '4111111111111111',
  amex: '3782 822463 10005',
  spokenCard: 'five five five five, five five five five, five five five five, four four four four',
  cvv: 'CVV is 737',
  expiry: 'expiry 09/28',
  iban: 'GB82 WEST 1234 5698 7654 32',
  bsbAccount: 'BSB 062-000 account 12345678',
  tfn: 'TFN 123 456 782',
  ssn: 'SSN 078-05-1120',
};
const NEEDLES = ['4111111111111111', '4111 1111 1111 1111', '378282246310005', '3782 822463 10005', '5555 5555', 'five five five five, five', 'is 737', 'Dana 737', '09/28', 'GB82', '5698 7654', '062-000', '12345678', '123 456 782', '123456782', '078-05-1120'];
const allText = Object.values(SECRETS).join('; ');

function leaksIn(haystack: string): string[] {
  return NEEDLES.filter((n) => haystack.includes(n));
}

describe.each(engines)('no sensitive value reaches any sink on %s', async (engine) => {
  const rt = await useRuntime({ engine });
  const sb = rt.sandbox!;
  const responses: string[] = [];

  it('seeds card, bank and tax values into every free-text field and finds none of them anywhere', async () => {
    const body = callEnded('call_leak', {
      from_number: '61491570156',
      summary: `Caller read their card ${SECRETS.card}, ${SECRETS.cvv}, ${SECRETS.expiry} to pay invoice 1042. ${SECRETS.iban}`,
      transcript: `Agent: How can I help?\nUser: my card is ${SECRETS.spokenCard}\nAgent: please don't\nUser: also ${SECRETS.amex} and ${SECRETS.bsbAccount}, my ${SECRETS.tfn}, ${SECRETS.ssn}`,
    }, {
      caller_claim: `Charged twice on card ${SECRETS.cardDigits}, ${SECRETS.cvv}`,
      refund_reason: `refund to ${SECRETS.bsbAccount}`, dispute_reason: `disputed on ${SECRETS.card}`,
      credit_request: SECRETS.iban, promised_next_step: `call back about ${SECRETS.tfn}`, next_step_owner: `finance ${SECRETS.ssn}`,
      customer_name: `Dana ${SECRETS.cvv}`, account_ref: allText, invoice_number: '1042', caller_verified: true,
    });
    const res = await deliver(rt.app, sb.connectionId, sb.webhookSecret, body);
    expect(res.status).toBe(200);
    responses.push(res.text);
    await settle(rt);

    // Database: every row of every table.
    const tables = ['accounts', 'dialnexa_connections', 'deliveries', 'calls', 'call_links', 'outbox', 'review_items', 'audit_events', 'known_references'];
    let dump = '';
    for (const t of tables) dump += JSON.stringify(await sql`select * from ${sql.table(t)}`.execute(rt.tdb.db));
    expect(dump).toContain('call_leak');
    expect(leaksIn(dump)).toEqual([]);

    // What the add-on sent to ServiceM8 (the simulator logs every request body).
    const sent = JSON.stringify(sb.servicem8.requests.map((r) => r.body ?? null));
    expect(sent).toContain('1042');
    expect(leaksIn(sent)).toEqual([]);

    // Panel: the shell HTML from the add-on event and every API response it leads to.
    const call = (await rt.deps.store.calls.getByProviderId(sb.accountUuid, 'call_leak'))!;
    expect(call.jobUuid).toBe(SEED.jobs.j1042.uuid);
    const shell = await request(rt.app).post('/servicem8/addon-event').send(addonEvent({ secret: rt.config.servicem8.appSecret!, account: sb.accountUuid, staff: SEED.staff.finance.uuid, eventName: 'dialnexa_billing_job_panel', args: { jobUUID: call.jobUuid } }));
    responses.push(shell.text);
    const token = JSON.parse(/<script id="bootstrap" type="application\/json">(.*?)<\/script>/.exec(shell.body.eventResponse)![1]!).token;
    const view = await request(rt.app).get('/api/panel/job').set('authorization', `Bearer ${token}`);
    expect(view.status).toBe(200);
    responses.push(view.text);
    const review = await request(rt.app).post('/servicem8/addon-event').send(addonEvent({ secret: rt.config.servicem8.appSecret!, account: sb.accountUuid, staff: SEED.staff.finance.uuid, eventName: 'dialnexa_billing_review' }));
    const reviewToken = JSON.parse(/<script id="bootstrap" type="application\/json">(.*?)<\/script>/.exec(review.body.eventResponse)![1]!).token;
    responses.push((await request(rt.app).get('/api/panel/review').set('authorization', `Bearer ${reviewToken}`)).text);
    expect(view.text).toContain('[card');
    expect(leaksIn(responses.join('\n'))).toEqual([]);

    // Logs, at debug level.
    const logs = rt.logs.join('');
    expect(logs).toContain('dialnexa delivery');
    expect(leaksIn(logs)).toEqual([]);
    // And the stored call records which kinds were suppressed.
    expect(call.redactionKinds).toEqual(expect.arrayContaining(['card', 'security_code', 'expiry', 'iban', 'tax_id']));
  });

  it('redacts what staff type into the panel before storing or sending it', async () => {
    const call = (await rt.deps.store.calls.getByProviderId(sb.accountUuid, 'call_leak'))!;
    const shell = await request(rt.app).post('/servicem8/addon-event').send(addonEvent({ secret: rt.config.servicem8.appSecret!, account: sb.accountUuid, staff: SEED.staff.finance.uuid, eventName: 'dialnexa_billing_job_panel', args: { jobUUID: call.jobUuid } }));
    const token = JSON.parse(/<script id="bootstrap" type="application\/json">(.*?)<\/script>/.exec(shell.body.eventResponse)![1]!).token;
    const res = await request(rt.app).post(`/api/panel/calls/${call.id}/steps`).set('authorization', `Bearer ${token}`)
      .send({ action: 'resolve', requestId: 'req-leak-0001', outcome: `Refunded to card ${SECRETS.card}` });
    expect(res.status).toBe(200);
    await settle(rt);
    let dump = '';
    for (const t of ['calls', 'outbox', 'audit_events', 'review_items']) dump += JSON.stringify(await sql`select * from ${sql.table(t)}`.execute(rt.tdb.db));
    expect(leaksIn(dump + res.text + JSON.stringify(sb.servicem8.requests.map((r) => r.body ?? null)))).toEqual([]);
    expect(dump).toContain('Refunded to card [card');
  });
});
