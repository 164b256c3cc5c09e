import type { MatchCandidate, MatchResult } from '../domain/match.js';
import { emailEvidence, knownReferenceEvidence, phoneEvidence } from './contact-evidence.js';
import { indexDirectory } from './directory-index.js';
import { IDENTITY_SOURCES, type Evidence } from './evidence.js';
import type { MatchInput } from './match-input.js';
import { downgrade, leadsClearly, levelOf } from './match-scoring.js';
import { nameEvidence } from './name-evidence.js';
import { rankCandidates } from './rank-candidates.js';
import { referenceEvidence } from './reference-evidence.js';
import { toE164 } from './to-e164.js';

// The review queue shows candidates side by side; beyond a handful they stop helping anyone choose.
const MAX_CANDIDATES = 10;

/**
 * Finds the ServiceM8 client (and job, when clear) a call is about. Sets `best` only when one candidate
 * clearly wins; otherwise lists the candidates for a person. Never throws; never creates anything.
 */
export function matchCall(input: MatchInput): MatchResult {
  const { outcome, directory, knownRefs, defaultRegion } = input;
  const index = indexDirectory(directory, defaultRegion);
  const notes: string[] = [];
  const references = referenceEvidence(index, outcome, notes);
  // On an outbound call (DialNexa calling the customer) the customer is the number called, not the caller.
  const customerNumber = outcome.direction === 'outbound' ? outcome.toNumber : outcome.fromNumber;
  const caller = customerNumber ? toE164(customerNumber, defaultRegion) : undefined;
  const evidence = [
    ...references.evidence,
    ...knownReferenceEvidence(index, outcome.analysis, knownRefs),
    ...phoneEvidence(index, caller, notes),
    ...emailEvidence(index, outcome.analysis?.customerEmail, notes),
    ...nameEvidence(index, outcome.analysis?.customerName),
  ];
  const ranked = rankCandidates(evidence, index, {
    referenceGiven: references.referenceGiven,
    callerName: outcome.analysis?.customerName,
    subject: {
      text: [outcome.summary, outcome.analysis?.callerClaim, outcome.analysis?.disputeReason, outcome.analysis?.refundReason].filter(Boolean).join(' '),
      amount: outcome.analysis?.amount?.amount,
    },
  });
  return judge(ranked, evidence, notes);
}

function judge(ranked: MatchCandidate[], evidence: Evidence[], notes: string[]): MatchResult {
  const candidates = ranked.slice(0, MAX_CANDIDATES);
  if (ranked.length > MAX_CANDIDATES) notes.push(`${ranked.length - MAX_CANDIDATES} weaker candidates not listed`);
  const [top, runnerUp] = ranked;
  if (!top) return { confidence: 'none', candidates: [], reasons: [...notes, 'no signal matched an active client'] };
  if (!leadsClearly(top.score, runnerUp?.score)) {
    const tied = ranked.filter((c) => !leadsClearly(top.score, c.score)).length;
    return { confidence: 'low', candidates, reasons: [...notes, `${tied} clients match about equally well; a person must choose`] };
  }
  const conflicts = conflictsWith(top, evidence, ranked);
  const level = levelOf(top.score);
  const confidence = conflicts.length > 0 ? downgrade(level) : level;
  const summary = `${top.companyName} matches with ${confidence} confidence (score ${top.score.toFixed(2)})`;
  return { confidence, best: top, candidates, reasons: [...notes, ...conflicts, summary] };
}

/** Identity signals that point only at other clients: "conflicting signals: phone … points to B, not A". */
function conflictsWith(top: MatchCandidate, evidence: Evidence[], ranked: MatchCandidate[]): string[] {
  const reasons: string[] = [];
  for (const source of IDENTITY_SOURCES) {
    const hits = evidence.filter((e) => e.source === source);
    if (hits.length === 0 || hits.some((e) => e.companyUuid === top.companyUuid)) continue;
    const others = [...new Set(hits.map((e) => ranked.find((c) => c.companyUuid === e.companyUuid)?.companyName ?? ''))];
    reasons.push(`conflicting signals: ${hits[0]?.label} points to ${others.join(', ')}, not ${top.companyName}`);
  }
  return reasons;
}
