import { Router } from 'express';
import { metricsHandler } from '../http/metrics-handler.js';
import { requireBearer } from '../http/require-bearer.js';
import { buildManifest } from '../servicem8/manifest.js';
import { renderMessage } from '../panel/shell.js';
import type { AppDeps } from '../app-deps.js';

/**
 * Operational routes. Health, readiness, help and the manifest are unauthenticated and carry no data
 * inward. /metrics names routes, outcomes and volumes, so it needs METRICS_TOKEN as a bearer token
 * (issue 15, item 6); METRICS_PORT serves it on localhost instead (server/http/metrics-app.ts).
 */
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
  r.get('/metrics', requireBearer(deps.config.metrics.token, 'Metrics'), metricsHandler(deps.metrics));
  r.get('/support', (_req, res) => {
    res.type('html').send(renderMessage('DialNexa Billing Calls — help', 'The add-on records DialNexa billing calls on the matching ServiceM8 job. Open “Billing calls” on a job card to see a call and confirm its next step; finance reviews unmatched and sensitive calls under Add-ons → “Billing call review”, where settings live too. For help, email support@example.com.'));
  });
  r.get('/manifest.json', (_req, res) => {
    res.json(buildManifest(deps.config.publicUrl, { sends: deps.config.documentSends === true }));
  });
  return r;
}
