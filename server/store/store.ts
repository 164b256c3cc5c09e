import type { SecretBox } from '../security/secret-box.js';
import { accountRepo } from './account-repo.js';
import { auditRepo } from './audit-repo.js';
import { callRepo } from './call-repo.js';
import { createConnectionCache, type ConnectionCache } from './connection-cache.js';
import type { Db } from './db.js';
import { deliveryRepo } from './delivery-repo.js';
import type { Executor } from './executor.js';
import { outboxRepo } from './outbox-repo.js';
import { rateWindowRepo } from './rate-window-repo.js';
import { referenceRepo } from './reference-repo.js';
import { reviewRepo } from './review-repo.js';
import { sendRepo } from './send-repo.js';

function repos(db: Executor, dialect: Db['dialect'], box: SecretBox, now: () => Date, connections?: ConnectionCache) {
  return {
    accounts: accountRepo(db, box, now, connections),
    calls: callRepo(db, now),
    deliveries: deliveryRepo(db, now),
    outbox: outboxRepo(db, dialect, now),
    reviews: reviewRepo(db, now),
    audit: auditRepo(db, now),
    references: referenceRepo(db, now),
    rateWindows: rateWindowRepo(db, dialect),
    sends: sendRepo(db, box, now),
  };
}
export type Repos = ReturnType<typeof repos>;

export type Store = Repos & {
  dialect: Db['dialect'];
  /** Runs `fn` in one transaction; everything it writes lands together or not at all. */
  transaction<T>(fn: (tx: Repos) => Promise<T>): Promise<T>;
  ping(): Promise<void>;
  close(): Promise<void>;
};

/** The one store over kysely; the same code runs on SQLite and PostgreSQL (see test/store). */
export function createStore(handle: Db, box: SecretBox, now: () => Date): Store {
  const connections = createConnectionCache();
  return {
    ...repos(handle.db, handle.dialect, box, now, connections),
    dialect: handle.dialect,
    transaction: (fn) => handle.db.transaction().execute((trx) => fn(repos(trx, handle.dialect, box, now, connections))),
    ping: async () => { await handle.db.selectFrom('accounts').select('uuid').limit(1).execute(); },
    close: () => handle.close(),
  };
}
