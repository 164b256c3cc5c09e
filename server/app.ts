import express, { type Express } from 'express';
import type { AppDeps } from './app-deps.js';
import { errorHandler } from './http/error-handler.js';
import { requestContext } from './http/request-context.js';
import { securityHeaders } from './http/security-headers.js';
import { AppError } from './errors.js';
import { addonEventRoutes } from './routes/addon-event.js';
import { dialnexaWebhookRoutes } from './routes/dialnexa-webhook.js';
import { opsRoutes } from './routes/ops.js';
import { panelApiRoutes } from './routes/panel-api.js';
import { sandboxRoutes } from './routes/sandbox.js';
import { oauthRoutes } from './routes/oauth.js';
import { callLinkRoutes } from './routes/call-link.js';
import { callPageOpenRoutes } from './routes/call-page-open.js';

export type { AppDeps };

/**
 * Builds the Express app from its dependencies. Never listens and reads no globals, so tests drive it
 * with supertest and fakes. Body parsers are route-scoped: signed routes read raw bytes themselves.
 */
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', true);
  app.use(requestContext(deps.log, deps.metrics.observeHttp));
  app.use(securityHeaders());
  app.use(opsRoutes(deps));
  app.use(addonEventRoutes(deps));
  app.use(dialnexaWebhookRoutes(deps));
  app.use('/api/panel', panelApiRoutes(deps));
  app.use(oauthRoutes(deps));
  app.use(callLinkRoutes(deps));
  app.use(callPageOpenRoutes(deps));
  // Built, content-hashed assets: cache for a year; the HTML shell that names them is never cached.
  app.use('/ui', express.static(deps.ui.distDir, { immutable: true, maxAge: '365d', index: false }));
  if (deps.sandbox) app.use(sandboxRoutes(deps, deps.sandbox));
  app.get('/', (_req, res) => res.redirect(deps.sandbox ? '/sandbox' : '/manifest.json'));
  // The path is not echoed back (issue 15, item 5): it goes to the log only.
  app.use((req, _res, next) => next(new AppError('NOT_FOUND', 'Not found', { detail: { reason: `no route for ${req.method} ${req.path.slice(0, 200)}` } })));
  app.use(errorHandler());
  return app;
}
