import type { Sm8Job } from '../domain/servicem8-records.js';
import { compareMoney } from '../domain/money.js';

/** What the call is about, for judging whether the client's only open job is the one it means. */
export type CallSubject = { text: string; amount?: string };

// Words that appear in any trades job or billing call and so say nothing about which job is meant.
const COMMON = new Set([
  'with', 'that', 'this', 'from', 'have', 'were', 'they', 'their', 'about', 'would', 'could', 'should', 'there', 'which',
  'call', 'caller', 'calls', 'called', 'says', 'said', 'asks', 'asked', 'wants', 'invoice', 'invoiced', 'bill', 'billed',
  'billing', 'payment', 'payments', 'paid', 'charge', 'charged', 'refund', 'credit', 'account', 'amount', 'work', 'done',
  'job', 'jobs', 'quote', 'service', 'supply', 'install', 'installed', 'repair', 'replace', 'check', 'test', 'back',
  'week', 'weeks', 'month', 'today', 'yesterday', 'last', 'next', 'agent', 'finance', 'team', 'client', 'customer',
]);

function words(text: string): Set<string> {
  return new Set(text.toLowerCase().split(/[^a-z]+/).filter((w) => w.length >= 4 && !COMMON.has(w)));
}

/**
 * Why the call's subject fits the job, or undefined when nothing links them: the amount the caller names
 * is the job's invoice total, or the call and the job description share a telling word ("hot water").
 * A billing call about something else must not land on a job only because it is the client's one open job.
 */
export function subjectFit(job: Sm8Job, subject: CallSubject | undefined): string | undefined {
  if (!subject) return undefined;
  const total = job.totalInvoiceAmount?.trim();
  if (subject.amount && total && /^\d+(\.\d+)?$/.test(total) && compareMoney(total, '0') > 0 && compareMoney(subject.amount, total) === 0) {
    return `the amount on the call is the job's invoice total (${total})`;
  }
  const said = words(subject.text);
  const shared = [...words(job.description)].filter((w) => said.has(w));
  return shared.length > 0 ? `the call and the job both mention "${shared.slice(0, 3).join('", "')}"` : undefined;
}
