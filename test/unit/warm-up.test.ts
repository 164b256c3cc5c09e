import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { warmUp } from '../../server/warm-up.js';
import { engines } from '../helpers/databases.js';
import { useRuntime } from '../helpers/make-deps.js';

const TABLES = ['calls', 'deliveries', 'outbox', 'audit_events', 'review_items', 'accounts'] as const;

describe.each(engines)('warmUp on %s (main.ts runs it before listening)', async (engine) => {
  const rt = await useRuntime({ engine, env: { INTAKE_THREADS: '1' } });
  const counts = async () => Object.fromEntries(await Promise.all(TABLES.map(async (t) => {
    const r = await sql<{ n: string | number }>`select count(*) as n from ${sql.table(t)}`.execute(rt.tdb.db);
    return [t, Number(r.rows[0]!.n)] as const;
  })));

  it('runs the webhook path (threads, redaction, policy, the delivery write) and keeps no row', async () => {
    const before = await counts();
    const { ms } = await warmUp(rt.deps);
    expect(ms).toBeGreaterThanOrEqual(0);
    expect(await counts()).toEqual(before);
    expect(rt.logs.join('')).not.toMatch(/error/i);
  });
});
