import type { CallAnalysis, CallOutcome, CallStatus } from '../domain/call-outcome.js';
import { parseAnalysis, dropUndefined } from './parse-analysis.js';
import { toE164 } from './phone.js';
import {
  MAX_TEXT, field, firstField, isWireObject, readHttpUrl, readInstantMs, readNumber, readText, readToken, truncate,
} from './parse-values.js';

export type ParseContext = { defaultRegion: string; defaultCurrency: string };

/** The call fields every envelope shares (contract, envelope A); kind/event/revision are set by the caller. */
export type CallFields = Omit<CallOutcome, 'kind' | 'event' | 'revision' | 'providerCallId' | 'status'> & {
  wireStatus: CallStatus;
  /** When the call ended, for the revision (ms); undefined when the body does not say. */
  endedAtMs?: number;
};

/** *Assumed* names for a transcript/log page link; DialNexa documents none. Keep them here only. */
const TRANSCRIPT_LINK_KEYS = ['transcript_url', 'public_log_url', 'log_url'] as const;
/** *Assumed*: an explicit end time, when DialNexa sends one; otherwise initiated_at + duration. */
const ENDED_AT_KEYS = ['ended_at', 'end_timestamp'] as const;

/** Reads a shape-A `call` object. Never keeps `recording_url` (presigned, expires after 7 days). */
export function parseCallFields(call: object, ctx: ParseContext): CallFields {
  const startedMs = readInstantMs(field(call, 'initiated_at'));
  const duration = readNumber(field(call, 'duration'));
  const durationSeconds = duration !== undefined && duration >= 0 && duration < 1e7 ? Math.round(duration) : undefined;
  const endedAtMs = readInstantMs(firstField(call, ENDED_AT_KEYS))
    ?? (startedMs !== undefined ? startedMs + (durationSeconds ?? 0) * 1000 : undefined);
  const analysisRaw = firstField(call, ['post_call_analysis', 'analysis']);
  const analysis: CallAnalysis | undefined = isWireObject(analysisRaw) ? parseAnalysis(analysisRaw, ctx) : undefined;
  return dropUndefined({
    direction: readDirection(field(call, 'direction')),
    fromNumber: toE164(field(call, 'from_number'), ctx.defaultRegion),
    toNumber: toE164(field(call, 'to_number'), ctx.defaultRegion),
    agentId: readText(field(call, 'agent_id'), 200),
    wireStatus: readCallStatus(field(call, 'status')),
    startedAt: startedMs !== undefined ? new Date(startedMs).toISOString() : undefined,
    durationSeconds,
    summary: readText(field(call, 'summary')),
    transcript: readTranscript(field(call, 'transcript')),
    transcriptUrl: readHttpUrl(firstField(call, TRANSCRIPT_LINK_KEYS)),
    hasRecording: readText(field(call, 'recording_url'), 16) !== undefined,
    // `disconnection_reason` is the deprecated alias (contract, envelope A).
    hangupReason: readToken(firstField(call, ['hangup_reason', 'disconnection_reason'])),
    analysis,
    endedAtMs,
  });
}

/** The presigned recording link from a details response, for the on-demand "open recording" path only. */
export function readRecordingUrl(call: unknown): string | undefined {
  return readHttpUrl(field(call, 'recording_url'));
}

function readDirection(value: unknown): 'inbound' | 'outbound' | undefined {
  const token = readToken(value);
  return token === 'inbound' || token === 'outbound' ? token : undefined;
}

const STATUS_ALIASES: Record<string, CallStatus> = {
  completed: 'completed', ended: 'completed', done: 'completed',
  hangup: 'hangup', no_answer: 'hangup', busy: 'hangup', not_connected: 'hangup', voicemail: 'hangup',
  failed: 'failed', error: 'failed',
  in_progress: 'in_progress', ongoing: 'in_progress', ringing: 'in_progress', initiated: 'in_progress',
  queued: 'in_progress', active: 'in_progress',
};

/** DialNexa documents `completed` and `hangup`; the other aliases are *assumed* tolerance. */
export function readCallStatus(value: unknown): CallStatus {
  const token = readToken(value);
  return token !== undefined && Object.hasOwn(STATUS_ALIASES, token) ? STATUS_ALIASES[token]! : 'unknown';
}

const SPEAKERS: Record<string, string> = {
  agent: 'Agent', assistant: 'Agent', bot: 'Agent', ai: 'Agent',
  user: 'User', caller: 'User', customer: 'User', human: 'User',
};

/**
 * A string as is, or an array of `{ role|speaker, content|text }` (contract, *assumed* array form)
 * joined as `Agent: …` / `User: …` lines. Stops once MAX_TEXT is reached.
 */
export function readTranscript(value: unknown): string | undefined {
  if (!Array.isArray(value)) return readText(value);
  const lines: string[] = [];
  let length = 0;
  for (const turn of value) {
    const text = typeof turn === 'string' ? readText(turn) : readText(firstField(turn, ['content', 'text']));
    if (text === undefined) continue;
    const role = readToken(firstField(turn, ['role', 'speaker'])) ?? '';
    // A bare string turn already carries its own `Speaker:` prefix (the string form, split into lines).
    const line = typeof turn === 'string' ? text : `${Object.hasOwn(SPEAKERS, role) ? SPEAKERS[role] : 'Speaker'}: ${text}`;
    lines.push(line);
    length += line.length + 1;
    if (length > MAX_TEXT) break;
  }
  return lines.length === 0 ? undefined : truncate(lines.join('\n'));
}
