import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSharedRateLimiter } from '../../server/limits/shared-rate-limiter.js';
import { createSecretBox } from '../../server/security/secret-box.js';
import { createStore } from '../../server/store/store.js';
import { engines, openTestDb } from '../helpers/databases.js';

describe.each(engines)('shared ServiceM8 rate limiter on %s', (engine) => {
  it('keeps two processes together under the per-minute budget, waiting rather than failing', async () => {
    const tdb = await openTestDb(engine);
    const other = tdb.reopen();
    let t = Date.parse('2026-11-25T03:00:00Z');
    const box = createSecretBox(randomBytes(32));
    const granted: number[] = [];
    const make = (h: typeof tdb) => createSharedRateLimiter({ store: createStore(h, box, () => new Date(t)), now: () => t, perMinute: 5, perDay: 100, sleep: async (ms) => { t += ms; } });
    const [a, b] = [make(tdb), make(other as typeof tdb)];
    for (let i = 0; i < 12; i++) {
      await (i % 2 ? a : b).acquire('acc-1');
      granted.push(t);
    }
    for (const at of granted) expect(granted.filter((x) => x > at - 60_000 && x <= at).length).toBeLessThanOrEqual(5);
    expect(granted.at(-1)! - granted[0]!).toBeGreaterThanOrEqual(110_000);
    await other.close();
    await tdb.close();
    await tdb.drop();
  });
});
