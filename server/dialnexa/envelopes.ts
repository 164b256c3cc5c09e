import type { CallOutcome, CallStatus } from '../domain/call-outcome.js';
import { parseCallFields, readRecordingUrl, type CallFields, type ParseContext } from './parse-call.js';
import { STAGE, revisionOf } from './parse-revision.js';
import { field, firstField, isWireObject, objectAt, readInstantMs, readText, type WireObject } from './parse-values.js';
import { toE164 } from './phone.js';

export { revisionOf, STAGE, type Stage } from './parse-revision.js';
export type { ParseContext } from './parse-call.js';
export { withoutRecordingUrls } from './parse-raw.js';

export type FieldError = { field: string; message: string };
/** `ok: false` is "signed but not valid" (contract, Responses: 400 naming the fields at fault). */
export type ParseResult = { ok: true; outcome: CallOutcome } | { ok: false; errors: FieldError[] };

/** Synthetic event name for a `GET /call-logs/{id}/details` response (no webhook event carries it). */
export const DETAILS_EVENT = 'call.details';

const A_EVENTS = new Set(['call_initiated', 'call_ended', 'transfer_completed']);
const B_STATUS: Record<string, CallStatus> = { 'call.completed': 'completed', 'call.failed': 'failed', 'call.no_answer': 'hangup' };
/** Monitoring events that mean "details can be fetched"; the sub-rank orders them on a timestamp tie. */
const C_NOTIFY: Record<string, number> = { 'call.ended': 0, 'call.transcript_ready': 1, 'call.analysis_ready': 2 };
/** *Assumed* names of an event time on an envelope; DialNexa's examples only show C's `timestamp`. */
const EVENT_TIME_KEYS = ['timestamp', 'created_at', 'occurred_at'] as const;
const CALL_ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/;

/**
 * Turns any of the three webhook envelopes (contract, "The three envelopes") into one CallOutcome.
 * Unknown events are `ignored` with ok:true (they get `200 {"ok":true}`). Never throws. Does not redact:
 * the caller redacts the outcome before storing it.
 */
export function parseDelivery(body: unknown, ctx: ParseContext): ParseResult {
  try {
    return parseEnvelope(body, ctx);
  } catch {
    // Unreachable for JSON.parse output; a last guard so hostile input can never crash the route.
    return invalid('body', 'could not be read');
  }
}

/** Parses the `GET /call-logs/{id}/details` response into a kind `outcome` (contract, envelope C). */
export function parseCallDetails(body: unknown, ctx: ParseContext): ParseResult {
  try {
    if (!isWireObject(body)) return invalid('body', 'must be a JSON object');
    const { wrapper, call } = unwrapDetails(body);
    const id = readCallId(field(call, 'id'));
    if (typeof id !== 'string') return invalid(wrapper ? `${wrapper}.id` : 'id', id.message);
    const fields = parseCallFields(call, ctx);
    const stage = fields.analysis ? STAGE.details : STAGE.outcome;
    return { ok: true, outcome: toOutcome('outcome', DETAILS_EVENT, id, fields, fields.wireStatus, revisionOf(stage, fields.endedAtMs)) };
  } catch {
    return invalid('body', 'could not be read');
  }
}

/** The presigned `recording_url` of a details response, for the on-demand "open recording" path only. */
export function readDetailsRecordingUrl(body: unknown): string | undefined {
  return isWireObject(body) ? readRecordingUrl(unwrapDetails(body).call) : undefined;
}

/** *Assumed*: the call is top-level; `data` / `call` wrappers are accepted in case the API adds one. */
function unwrapDetails(body: WireObject): { wrapper?: 'data' | 'call'; call: WireObject } {
  const wrapper = objectAt(body, 'data') ? 'data' : objectAt(body, 'call') ? 'call' : undefined;
  return { wrapper, call: (wrapper && objectAt(body, wrapper)) || body };
}

function parseEnvelope(body: unknown, ctx: ParseContext): ParseResult {
  if (!isWireObject(body)) return invalid('body', 'must be a JSON object');
  // Dispatch on the event name, not on which key carried it, so a hybrid body is still understood.
  const event = readEventName(field(body, 'event_type')) ?? readEventName(field(body, 'event'));
  if (event !== undefined && A_EVENTS.has(event)) return parseShapeA(body, event, ctx);
  if (event !== undefined && Object.hasOwn(B_STATUS, event)) return parseShapeB(body, event, ctx);
  if (event !== undefined && Object.hasOwn(C_NOTIFY, event)) return parseShapeC(body, event, ctx);
  if (event !== undefined) return ignored(event, bestEffortId(body), eventTime(body));
  // No event name: a call-shaped body is a broken delivery; anything else (a bare verification ping) is
  // acknowledged, because registration fails unless it gets a 2xx (contract, Transport, *assumed* shape).
  if (objectAt(body, 'payload') || objectAt(body, 'data') || field(body, 'session_id') !== undefined) {
    return invalid('event_type', 'missing: expected event_type (or event)');
  }
  return ignored(readEventName(field(body, 'type')) ?? 'unknown', '', eventTime(body));
}

