import { sumMoney } from '../domain/money.js';
import type { ServiceM8Client } from '../servicem8/client.js';
import type { RecordView } from './view-types.js';
import { samePaymentKey } from './compare-claim.js';

/**
 * Live ServiceM8 facts for one job (job, client, payments), cached briefly per account + job so that
 * opening the panel repeatedly does not spend the 180/min budget (platform-notes gotcha 14).
 */
export function createRecordCache(o: { ttlMs?: number; now: () => Date }) {
  const ttl = o.ttlMs ?? 30_000;
  const cache = new Map<string, { at: number; value: Promise<RecordView | undefined> }>();

  async function fetch(client: ServiceM8Client, jobUuid: string, currency: string): Promise<RecordView | undefined> {
    const [job, payments] = await Promise.all([client.getJob(jobUuid), client.listJobPayments(jobUuid)]);
    if (!job) return undefined;
    const company = job.companyUuid ? await client.getCompany(job.companyUuid) : undefined;
    const active = payments.filter((p) => p.active).sort((a, b) => a.timestamp.localeCompare(b.timestamp));
    const views = active.map((p) => ({ uuid: p.uuid, amount: { amount: p.amount, currency }, method: p.method, timestamp: p.timestamp }));
    const count = new Map<string, number>();
    for (const v of views) count.set(samePaymentKey(v), (count.get(samePaymentKey(v)) ?? 0) + 1);
    return {
      jobUuid, jobNumber: job.jobNumber, clientName: company?.name, status: job.status,
      invoiceTotal: { amount: job.totalInvoiceAmount || '0.00', currency },
      invoiceSent: job.invoiceSent, paymentReceived: job.paymentReceived,
      payments: views.map((v) => ({ ...v, repeated: (count.get(samePaymentKey(v)) ?? 0) > 1 })),
      paidTotal: { amount: sumMoney(active.map((p) => p.amount || '0')), currency },
      fetchedAt: o.now().toISOString(),
    };
  }

  return {
    get(accountUuid: string, client: ServiceM8Client, jobUuid: string, currency: string): Promise<RecordView | undefined> {
      const key = `${accountUuid}:${jobUuid}`;
      const hit = cache.get(key);
      if (hit && o.now().getTime() - hit.at < ttl) return hit.value;
      const value = fetch(client, jobUuid, currency);
      cache.set(key, { at: o.now().getTime(), value });
      value.catch(() => cache.delete(key));
      return value;
    },
    invalidate(accountUuid: string, jobUuid?: string) {
      for (const k of cache.keys()) if (k.startsWith(`${accountUuid}:`) && (!jobUuid || k.endsWith(jobUuid))) cache.delete(k);
    },
  };
}
export type RecordCache = ReturnType<typeof createRecordCache>;
