import { createServer, type RequestListener } from 'node:http';
import { request } from 'undici';
import type { AppDeps } from './app-deps.js';
import { recordDeliveries } from './calls/record-delivery.js';
import { defaultSettings } from './domain/account-settings.js';
import { prepareDelivery } from './intake/prepare-delivery.js';
import { matchCall } from './matching/index.js';
import { decide } from './policy/index.js';
import { SAMPLE_CALLS } from './sandbox/sample-calls.js';
import type { Store } from './store/store.js';

// An account uuid no real ServiceM8 account has; nothing is kept under it (the writes are rolled back).
const WARM_ACCOUNT = '00000000-0000-4000-8000-00000000a1a1';
const ROLLBACK = Symbol('warm-up rollback');
const EMPTY_DIRECTORY = { companies: [], contacts: [], jobs: [] };

/**
 * Runs the webhook path through the real code before main.ts listens (issue 15, item 2): the
 * first deliveries after a start took 934–951 ms against 11–85 ms later, because intake threads
 * started, and every module, query and regular expression compiled, on the first requests. Here: the
 * intake threads start and each prepares the sample calls (redaction and parsing), the event loop
 * redacts them too (staff text is redacted there), a match and a policy decision run on each, and the
 * delivery write runs in transactions that are rolled back, so each query is built and each database
 * statement prepared without keeping a row. Returns how long it took, for the start-up log line.
 */
export async function warmUp(deps: Pick<AppDeps, 'store' | 'intake' | 'clock'>): Promise<{ ms: number }> {
  const started = performance.now();
  const now = deps.clock();
  const settings = defaultSettings();
  const ctx = { defaultRegion: settings.defaultRegion, defaultCurrency: settings.currency };
  // Every sample scenario, twice: V8 optimises a function only after it has run a while, and one call
  // left the first real batch still at twice the warm latency (bench/first-batch.ts).
  const bodies = [...SAMPLE_CALLS, ...SAMPLE_CALLS].map((c, i) => JSON.stringify(c.build(`call_warm_up_${i}`, now)));
  const inputs = [];
  for (const body of bodies) {
    await deps.intake.warm(body, ctx);
    const prepared = prepareDelivery(body, ctx);
    if (!prepared.ok) continue;
    const match = matchCall({ outcome: prepared.outcome, directory: EMPTY_DIRECTORY, knownRefs: [], defaultRegion: settings.defaultRegion });
    decide({ outcome: prepared.outcome, match, settings, staff: [], recipients: [], callLink: 'https://warm-up.invalid/calls/warm-up', now });
    inputs.push({ accountUuid: WARM_ACCOUNT, outcome: prepared.outcome, redactionKinds: prepared.kinds, bodyRedacted: prepared.stored });
  }
  if (!inputs.length) throw new Error('warm-up: no sample call parsed');
  // One delivery alone and a burst together (group commit writes a burst with one statement per table).
  await rehearseWrite(deps.store, inputs.slice(0, 1));
  await rehearseWrite(deps.store, inputs.slice(0, 8));
  await deps.store.accounts.getConnection('warm-up-no-such-connection');
  await deps.store.accounts.get(WARM_ACCOUNT);
  return { ms: Math.round(performance.now() - started) };
}

/** recordDeliveries inside one transaction that is then rolled back: every statement runs, none is kept. */
async function rehearseWrite(store: Store, inputs: Parameters<typeof recordDeliveries>[1]): Promise<void> {
  await store.transaction(async (tx) => {
    await recordDeliveries({ ...store, ...tx, transaction: (fn) => fn(tx) }, inputs);
    throw ROLLBACK;
  }).catch((err: unknown) => { if (err !== ROLLBACK) throw err; });
}

/**
 * Sends a few requests through the real app on a throwaway loopback port before the real one opens:
 * the HTTP parser, the middleware (request id, access log, security headers), the raw-body parser, the
 * connection lookup, the error renderer and the JSON answer run three times (more made no measurable
 * difference in bench/first-batch.ts, and each is an access-log line). The webhook goes to a connection
 * that does not exist (404), so nothing is verified or stored; the requests show in the access log
 * (request id `warm-up`) and in http_requests_total.
 */
export async function warmHttp(app: RequestListener, body: string = JSON.stringify(SAMPLE_CALLS[0]!.build('call_warm_up', new Date()))): Promise<void> {
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const headers = { 'x-request-id': 'warm-up', 'content-type': 'application/json', 'x-dialnexa-signature': 'sha256=0' };
  try {
    for (let i = 0; i < 3; i++) {
      for (const [method, path] of [['GET', '/readyz'], ['POST', '/dialnexa/webhook/warm-up-no-such-connection']] as const) {
        const res = await request(`http://127.0.0.1:${port}${path}`, { method, headers, body: method === 'POST' ? body : undefined });
        await res.body.dump();
      }
    }
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}
