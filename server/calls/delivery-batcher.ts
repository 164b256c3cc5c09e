import type { Store } from '../store/store.js';
import { recordDeliveries, type DeliveryInput, type DeliveryResult } from './record-delivery.js';

type Waiting = { input: DeliveryInput; resolve: (r: DeliveryResult) => void; reject: (e: unknown) => void };
export type DeliveryBatcher = { record(input: DeliveryInput): Promise<DeliveryResult> };

/**
 * Group commit for webhook deliveries. Deliveries that arrive while a batch is being written (or in the
 * same turn of the event loop) are written together in one transaction, so a burst costs a few
 * statements per batch instead of several per delivery, and no delivery ever waits on a timer: a lone
 * delivery is written on the next tick. Each caller still gets its own result only after its batch has
 * committed, so the webhook never answers 200 before the delivery is durable.
 *
 * If a batch fails (a bad row, a serialization failure), its deliveries are retried one by one, each
 * in its own transaction, so one delivery's failure is never another's.
 */
export function createDeliveryBatcher(store: Store, o: { maxBatch?: number; maxInFlight?: number } = {}): DeliveryBatcher {
  const maxBatch = o.maxBatch ?? 64;
  // SQLite has one writer, so one batch at a time; PostgreSQL overlaps a few batches' round trips.
  const maxInFlight = o.maxInFlight ?? (store.dialect === 'postgres' ? 4 : 1);
  const queue: Waiting[] = [];
  let inFlight = 0;
  let scheduled = false;

  async function writeOneByOne(batch: readonly Waiting[]) {
    for (const w of batch) await recordDeliveries(store, [w.input]).then(([r]) => w.resolve(r!), w.reject);
  }

  async function write(batch: Waiting[]) {
    try {
      const results = await recordDeliveries(store, batch.map((w) => w.input));
      batch.forEach((w, i) => w.resolve(results[i]!));
    } catch (err) {
      if (batch.length === 1) batch[0]!.reject(err);
      else await writeOneByOne(batch);
    }
  }

  function pump() {
    scheduled = false;
    while (queue.length > 0 && inFlight < maxInFlight) {
      inFlight += 1;
      void write(queue.splice(0, maxBatch)).finally(() => {
        inFlight -= 1;
        pump();
      });
    }
  }

  return {
    record(input) {
      return new Promise<DeliveryResult>((resolve, reject) => {
        queue.push({ input, resolve, reject });
        if (scheduled || inFlight >= maxInFlight) return;
        scheduled = true;
        setImmediate(pump);
      });
    },
  };
}
