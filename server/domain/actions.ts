/**
 * Planned ServiceM8 effects. Each is written to the outbox in the same transaction as the call and
 * delivered idempotently: key = account + DialNexa call id + `key` (see outbox/idempotency.ts).
 */
export type NoteAction = { kind: 'note'; key: string; jobUuid: string; text: string };

export type TaskAction = {
  kind: 'task';
  key: string;
  jobUuid?: string;
  assigneeStaffUuid?: string;
  name: string;
  details: string;
  /** `YYYY-MM-DD` in the account's timezone. */
  dueDate: string;
  /**
   * Set when the task belongs to a job this same decision creates: the `key` of that `create_job` action.
   * `jobUuid` is then unset and the outbox uses the created job's deterministic UUID.
   */
  createdJobKey?: string;
};

export type CreateJobAction = {
  kind: 'create_job';
  key: string;
  companyUuid: string;
  description: string;
  jobAddress?: string;
};

export type UpdateJobAction = {
  kind: 'update_job';
  key: string;
  jobUuid: string;
  field: string;
  oldValue: string;
  newValue: string;
  reason: string;
};

export type ServiceM8Action = NoteAction | TaskAction | CreateJobAction | UpdateJobAction;

export const REVIEW_REASONS = [
  'no_match', 'low_confidence', 'ambiguous_match', 'sensitive', 'high_value', 'vip', 'money_change',
  'unverified_identity', 'unknown_amount', 'above_threshold', 'recipient_not_on_file', 'insufficient_context',
  'review_everything', 'legal_or_access', 'delivery_failed',
] as const;
export type ReviewReason = (typeof REVIEW_REASONS)[number];

/** A decision the policy hands to a person instead of ServiceM8. */
export type ReviewRequest = { reason: ReviewReason; detail: string };

/** What the pure policy returns for one call. */
export type Decision = {
  actions: ServiceM8Action[];
  review: ReviewRequest[];
  /** Why, in plain words, for the panel and audit trail. */
  reasons: string[];
  /** One line a technician can act on. */
  headline: string;
  nextStep?: { text: string; owner?: string; ownerStaffUuid?: string; deadline?: string };
  /**
   * Steps the policy would take but that wait for a person (review_everything mode, a weak match, or a
   * money/legal step). Confirming one moves it to the outbox under the same `key`; `actions` never repeats them.
   */
  proposed?: ServiceM8Action[];
  /**
   * Who must act before `proposed` goes out: `approval` when a held step changes money (only staff with
   * approval rights may release it), `review` for anything else a person must look at; unset when nothing waits.
   */
  awaiting?: 'review' | 'approval';
};
