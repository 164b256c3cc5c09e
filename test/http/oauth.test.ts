import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createServiceM8Simulator } from '../../server/sandbox/servicem8-simulator.js';
import { SEED } from '../../server/sandbox/seed.js';
import { useRuntime } from '../helpers/make-deps.js';

/** A stand-in for ServiceM8's OAuth token endpoint that records what it was sent. */
async function fakeOAuth() {
  const grants: Record<string, string>[] = [];
  const app = express();
  app.post('/oauth/access_token', express.urlencoded({ extended: false }), (req, res) => {
    grants.push(req.body);
    if (req.body.client_secret !== 'oauth-app-secret-0123456789') { res.status(401).json({ error: 'invalid_client' }); return; }
    if (req.body.grant_type === 'authorization_code' && req.body.code === 'good-code') {
      res.json({ access_token: SEED.bearerToken, refresh_token: 'refresh-1', expires_in: 3600, token_type: 'bearer', scope: 'vendor read_jobs' });
    } else if (req.body.grant_type === 'refresh_token' && req.body.refresh_token === 'refresh-1') {
      res.json({ access_token: SEED.bearerToken, refresh_token: 'refresh-2', expires_in: 3600, token_type: 'bearer', scope: 'vendor read_jobs' });
    } else res.status(400).json({ error: 'invalid_grant' });
  });
  const server = await new Promise<import('node:http').Server>((r) => { const s = app.listen(0, '127.0.0.1', () => r(s)); });
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, grants, close: () => new Promise((r) => server.close(r)) };
}

describe('ServiceM8 OAuth install', async () => {
  const sim = createServiceM8Simulator();
  const simServer = await sim.listen();
  const oauth = await fakeOAuth();
  let now = Date.parse('2026-11-25T03:00:00Z');
  const rt = await useRuntime({
    clock: () => new Date(now),
    env: { SANDBOX: '0', SERVICEM8_APP_ID: 'app-123', SERVICEM8_APP_SECRET: 'oauth-app-secret-0123456789', ENCRYPTION_KEY: Buffer.alloc(32, 3).toString('base64'), SERVICEM8_API_URL: simServer.url, SERVICEM8_OAUTH_URL: oauth.url },
  });

  it('redirects to ServiceM8 with the scopes, redirect URI and a signed state, then connects the account', async () => {
    const start = await request(rt.app).get('/oauth/servicem8/start');
    expect(start.status).toBe(302);
    const to = new URL(start.headers.location!);
    expect(`${to.origin}${to.pathname}`).toBe(`${oauth.url}/oauth/authorize`);
    expect(to.searchParams.get('client_id')).toBe('app-123');
    expect(to.searchParams.get('redirect_uri')).toBe('http://addon.test/oauth/servicem8/callback');
    expect(to.searchParams.get('scope')).toContain('read_job_payments');
    const done = await request(rt.app).get(`/oauth/servicem8/callback?code=good-code&state=${encodeURIComponent(to.searchParams.get('state')!)}`);
    expect(done.status).toBe(200);
    expect(done.text).toContain('Harbourside Plumbing');
    expect(done.text).toMatch(/\/dialnexa\/webhook\/dnx_/);
    const creds = await rt.deps.store.accounts.getCredentials(SEED.vendor.uuid);
    expect(creds).toMatchObject({ kind: 'oauth', accessToken: SEED.bearerToken, refreshToken: 'refresh-1' });
    const raw = JSON.stringify(await rt.tdb.db.selectFrom('accounts').selectAll().execute());
    expect(raw).not.toContain('refresh-1');
  });

  it('refuses a callback with a missing or forged state', async () => {
    expect((await request(rt.app).get('/oauth/servicem8/callback?code=good-code')).status).toBe(400);
    expect((await request(rt.app).get('/oauth/servicem8/callback?code=good-code&state=forged.state.value')).status).toBe(400);
    expect((await request(rt.app).get('/oauth/servicem8/callback?error=access_denied')).status).toBe(400);
  });

  it('refreshes the access token a minute before it expires and stores the rotated refresh token', async () => {
    now += 3_550_000;
    const client = await rt.deps.servicem8For(SEED.vendor.uuid);
    expect((await client!.getVendor()).uuid).toBe(SEED.vendor.uuid);
    expect(oauth.grants.filter((g) => g.grant_type === 'refresh_token')).toHaveLength(1);
    expect(await rt.deps.store.accounts.getCredentials(SEED.vendor.uuid)).toMatchObject({ refreshToken: 'refresh-2' });
    await simServer.close();
    await oauth.close();
  });
});
