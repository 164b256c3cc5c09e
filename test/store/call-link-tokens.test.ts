import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../server/store/db.js';
import { initialMigration } from '../../server/store/migrations/001-initial.js';
import { documentSendsMigration } from '../../server/store/migrations/002-document-sends.js';
import { callLinkTokensMigration } from '../../server/store/migrations/003-call-link-tokens.js';
import { createSecretBox } from '../../server/security/secret-box.js';
import { createStore } from '../../server/store/store.js';
import { engines, openTestDb, pgUrl } from '../helpers/databases.js';
import { createFixedClock } from '../helpers/fixed-clock.js';

const TOKEN = /^[A-Za-z0-9_-]{22}$/;

/** A database as it stood before migration 003, so the backfill of existing calls can be seen. */
async function openAt002(engine: 'sqlite' | 'postgres'): Promise<{ h: Db; drop(): Promise<void> }> {
  if (engine === 'sqlite') {
    const h = openDatabase('sqlite::memory:');
    await initialMigration('sqlite').up(h.db as any);
    await documentSendsMigration().up(h.db as any);
    return { h, drop: async () => {} };
  }
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = openDatabase(pgUrl!);
  await sql`create schema ${sql.id(schema)}`.execute(admin.db);
  const h = openDatabase(pgUrl!, { schema });
  await initialMigration('postgres').up(h.db as any);
  await documentSendsMigration().up(h.db as any);
  return { h, drop: async () => { await sql`drop schema ${sql.id(schema)} cascade`.execute(admin.db); await admin.close(); } };
}

const row = (id: string) => ({
  id, account_uuid: 'acc-1', provider_call_id: `p-${id}`, revision: 1, status: 'completed', intent: 'other', outcome_json: '{}', redaction_kinds: '[]',
  step_status: 'none', details_status: 'not_needed', created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-01T00:00:00Z',
});

describe.each(engines)('call link tokens on %s', (engine) => {
  it('migration 003 gives every existing call its own random token, and a unique index holds them', async () => {
    const { h, drop } = await openAt002(engine);
    try {
      await (h.db as any).insertInto('calls').values([row('c1'), row('c2'), row('c3')]).execute();
      await callLinkTokensMigration().up(h.db as any);
      const rows = await h.db.selectFrom('calls').select(['id', 'link_token']).execute();
      expect(rows).toHaveLength(3);
      for (const r of rows) expect(r.link_token).toMatch(TOKEN);
      expect(new Set(rows.map((r) => r.link_token)).size).toBe(3);
      await expect(h.db.updateTable('calls').set({ link_token: rows[0]!.link_token }).where('id', '=', 'c2').execute()).rejects.toThrow();
    } finally {
      await h.close();
      await drop();
    }
  });

  const opened: { close(): Promise<void>; drop(): Promise<void> }[] = [];
  afterAll(async () => { for (const o of opened) { await o.close(); await o.drop(); } });

  it('a new call gets a token unrelated to its id, found only within its own account', async () => {
    const tdb = await openTestDb(engine);
    opened.push(tdb);
    const store = createStore(tdb, createSecretBox(randomBytes(32)), createFixedClock().now);
    const outcome = { kind: 'outcome', event: 'call_analyzed', providerCallId: 'call-tok-1', revision: 1, status: 'completed', hasRecording: false } as const;
    const { call } = await store.calls.claim({ accountUuid: 'acc-a', outcome, redactionKinds: [], detailsStatus: 'not_needed' });
    expect(call.linkToken).toMatch(TOKEN);
    expect(call.id).not.toContain(call.linkToken);
    expect((await store.calls.getByLinkToken('acc-a', call.linkToken))?.id).toBe(call.id);
    expect(await store.calls.getByLinkToken('acc-b', call.linkToken)).toBeUndefined();
    expect(await store.calls.getByLinkToken('acc-a', call.id)).toBeUndefined();
  });
});
