import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type BetterSqlite3 from 'better-sqlite3';

/**
 * In WAL mode SQLite copies the log back into the database file ("checkpoint") on the committing
 * connection once the log passes `wal_autocheckpoint` pages, and a checkpoint fsyncs. better-sqlite3 is
 * synchronous, so that fsync stalled the event loop: profiled under webhook load, COMMIT averaged 2 ms
 * and most of it was the occasional 30 ms checkpoint (https://www.sqlite.org/wal.html#ckpt).
 *
 * Here a worker thread with its own connection runs PASSIVE checkpoints, which never block the writer,
 * every `intervalMs`. Under sustained writes a passive checkpoint never quite catches up, so the log is
 * never started afresh and keeps growing. Once it holds more than `drainFrames` frames the thread asks
 * for a drain: the next time the writing connection is acquired (store/db.ts), it is held idle while the
 * thread checkpoints the rest, an await rather than a blocked event loop, and the writer's next
 * commit restarts the log (SQLite restarts a log that was wholly checkpointed when no reader uses it).
 *
 * An earlier version had the thread run RESTART checkpoints instead: those hold the writer lock, so the
 * writer's busy handler slept on the event loop (8–44 ms, twice a second under load), and in a profiled
 * run a write failed at once with SQLITE_BUSY, which the busy timeout does not cover.
 *
 * The writing connection keeps a high automatic threshold as a backstop, and returns to SQLite's
 * default if the thread ever stops, so the log can never grow without bound.
 */
export type Checkpointer = {
  /**
   * Call with the writing connection held and idle. Resolves at once, or, when the thread asked for a
   * drain, once it has checkpointed the whole log (or has stopped).
   */
  drainIfAsked(): Promise<void> | undefined;
  stop(): Promise<void>;
};

export type CheckpointOptions = { intervalMs?: number; drainFrames?: number; onError?: (err: Error) => void };

const DEFAULT_AUTOCHECKPOINT = 1000; // pages, SQLite's default
const BACKSTOP_AUTOCHECKPOINT = 20_000; // pages (~80 MB with 4 KiB pages)

// Plain CommonJS evaluated in the thread: it needs only the driver, so no TypeScript loader is involved.
// Messages: the thread posts 'drain' (asking), 'drained' (done) and { error }; the parent posts 'drain' and 'stop'.
const THREAD = `const { workerData: w, parentPort } = require('node:worker_threads');
const db = new (require(w.driver))(w.file, { fileMustExist: true });
db.pragma('busy_timeout = 1000');
let asked = false;
let lastError;
function passive() {
  try {
    const r = db.pragma('wal_checkpoint(PASSIVE)')[0];
    lastError = undefined;
    return r;
  } catch (e) {
    const error = String(e && e.message);
    if (error !== lastError) parentPort.postMessage({ error }); // once per new failure, not every tick
    lastError = error;
    return undefined;
  }
}
const timer = setInterval(() => {
  const r = passive();
  if (r && !asked && r.log > w.drainFrames) { asked = true; parentPort.postMessage('drain'); }
}, w.intervalMs);
parentPort.on('message', (m) => {
  if (m === 'drain') { asked = false; passive(); parentPort.postMessage('drained'); return; }
  clearInterval(timer); db.close(); parentPort.close();
});`;

export function startCheckpointer(writer: BetterSqlite3.Database, file: string, o: CheckpointOptions = {}): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  writer.pragma(`wal_autocheckpoint = ${BACKSTOP_AUTOCHECKPOINT}`);
  // A log that grew during a burst is cut back once a checkpoint has emptied it.
  writer.pragma('journal_size_limit = 67108864');
  const workerData = { driver, file, intervalMs: o.intervalMs ?? 100, drainFrames: o.drainFrames ?? 4096 };
  const worker = new Worker(THREAD, { eval: true, workerData });
  worker.unref();
  let stopped = false;
  let asked = false;
  let drained: (() => void) | undefined;
  const exited = new Promise<void>((resolve) => worker.once('exit', () => {
    if (!stopped && writer.open) writer.pragma(`wal_autocheckpoint = ${DEFAULT_AUTOCHECKPOINT}`);
    asked = false;
    drained?.();
    resolve();
  }));
  worker.on('message', (m: 'drain' | 'drained' | { error: string }) => {
    if (m === 'drain') asked = true;
    else if (m === 'drained') drained?.();
    else o.onError?.(new Error(`checkpoint failed: ${m.error}`));
  });
  // 'exit' follows an error and restores the default threshold; the owner hears why.
  worker.on('error', (err) => o.onError?.(err));
  return {
    drainIfAsked() {
      if (!asked || stopped) return undefined;
      asked = false;
      worker.ref(); // a drain in progress keeps the process alive until it answers
      return new Promise<void>((resolve) => {
        drained = () => { drained = undefined; worker.unref(); resolve(); };
        worker.postMessage('drain');
      });
    },
    async stop() {
      stopped = true;
      worker.ref(); // an unref'd thread would let the process exit before shutdown finishes
      worker.postMessage('stop');
      await exited;
    },
  };
}
