import { createHmac } from 'node:crypto';

/**
 * Test-side signing with its own few lines of node:crypto (never the server's verifier), so a bug in the
 * verifier cannot be cancelled out by the same bug here.
 */
const b64url = (b: Buffer | string) => Buffer.from(b).toString('base64url');

export function signJwt(payload: object, secret: string, opts: { alg?: string; header?: object } = {}): string {
  const alg = opts.alg ?? 'HS256';
  const header = b64url(JSON.stringify({ alg, typ: 'JWT', ...opts.header }));
  const body = b64url(JSON.stringify(payload));
  if (alg === 'none') return `${header}.${body}.`;
  const hash = alg === 'HS512' ? 'sha512' : alg === 'HS384' ? 'sha384' : 'sha256';
  const sig = createHmac(hash, secret).update(`${header}.${body}`).digest('base64url');
  return `${header}.${body}.${sig}`;
}

/**
 * A signed add-on event as ServiceM8 posts it. `iat` defaults to `now` (the add-on refuses events
 * with neither `iat` nor `exp`, issue 15); pass `iat: null` to leave it out.
 */
export function addonEvent(opts: { secret: string; account: string; staff?: string; eventName: string; args?: object; iat?: number | null; exp?: number; now?: Date }): string {
  const iat = opts.iat === undefined ? Math.floor((opts.now ?? new Date()).getTime() / 1000) : opts.iat;
  return signJwt({
    eventVersion: '1.0', eventName: opts.eventName, auth: { accountUUID: opts.account, staffUUID: opts.staff ?? 'staff-1' },
    eventArgs: opts.args ?? {}, ...(iat !== null ? { iat } : {}), ...(opts.exp ? { exp: opts.exp } : {}),
  }, opts.secret);
}

export function dialnexaSignature(body: string | Buffer, secret: string, prefix = true): string {
  const hex = createHmac('sha256', secret).update(body).digest('hex');
  return prefix ? `sha256=${hex}` : hex;
}
