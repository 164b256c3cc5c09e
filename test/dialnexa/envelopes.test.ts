import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCallDetails, parseDelivery, type ParseResult } from '../../server/dialnexa/envelopes.js';
import type { CallOutcome } from '../../server/domain/call-outcome.js';

const ctx = { defaultRegion: 'AU', defaultCurrency: 'AUD' };
// Read as text and JSON.parse, as the webhook route does (a JSON import could treat __proto__ differently).
const load = (name: string): unknown => JSON.parse(readFileSync(new URL(`../fixtures/dialnexa/${name}`, import.meta.url), 'utf8'));

function outcomeOf(result: ParseResult): CallOutcome {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.errors)}`);
  return result.outcome;
}

describe('envelope A (event_type + payload.call)', () => {
  it('call_ended completed → outcome with analysis, E.164 phones, no recording link', () => {
    const o = outcomeOf(parseDelivery(load('a-call-ended-completed.json'), ctx));
    expect(o.kind).toBe('outcome');
    expect(o.event).toBe('call_ended');
    expect(o.providerCallId).toBe('call_7Qm2xK9a');
    expect(o.status).toBe('completed');
    expect(o.direction).toBe('inbound');
    expect(o.fromNumber).toBe('+61412345678');
    expect(o.toNumber).toBe('+61290001234');
    expect(o.agentId).toBe('agt_billing_au');
    expect(o.startedAt).toBe('2026-11-25T03:07:02.000Z');
    expect(o.durationSeconds).toBe(328);
    expect(o.summary).toMatch(/^Caller says invoice 1042 for \$349\.00/);
    expect(o.transcript).toMatch(/^Agent: Thanks for calling/);
    expect(o.transcriptUrl).toBe('https://app.dialnexa.example/calls/call_7Qm2xK9a');
    expect(o.hasRecording).toBe(true);
    expect(o.hangupReason).toBe('user_hangup');
    expect(o.analysis).toEqual({
      intent: 'duplicate_charge', intentConfidence: 0.93, customerName: 'Dana Whitfield', invoiceNumber: '1042',
      amount: { amount: '349.00', currency: 'AUD' }, paymentStatus: 'paid', callerClaim: 'Charged twice for invoice 1042',
      refundReason: 'duplicate charge', promisedNextStep: 'Finance to check both payments and call back', nextStepOwner: 'finance',
      followUpDeadline: '2026-11-27', callerVerified: true, vip: false, sensitiveRequest: false,
      links: { crm: 'https://crm.example.com/contacts/881' },
    });
    expect(JSON.stringify(o)).not.toMatch(/recordings\.dialnexa|X-Amz/);
  });

  it('call_ended hangup → status hangup with the deprecated disconnection_reason, no analysis', () => {
    const o = outcomeOf(parseDelivery(load('a-call-ended-hangup.json'), ctx));
    expect(o).toMatchObject({ kind: 'outcome', status: 'hangup', hangupReason: 'user_did_not_pick_up', direction: 'outbound', hasRecording: false });
    expect(o.toNumber).toBe('+61412345678'); // national "0412 345 678" with region AU
    expect(o.analysis).toBeUndefined();
  });

  it('call_initiated is acknowledged (ignored) but keeps the call id and fields at the lowest stage', () => {
    const o = outcomeOf(parseDelivery(load('a-call-initiated.json'), ctx));
    expect(o).toMatchObject({ kind: 'ignored', event: 'call_initiated', providerCallId: 'call_7Qm2xK9a', status: 'in_progress', fromNumber: '+61412345678' });
    expect(o.analysis).toBeUndefined();
  });

  it('transfer_completed → outcome; array transcript with role/speaker and content/text', () => {
    const o = outcomeOf(parseDelivery(load('a-transfer-completed.json'), ctx));
    expect(o).toMatchObject({ kind: 'outcome', event: 'transfer_completed', providerCallId: 'call_Tr8sF3r2', status: 'completed', fromNumber: '+61491570157' });
    expect(o.transcript).toBe('Agent: Billing assistant, how can I help?\nUser: My renewal failed, can I talk to a person?\nAgent: Transferring you to accounts now.');
    expect(o.analysis).toMatchObject({ intent: 'failed_renewal', vip: true, subscriptionId: 'SUB-2231', amount: { amount: '219.00', currency: 'AUD' } });
  });

  it('array transcript maps agent/assistant → Agent and user/caller → User; transcript_url kept', () => {
    const o = outcomeOf(parseDelivery(load('a-transcript-array.json'), ctx));
    expect(o.transcript).toBe([
      'Agent: Thanks for calling, how can I help?', 'User: I was charged twice for invoice 1042.',
      'User: It was three forty-nine both times.', "Agent: I'll pass it to finance.",
    ].join('\n'));
    expect(o.transcriptUrl).toBe('https://app.dialnexa.example/calls/call_Ar7yT0x3/transcript');
  });

  it('missing call id → errors naming payload.call.id', () => {
    expect(parseDelivery(load('hostile-missing-call-id.json'), ctx)).toEqual({
      ok: false, errors: [{ field: 'payload.call.id', message: expect.stringMatching(/^missing/) }],
    });
  });

  it('a call id that is not an id (path characters, too long) is an error, not a URL segment', () => {
    const body = (id: unknown) => ({ event_type: 'call_ended', payload: { call: { id, status: 'completed' } } });
    for (const id of ['../../admin', 'a'.repeat(129), { id: 1 }, true]) {
      const r = parseDelivery(body(id), ctx);
      expect(r.ok ? [] : r.errors.map((e) => e.field)).toEqual(['payload.call.id']);
    }
    expect(outcomeOf(parseDelivery(body(98765), ctx)).providerCallId).toBe('98765');
  });

  it('payload as an array (array where object expected) → payload.call.id error', () => {
    const r = parseDelivery(load('hostile-arrays-for-objects.json'), ctx);
    expect(r).toEqual({ ok: false, errors: [{ field: 'payload.call.id', message: expect.any(String) }] });
  });
});

describe('envelope B (event + data | payload)', () => {
  it('call.completed with data.call → completed outcome, B event name kept', () => {
    const o = outcomeOf(parseDelivery(load('b-call-completed-data-call.json'), ctx));
    expect(o).toMatchObject({ kind: 'outcome', event: 'call.completed', providerCallId: 'call_B1dataCall', status: 'completed', hasRecording: true });
    expect(o.analysis).toMatchObject({ intent: 'refund_request', invoiceNumber: 'INV-1042', amount: { amount: '89.50', currency: 'AUD' }, callerVerified: true });
  });

  it('call.failed with the call directly under data → failed', () => {
    const o = outcomeOf(parseDelivery(load('b-call-failed-data-direct.json'), ctx));
    expect(o).toMatchObject({ kind: 'outcome', event: 'call.failed', providerCallId: 'call_B2failed', status: 'failed', fromNumber: '+61491570006', hangupReason: 'sip_error' });
  });

  it('call.no_answer under payload.call → hangup, reason defaults to no_answer', () => {
    const o = outcomeOf(parseDelivery(load('b-call-no-answer-payload.json'), ctx));
    expect(o).toMatchObject({ kind: 'outcome', status: 'hangup', hangupReason: 'no_answer', providerCallId: 'call_B3noAnswer' });
  });

  it('campaign.* and workflow.* are ignored with ok:true', () => {
    for (const name of ['b-campaign-completed.json', 'b-workflow-step.json']) {
      expect(outcomeOf(parseDelivery(load(name), ctx))).toMatchObject({ kind: 'ignored', providerCallId: '' });
    }
  });

  it('missing call under data / payload names the field where it was expected', () => {
    const fields = (body: unknown) => { const r = parseDelivery(body, ctx); return r.ok ? [] : r.errors.map((e) => e.field); };
    expect(fields({ event: 'call.completed', data: {} })).toEqual(['data.call.id']);
    expect(fields({ event: 'call.completed', payload: { call: { status: 'completed' } } })).toEqual(['payload.call.id']);
    expect(fields({ event: 'call.completed' })).toEqual(['data.call.id']);
    expect(fields({ event: 'call.failed', data: { id: '' } })).toEqual(['data.id']);
  });
});

describe('envelope C (flat monitoring notification)', () => {
  it('call.analysis_ready → notification with session id, caller phone and agent', () => {
    const o = outcomeOf(parseDelivery(load('c-call-analysis-ready.json'), ctx));
    expect(o).toEqual({
      kind: 'notification', event: 'call.analysis_ready', providerCallId: 'call_7Qm2xK9a', revision: expect.any(Number),
      status: 'unknown', hasRecording: false, fromNumber: '+61412345678', agentId: 'agt_billing_au',
    });
  });

  it.each(['c-call-ended.json', 'c-call-transcript-ready.json'])('%s → notification', (name) => {
    expect(outcomeOf(parseDelivery(load(name), ctx)).kind).toBe('notification');
  });

  it.each(['c-call-started.json', 'c-alert-triggered.json', 'c-function-error.json'])('%s → ignored', (name) => {
    expect(outcomeOf(parseDelivery(load(name), ctx)).kind).toBe('ignored');
  });

  it('call.started keeps the session id for the record even though it is ignored', () => {
    expect(outcomeOf(parseDelivery(load('c-call-started.json'), ctx)).providerCallId).toBe('call_7Qm2xK9a');
  });

  it('notification without session_id → error naming session_id', () => {
    expect(parseDelivery(load('hostile-c-missing-session.json'), ctx)).toEqual({
      ok: false, errors: [{ field: 'session_id', message: expect.any(String) }],
    });
  });
});

describe('other events and non-objects', () => {
  it.each(['webhook-verification.json', 'ping.json'])('%s → ignored, ok:true', (name) => {
    expect(outcomeOf(parseDelivery(load(name), ctx))).toMatchObject({ kind: 'ignored', providerCallId: '' });
  });

  it('unknown event names are ignored and stored normalised', () => {
    expect(outcomeOf(parseDelivery({ event: 'Contact.Updated<script>', data: {} }, ctx))).toMatchObject({ kind: 'ignored', event: 'contact.updated_script_' });
    expect(outcomeOf(parseDelivery({ event_type: 'call_analyzed', payload: {} }, ctx)).kind).toBe('ignored');
  });

  it('the event name decides the shape, whichever key carries it', () => {
    const call = { id: 'call_h1', status: 'completed' };
    expect(outcomeOf(parseDelivery({ event_type: 'call.completed', data: { call } }, ctx))).toMatchObject({ kind: 'outcome', status: 'completed' });
    expect(outcomeOf(parseDelivery({ event: 'call_ended', payload: { call } }, ctx))).toMatchObject({ kind: 'outcome', event: 'call_ended' });
    expect(outcomeOf(parseDelivery({ event: 'CALL_ENDED', payload: { call } }, ctx)).kind).toBe('outcome');
  });

  it('an object with no event name: ignored when bare, an event_type error when call-shaped', () => {
    expect(outcomeOf(parseDelivery({}, ctx)).kind).toBe('ignored');
    const r = parseDelivery({ payload: { call: { id: 'call_1' } } }, ctx);
    expect(r.ok ? [] : r.errors.map((e) => e.field)).toEqual(['event_type']);
  });

  it.each([null, 42, 'call_ended', [], [{ event_type: 'call_ended' }], true])('non-object body %j → error on body', (body) => {
    expect(parseDelivery(body, ctx)).toEqual({ ok: false, errors: [{ field: 'body', message: 'must be a JSON object' }] });
  });
});

describe('parseCallDetails (GET /call-logs/{id}/details)', () => {
  it('maps call fields plus `analysis` to an outcome', () => {
    const o = outcomeOf(parseCallDetails(load('details-response.json'), ctx));
    expect(o).toMatchObject({ kind: 'outcome', event: 'call.details', providerCallId: 'call_7Qm2xK9a', status: 'completed', hasRecording: true, fromNumber: '+61412345678' });
    expect(o.analysis).toMatchObject({ intent: 'duplicate_charge', amount: { amount: '349.00', currency: 'AUD' }, invoiceNumber: '1042' });
    expect(JSON.stringify(o)).not.toMatch(/X-Amz/);
  });

  it('accepts a data wrapper and names the id field at fault', () => {
    expect(outcomeOf(parseCallDetails({ data: { id: 'call_9', status: 'completed' } }, ctx)).providerCallId).toBe('call_9');
    expect(parseCallDetails({ data: { status: 'completed' } }, ctx)).toEqual({ ok: false, errors: [{ field: 'data.id', message: expect.any(String) }] });
    expect(parseCallDetails({ status: 'completed' }, ctx)).toEqual({ ok: false, errors: [{ field: 'id', message: expect.any(String) }] });
    expect(parseCallDetails('nope', ctx)).toEqual({ ok: false, errors: [{ field: 'body', message: 'must be a JSON object' }] });
  });
});
