import express, { Router, type Request, type Response } from 'express';
import type { AppDeps } from '../app-deps.js';
import type { AccountSettings } from '../domain/account-settings.js';
import { AppError } from '../errors.js';
import { verifyDialNexaSignature } from '../dialnexa/verify-signature.js';
import { createDeliveryBatcher } from '../calls/delivery-batcher.js';

type Target = { accountUuid: string; connectionId?: string; secrets: string[]; settings?: AccountSettings };

/**
 * DialNexa webhooks (contracts/dialnexa-webhooks.md). Raw-body parser on these routes only (1 MiB, 413
 * beyond). Verify over the raw bytes, then redact every string, then parse the redacted body, then record —
 * nothing is stored for an unsigned or wrongly signed request, and no ServiceM8 or DialNexa call runs
 * before the answer.
 */
export function dialnexaWebhookRoutes(deps: AppDeps): Router {
  const r = Router();
  const raw = express.raw({ type: () => true, limit: '1mb' });
  const recorder = createDeliveryBatcher(deps.store);

  async function resolveTarget(req: Request): Promise<Target> {
    const id = typeof req.params.connectionId === 'string' ? req.params.connectionId : undefined;
    if (id) {
      const conn = await deps.store.accounts.getConnection(id).catch((cause) => {
        throw new AppError('UNAVAILABLE', 'Storage is unavailable; retry later', { cause });
      });
      if (!conn) throw new AppError('NOT_FOUND', 'Unknown DialNexa connection');
      return { accountUuid: conn.accountUuid, connectionId: conn.id, secrets: conn.secrets, settings: conn.settings };
    }
    const { webhookSecret, previousWebhookSecret } = deps.config.dialnexa;
    if (!webhookSecret || !deps.defaultAccountUuid) throw new AppError('NOT_FOUND', 'Single-account webhook is not configured');
    return { accountUuid: deps.defaultAccountUuid, secrets: [webhookSecret, ...(previousWebhookSecret ? [previousWebhookSecret] : [])] };
  }

  async function handle(req: Request, res: Response) {
    deps.intakeFirst?.enter();
    try {
      await handleDelivery(req, res);
    } finally {
      deps.intakeFirst?.leave();
    }
  }

  async function handleDelivery(req: Request, res: Response) {
    const target = await resolveTarget(req);
    const body: Buffer = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const header = req.get('x-dialnexa-signature') ?? req.get('x-nexa-signature');
    if (!verifyDialNexaSignature(body, header, target.secrets)) {
      deps.metrics.countDelivery('unauthorized');
      throw new AppError('UNAUTHORIZED', 'Missing or invalid signature', { detail: { reason: header ? 'signature mismatch' : 'no signature header' } });
    }
    const settings = target.settings ?? (await deps.store.accounts.get(target.accountUuid))?.settings;
    if (!settings) throw new AppError('NOT_FOUND', 'Unknown DialNexa connection');
    // Redact every string of the body, then parse the redacted body (intake threads; prepare-delivery.ts).
    const prepared = await deps.intake.prepare(body.toString('utf8'), { defaultRegion: settings.defaultRegion, defaultCurrency: settings.currency })
      .catch((cause) => { throw new AppError('UNAVAILABLE', 'Could not process the delivery; retry later', { cause }); });
    if (!prepared.ok) {
      await keepInvalid(deps, target, prepared.stored, prepared.errors, prepared.kinds);
      throw new AppError('BAD_REQUEST', prepared.notJson ? 'Body is not valid JSON' : 'Webhook body is not valid', { detail: { fields: prepared.errors } });
    }
    const outcome = prepared.outcome;
    // Group commit: concurrent deliveries share one transaction; this resolves once ours has committed.
    const result = await recorder.record({
      accountUuid: target.accountUuid, connectionId: target.connectionId, outcome, redactionKinds: prepared.kinds, bodyRedacted: prepared.stored,
    }).catch((cause) => { throw new AppError('UNAVAILABLE', 'Storage is unavailable; retry later', { cause }); });
    deps.metrics.countDelivery(result.outcome);
    req.log.info({ delivery: result.deliveryId, outcome: result.outcome, call: result.callId, event: outcome.event, planned: result.planned }, 'dialnexa delivery');
    if (result.planned) deps.wakeWorker();
    res.status(200).json({ ok: true, callId: result.callId, status: result.outcome === 'ignored' ? 'ignored' : 'recorded' });
  }

  r.post('/dialnexa/webhook/:connectionId', raw, handle);
  r.post('/dialnexa/webhook', raw, handle);
  return r;
}

async function keepInvalid(deps: AppDeps, t: Target, bodyRedacted: string, errors: { field: string; message: string }[], redactionKinds: string[]) {
  deps.metrics.countDelivery('invalid');
  await deps.store.deliveries.record({ accountUuid: t.accountUuid, connectionId: t.connectionId, outcome: 'invalid', errors, bodyRedacted, redactionKinds })
    .catch((cause) => { throw new AppError('UNAVAILABLE', 'Storage is unavailable; retry later', { cause }); });
}
