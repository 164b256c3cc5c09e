import type { CallOutcome } from '../domain/call-outcome.js';
import { parseDelivery, withoutRecordingUrls, type FieldError, type ParseContext } from '../dialnexa/envelopes.js';
import { redactJsonValue } from '../redaction/redact-outcome.js';
import { redactText } from '../redaction/redact-text.js';

/**
 * A verified webhook body made safe to keep: everything below is redacted. `stored` is the body the
 * operator sees (no presigned recording links); `kinds` lists what redaction removed.
 */
export type PreparedDelivery =
  | { ok: true; outcome: CallOutcome; stored: string; kinds: string[] }
  | { ok: false; notJson: boolean; errors: FieldError[]; stored: string; kinds: string[] };

const NOT_JSON: FieldError[] = [{ field: 'body', message: 'is not valid JSON' }];

/**
 * Redact, then parse (contracts/dialnexa-webhooks.md; DESIGN.md non-negotiable 2). Every string of the
 * body is redacted once and the outcome is parsed from the redacted body, so nothing unredacted leaves
 * this function (redaction keeps ids, phones, amounts, dates and URLs byte for byte). Pure and
 * CPU-bound: it runs on the intake threads (intake-pool.ts) so the event loop stays free for I/O.
 */
export function prepareDelivery(body: string, ctx: ParseContext): PreparedDelivery {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    const r = redactText(body);
    return { ok: false, notJson: true, errors: NOT_JSON, stored: r.text, kinds: [...new Set(r.findings.map((f) => f.kind))].sort() };
  }
  const redacted = redactJsonValue(json);
  const stored = JSON.stringify(withoutRecordingUrls(redacted.value)); // presigned links are never stored
  const parsed = parseDelivery(redacted.value, ctx);
  return parsed.ok
    ? { ok: true, outcome: parsed.outcome, stored, kinds: redacted.kinds }
    : { ok: false, notJson: false, errors: parsed.errors, stored, kinds: redacted.kinds };
}
