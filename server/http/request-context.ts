import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';

declare module 'express-serve-static-core' {
  interface Request { id: string; log: Logger }
}

const SAFE_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** Request id (honours a sane incoming x-request-id), a child logger, and one access-log line per request. */
export function requestContext(log: Logger, observe?: (route: string, method: string, status: number, seconds: number) => void) {
  return (req: Request, res: Response, next: NextFunction) => {
    const incoming = req.get('x-request-id');
    req.id = incoming && SAFE_ID.test(incoming) ? incoming : randomUUID();
    req.log = log.child({ reqId: req.id });
    res.setHeader('x-request-id', req.id);
    const start = process.hrtime.bigint();
    res.on('finish', () => {
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      // Route pattern, not the URL: paths carry connection ids and call ids.
      const route = req.route?.path ? `${req.baseUrl}${req.route.path}` : 'unmatched';
      observe?.(route, req.method, res.statusCode, seconds);
      req.log.info({ method: req.method, route, status: res.statusCode, ms: Math.round(seconds * 1000) }, 'request');
    });
    next();
  };
}
