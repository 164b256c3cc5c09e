/** Where a signal came from; conflicts are judged per source ("invoice points to A, phone to B"). */
export type SignalSource = 'invoice' | 'job_number' | 'summary' | 'payment_id' | 'subscription_id' | 'phone' | 'email' | 'name';

/** Signals of one kind are not independent (an invoice and a job number name the same job), so only the strongest counts. */
export type SignalKind = 'reference' | 'known' | 'phone' | 'email' | 'name';

export const KIND_OF: Record<SignalSource, SignalKind> = {
  invoice: 'reference',
  job_number: 'reference',
  summary: 'reference',
  payment_id: 'known',
  subscription_id: 'known',
  phone: 'phone',
  email: 'email',
  name: 'name',
};

/** Names are too weak to contradict anything; every other source can point at a rival client. */
export const IDENTITY_SOURCES: readonly SignalSource[] = [
  'invoice', 'job_number', 'summary', 'payment_id', 'subscription_id', 'phone', 'email',
];

const NOUN_OF: Record<SignalSource, string> = {
  invoice: 'invoice', job_number: 'job number', summary: 'reference', payment_id: 'payment id',
  subscription_id: 'subscription id', phone: 'phone', email: 'email', name: 'name',
};

/** One signal pointing at one client (and maybe one of its jobs). */
export type Evidence = {
  source: SignalSource;
  /** How the source reads in a sentence: "invoice 1042", "phone +61412345678", "email". */
  label: string;
  companyUuid: string;
  jobUuid?: string;
  weight: number;
  reasons: string[];
};

/** Splits a signal's weight between the clients it fits: a number shared by 2 clients says half as much about each. */
export function shareEvidence(
  source: SignalSource,
  label: string,
  weight: number,
  perCompany: Map<string, { jobUuid?: string; reason: string }>,
): Evidence[] {
  const n = perCompany.size;
  return [...perCompany].map(([companyUuid, hit]) => ({
    source,
    label,
    companyUuid,
    ...(hit.jobUuid ? { jobUuid: hit.jobUuid } : {}),
    weight: weight / n,
    reasons: n > 1 ? [hit.reason, `${NOUN_OF[source]} shared by ${n} clients`] : [hit.reason],
  }));
}
