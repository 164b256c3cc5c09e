import express, { type Express } from 'express';
import type { AppDeps } from '../app-deps.js';
import { AppError } from '../errors.js';
import { errorHandler } from './error-handler.js';
import { metricsHandler } from './metrics-handler.js';

/**
 * The app behind METRICS_PORT: GET /metrics and nothing else, without a token, because main.ts binds
 * it to 127.0.0.1 only (a Prometheus agent or sidecar on the same host scrapes it). Never listens here;
 * no access log (a scrape every 15 s would be most of the log).
 */
export function createMetricsApp(deps: Pick<AppDeps, 'metrics'>): Express {
  const app = express();
  app.disable('x-powered-by');
  app.get('/metrics', metricsHandler(deps.metrics));
  app.use((_req, _res, next) => next(new AppError('NOT_FOUND', 'Not found')));
  app.use(errorHandler());
  return app;
}
