import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openDatabase } from '../../server/store/db.js';
import { startCheckpointer, type Checkpointer } from '../../server/store/sqlite-checkpointer.js';

// SQLite only: PostgreSQL has no write-ahead log in the process to checkpoint.
const dirs: string[] = [];
const running: Checkpointer[] = [];
const open: BetterSqlite3.Database[] = [];

function walDb(): { db: BetterSqlite3.Database; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'ckpt-'));
  dirs.push(dir);
  const file = join(dir, 'db.sqlite');
  const db = new BetterSqlite3(file);
  open.push(db);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec('create table t (id integer primary key, body text)');
  // The table is in the file before any checkpointer starts, so no test sees its page arrive later.
  db.pragma('wal_checkpoint(TRUNCATE)');
  return { db, file };
}

const size = (f: string) => { try { return statSync(f).size; } catch { return 0; } };
const autocheckpoint = (db: BetterSqlite3.Database) => db.pragma('wal_autocheckpoint', { simple: true });

async function until(check: () => boolean, ms = 10_000): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; await sleep(20)) if (check()) return true;
  return check();
}

afterEach(async () => {
  for (const c of running.splice(0)) await c.stop();
  for (const db of open.splice(0)) db.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('background WAL checkpoints (SQLite)', () => {
  it('copy the log into the database file from another thread, not from the writing connection', async () => {
    const { db, file } = walDb();
    running.push(startCheckpointer(db, file, { intervalMs: 20 }));
    expect(autocheckpoint(db)).toBe(20_000);
    const before = size(file);
    const insert = db.prepare('insert into t (body) values (?)');
    db.transaction(() => { for (let i = 0; i < 1500; i++) insert.run('x'.repeat(4000)); })();
    expect(size(file)).toBe(before); // the writer did not checkpoint: its threshold is far above 1 500 pages
    expect(await until(() => size(file) > before + 4_000_000)).toBe(true);
    expect(db.prepare('select count(*) as n from t').get()).toEqual({ n: 1500 });
  });

  it('ask for a drain once the log is long, and after it the next write starts the log afresh', async () => {
    const { db, file } = walDb();
    const c = startCheckpointer(db, file, { intervalMs: 10, drainFrames: 64 });
    running.push(c);
    expect(c.drainIfAsked()).toBeUndefined(); // nothing asked yet: the caller goes on at once
    const insert = db.prepare('insert into t (body) values (?)');
    db.transaction(() => { for (let i = 0; i < 200; i++) insert.run('d'.repeat(4000)); })();
    let drain: Promise<void> | undefined;
    expect(await until(() => (drain = c.drainIfAsked()) !== undefined)).toBe(true);
    await drain;
    insert.run('after the drain');
    // A third connection's passive checkpoint reports how many frames the log holds: only the last write's.
    const probe = new BetterSqlite3(file);
    open.push(probe);
    // It reports -1 while the thread's own checkpoint holds the checkpoint lock: ask again then.
    let frames = -1;
    expect(await until(() => (frames = (probe.pragma('wal_checkpoint(PASSIVE)') as { log: number }[])[0]!.log) >= 0)).toBe(true);
    expect(frames).toBeGreaterThan(0);
    expect(frames).toBeLessThan(10);
    expect(db.prepare('select count(*) as n from t').get()).toEqual({ n: 201 });
  });

  it('keep the log bounded under back-to-back kysely transactions, which never fail for the checkpoint', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ckpt-'));
    dirs.push(dir);
    const file = join(dir, 'db.sqlite');
    const handle = openDatabase(`sqlite:${file}`, { checkpoint: { intervalMs: 10, drainFrames: 256 } });
    await sql`create table t (id integer primary key, body text)`.execute(handle.db);
    // Transactions that follow each other as the webhook batcher's do (one event-loop turn apart): the log
    // never empties between them by itself. Write until it has visibly been reused (it holds under half of
    // what was written), or give up at 64 MB, below the writer's own 80 MB backstop.
    let batches = 0;
    const written = () => batches * 4 * 4000;
    try {
      while (written() < 64_000_000 && !(written() > 8_000_000 && size(`${file}-wal`) < written() / 2)) {
        await handle.db.transaction().execute(async (tx) => {
          for (let i = 0; i < 4; i++) await sql`insert into t (body) values (${'y'.repeat(4000)})`.execute(tx);
        });
        batches++;
        await new Promise(setImmediate);
      }
      expect(size(`${file}-wal`)).toBeLessThan(written() / 2);
      const { rows } = await sql<{ n: number }>`select count(*) as n from t`.execute(handle.db);
      expect(rows[0]!.n).toBe(batches * 4);
    } finally {
      await handle.close();
    }
  });

  it("go back to SQLite's own threshold when the thread cannot run", async () => {
    const { db } = walDb();
    const errors: Error[] = [];
    const c = startCheckpointer(db, join(tmpdir(), 'no-such-dir-for-ckpt', 'missing.sqlite'), { intervalMs: 20, onError: (e) => errors.push(e) });
    expect(await until(() => autocheckpoint(db) === 1000)).toBe(true);
    expect(errors.map((e) => e.message).join()).toMatch(/Cannot open database/);
    expect(c.drainIfAsked()).toBeUndefined(); // a caller never waits on a thread that is gone
  });

  it('stop and leave the database readable and complete', async () => {
    const { db, file } = walDb();
    const c = startCheckpointer(db, file, { intervalMs: 20 });
    db.prepare('insert into t (body) values (?)').run('kept');
    await c.stop();
    db.close();
    const again = new BetterSqlite3(file);
    open.push(again);
    expect(again.prepare('select body from t').all()).toEqual([{ body: 'kept' }]);
  });
});
