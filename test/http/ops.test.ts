import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { buildManifest, manifestEventNames, MESSAGING_SCOPES, OAUTH_SCOPES } from '../../server/servicem8/manifest.js';
import { ADDON_HANDLERS } from '../../server/routes/addon-event.js';
import { createMetricsApp } from '../../server/http/metrics-app.js';
import { makeRuntime, useRuntime } from '../helpers/make-deps.js';

const METRICS_TOKEN = 'metrics-token-for-tests-0123456789';

describe('operations routes', async () => {
  const rt = await useRuntime({ env: { METRICS_TOKEN } });

  it('answers a malformed sandbox request with 400 naming the field, not a 500', async () => {
    const res = await request(rt.app).post('/sandbox/calls').send({ scenario: 0 });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'BAD_REQUEST', fields: [{ field: 'scenario' }] });
  });

  it('reports health and readiness', async () => {
    expect((await request(rt.app).get('/healthz')).body).toEqual({ ok: true });
    const ready = await request(rt.app).get('/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body.checks).toMatchObject({ database: { ok: true }, migrations: { ok: true } });
  });

  it('reports not ready (503) with a message for the operator when the database is gone', async () => {
    const other = await makeRuntime();
    await other.tdb.close();
    const res = await request(other.app).get('/readyz');
    expect(res.status).toBe(503);
    expect(res.body.checks.database).toMatchObject({ ok: false, message: expect.stringMatching(/database unreachable/) });
    await other.sandbox?.close();
  });

  it('exposes Prometheus metrics with request counts, latency and outbox depth to the bearer of METRICS_TOKEN', async () => {
    await request(rt.app).get('/healthz');
    const res = await request(rt.app).get('/metrics').set('authorization', `Bearer ${METRICS_TOKEN}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/plain/);
    expect(res.text).toMatch(/http_requests_total\{route="\/healthz",method="GET",status="200"\} \d+/);
    expect(res.text).toContain('http_request_duration_seconds_bucket');
    expect(res.text).toMatch(/outbox_depth\{status="pending"\} \d+/);
  });

  it.each([
    ['no authorization', undefined],
    ['a wrong token', `Bearer ${METRICS_TOKEN.slice(0, -1)}x`],
    ['a longer token', `Bearer ${METRICS_TOKEN}0`],
    ['another scheme', `Basic ${Buffer.from(`x:${METRICS_TOKEN}`).toString('base64')}`],
  ])('refuses /metrics with %s: 401 and no metric in the body', async (_name, header) => {
    const req = request(rt.app).get('/metrics');
    const res = await (header ? req.set('authorization', header) : req);
    expect(res.status).toBe(401);
    expect(res.body.error).toMatchObject({ code: 'UNAUTHORIZED' });
    expect(res.text).not.toMatch(/http_requests_total|outbox_depth/);
  });

  it('refuses /metrics to everyone when no METRICS_TOKEN is configured (never public by omission)', async () => {
    const bare = await useRuntime();
    expect((await request(bare.app).get('/metrics')).status).toBe(401);
    expect((await request(bare.app).get('/metrics').set('authorization', 'Bearer undefined')).status).toBe(401);
  });

  it('serves metrics without a token on the METRICS_PORT app (main.ts binds it to 127.0.0.1) and nothing else there', async () => {
    const app = createMetricsApp(rt.deps);
    const res = await request(app).get('/metrics');
    expect(res.status).toBe(200);
    expect(res.text).toContain('http_requests_total');
    expect((await request(app).get('/healthz')).status).toBe(404);
    expect((await request(app).get('/api/panel/calls')).status).toBe(404);
  });

  it('serves the manifest for PUBLIC_URL with web and mobile job actions, menu item, webhooks and scopes', async () => {
    const m = (await request(rt.app).get('/manifest.json')).body;
    expect(m.actions.map((a: { type: string }) => a.type).sort()).toEqual(['app', 'online']);
    expect(m.actions.every((a: { entity: string; event: string }) => a.entity === 'job' && a.event === a.event.toLowerCase())).toBe(true);
    expect(m.menuItems[0]).toMatchObject({ type: 'addon' });
    expect(m.webhooks[0].object).toBe('job');
    expect(m.webhooks[0].fields).toEqual(expect.arrayContaining(['payment_received', 'invoice_sent']));
    expect(m.iconURL).toMatch(/^http:\/\/addon\.test\//);
    // The sandbox sends documents itself (DOCUMENT_SENDS defaults to on there), so it asks for the messaging scopes.
    expect(m.oauth.scope.split(' ')).toEqual([...OAUTH_SCOPES, ...MESSAGING_SCOPES]);
    expect(m.name).not.toMatch(/ServiceM8|M8|Mate/);
  });

  it('asks for the messaging scopes only when document sends are on (DOCUMENT_SENDS)', async () => {
    const off = await makeRuntime({ env: { DOCUMENT_SENDS: '0' } });
    try {
      const m = (await request(off.app).get('/manifest.json')).body;
      expect(m.oauth.scope.split(' ')).toEqual([...OAUTH_SCOPES]);
      expect(m.oauth.scope).not.toMatch(/publish_(email|sms)/);
    } finally {
      await off.close();
    }
  });

  it('404s unknown routes with the JSON error shape and a request id', async () => {
    const res = await request(rt.app).get('/nope');
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({ code: 'NOT_FOUND', requestId: expect.any(String) });
    expect(res.headers['x-request-id']).toBe(res.body.error.requestId);
  });

  it('404s without echoing the requested path, in JSON and in the add-on HTML page', async () => {
    const probe = '/nope/%3Cscript%3Ealert(1)%3C%2Fscript%3E-marker-7f3a';
    for (const path of [probe, `/servicem8${probe}`]) {
      const res = await request(rt.app).get(path);
      expect(res.status).toBe(404);
      expect(res.text).not.toContain('marker-7f3a');
      expect(res.text).not.toMatch(/<script|%3Cscript|\/nope/i);
    }
  });
});

describe('manifest ↔ handlers', () => {
  it('has a handler for every manifest event and a manifest entry for every handler', () => {
    const events = manifestEventNames(buildManifest('https://x.example')).sort();
    expect(Object.keys(ADDON_HANDLERS).sort()).toEqual(events);
  });
});

describe('manifest scopes for sends (issue 14)', () => {
  it('asks for publish_email / publish_sms only when sends are enabled', () => {
    const off = buildManifest('https://x.example').oauth.scope.split(' ');
    const on = buildManifest('https://x.example', { sends: true }).oauth.scope.split(' ');
    expect(off).not.toEqual(expect.arrayContaining(['publish_email']));
    expect(off).not.toContain('publish_sms');
    expect(on).toEqual([...OAUTH_SCOPES, 'publish_email', 'publish_sms']);
  });
});
