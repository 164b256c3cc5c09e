import type { AccountSettings } from '../domain/account-settings.js';
import type { CallOutcome } from '../domain/call-outcome.js';
import type { MatchResult } from '../domain/match.js';
import type { Sm8Job, Sm8Staff } from '../domain/servicem8-records.js';

/** A contact ServiceM8 holds for the matched client or job: the only places documents may be sent. */
export type Recipient = { email: string; phone: string; mobile: string; type: string; scope: 'company' | 'job'; name?: string };

export type PolicyInput = {
  /** `analysis` may be missing. */
  outcome: CallOutcome;
  match: MatchResult;
  settings: AccountSettings;
  staff: Sm8Staff[];
  /** The matched job's live record, if any. */
  job?: Sm8Job;
  recipients: Recipient[];
  /** The matched client's open jobs: the choices a person gets when the call names none that fits. */
  openJobs?: Sm8Job[];
  /** Stable link to the call in the add-on; goes into notes and tasks instead of any recording URL. */
  callLink: string;
  now: Date;
};