/** Envelope A: `{ event_type, payload: { call } }`. `call_initiated` is acknowledged only. */
function parseShapeA(body: WireObject, event: string, ctx: ParseContext): ParseResult {
  const payload = objectAt(body, 'payload');
  const direct = payload && !objectAt(payload, 'call') && field(payload, 'id') !== undefined;
  const call = direct ? payload : objectAt(payload, 'call');
  const idPath = direct ? 'payload.id' : 'payload.call.id';
  if (event === 'call_initiated') {
    // Decision: nothing to act on yet, so `ignored` — but with whatever call fields arrived, at stage 1,
    // so a store that chooses to record it is overtaken by every later event for the call.
    const fields = call ? parseCallFields(call, ctx) : undefined;
    const id = readCallId(field(call, 'id'));
    const at = eventTime(body) ?? readInstantMs(field(call, 'initiated_at'));
    return { ok: true, outcome: toOutcome('ignored', event, typeof id === 'string' ? id : '', fields, 'in_progress', revisionOf(STAGE.initiated, at)) };
  }
  if (!call) return invalid(idPath, 'missing: the call object is required for this event');
  const id = readCallId(field(call, 'id'));
  if (typeof id !== 'string') return invalid(idPath, id.message);
  const fields = parseCallFields(call, ctx);
  const status = event === 'transfer_completed' && fields.wireStatus === 'unknown' ? 'in_progress' : fields.wireStatus;
  const at = eventTime(body) ?? eventTime(payload) ?? fields.endedAtMs;
  const revision = revisionOf(fields.analysis ? STAGE.analysed : STAGE.outcome, at, event === 'call_ended' ? 1 : 0);
  return { ok: true, outcome: toOutcome('outcome', event, id, fields, status, revision) };
}

/** Envelope B (*assumed*): `{ event, data|payload: { call } | call }`. The event name decides the status. */
function parseShapeB(body: WireObject, event: string, ctx: ParseContext): ParseResult {
  const name = objectAt(body, 'data') ? 'data' : objectAt(body, 'payload') ? 'payload' : undefined;
  const container = name ? objectAt(body, name) : undefined;
  const nested = objectAt(container, 'call');
  const call = nested ?? (field(container, 'id') !== undefined ? container : undefined);
  const idPath = `${name ?? 'data'}${nested || !call ? '.call' : ''}.id`;
  if (!call) return invalid(idPath, 'missing: the call object is required for this event');
  const id = readCallId(field(call, 'id'));
  if (typeof id !== 'string') return invalid(idPath, id.message);
  const fields = parseCallFields(call, ctx);
  const status = B_STATUS[event] ?? 'unknown';
  // call.no_answer may omit the reason; the event name is the reason then (*assumed*).
  const withReason = status === 'hangup' && !fields.hangupReason ? { ...fields, hangupReason: 'no_answer' } : fields;
  const at = eventTime(body) ?? eventTime(container) ?? fields.endedAtMs;
  return { ok: true, outcome: toOutcome('outcome', event, id, withReason, status, revisionOf(fields.analysis ? STAGE.analysed : STAGE.outcome, at, 1)) };
}

/** Envelope C: a flat notification; the outcome is fetched later from the details endpoint. */
function parseShapeC(body: WireObject, event: string, ctx: ParseContext): ParseResult {
  // *Assumed* alias `call_id` beside the documented `session_id`.
  const id = readCallId(firstField(body, ['session_id', 'call_id']));
  if (typeof id !== 'string') return invalid('session_id', id.message);
  const outcome = toOutcome('notification', event, id, undefined, 'unknown', revisionOf(STAGE.notification, eventTime(body), C_NOTIFY[event]));
  // *Assumed*: `phone_number` is the caller (billing lines are inbound); the details fetch overrides it.
  const fromNumber = toE164(field(body, 'phone_number'), ctx.defaultRegion);
  const agentId = readText(field(body, 'agent_id'), 200);
  return { ok: true, outcome: { ...outcome, ...(fromNumber && { fromNumber }), ...(agentId && { agentId }) } };
}

function ignored(event: string, providerCallId: string, at: number | undefined): ParseResult {
  return { ok: true, outcome: toOutcome('ignored', event, providerCallId, undefined, 'unknown', revisionOf(STAGE.initiated, at)) };
}

function toOutcome(
  kind: CallOutcome['kind'], event: string, providerCallId: string, fields: CallFields | undefined, status: CallStatus, revision: number,
): CallOutcome {
  const { wireStatus: _s, endedAtMs: _e, ...rest } = fields ?? { wireStatus: 'unknown', hasRecording: false };
  return { kind, event, providerCallId, revision, ...rest, status, hasRecording: rest.hasRecording };
}

function invalid(fieldName: string, message: string): ParseResult {
  return { ok: false, errors: [{ field: fieldName, message }] };
}

/** Lower-case, bounded, and limited to the characters event names use, since it is stored and logged. */
function readEventName(value: unknown): string | undefined {
  const text = readText(value, 100);
  return text?.toLowerCase().replace(/[^a-z0-9_.:-]/g, '_');
}

/** *Assumed* id format (DialNexa shows `call_7Qm2xK9a`): it becomes a URL path segment and an idempotency key. */
function readCallId(value: unknown): string | { message: string } {
  if (value === undefined || value === null || value === '') return { message: 'missing: a call id is required' };
  const text = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : typeof value === 'string' ? value.trim() : undefined;
  return text !== undefined && CALL_ID.test(text) ? text : { message: 'must be a call id: 1–128 letters, digits, _ . : -' };
}

function bestEffortId(body: WireObject): string {
  const data = objectAt(body, 'data') ?? objectAt(body, 'payload');
  const id = readCallId(firstField(objectAt(data, 'call'), ['id']) ?? field(data, 'id') ?? firstField(body, ['session_id', 'call_id']));
  return typeof id === 'string' ? id : '';
}

function eventTime(obj: unknown): number | undefined {
  return readInstantMs(firstField(obj, EVENT_TIME_KEYS));
}
