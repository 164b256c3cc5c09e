import { parentPort } from 'node:worker_threads';
import { prepareDelivery } from './prepare-delivery.js';

// Entry point of an intake thread (intake-pool.ts): prepares one webhook body per message. A body that
// makes prepareDelivery throw (never seen; the fuzz tests say it does not) is answered with an error
// rather than killing the thread and the other bodies queued on it.
parentPort?.on('message', (m: { id: number; body: string; ctx: { defaultRegion: string; defaultCurrency: string } }) => {
  try {
    parentPort!.postMessage({ id: m.id, result: prepareDelivery(m.body, m.ctx) });
  } catch {
    parentPort!.postMessage({ id: m.id, error: 'prepare failed' });
  }
});
