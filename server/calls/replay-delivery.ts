import { randomBytes } from 'node:crypto';
import type { Config } from '../config.js';
import { parseDelivery } from '../dialnexa/envelopes.js';
import { createSecretBox } from '../security/secret-box.js';
import { redactOutcome } from '../redaction/redact-outcome.js';
import { migrate, openDatabase } from '../store/db.js';
import { createStore, type Store } from '../store/store.js';
import { recordDelivery, type DeliveryResult } from './record-delivery.js';

/**
 * Re-runs a stored delivery through intake (parse → redact → record). Stored bodies are already redacted,
 * and idempotency makes a replay of an accepted delivery a harmless duplicate; useful after fixing a
 * parser bug that turned a delivery away with 400.
 */
export async function replayStoredDelivery(store: Store, deliveryId: string): Promise<DeliveryResult & { replayOf: string }> {
  const d = await store.deliveries.getForOperator(deliveryId);
  if (!d) throw new Error(`no delivery ${deliveryId}`);
  const account = await store.accounts.get(d.accountUuid);
  if (!account) throw new Error(`delivery ${deliveryId} belongs to unknown account ${d.accountUuid}`);
  const parsed = parseDelivery(JSON.parse(d.bodyRedacted), { defaultRegion: account.settings.defaultRegion, defaultCurrency: account.settings.currency });
  if (!parsed.ok) throw new Error(`delivery ${deliveryId} is still not valid: ${parsed.errors.map((e) => `${e.field} ${e.message}`).join('; ')}`);
  const { outcome, kinds } = redactOutcome(parsed.outcome);
  const result = await recordDelivery(store, { accountUuid: d.accountUuid, connectionId: d.connectionId, outcome, redactionKinds: kinds, bodyRedacted: d.bodyRedacted });
  return { ...result, replayOf: deliveryId };
}

export async function replayDelivery(config: Config, deliveryId: string) {
  const handle = openDatabase(config.databaseUrl);
  await migrate(handle);
  const store = createStore(handle, createSecretBox(config.encryptionKey ?? randomBytes(32)) /* a replay reads no sealed secrets */, () => new Date());
  try {
    return await replayStoredDelivery(store, deliveryId);
  } finally {
    await store.close();
  }
}
