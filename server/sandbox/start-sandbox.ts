import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import { defaultSettings } from '../domain/account-settings.js';
import type { Store } from '../store/store.js';
import { createDialNexaSimulator, SANDBOX_DIALNEXA_API_KEY } from './dialnexa-simulator.js';
import type { SandboxHandle } from './sandbox-handle.js';
import { SEED } from './seed.js';
import { MESSAGING_SCOPES, OAUTH_SCOPES } from '../servicem8/manifest.js';
import { createServiceM8Simulator } from './servicem8-simulator.js';

/**
 * Starts the simulated ServiceM8 and DialNexa APIs on loopback ports and connects the seeded account
 * (OAuth token with the messaging scopes, DialNexa connection with a fresh secret), so `npm start` on a fresh clone just works.
 */
export async function startSandbox(o: { store: Store; log: Logger; now?: () => Date; appSecret?: string; servicem8?: { perMinuteLimit?: number } }): Promise<SandboxHandle> {
  const servicem8 = createServiceM8Simulator({ now: o.now, perMinuteLimit: o.servicem8?.perMinuteLimit });
  const dialnexa = createDialNexaSimulator({ now: o.now, apiKey: SANDBOX_DIALNEXA_API_KEY });
  const [sm8, dnx] = await Promise.all([servicem8.listen(0), dialnexa.listen(0)]);
  const accountUuid = SEED.vendor.uuid;
  await o.store.accounts.upsert(accountUuid, SEED.vendor.name, defaultSettings('AUD', 'Australia/Sydney', 'AU'));
  // Connected as an OAuth add-on would be (the simulated token never expires), so the sandbox can show
  // sends through the Messaging API, which ServiceM8 offers to OAuth add-ons only (issue 14).
  await o.store.accounts.saveCredentials(accountUuid, {
    kind: 'oauth', accessToken: SEED.bearerToken, refreshToken: 'sandbox-refresh-token', expiresAt: '2999-01-01T00:00:00.000Z',
    scope: [...OAUTH_SCOPES, ...MESSAGING_SCOPES].join(' '),
  });
  // Secrets from an earlier run were sealed with that run's throwaway key: retire them and issue a new one.
  await o.store.accounts.deactivateConnections(accountUuid);
  const conn = await o.store.accounts.createConnection(accountUuid);
  const appSecret = o.appSecret ?? randomBytes(24).toString('hex');
  let self = '';
  o.log.info({ servicem8: sm8.url, dialnexa: dnx.url, account: accountUuid }, 'sandbox: simulated ServiceM8 and DialNexa are running');
  return {
    servicem8, servicem8Url: sm8.url, dialnexa, dialnexaUrl: dnx.url, accountUuid, connectionId: conn.id, webhookSecret: conn.secret, appSecret,
    selfUrl: () => self,
    setSelfUrl(url: string) { self = url; },
    close: async () => { await Promise.all([sm8.close(), dnx.close()]); },
  };
}
