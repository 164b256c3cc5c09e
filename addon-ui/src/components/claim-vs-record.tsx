import type { ClaimView, JobPanelView, Mismatch, MismatchKind, PaymentView, RecordView } from '../../../server/panel/view-types.js';
import type { ComponentChildren } from 'preact';
import type { Money } from '../../../server/domain/money.js';
import { formatMoney, formatWhen } from '../format.js';

const AMOUNT_KINDS: MismatchKind[] = ['amount_differs', 'currency_differs'];
const PAYMENT_KINDS: MismatchKind[] = ['duplicate_payment', 'claimed_paid_not_recorded', 'claimed_unpaid_but_paid'];

const Amount = ({ m }: { m?: Money }) => <span class="nw">{formatMoney(m)}</span>;

function Row({ label, claim, record, off }: { label: string; claim: ComponentChildren; record: ComponentChildren; off?: boolean }) {
  return (
    <tr class={off ? 'is-off' : undefined}>
      <th scope="row">{label}{off && <span class="flag"> ≠ mismatch</span>}</th>
      <td>{claim}</td>
      <td>{record}</td>
    </tr>
  );
}

function Payments({ rec, duplicates }: { rec: RecordView; duplicates: boolean }) {
  if (rec.payments.length === 0) return <span>No payments recorded</span>;
  // The server marks repeated payments (server/panel/record-view.ts); flagged when the call is about a duplicate.
  const isDup = (p: PaymentView) => duplicates && p.repeated;
  return (
    <ul class="payments" data-testid="payments">
      {rec.payments.map((p) => (
        <li key={p.uuid} class={isDup(p) ? 'is-off' : undefined} data-testid="payment">
          <strong class="nw">{formatMoney(p.amount)}</strong> on {formatWhen(p.timestamp)}{p.method ? ` · ${p.method}` : ''}
          {isDup(p) && <span class="flag"> (same payment twice)</span>}
        </li>
      ))}
    </ul>
  );
}

function claimWords(c: ClaimView): string[] {
  return [c.callerClaim, c.disputeReason && `Dispute: ${c.disputeReason}`, c.refundReason && `Refund reason: ${c.refundReason}`,
    c.creditRequest && `Asked for: ${c.creditRequest}`].filter((s): s is string => !!s);
}

/** The caller's billing claim beside what ServiceM8 records, with every mismatch spelled out in words. */
export function ClaimVsRecord({ claim, mismatches, record }: { claim: ClaimView; mismatches: Mismatch[]; record: JobPanelView['record'] }) {
  const rec = record.ok ? record.value : undefined;
  const kinds = new Set(mismatches.map((m) => m.kind));
  const has = (list: MismatchKind[]) => list.some((k) => kinds.has(k));
  const none = rec ? undefined : <span class="muted">Unavailable</span>;
  const words = claimWords(claim);
  return (
    <section class="cvr" data-testid="claim-vs-record">
      <h3>Caller's claim and ServiceM8's record</h3>
      {mismatches.length > 0 && (
        <ul class="mismatches" data-testid="mismatches" aria-label="Mismatches">
          {mismatches.map((m, i) => (
            <li key={i} class="mismatch" data-testid="mismatch" data-kind={m.kind}>
              <strong>⚠ {m.label}:</strong> {m.message}
            </li>
          ))}
        </ul>
      )}
      {words.length > 0 && <blockquote class="claim-words" data-testid="claim-words">{words.map((w, i) => <p key={i}>{w}</p>)}</blockquote>}
      <div class="table-wrap">
        <table class="cvr-table">
          <thead><tr><td /><th scope="col">Caller says</th><th scope="col">ServiceM8 records</th></tr></thead>
          <tbody>
            <Row label="Invoice" claim={claim.invoiceNumber ?? '—'} record={rec ? `Job ${rec.jobNumber}${rec.clientName ? ` · ${rec.clientName}` : ''}` : none} />
            <Row label="Amount" off={has(AMOUNT_KINDS)} claim={claim.amount ? <Amount m={claim.amount} /> : 'Not stated'} record={rec ? <>Invoice total <Amount m={rec.invoiceTotal} /></> : none} />
            <Row label="Invoice sent" claim="—" record={rec ? (rec.invoiceSent ? 'Yes' : 'No') : none} />
            <Row label="Payment" off={has(PAYMENT_KINDS)}
              claim={<>{claim.paymentStatus ?? 'Not stated'}{claim.dueDate && <><br />Due {formatWhen(claim.dueDate)}</>}</>}
              record={rec ? <>
                <span data-testid="paid-flag">{rec.paymentReceived ? 'Fully paid' : 'Not fully paid'}</span> · paid <Amount m={rec.paidTotal} />
                <Payments rec={rec} duplicates={kinds.has('duplicate_payment')} />
              </> : none} />
          </tbody>
        </table>
      </div>
      {rec
        ? <p class="muted small">ServiceM8 data as of {formatWhen(rec.fetchedAt)} · job status {rec.status}</p>
        : <p class="callout callout-warn" data-testid="record-unavailable">ServiceM8's record couldn't be read: {record.ok ? '' : record.message}</p>}
    </section>
  );
}
