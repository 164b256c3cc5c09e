import type { RequestHandler } from 'express';
import type { Metrics } from './metrics.js';

/** GET /metrics: Prometheus text from this app's own registry (no global default registry: metrics.ts). */
export function metricsHandler(metrics: Metrics): RequestHandler {
  return async (_req, res) => {
    res.setHeader('cache-control', 'no-store');
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  };
}
