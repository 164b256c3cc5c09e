import type { NextFunction, Request, Response } from 'express';
import { AppError, isAppError } from '../errors.js';

function normalise(err: unknown): AppError {
  if (isAppError(err)) return err;
  const e = err as { type?: string; status?: number };
  // body-parser signals size and syntax problems with `type`; they are the client's fault, not ours.
  if (e?.type === 'entity.too.large') return new AppError('PAYLOAD_TOO_LARGE', 'Request body is too large', { cause: err });
  if (e?.type === 'entity.parse.failed') return new AppError('BAD_REQUEST', 'Request body is not valid JSON', { cause: err });
  if (e?.type === 'encoding.unsupported' || e?.type === 'charset.unsupported') return new AppError('UNSUPPORTED_MEDIA_TYPE', 'Unsupported body encoding', { cause: err });
  return new AppError('INTERNAL', 'Something went wrong on our side', { cause: err });
}

/** The only place errors become responses. 5xx never echo internals; details go to the log. */
export function errorHandler() {
  return (err: unknown, req: Request, res: Response, _next: NextFunction) => {
    const app = normalise(err);
    const level = app.status >= 500 ? 'error' : 'warn';
    req.log?.[level]({ code: app.code, reason: app.detail.reason, err: app.status >= 500 ? app.cause ?? err : undefined }, app.message);
    if (res.headersSent) return;
    const body = { error: { code: app.code, message: app.message, requestId: req.id, ...(app.detail.fields ? { fields: app.detail.fields } : {}) } };
    res.status(app.status).setHeader('cache-control', 'no-store');
    if (req.path.startsWith('/servicem8/')) {
      res.type('html').send(`<!doctype html><meta charset="utf-8"><title>Error</title><p>${escapeHtml(app.message)} (request ${escapeHtml(req.id)})</p>`);
      return;
    }
    res.json(body);
  };
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
