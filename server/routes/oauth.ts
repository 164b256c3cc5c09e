import { Router } from 'express';
import type { AppDeps } from '../app-deps.js';
import { defaultSettings } from '../domain/account-settings.js';
import { AppError } from '../errors.js';
import { escapeHtml } from '../http/error-handler.js';
import { OAUTH_SCOPES } from '../servicem8/manifest.js';
import { createOAuthState, isValidOAuthState } from '../oauth/oauth-state.js';
import { renderMessage } from '../panel/shell.js';

/**
 * Multi-account install: ServiceM8's Activation URL points at /oauth/servicem8/start; the return lands on
 * /callback, where the code becomes sealed tokens and the account gets its DialNexa connection
 * (platform-notes §2.5, §7.1).
 */
export function oauthRoutes(deps: AppDeps): Router {
  const r = Router();
  r.get('/oauth/servicem8/start', (_req, res) => {
    if (!deps.oauth) throw new AppError('NOT_FOUND', 'OAuth is not configured on this server (set SERVICEM8_APP_ID and SERVICEM8_APP_SECRET)');
    res.redirect(deps.oauth.client.authorizeUrl(OAUTH_SCOPES.join(' '), createOAuthState(deps.panelKey, deps.clock())));
  });

  r.get('/oauth/servicem8/callback', async (req, res) => {
    if (!deps.oauth) throw new AppError('NOT_FOUND', 'OAuth is not configured on this server');
    const { code, state, error } = req.query as Record<string, string | undefined>;
    res.setHeader('cache-control', 'no-store');
    if (error) {
      res.status(400).type('html').send(renderMessage('Not connected', 'ServiceM8 did not grant access, so nothing was connected. Start again from the Add-on Store when you are ready.'));
      return;
    }
    if (!state || !isValidOAuthState(state, deps.panelKey, deps.clock()) || !code) {
      throw new AppError('BAD_REQUEST', 'This connection link has expired or was not started here. Start again from ServiceM8.');
    }
    const tokens = await deps.oauth.client.exchangeCode(code);
    const vendor = await deps.oauth.vendorFor(tokens.accessToken);
    if (!tokens.refreshToken) throw new AppError('UPSTREAM_FAILED', 'ServiceM8 did not return a refresh token');
    await deps.store.accounts.upsert(vendor.uuid, vendor.name, defaultSettings(vendor.currency, vendor.timezone, vendor.country ?? 'AU'));
    await deps.store.accounts.saveCredentials(vendor.uuid, { kind: 'oauth', accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, expiresAt: tokens.expiresAt, scope: tokens.scope });
    const existing = await deps.store.accounts.listConnections(vendor.uuid);
    const created = existing.length ? undefined : await deps.store.accounts.createConnection(vendor.uuid);
    await deps.store.audit.append({ accountUuid: vendor.uuid, actor: 'servicem8', action: 'account.connected', detail: { scope: tokens.scope } });
    req.log.info({ account: vendor.uuid }, 'ServiceM8 account connected');
    const hook = created ? `${deps.config.publicUrl}/dialnexa/webhook/${created.id}` : undefined;
    res.type('html').send(renderMessage('Connected', `${vendor.name} is connected.`).replace('</main>',
      hook ? `<p>Set this webhook in DialNexa: <code>${escapeHtml(hook)}</code></p><p>Signing secret (shown once, store it in DialNexa now): <code>${escapeHtml(created!.secret)}</code></p></main>` : '</main>'));
  });
  return r;
}
