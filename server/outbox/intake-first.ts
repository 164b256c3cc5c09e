/**
 * Webhook acknowledgements before background work (issue 15, item 2). DialNexa's delivery timeout can be
 * as low as 1 s; the outbox worker runs on the same event loop, and right after a start its first jobs
 * (matching, ServiceM8 and DialNexa requests, cold code) held up the deliveries still in flight: the
 * first batch of 8 ran at 2.6x the warm p99, and at 1.4x with no worker (bench/first-batch.ts). The
 * webhook route counts its deliveries in flight; the worker waits for none to be, a bounded while, before
 * it claims the next batch, so it never starves under constant load.
 */
export type IntakeFirst = {
  enter(): void;
  leave(): void;
  /** Resolves once no delivery is in flight, or after `maxWaitMs`. */
  settled(maxWaitMs: number): Promise<void>;
};

export function createIntakeFirst(): IntakeFirst {
  let inFlight = 0;
  let waiters: (() => void)[] = [];
  return {
    enter() { inFlight++; },
    leave() {
      inFlight = Math.max(0, inFlight - 1);
      if (inFlight === 0 && waiters.length) {
        const ready = waiters;
        waiters = [];
        for (const w of ready) w();
      }
    },
    settled(maxWaitMs) {
      if (inFlight === 0) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const t = setTimeout(() => { waiters = waiters.filter((w) => w !== done); resolve(); }, maxWaitMs);
        const done = () => { clearTimeout(t); resolve(); };
        waiters.push(done);
      });
    },
  };
}
