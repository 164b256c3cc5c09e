import type { MatchCandidate } from '../domain/match.js';
import type { Sm8Job } from '../domain/servicem8-records.js';
import { openJobsOf, type DirectoryIndex } from './directory-index.js';
import { KIND_OF, type Evidence, type SignalKind } from './evidence.js';
import { combineWeights, NAME_MISMATCH_FACTOR } from './match-scoring.js';
import { subjectFit, type CallSubject } from './subject-fit.js';

export type RankContext = {
  /** The call named a job reference: only that reference may pick the job. */
  referenceGiven: boolean;
  /** What the caller said their name was, if anything. */
  callerName?: string;
  /** What the call is about: the only open job is chosen only when it fits. */
  subject?: CallSubject;
};

/** One candidate per client, scored from its evidence, strongest first (then by name, then uuid). */
export function rankCandidates(evidence: readonly Evidence[], index: DirectoryIndex, ctx: RankContext): MatchCandidate[] {
  const byCompany = new Map<string, Evidence[]>();
  for (const e of evidence) byCompany.set(e.companyUuid, [...(byCompany.get(e.companyUuid) ?? []), e]);
  return [...byCompany]
    .map(([companyUuid, items]) => toCandidate(companyUuid, items, index, ctx))
    .sort((a, b) => b.score - a.score || a.companyName.localeCompare(b.companyName, 'en') || a.companyUuid.localeCompare(b.companyUuid, 'en'));
}

function toCandidate(companyUuid: string, items: Evidence[], index: DirectoryIndex, ctx: RankContext): MatchCandidate {
  const strongest = new Map<SignalKind, number>();
  for (const e of items) strongest.set(KIND_OF[e.source], Math.max(strongest.get(KIND_OF[e.source]) ?? 0, e.weight));
  const reasons = [...new Set(items.flatMap((e) => e.reasons))];
  const nameDiffers = Boolean(ctx.callerName?.trim()) && !strongest.has('name');
  if (nameDiffers) reasons.push(`name differs: caller said '${ctx.callerName?.trim()}'`);
  const job = pickJob(companyUuid, items, index, ctx, reasons);
  return {
    companyUuid,
    companyName: index.companies.get(companyUuid)?.name ?? '',
    ...(job ? { jobUuid: job.job.uuid, jobNumber: job.job.jobNumber, jobBasis: job.basis } : {}),
    score: combineWeights([...strongest.values()], nameDiffers ? NAME_MISMATCH_FACTOR : 1),
    reasons,
  };
}

type Picked = { job: Sm8Job; basis: 'named' | 'only_open_job' };

/**
 * The job a reference names, else the job a known payment id was seen on, else the client's only open
 * job when the call's subject fits it — never a guess when the caller named a reference, never one of
 * several, and never a job only because it is the latest.
 */
function pickJob(companyUuid: string, items: Evidence[], index: DirectoryIndex, ctx: RankContext, reasons: string[]): Picked | undefined {
  for (const kind of ['reference', 'known'] as const) {
    const uuids = [...new Set(items.filter((e) => KIND_OF[e.source] === kind && e.jobUuid).map((e) => e.jobUuid))];
    if (uuids.length > 1) {
      reasons.push(`signals point to ${uuids.length} different jobs of this client`);
      return undefined;
    }
    const named = uuids.length === 1 ? index.jobs.find((j) => j.uuid === uuids[0]) : undefined;
    if (named) return { job: named, basis: 'named' };
  }
  if (ctx.referenceGiven) return undefined;
  const open = openJobsOf(index, companyUuid);
  if (open.length > 1) reasons.push(`client has ${open.length} open jobs; none chosen`);
  const only = open.length === 1 ? open[0] : undefined;
  if (!only) return undefined;
  const fit = subjectFit(only, ctx.subject);
  if (!fit) {
    reasons.push(`job ${only.jobNumber} is the client's only open job, but nothing on the call ties it to that job; none chosen`);
    return undefined;
  }
  reasons.push(`job ${only.jobNumber} is the client's only open job and the call's subject fits it: ${fit}`);
  return { job: only, basis: 'only_open_job' };
}
