import { readFileSync } from 'node:fs';
import request from 'supertest';
import type { Express } from 'express';
import { dialnexaSignature } from './sign.js';

export function fixture(name: string): Record<string, any> {
  return JSON.parse(readFileSync(new URL(`../fixtures/dialnexa/${name}.json`, import.meta.url), 'utf8'));
}

/** An envelope-A call_ended body with overrides on the call and its analysis. */
export function callEnded(id: string, call: Record<string, unknown> = {}, analysis: Record<string, unknown> = {}): Record<string, any> {
  const base = fixture('a-call-ended-completed');
  base.payload.call = { ...base.payload.call, id, ...call, post_call_analysis: { ...base.payload.call.post_call_analysis, ...analysis } };
  return base;
}

/** Posts a body signed with `secret` (as DialNexa does) to a connection's webhook. */
export function deliver(app: Express, connectionId: string, secret: string, body: unknown, opts: { header?: string; raw?: string } = {}) {
  const raw = opts.raw ?? JSON.stringify(body);
  return request(app).post(`/dialnexa/webhook/${connectionId}`).set('content-type', 'application/json')
    .set(opts.header ?? 'x-dialnexa-signature', dialnexaSignature(raw, secret)).send(raw);
}
