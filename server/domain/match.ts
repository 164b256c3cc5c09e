/** One possible ServiceM8 destination for a call, with the evidence behind it. */
export type MatchCandidate = {
  companyUuid: string;
  companyName: string;
  jobUuid?: string;
  jobNumber?: string;
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
