import { Router } from 'express';
import { buildManifest } from '../servicem8/manifest.js';
import { renderMessage } from '../panel/shell.js';
import type { AppDeps } from '../app-deps.js';

/** Unauthenticated operational routes. They carry no data inward. */
export function opsRoutes(deps: AppDeps): Router {
  const r = Router();
  r.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });
  r.get('/readyz', async (req, res) => {
    const checks = await deps.readiness();
    if (!checks.ok) req.log.warn({ checks }, 'not ready');
    res.status(checks.ok ? 200 : 503).json(checks);
  });
  r.get('/metrics', async (_req, res) => {
    res.type(deps.metrics.registry.contentType).send(await deps.metrics.registry.metrics());
  });
  r.get('/support', (_req, res) => {
    res.type('html').send(renderMessage('DialNexa Billing Calls — help', 'The add-on records DialNexa billing calls on the matching ServiceM8 job. Open “Billing calls” on a job card to see a call and confirm its next step; finance reviews unmatched and sensitive calls under Add-ons → “Billing call review”, where settings live too. For help, email support@example.com.'));
  });
  r.get('/manifest.json', (_req, res) => {
    res.json(buildManifest(deps.config.publicUrl));
  });
  return r;
}
