import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSecretBox } from '../../server/security/secret-box.js';
import { createStore, type Store } from '../../server/store/store.js';
import { engines, openTestDb, type TestDb } from '../helpers/databases.js';
import { createFixedClock } from '../helpers/fixed-clock.js';

const ACCOUNT = 'acc-cache';

// Two stores on one database stand for two processes: each keeps its own connection cache.
describe.each(engines)('connection look-ups on %s', (engine) => {
  let tdb: TestDb;
  let here: Store;
  let there: Store;
  const clock = createFixedClock();
  const box = createSecretBox(randomBytes(32));
  beforeAll(async () => {
    tdb = await openTestDb(engine);
    here = createStore(tdb, box, clock.now);
    there = createStore(tdb.reopen(), box, clock.now);
    await here.accounts.upsert(ACCOUNT, 'Cache Co');
  });
  afterAll(async () => { await there.close(); await here.close(); await tdb.drop(); });

  it("see this process's own rotation, deactivation and settings at once", async () => {
    const conn = await here.accounts.createConnection(ACCOUNT, 'secret-one-0123456789abcdef');
    expect((await here.accounts.getConnection(conn.id))!.secrets).toEqual(['secret-one-0123456789abcdef']);
    await here.accounts.rotateConnectionSecret(ACCOUNT, conn.id, 'secret-two-0123456789abcdef');
    expect((await here.accounts.getConnection(conn.id))!.secrets).toEqual(['secret-two-0123456789abcdef', 'secret-one-0123456789abcdef']);
    const settings = (await here.accounts.get(ACCOUNT))!.settings;
    await here.accounts.saveSettings(ACCOUNT, { ...settings, defaultRegion: 'NZ', currency: 'NZD' });
    expect((await here.accounts.getConnection(conn.id))!.settings).toMatchObject({ defaultRegion: 'NZ', currency: 'NZD' });
    await here.accounts.deactivateConnections(ACCOUNT);
    expect(await here.accounts.getConnection(conn.id)).toBeUndefined();
  });

  it("see another process's rotation within five seconds", async () => {
    const conn = await there.accounts.createConnection(ACCOUNT, 'secret-a-0123456789abcdef');
    expect(await here.accounts.getConnection('dnx_unknown')).toBeUndefined();
    expect((await here.accounts.getConnection(conn.id))!.secrets).toEqual(['secret-a-0123456789abcdef']);
    await there.accounts.rotateConnectionSecret(ACCOUNT, conn.id, 'secret-b-0123456789abcdef');
    await there.accounts.rotateConnectionSecret(ACCOUNT, conn.id, 'secret-c-0123456789abcdef');
    clock.advance(4_000);
    expect((await here.accounts.getConnection(conn.id))!.secrets).toEqual(['secret-a-0123456789abcdef']); // still cached
    clock.advance(1_001);
    expect((await here.accounts.getConnection(conn.id))!.secrets).toEqual(['secret-c-0123456789abcdef', 'secret-b-0123456789abcdef']);
  });
});
