/** One possible ServiceM8 destination for a call, with the evidence behind it. */
export type MatchCandidate = {
  companyUuid: string;
  companyName: string;
  jobUuid?: string;
  jobNumber?: string;
  /**
   * Why the job was chosen: the call named it (invoice or job number, a payment or subscription id seen
   * on it), or it is the client's only open job and the call's subject fits it.
   */
  jobBasis?: 'named' | 'only_open_job';
  /** 0..1; higher is stronger. */
  score: number;
  /** Human-readable, e.g. "invoice 1042 is job 1042 for Natarajan Plumbing". */
  reasons: string[];
};

export type MatchConfidence = 'high' | 'medium' | 'low' | 'none';

export type MatchResult = {
  confidence: MatchConfidence;
  /** Set only when one candidate clearly wins; the add-on never fans a call out to several records. */
  best?: MatchCandidate;
  candidates: MatchCandidate[];
  /** Reasons about the match as a whole ("phone shared by 2 clients"). */
  reasons: string[];
};
