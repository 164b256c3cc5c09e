import type { CallOutcome } from '../domain/call-outcome.js';
import type { Sm8Company, Sm8Contact, Sm8Job } from '../domain/servicem8-records.js';

/** A snapshot of one account's clients, contacts and jobs, fetched by the ServiceM8 client (cached per account). */
export type Directory = { companies: Sm8Company[]; contacts: Sm8Contact[]; jobs: Sm8Job[] };

/** A payment or subscription id seen on an earlier matched call. */
export type KnownReference = {
  kind: 'payment_id' | 'subscription_id';
  value: string;
  companyUuid: string;
  jobUuid?: string;
};

export type MatchInput = {
  outcome: CallOutcome;
  directory: Directory;
  knownRefs: KnownReference[];
  /** ISO 3166 region for numbers stored without a country code. */
  defaultRegion: string;
};
