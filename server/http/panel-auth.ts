import type { NextFunction, Request, Response } from 'express';
import { AppError } from '../errors.js';
import { verifyPanelToken, type PanelSession } from '../panel/session-token.js';

declare module 'express-serve-static-core' {
  interface Request { session?: PanelSession }
}

/**
 * CORS for the panel: ServiceM8 renders the shell in its own frame (origin not ours, mobile origin unknown),
 * so any origin may call with a Bearer token; no cookies are used, so `*` exposes nothing extra.
 */
export function panelCors() {
  return (req: Request, res: Response, next: NextFunction) => {
    res.setHeader('access-control-allow-origin', '*');
    res.setHeader('access-control-allow-headers', 'authorization, content-type');
    res.setHeader('access-control-allow-methods', 'GET, POST, PUT, OPTIONS');
    res.setHeader('access-control-max-age', '600');
    res.setHeader('cache-control', 'no-store');
    if (req.method === 'OPTIONS') { res.status(204).end(); return; }
    next();
  };
}

/** Bearer panel token → req.session, verified against the injected clock. */
export function panelAuth(key: import('node:crypto').KeyObject, clock: () => Date) {
  return (req: Request, _res: Response, next: NextFunction) => {
    const header = req.get('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) return next(new AppError('UNAUTHORIZED', 'Missing session token. Reopen the panel from ServiceM8.'));
    req.session = verifyPanelToken(match[1]!, key, clock());
    next();
  };
}

export function requireJobSession(req: Request): PanelSession & { jobUuid: string } {
  const s = req.session;
  if (!s || s.scope !== 'job' || !s.jobUuid) throw new AppError('NOT_FOUND', 'Not found');
  return s as PanelSession & { jobUuid: string };
}

export function requireAccountSession(req: Request): PanelSession {
  const s = req.session;
  if (!s || s.scope !== 'account') throw new AppError('NOT_FOUND', 'Not found');
  return s;
}
