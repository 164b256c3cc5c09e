import { randomUUID } from 'node:crypto';
import express, { Router, type Request, type Response } from 'express';
import type { AccountRegistry, Credential } from './accounts.js';
import { pickDrop, pickFailure } from './faults.js';
import { PER_MINUTE_EXCEEDED, type createRequestWindow } from './rate-window.js';
import type { FaultConfig, RequestLogEntry } from './types.js';

/** One message the simulated Messaging API accepted: what tests count. */
export type SentMessage = {
  messageUuid: string; account: string; channel: 'email' | 'sms'; to: string; subject?: string; body: string;
  attachments: string[]; regardingJobUuid?: string; idempotencyKey?: string; at: Date;
};

export type MessagingDeps = {
  accounts: AccountRegistry;
  window: ReturnType<typeof createRequestWindow>;
  faults: () => FaultConfig;
  log: (entry: RequestLogEntry) => void;
  now: () => Date;
  /** Messages per account per UTC day before 429 (ServiceM8 meters the Messaging API; the figure is not published). */
  dailyQuota: () => number;
  sent: SentMessage[];
};

const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;
const E164 = /^\+[1-9]\d{7,14}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_SMS = 480;
const fail = (status: number, message: string) => ({ status, body: { errorCode: status, message } });

/**
 * `POST /platform_service_email` and `/platform_service_sms` (platform-notes §4.2, DOC:messaging-overview):
 * OAuth tokens only (an API key is refused: private integrations have no Messaging API), scope
 * publish_email / publish_sms, a valid recipient, a daily quota per account. An `Idempotency-Key` seen
 * before answers with the first message and sends nothing (how the add-on makes a lost answer safe to retry).
 * Body fields (`to`, `subject`, `htmlBody`/`textBody`, `attachments`, `message`, `regardingJobUUID`) follow
 * third-party integrations; ServiceM8 does not publish them (UNVERIFIED).
 */
export function createMessagingRouter(deps: MessagingDeps): Router {
  const router = Router();
  const json = express.json({ type: () => true, limit: '256kb' });
  router.post('/platform_service_email', json, (req, res) => handle(deps, 'email', req, res));
  router.post('/platform_service_sms', json, (req, res) => handle(deps, 'sms', req, res));
  return router;
}

function handle(deps: MessagingDeps, channel: 'email' | 'sms', req: Request, res: Response): void {
  const log = (status: number, account?: string, fault?: 'failure' | 'drop') => deps.log({
    method: 'POST', path: req.path, query: '', status, at: deps.now(), ...(account ? { account } : {}), ...(fault ? { fault } : {}), body: req.body,
  });
  const credential = credentialOf(req);
  const account = credential ? deps.accounts.authenticate(credential) : undefined;
  if (!credential || !account) {
    res.status(401).json({ errorCode: 401, message: 'Authentication failed. Please check your API key or OAuth token.' });
    return log(401);
  }
  const vendor = account.vendorUuid;
  const answer = (r: { status: number; body: object }) => { res.status(r.status).json(r.body); log(r.status, vendor); };
  if (credential.kind === 'apiKey') return answer(fail(403, 'The Messaging API is only available to public applications using OAuth'));
  const scope = channel === 'email' ? 'publish_email' : 'publish_sms';
  if (!deps.accounts.scopes(credential).includes(scope)) return answer(fail(403, `This request requires the OAuth scope ${scope}`));
  if (deps.window.admit(vendor, deps.now().getTime()) !== 'ok') {
    res.status(429).type('text/plain').send(PER_MINUTE_EXCEEDED);
    return log(429, vendor);
  }
  const faults = deps.faults();
  const failure = pickFailure(faults);
  if (failure) {
    res.status(failure.status).json({ errorCode: failure.status, message: 'Platform unavailable. Please try again later.' });
    return log(failure.status, vendor, 'failure');
  }
  const parsed = parseMessage(channel, req.body, (uuid) => account.records.attachment.some((a) => a.uuid === uuid && Number(a.active) === 1));
  if ('status' in parsed) return answer(parsed);
  const key = req.get('idempotency-key')?.slice(0, 200);
  const earlier = key ? deps.sent.find((m) => m.account === vendor && m.idempotencyKey === key) : undefined;
  if (earlier) return answer({ status: 200, body: { errorCode: 0, message: 'OK', messageUUID: earlier.messageUuid } });
  const day = deps.now().toISOString().slice(0, 10);
  const today = deps.sent.filter((m) => m.account === vendor && m.at.toISOString().slice(0, 10) === day).length;
  if (today >= deps.dailyQuota()) return answer(fail(429, 'Messaging quota for this account has been reached for today'));
  const message: SentMessage = { ...parsed, channel, account: vendor, messageUuid: randomUUID(), at: deps.now(), ...(key ? { idempotencyKey: key } : {}) };
  deps.sent.push(message);
  const drop = pickDrop(faults);
  if (drop === 'destroy') {
    req.socket.destroy();
    return log(0, vendor, 'drop');
  }
  if (drop === 'status503') {
    res.status(503).json({ errorCode: 503, message: 'Platform unavailable. Please try again later.' });
    return log(503, vendor, 'drop');
  }
  answer({ status: 200, body: { errorCode: 0, message: 'OK', messageUUID: message.messageUuid } });
}

type Parsed = Pick<SentMessage, 'to' | 'subject' | 'body' | 'attachments' | 'regardingJobUuid'>;

function parseMessage(channel: 'email' | 'sms', raw: unknown, attachmentExists: (uuid: string) => boolean): Parsed | { status: number; body: object } {
  const b = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const str = (k: string) => (typeof b[k] === 'string' ? (b[k] as string).trim() : '');
  const to = str('to');
  const regarding = str('regardingJobUUID');
  if (regarding && !UUID.test(regarding)) return fail(400, 'regardingJobUUID is not a valid UUID');
  const common = { to, ...(regarding ? { regardingJobUuid: regarding } : {}) };
  if (channel === 'sms') {
    if (!E164.test(to)) return fail(400, 'to must be a mobile number in international format, e.g. +61491570156');
    const message = str('message');
    if (!message || message.length > MAX_SMS) return fail(400, `message is required and at most ${MAX_SMS} characters`);
    return { ...common, body: message, attachments: [] };
  }
  if (!EMAIL.test(to)) return fail(400, 'to must be one valid email address');
  const subject = str('subject');
  const body = str('htmlBody') || str('textBody');
  if (!subject || !body) return fail(400, 'subject and htmlBody or textBody are required');
  const attachments = Array.isArray(b.attachments) ? b.attachments : [];
  if (!attachments.every((a): a is string => typeof a === 'string' && attachmentExists(a))) return fail(400, 'attachments must be UUIDs of attachments in this account');
  return { ...common, subject, body, attachments };
}

function credentialOf(req: Request): Credential | undefined {
  const apiKey = req.get('x-api-key');
  if (apiKey) return { kind: 'apiKey', value: apiKey };
  const bearer = /^Bearer\s+(\S+)$/i.exec(req.get('authorization') ?? '')?.[1];
  return bearer ? { kind: 'bearer', value: bearer } : undefined;
}
