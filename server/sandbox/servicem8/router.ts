import express, { Router, type NextFunction, type Request, type Response } from 'express';
import type { Account, AccountRegistry } from './accounts.js';
import { pickDrop, pickFailure } from './faults.js';
import { resolveSegment } from './objects.js';
import { PER_DAY_EXCEEDED, PER_MINUTE_EXCEEDED, type createRequestWindow } from './rate-window.js';
import { deleteRecord, getRecord, listRecords, notFound, writeRecord, type OpResult } from './records.js';
import { searchRecords } from './search.js';
import type { FaultConfig, RequestLogEntry } from './types.js';

export type RouterDeps = {
  accounts: AccountRegistry;
  window: ReturnType<typeof createRequestWindow>;
  faults: () => FaultConfig;
  log: (entry: RequestLogEntry) => void;
  now: () => Date;
  pageSize: () => number;
};

const UNAUTHORIZED = { errorCode: 401, message: 'Authentication failed. Please check your API key or OAuth token.' };
const SERVER_ERROR = { errorCode: 500, message: 'An unexpected error occurred. Please try again later.' };
const UNAVAILABLE = { errorCode: 503, message: 'Platform unavailable. Please try again later.' };

/** Serves `/api_1.0/…` the way ServiceM8 does; mount it at the root of an Express app. */
export function createSimulatorRouter(deps: RouterDeps): Router {
  const router = Router();
  router.use('/api_1.0', express.json({ type: () => true, limit: '1mb' }), (req, res) => handle(deps, req, res));
  router.use('/api_1.0', (err: unknown, req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(err);
    res.status(400).json({ errorCode: 400, message: 'Request body is not valid JSON' });
    deps.log(entry(deps, req, 400, undefined));
  });
  return router;
}

function handle(deps: RouterDeps, req: Request, res: Response): void {
  const account = authenticate(deps.accounts, req);
  if (!account) {
    res.status(401).json(UNAUTHORIZED);
    return deps.log(entry(deps, req, 401, undefined));
  }
  const vendor = account.vendorUuid;
  const limited = deps.window.admit(vendor, deps.now().getTime());
  if (limited !== 'ok') {
    res.status(429).type('text/plain').send(limited === 'minute' ? PER_MINUTE_EXCEEDED : PER_DAY_EXCEEDED);
    return deps.log(entry(deps, req, 429, vendor));
  }
  const faults = deps.faults();
  const failure = pickFailure(faults);
  if (failure) {
    if (failure.status === 429) res.status(429).type('text/plain').send(PER_MINUTE_EXCEEDED);
    else res.status(failure.status).json(failure.status === 500 ? SERVER_ERROR : UNAVAILABLE);
    return deps.log({ ...entry(deps, req, failure.status, vendor), fault: 'failure' });
  }
  const result = route(deps, account, req);
  const isWrite = req.method === 'POST' || req.method === 'DELETE';
  const drop = isWrite && result.status === 200 ? pickDrop(faults) : undefined;
  if (drop === 'destroy') {
    // The write is applied but the client never hears back, as when a connection dies mid-response.
    req.socket.destroy();
    return deps.log({ ...entry(deps, req, 0, vendor), fault: 'drop' });
  }
  if (drop === 'status503') {
    res.status(503).json(UNAVAILABLE);
    return deps.log({ ...entry(deps, req, 503, vendor), fault: 'drop' });
  }
  for (const [name, value] of Object.entries(result.headers ?? {})) res.setHeader(name, value);
  res.status(result.status).json(result.body);
  deps.log(entry(deps, req, result.status, vendor));
}

function route(deps: RouterDeps, account: Account, req: Request): OpResult {
  const query = new URLSearchParams(req.originalUrl.split('?')[1] ?? '');
  const list = /^\/([A-Za-z_]+)\.json$/.exec(req.path);
  const item = /^\/([A-Za-z_]+)\/([^/]+)\.json$/.exec(req.path);
  const now = deps.now();
  if (list?.[1]) {
    const segment = list[1];
    if (segment.toLowerCase() === 'search' && req.method === 'GET') return searchRecords(account, query);
    const def = resolveSegment(segment, 'list');
    if (!def) return notFound();
    if (req.method === 'GET') return listRecords(account, def, query, deps.pageSize());
    if (req.method === 'POST') return writeRecord(account, def, req.body, now);
    return methodNotAllowed();
  }
  if (item?.[1] && item[2]) {
    const def = resolveSegment(item[1], 'item');
    if (!def) return notFound();
    const uuid = decodeURIComponent(item[2]);
    if (req.method === 'GET') return getRecord(account, def, uuid);
    if (req.method === 'POST') return writeRecord(account, def, req.body, now, uuid);
    if (req.method === 'DELETE') return deleteRecord(account, def, uuid, now);
    return methodNotAllowed();
  }
  return notFound();
}

// Updates are POSTs; ServiceM8 has no PUT or PATCH (platform-notes §4.2).
const methodNotAllowed = (): OpResult => ({ status: 405, body: { errorCode: 405, message: 'Method not allowed' } });

function authenticate(accounts: AccountRegistry, req: Request): Account | undefined {
  const apiKey = req.get('x-api-key');
  if (apiKey) return accounts.authenticate({ kind: 'apiKey', value: apiKey });
  const bearer = /^Bearer\s+(\S+)$/i.exec(req.get('authorization') ?? '')?.[1];
  return bearer ? accounts.authenticate({ kind: 'bearer', value: bearer }) : undefined;
}

function entry(deps: RouterDeps, req: Request, status: number, account: string | undefined): RequestLogEntry {
  const [, query = ''] = req.originalUrl.split('?');
  return {
    method: req.method, path: `/api_1.0${req.path}`, query, status, at: deps.now(),
    ...(account ? { account } : {}), ...(req.method === 'POST' && req.body !== undefined ? { body: req.body } : {}),
  };
}
