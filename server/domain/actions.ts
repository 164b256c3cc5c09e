import type { SendProposal } from './document-send.js';

/**
 * Planned ServiceM8 effects. Each is written to the outbox in the same transaction as the call and
 * delivered idempotently: key = account + DialNexa call id + `key` (see outbox/idempotency.ts).
 */
export type NoteAction = {
  kind: 'note';
  key: string;
  jobUuid: string;
  text: string;
  /** Set when the note belongs to a job this same decision creates (as on TaskAction); `jobUuid` is then empty. */
  createdJobKey?: string;
};

/**
 * One finance step of a call, a line of the call's single finance task. `waiting` lines wait for a
 * person (an approver, or a reviewer); approving ticks the line (`approved`), declining strikes it.
 */
export type FinanceLine = {
  /** Stable within the call ("refund", "payment_plan", "escalation"…): revisions and approvals find the line by it. */
  id: string;
  /** Short name for the task title: "approve payment plan". */
  label: string;
  /** Finance's step, starting with its verb: "Approve a payment plan: 3 × AUD 140.00 fortnightly from 4 Dec 2026". */
  text: string;
  state: 'open' | 'waiting' | 'approved' | 'declined';
  /** Who must act before a waiting line is done. */
  waitsFor?: 'approval' | 'review';
  /** Why it waits, in words ("AUD 900.00 is above the AUD 500.00 approval limit"). */
  why?: string;
  /** "approved by Sam Lee", "declined by Sam Lee: …". */
  by?: string;
};

export type TaskAction = {
  kind: 'task';
  key: string;
  /** The checklist the details render; set on the call's one finance task (`task:finance`). */
  lines?: FinanceLine[];
  /** Text above and below the checklist, kept so the details can be rendered again when a line changes. */
  header?: string[];
  footer?: string[];
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
  /** The account's choice for jobs the add-on opens (settings `newJobStatus`); `Quote` when unset. */
  status?: string;
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

/**
 * Rewrites the call's finance task in ServiceM8 (a later revision, an approval ticking a line). It names
 * the task action by key; the runner sends the details the call's decision holds when it runs, so
 * updates delivered late or twice still leave ServiceM8 showing the latest checklist.
 */
export type UpdateTaskAction = { kind: 'task_update'; key: string; taskKey: string };

export type ServiceM8Action = NoteAction | TaskAction | CreateJobAction | UpdateJobAction | UpdateTaskAction;

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
  /**
   * Where a person may put the call when the policy would not choose: the matched client's open jobs,
   * and whether creating a job for that client is offered.
   */
  /** A document resend the add-on can do through ServiceM8's Messaging API (issue 14). */
  send?: SendProposal;
  choices?: { companyUuid: string; companyName: string; jobs: { jobUuid: string; jobNumber: string; description: string }[]; createJob: boolean };
};
