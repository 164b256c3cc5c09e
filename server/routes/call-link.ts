import { Router } from 'express';
import type { AppDeps } from '../app-deps.js';
import { renderMessage } from '../panel/shell.js';

/**
 * GET /calls/:id — the stable link written into job notes. It carries no session, so it shows no call data;
 * it tells the reader where the call lives (the job card action), which is where access is checked.
 */
export function callLinkRoutes(_deps: AppDeps): Router {
  const r = Router();
  r.get('/calls/:id', (_req, res) => {
    res.setHeader('cache-control', 'no-store');
    res.type('html').send(renderMessage('Billing call', 'Open this job in ServiceM8 and tap “Billing calls” on the job card to see this call: its summary, transcript and recording, the billing claim beside what ServiceM8 records, and the next step.'));
  });
  return r;
}
