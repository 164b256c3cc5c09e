import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import express, { Router, type Request, type Response } from 'express';

/** Stored call details: shape-A call fields plus `analysis` and `timeline` (contract, envelope C). */
export type SimulatedCallDetails = Record<string, unknown> & { id: string };

export type DialNexaSimulatorOptions = { now?: () => Date; apiKey?: string };

export type DialNexaSimulator = {
  /** Serves `GET /call-logs/:id/details`; mount it where `DIALNEXA_API_URL` points. */
  router: Router;
  addCall(details: SimulatedCallDetails): SimulatedCallDetails;
  calls: ReadonlyMap<string, SimulatedCallDetails>;
  listen(port?: number): Promise<{ url: string; close: () => Promise<void> }>;
};

/** The key the sandbox configures when no DIALNEXA_API_KEY is set; it opens nothing real. */
export const SANDBOX_DIALNEXA_API_KEY = 'sandbox-dialnexa-key';
const SEVEN_DAYS_S = 7 * 24 * 60 * 60;

/**
 * An in-memory stand-in for DialNexa's call-details API. Every read returns a new presigned-looking
 * `recording_url` that expires 7 days later, as the real one does, so nothing can get away with storing it.
 */
export function createDialNexaSimulator(options: DialNexaSimulatorOptions = {}): DialNexaSimulator {
  const now = options.now ?? (() => new Date());
  const apiKey = options.apiKey ?? SANDBOX_DIALNEXA_API_KEY;
  const calls = new Map<string, SimulatedCallDetails>();
  const router = Router();

  router.get('/call-logs/:id/details', (req: Request, res: Response) => {
    if (req.get('authorization') !== `Bearer ${apiKey}`) {
      res.status(401).json({ error: 'unauthorized' });
      return;
    }
    const id = String(req.params.id);
    const call = calls.get(id);
    if (!call) {
      res.status(404).json({ error: 'call not found' });
      return;
    }
    const { recording_url: _stored, ...rest } = call;
    const recording = rest.status === 'hangup' ? {} : { recording_url: presignedRecordingUrl(id, now()) };
    res.json({ ...rest, ...recording });
  });

  return {
    router,
    calls,
    addCall(details) {
      const copy = structuredClone(details);
      calls.set(copy.id, copy);
      return copy;
    },
    listen(port = 0) {
      const app = express();
      app.use(router);
      return new Promise((resolve, reject) => {
        const server = app.listen(port, '127.0.0.1', (error?: Error) => {
          if (error) return reject(error);
          const { port: bound } = server.address() as AddressInfo;
          resolve({
            url: `http://127.0.0.1:${bound}`,
            close: () => new Promise<void>((done, fail) => server.close((e) => (e ? fail(e) : done()))),
          });
        });
      });
    },
  };
}

/** S3-style presigned link (X-Amz-Date + X-Amz-Expires) with a fresh signature per read. */
export function presignedRecordingUrl(callId: string, at: Date): string {
  const amzDate = at.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  const expires = Math.floor(at.getTime() / 1000) + SEVEN_DAYS_S;
  const query = new URLSearchParams({
    'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
    'X-Amz-Date': amzDate,
    'X-Amz-Expires': String(SEVEN_DAYS_S),
    Expires: String(expires),
    'X-Amz-Signature': randomBytes(32).toString('hex'),
  });
  return `https://recordings.dialnexa.example/${encodeURIComponent(callId)}.mp3?${query.toString()}`;
}

/**
 * Details for a call from an envelope-A body (what SAMPLE_CALLS build): the call fields, its
 * `post_call_analysis` as `analysis`, and a *assumed*-shape `timeline`.
 */
export function callDetailsFromEnvelope(body: Record<string, unknown>): SimulatedCallDetails {
  const payload = body.payload as { call?: Record<string, unknown> } | undefined;
  const call = payload?.call;
  if (!call || typeof call.id !== 'string') throw new Error('expected an envelope-A body with payload.call.id');
  const { post_call_analysis: analysis, ...fields } = call;
  const started = typeof call.initiated_at === 'string' ? Date.parse(call.initiated_at) : NaN;
  const duration = typeof call.duration === 'number' ? call.duration : 0;
  const timeline = Number.isNaN(started)
    ? []
    : [
        { event: 'call_started', at: new Date(started).toISOString() },
        { event: 'call_ended', at: new Date(started + duration * 1000).toISOString() },
        ...(analysis ? [{ event: 'analysis_ready', at: new Date(started + (duration + 30) * 1000).toISOString() }] : []),
      ];
  return { ...fields, id: call.id, ...(analysis ? { analysis } : {}), timeline };
}
