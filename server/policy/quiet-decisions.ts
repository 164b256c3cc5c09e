import type { Decision, ReviewRequest } from '../domain/actions.js';
import type { CallOutcome } from '../domain/call-outcome.js';
import { INTENT_RULES } from './intent-rules.js';
import type { PolicyInput } from './policy-input.js';

/** A call that never connected, or a delivery without an outcome, leads to nothing — with the reason. */
export function notActionable(outcome: CallOutcome): Decision | undefined {
  if (outcome.kind !== 'outcome') {
    const reason = outcome.kind === 'ignored'
      ? `event ${outcome.event} is not acted on`
      : "notification only: the call's details are fetched before anything is decided";
    return quiet(reason, 'Waiting for call details — nothing to do yet');
  }
  if (outcome.status === 'hangup') {
    return quiet(`call never connected (${outcome.hangupReason || 'hangup'})`, 'Call did not connect — nothing to do');
  }
  if (!outcome.analysis && outcome.status !== 'completed') {
    return quiet(`call has no outcome (status ${outcome.status})`, 'Call did not connect — nothing to do');
  }
  return undefined;
}

/** No clear destination: the review queue shows the candidates; nothing is proposed because nothing has a place yet. */
export function unmatched(input: PolicyInput): Decision {
  const { match, outcome, settings } = input;
  const words = INTENT_RULES[outcome.analysis?.intent ?? 'unknown']?.words ?? 'Billing call';
  const ambiguous = match.confidence !== 'none' && match.candidates.length > 0;
  const names = match.candidates.map((c) => c.companyName);
  const review: ReviewRequest[] = [
    ambiguous
      ? { reason: 'ambiguous_match', detail: `could be ${names.join(' or ')}; the add-on never writes to several clients` }
      : { reason: 'no_match', detail: 'the caller matches no active client; the add-on never creates clients' },
  ];
  if (settings.automationMode === 'review_everything') {
    review.push({ reason: 'review_everything', detail: 'this account has a person confirm every call' });
  }
  const headline = ambiguous
    ? `${words} that matches ${names.length} clients — waiting for review (several possible clients)`
    : `${words} from an unmatched caller — waiting for review (caller not matched)`;
  return {
    actions: [],
    proposed: [],
    review,
    reasons: [...match.reasons, ...review.map((r) => r.detail)],
    headline,
    awaiting: 'review',
    nextStep: { text: 'Link the call to a client and job, or dismiss it, in the review queue' },
  };
}

function quiet(reason: string, headline: string): Decision {
  return { actions: [], proposed: [], review: [], reasons: [reason], headline };
}
