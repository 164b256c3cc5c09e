import type { CallOutcome } from '../domain/call-outcome.js';
import type { DirectoryIndex } from './directory-index.js';
import type { Evidence, SignalSource } from './evidence.js';
import { findReferencesInText, normaliseJobReference } from './job-reference.js';
import { SIGNAL_WEIGHTS } from './match-scoring.js';

type Reference = { source: SignalSource; ref: string };

export type ReferenceEvidence = {
  evidence: Evidence[];
  /** The call named some job reference, found or not: then no other job is attached by guesswork. */
  referenceGiven: boolean;
};

/** Invoice and job numbers: from the analysis, else one unambiguous "invoice 1042" in the summary. */
export function referenceEvidence(index: DirectoryIndex, outcome: CallOutcome, notes: string[]): ReferenceEvidence {
  const { refs, referenceGiven } = givenReferences(outcome, notes);
  const evidence: Evidence[] = [];
  for (const { source, ref } of refs) {
    const jobs = index.jobs.filter((j) => normaliseJobReference(j.jobNumber) === ref);
    if (jobs.length === 0) notes.push(`${labelOf(source, ref)} matches no active job`);
    for (const job of jobs) {
      const company = index.companies.get(job.companyUuid)?.name ?? '';
      const weight = source === 'summary' ? SIGNAL_WEIGHTS.summaryReference : SIGNAL_WEIGHTS.reference;
      const reason = source === 'summary'
        ? `summary mentions invoice ${ref}, which is job ${job.jobNumber} for ${company}`
        : `${labelOf(source, ref)} is job ${job.jobNumber} for ${company}`;
      evidence.push({ source, label: labelOf(source, ref), companyUuid: job.companyUuid, jobUuid: job.uuid, weight, reasons: [reason] });
    }
  }
  return { evidence, referenceGiven };
}

function givenReferences(outcome: CallOutcome, notes: string[]): { refs: Reference[]; referenceGiven: boolean } {
  const refs: Reference[] = [];
  const given: [SignalSource, string][] = [
    ['invoice', outcome.analysis?.invoiceNumber?.trim() ?? ''],
    ['job_number', outcome.analysis?.jobNumber?.trim() ?? ''],
  ];
  for (const [source, raw] of given) {
    if (!raw) continue;
    const ref = normaliseJobReference(raw);
    if (!ref) notes.push(`${source === 'invoice' ? 'invoice' : 'job'} reference "${raw}" is not a job number`);
    else if (!refs.some((r) => r.ref === ref)) refs.push({ source, ref });
  }
  if (given.some(([, raw]) => raw)) return { refs, referenceGiven: true };
  // The summary is DialNexa's prose, so it only counts when it names exactly one reference.
  const inSummary = findReferencesInText(outcome.summary ?? '');
  if (inSummary.length > 1) notes.push(`summary names several references (${inSummary.join(', ')}); none used`);
  const single = inSummary.length === 1 ? [{ source: 'summary' as const, ref: inSummary[0] ?? '' }] : [];
  return { refs: single, referenceGiven: inSummary.length > 0 };
}

function labelOf(source: SignalSource, ref: string): string {
  return source === 'job_number' ? `job number ${ref}` : `invoice ${ref}`;
}
