import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Logger } from 'pino';
import type { ParseContext } from '../dialnexa/envelopes.js';
import { prepareDelivery, type PreparedDelivery } from './prepare-delivery.js';

export type IntakePool = {
  prepare(body: string, ctx: ParseContext): Promise<PreparedDelivery>;
  /** Starts every thread and prepares `body` once on each, so the first webhooks find them loaded and compiled. */
  warm(body: string, ctx: ParseContext): Promise<void>;
  close(): Promise<void>;
};

type Task = { resolve: (p: PreparedDelivery) => void; reject: (e: Error) => void };
type Thread = { worker: Worker; tasks: Map<number, Task> };

const ENTRY = new URL(`./intake-thread${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url).href;
// Run from TypeScript sources (npm start, tests), the thread loads them through tsx's scoped import: on
// Node 20 a worker does not inherit the main thread's module hooks, and `--import tsx` fails there.
// A failed import rejects in the thread, which Node reports as the worker's 'error' event.
const BOOT = `const { workerData: w } = require('node:worker_threads');
w.tsx ? import(w.tsx).then((api) => api.tsImport(w.entry, w.entry)) : import(w.entry);`;

/** tsx's ESM API by its package's "import" export (require.resolve would pick the CJS build). */
function tsxEsmApi(): string {
  const pkgJson = createRequire(import.meta.url).resolve('tsx/package.json');
  const pkg = JSON.parse(readFileSync(pkgJson, 'utf8')) as { exports: Record<string, { import: { default: string } }> };
  return pathToFileURL(join(dirname(pkgJson), pkg.exports['./esm/api']!.import.default)).href;
}

/**
 * Redacting and parsing a webhook body is pure CPU work (~0.5 ms for a 5 KB transcript). With
 * `threads > 0` it runs on worker threads, so the event loop only verifies, writes and answers, and a
 * second core does the redaction. `threads: 0` prepares inline (one-core machines). Threads start
 * on first use, or all at once in `warm` (main.ts warms before it listens: issue 15, item 2); one that dies fails only the bodies it held (the webhook answers 503, DialNexa retries)
 * and is replaced on the next body.
 */
export function createIntakePool(o: { threads: number; log: Logger; maxHeapMb?: number }): IntakePool {
  const threads: (Thread | undefined)[] = Array.from({ length: o.threads }, () => undefined);
  let nextId = 0;
  let closed = false;

  function spawn(slot: number): Thread {
    // A heap cap per thread: a hostile 1 MiB body can fail its own request, never exhaust the process.
    const resourceLimits = { maxOldGenerationSizeMb: o.maxHeapMb ?? 256 };
    const worker = new Worker(BOOT, { eval: true, resourceLimits, workerData: { entry: ENTRY, tsx: ENTRY.endsWith('.ts') ? tsxEsmApi() : undefined } });
    const t: Thread = { worker, tasks: new Map() };
    worker.unref(); // an idle thread never keeps the process alive; a busy one does (see prepare)
    worker.on('message', (m: { id: number; result?: PreparedDelivery; error?: string }) => {
      const task = t.tasks.get(m.id);
      t.tasks.delete(m.id);
      if (t.tasks.size === 0) worker.unref();
      if (m.result) task?.resolve(m.result);
      else task?.reject(new Error(m.error ?? 'intake thread failed'));
    });
    const fail = (why: string) => {
      if (threads[slot] === t) threads[slot] = undefined;
      for (const task of t.tasks.values()) task.reject(new Error(`intake thread ${why}`));
      t.tasks.clear();
    };
    worker.on('error', (err) => {
      o.log.error({ err }, 'intake thread crashed; it is replaced on the next webhook');
      fail('crashed');
    });
    worker.on('exit', (code) => fail(`exited (${code})`));
    threads[slot] = t;
    return t;
  }

  function leastBusy(): Thread {
    let best = -1;
    for (let i = 0; i < threads.length; i++) {
      const t = threads[i];
      if (!t) return spawn(i);
      if (best < 0 || t.tasks.size < threads[best]!.tasks.size) best = i;
    }
    return threads[best]!;
  }

  function send(t: Thread, body: string, ctx: ParseContext): Promise<PreparedDelivery> {
    const id = nextId++;
    return new Promise<PreparedDelivery>((resolve, reject) => {
      if (t.tasks.size === 0) t.worker.ref();
      t.tasks.set(id, { resolve, reject });
      t.worker.postMessage({ id, body, ctx });
    });
  }

  return {
    prepare(body, ctx) {
      if (threads.length === 0) return Promise.resolve(prepareDelivery(body, ctx));
      if (closed) return Promise.reject(new Error('intake pool is closed'));
      return send(leastBusy(), body, ctx);
    },
    async warm(body, ctx) {
      if (threads.length === 0) { prepareDelivery(body, ctx); return; }
      await Promise.all(threads.map((t, slot) => send(t ?? spawn(slot), body, ctx)));
    },
    async close() {
      closed = true;
      await Promise.all(threads.map((t) => t?.worker.terminate()));
    },
  };
}
