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

/**
 * Runs the webhook path once through the real code before main.ts listens (issue 15, item 2): the
 * first deliveries after a start took 934–951 ms against 11–85 ms later, because intake threads
 * started, and every module, query and regular expression compiled, on the first requests. Here: the
 * intake threads start and each prepares a realistic call (redaction and parsing), the event loop
 * redacts one too (staff text is redacted there), one match and one policy decision run, and the
 * delivery write runs in a transaction that is rolled back, so each query is built and each database
 * statement prepared once without keeping a row. Returns how long it took, for the start-up log line.
 */
export async function warmUp(deps: Pick<AppDeps, 'store' | 'intake' | 'clock'>): Promise<{ ms: number }> {
  const started = performance.now();
  const now = deps.clock();
  const body = JSON.stringify(SAMPLE_CALLS[0]!.build('call_warm_up', now));
  const settings = defaultSettings();
  const ctx = { defaultRegion: settings.defaultRegion, defaultCurrency: settings.currency };
  await deps.intake.warm(body, ctx);
  const prepared = prepareDelivery(body, ctx);
  if (!prepared.ok) throw new Error('warm-up: the sample call did not parse');
  const directory = { companies: [], contacts: [], jobs: [], staff: [] };
  const match = matchCall({ outcome: prepared.outcome, directory, knownRefs: [], defaultRegion: settings.defaultRegion });
  decide({ outcome: prepared.outcome, match, settings, staff: [], recipients: [], callLink: 'https://warm-up.invalid/calls/warm-up', now });
  await rehearseWrite(deps.store, { accountUuid: WARM_ACCOUNT, outcome: prepared.outcome, redactionKinds: prepared.kinds, bodyRedacted: prepared.stored });
  await deps.store.accounts.getConnection('warm-up-no-such-connection');
  await deps.store.accounts.get(WARM_ACCOUNT);
  return { ms: Math.round(performance.now() - started) };
}

/** recordDeliveries inside one transaction that is then rolled back: every statement runs, none is kept. */
async function rehearseWrite(store: Store, input: Parameters<typeof recordDeliveries>[1][number]): Promise<void> {
  await store.transaction(async (tx) => {
    await recordDeliveries({ ...store, ...tx, transaction: (fn) => fn(tx) }, [input]);
    throw ROLLBACK;
  }).catch((err: unknown) => { if (err !== ROLLBACK) throw err; });
}
