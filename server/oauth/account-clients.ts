import type { Logger } from 'pino';
import type { ServiceM8Auth, ServiceM8Client } from '../servicem8/client.js';
import type { Store } from '../store/store.js';
import type { OAuthClient } from './oauth-client.js';

export type ClientFactory = (auth: ServiceM8Auth, accountUuid: string) => ServiceM8Client;

/**
 * Resolves a ready ServiceM8 client per account, in one place (probot's `auth(installationId)`):
 * an API key as stored, or an OAuth bearer refreshed a minute before it expires (one refresh at a time
 * per account; a rotated refresh token is saved). Handlers never see tokens.
 */
export function createAccountClients(o: { store: Store; factory: ClientFactory; oauth?: OAuthClient; clock: () => Date; log: Logger }) {
  const clients = new Map<string, ServiceM8Client>();
  const refreshing = new Map<string, Promise<string>>();

  async function bearer(accountUuid: string): Promise<string> {
    const creds = await o.store.accounts.getCredentials(accountUuid);
    if (creds?.kind !== 'oauth') throw Object.assign(new Error('account has no OAuth credentials'), { retryable: false });
    if (new Date(creds.expiresAt).getTime() - 60_000 > o.clock().getTime()) return creds.accessToken;
    if (!o.oauth) throw Object.assign(new Error('OAuth is not configured; cannot refresh the token'), { retryable: false });
    const pending = refreshing.get(accountUuid) ?? (async () => {
      try {
        const t = await o.oauth!.refresh(creds.refreshToken);
        await o.store.accounts.saveCredentials(accountUuid, { kind: 'oauth', accessToken: t.accessToken, refreshToken: t.refreshToken ?? creds.refreshToken, expiresAt: t.expiresAt, scope: t.scope || creds.scope });
        o.log.info({ account: accountUuid }, 'refreshed ServiceM8 access token');
        return t.accessToken;
      } finally {
        refreshing.delete(accountUuid);
      }
    })();
    refreshing.set(accountUuid, pending);
    return pending;
  }

  return async function servicem8For(accountUuid: string): Promise<ServiceM8Client | undefined> {
    const cached = clients.get(accountUuid);
    if (cached) return cached;
    const creds = await o.store.accounts.getCredentials(accountUuid);
    if (!creds) return undefined;
    const auth: ServiceM8Auth = creds.kind === 'apiKey' ? { kind: 'apiKey', apiKey: creds.apiKey } : { kind: 'bearer', getToken: () => bearer(accountUuid) };
    const client = o.factory(auth, accountUuid);
    clients.set(accountUuid, client);
    return client;
  };
}
