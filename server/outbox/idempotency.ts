import { createHash } from 'node:crypto';

/** Idempotency key = account + DialNexa call id + action key (never a delivery id; contract: Idempotency). */
export function idempotencyKey(accountUuid: string, providerCallId: string, actionKey: string): string {
  return `${accountUuid}:${providerCallId}:${actionKey}`;
}

/**
 * A UUID derived deterministically from the idempotency key (name-based, SHA-1, RFC 9562 §5.5 layout).
 * Creates send it as the record's `uuid`, so a create retried after a timeout or crash updates the same
 * ServiceM8 record instead of making a second one.
 */
export function deterministicUuid(key: string): string {
  const h = createHash('sha1').update('dialnexa-servicem8-addon:').update(key).digest();
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
