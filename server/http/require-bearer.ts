import { createHash, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { AppError } from '../errors.js';

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

/**
 * `Authorization: Bearer <token>` against a configured token, compared in constant time (both sides
 * hashed first, so neither the length nor a prefix leaks). With no token configured every request is
 * refused: an endpoint guarded by this is never public by omission. One 401 for every failure; the
 * reason goes to the log only.
 */
export function requireBearer(token: string | undefined, what: string) {
  const expected = token ? digest(token) : undefined;
  return (req: Request, _res: Response, next: NextFunction) => {
    const match = /^Bearer\s+(\S+)$/i.exec(req.get('authorization') ?? '');
    const reason = !expected ? `${what} token not configured` : !match ? 'no bearer token' : timingSafeEqual(digest(match[1]!), expected) ? undefined : 'wrong token';
    if (reason) return next(new AppError('UNAUTHORIZED', `${what} needs a bearer token`, { detail: { reason } }));
    next();
  };
}
