import { parseCallDetails } from '../dialnexa/envelopes.js';
import { idempotencyKey } from '../outbox/idempotency.js';
import { ActionFailure } from '../outbox/runner.js';
import { redactJsonValue, redactOutcome } from '../redaction/redact-outcome.js';
import type { OutboxItem } from '../store/outbox-repo.js';
import type { Store } from '../store/store.js';
import type { DialNexaApi } from './dialnexa-api.js';

/**
 * Background detail fetch (contract: monitoring shape): GET /call-logs/{id}/details, parse, redact,
 * enrich the call if the details are newer, and plan the decision — never before the webhook answered.
 */
export async function fetchDetails(d: { store: Store; dialnexa?: DialNexaApi }, item: OutboxItem): Promise<{ note: string }> {
  if (!d.dialnexa) throw new ActionFailure('permanent', 'DIALNEXA_API_KEY is not set, so call details cannot be fetched');
  const { providerCallId } = item.payload as { providerCallId: string };
  const account = await d.store.accounts.get(item.accountUuid);
  if (!account) throw new ActionFailure('permanent', 'account no longer exists');
  // As on the webhook path: redact the whole body first, so no field (an "invoice number" that is really a
  // card, say) escapes because the parser treats it as an identifier; then a second pass on the outcome.
  const raw = redactJsonValue(await d.dialnexa.getCallDetails(providerCallId));
  const parsed = parseCallDetails(raw.value, { defaultRegion: account.settings.defaultRegion, defaultCurrency: account.settings.currency });
  if (!parsed.ok) throw new ActionFailure('permanent', `DialNexa details were not usable: ${parsed.errors.map((e) => e.field).join(', ')}`);
  const second = redactOutcome(parsed.outcome);
  const outcome = second.outcome;
  const kinds = [...new Set([...raw.kinds, ...second.kinds])].sort();
  const ready = await d.store.transaction(async (tx) => {
    const enriched = await tx.calls.enrich(item.accountUuid, outcome, kinds);
    const current = enriched ?? (await tx.calls.get(item.accountUuid, item.callId));
    const hasOutcome = Boolean(current?.outcome.analysis) || current?.outcome.status !== 'completed';
    await tx.calls.update(item.accountUuid, item.callId, { detailsStatus: hasOutcome ? 'fetched' : 'pending' });
    if (!enriched) return hasOutcome;
    await tx.audit.append({ accountUuid: item.accountUuid, callId: item.callId, actor: 'dialnexa', action: 'call.details_fetched', detail: { revision: outcome.revision, redacted: kinds } });
    if (!hasOutcome) return false;
    const key = `decide:r${outcome.revision}`;
    await tx.outbox.enqueue({ accountUuid: item.accountUuid, callId: item.callId, kind: 'decide', actionKey: key, idempotencyKey: idempotencyKey(item.accountUuid, providerCallId, key), payload: { providerCallId, revision: outcome.revision } });
    return true;
  });
  // DialNexa can answer before its analysis is ready: ask again later (jittered back-off) rather than
  // decide on a call we know nothing about. A later call.analysis_ready plans its own fetch as well.
  if (!ready) throw new ActionFailure('retry', 'DialNexa has not finished analysing this call yet');
  return { note: 'details fetched' };
}
