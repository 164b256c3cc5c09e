import { request, type Dispatcher } from 'undici';
import { z } from 'zod';
import { AppError } from '../errors.js';

/** Token endpoint answer (platform-notes §7.1): access tokens last 3600 s; a new refresh token may be returned. */
const TokenSchema = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().optional(),
  expires_in: z.coerce.number().optional(),
  scope: z.string().optional(),
});
export type OAuthTokens = { accessToken: string; refreshToken?: string; expiresAt: string; scope: string };

export type OAuthClientOptions = { oauthUrl: string; clientId: string; clientSecret: string; redirectUri: string; dispatcher?: Dispatcher; now: () => Date };

/** ServiceM8 OAuth 2.0 (authorization code + refresh). The host is configurable: docs disagree (§7.1). */
export function createOAuthClient(o: OAuthClientOptions) {
  async function token(form: Record<string, string>): Promise<OAuthTokens> {
    const res = await request(`${o.oauthUrl}/oauth/access_token`, {
      method: 'POST', dispatcher: o.dispatcher, headersTimeout: 10_000, bodyTimeout: 10_000,
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({ ...form, client_id: o.clientId, client_secret: o.clientSecret }).toString(),
    }).catch((cause) => { throw new AppError('UPSTREAM_FAILED', 'Could not reach ServiceM8 to finish connecting', { cause }); });
    const text = await res.body.text();
    if (res.statusCode !== 200) throw new AppError('UPSTREAM_FAILED', 'ServiceM8 refused the authorisation', { detail: { reason: `token endpoint ${res.statusCode}` } });
    const parsed = TokenSchema.safeParse(JSON.parse(text));
    if (!parsed.success) throw new AppError('UPSTREAM_FAILED', 'ServiceM8 sent an unexpected token response');
    const t = parsed.data;
    return { accessToken: t.access_token, refreshToken: t.refresh_token, scope: t.scope ?? '', expiresAt: new Date(o.now().getTime() + (t.expires_in ?? 3600) * 1000).toISOString() };
  }
  return {
    authorizeUrl(scope: string, state: string): string {
      const q = new URLSearchParams({ response_type: 'code', client_id: o.clientId, scope, redirect_uri: o.redirectUri, state });
      return `${o.oauthUrl}/oauth/authorize?${q.toString()}`;
    },
    exchangeCode: (code: string) => token({ grant_type: 'authorization_code', code, redirect_uri: o.redirectUri }),
    refresh: (refreshToken: string) => token({ grant_type: 'refresh_token', refresh_token: refreshToken }),
  };
}
export type OAuthClient = ReturnType<typeof createOAuthClient>;
