/**
 * JSON shapes the panel API returns and the Preact UI renders. Type-only: the UI imports them with
 * `import type`, so nothing server-side is bundled. Every string here is already redacted.
 */
import type { Money } from '../domain/money.js';

export type StepStatus = 'none' | 'planning' | 'open' | 'awaiting_review' | 'awaiting_approval' | 'confirmed' | 'escalated' | 'resolved';
export type StepAction = 'confirm' | 'escalate' | 'resolve' | 'approve' | 'decline';

export type ClaimView = {
  invoiceNumber?: string;
  amount?: Money;
  dueDate?: string;
  paymentStatus?: string;
  callerClaim?: string;
  refundReason?: string;
  disputeReason?: string;
  creditRequest?: string;
};

export type MismatchKind = 'amount_differs' | 'duplicate_payment' | 'claimed_paid_not_recorded' | 'claimed_unpaid_but_paid' | 'currency_differs';
export type Mismatch = { kind: MismatchKind; label: string; message: string };

/** `repeated`: another active payment has the same amount and method (the duplicate-charge pattern). */
export type PaymentView = { uuid: string; amount: Money; method: string; timestamp: string; repeated?: boolean };

/** What ServiceM8 records for the job, fetched live and cached briefly. */
export type RecordView = {
  jobUuid: string;
  jobNumber: string;
  clientName?: string;
  status: string;
  invoiceTotal: Money;
  invoiceSent: boolean;
  paymentReceived: boolean;
  payments: PaymentView[];
  paidTotal: Money;
  fetchedAt: string;
};

export type AuditView = { at: string; actor: string; action: string; summary: string };
/** A status in words with the tone of its pill: the words carry the meaning, colour only reinforces it. */
export type PillView = { label: string; tone: 'ok' | 'warn' | 'bad' | 'info' | 'neutral' };
export type ActionView = { id: string; kind: string; status: 'pending' | 'running' | 'done' | 'failed'; pill: PillView; attempts: number; lastError?: string; description: string };
/** `label`: the reason in words. */
export type ReviewView = { id: string; reason: string; label: string; detail: string; status: 'open' | 'resolved' | 'dismissed' };
export type CandidateView = { companyUuid: string; companyName: string; jobNumber?: string; score: number; reasons: string[] };

/** A line of the call's one finance task, as the panel shows it (state: open, waiting, approved, declined). */
export type FinanceLineView = {
  id: string; text: string; state: 'open' | 'waiting' | 'approved' | 'declined'; waitsFor?: 'approval' | 'review'; why?: string; by?: string;
  /** The state as a mark and words ("☑", "Approved"), and what it waits for or who settled it, in words. */
  mark: string; stateWords: string; note?: string;
};

/** The call's consolidated finance task; `delivery` is where ServiceM8 stands (proposed = not sent yet). */
export type FinanceTaskView = { name: string; dueDate: string; lines: FinanceLineView[]; delivery: 'proposed' | 'pending' | 'running' | 'done' | 'failed'; deliveryText: string };

/** One row of the send log as people see it; the recipient is always masked. */
export type SendLogView = { id: string; at: string; what: string; to: string; status: 'queued' | 'sent' | 'failed' | 'done_by_person'; statusText: string; by: string };

/**
 * A document resend (issue 14): what would go where and why, or — in review — the requested recipient
 * (masked) beside those on file. `action` is there when one tap may release it: `addon` sends through
 * ServiceM8, `person` means the person sends from ServiceM8 (`instructions`) and then records it.
 */
export type SendView = {
  title: string;
  state: 'proposed' | 'review' | 'done';
  to?: string;
  requested?: string;
  onFile: string[];
  why: string;
  action?: { by: 'addon' | 'person'; label: string; instructions?: string };
  log: SendLogView[];
};

export type CallView = {
  id: string;
  providerCallId: string;
  startedAt?: string;
  durationSeconds?: number;
  callerName?: string;
  callerNumber?: string;
  intent: string;
  intentLabel: string;
  status: string;
  summary?: string;
  transcriptUrl?: string;
  hasRecording: boolean;
  claim: ClaimView;
  /** Claim compared with the live record; empty when they agree or the record is unavailable. */
  mismatches: Mismatch[];
  headline?: string;
  /** Where the call's next step stands, also when there is no proposed step. */
  stepStatus: StepStatus;
  /** The status in words and the tone of its pill (words carry the meaning, colour only reinforces it). */
  stepPill: { label: string; tone: 'ok' | 'warn' | 'info' | 'neutral' };
  nextStep?: { text: string; owner?: string; deadline?: string; status: StepStatus };
  match: { confidence: string; reasons: string[]; candidates: CandidateView[] };
  policyReasons: string[];
  review: ReviewView[];
  actions: ActionView[];
  financeTask?: FinanceTaskView;
  send?: SendView;
  audit: AuditView[];
  /** Present when the next step changes money: only approvers may approve or decline. */
  approval?: { required: boolean; threshold: Money; canApprove: boolean };
  redactedKinds: string[];
};

export type JobPanelView = {
  jobUuid: string;
  /** Live ServiceM8 record, or why it could not be fetched. */
  record: { ok: true; value: RecordView } | { ok: false; message: string };
  calls: CallView[];
  viewer: { staffUuid: string; canApprove: boolean };
  /** Active staff, for choosing the owner of a next step. */
  staff: { uuid: string; name: string }[];
};

export type StepRequest = {
  action: StepAction;
  /** Client-generated id; repeating a request with the same id does one thing (double taps). */
  requestId: string;
  text?: string;
  ownerStaffUuid?: string;
  deadline?: string;
  reason?: string;
  outcome?: string;
};

/** Where a person may put a call the policy would not place: the client's open jobs, or a new job for it. */
export type PlaceChoicesView = { companyUuid: string; companyName: string; jobs: { jobNumber: string; description: string }[]; createJob: boolean };

export type ReviewQueueItem = ReviewView & { pill: PillView; callId: string; createdAt: string; call: Pick<CallView, 'callerName' | 'callerNumber' | 'intentLabel' | 'summary' | 'startedAt' | 'claim'> & { candidates: CandidateView[]; choices?: PlaceChoicesView } };

export type SettingsView = {
  financeOwnerStaffUuid?: string;
  approvalThreshold: Money;
  approverStaffUuids: string[];
  vipCompanyUuids: string[];
  automationMode: 'review_everything' | 'automatic_confident';
  followUpDays: number;
  responseFormat: 'envelope' | 'html';
  /** The status of jobs the add-on opens for work never raised (issue 13). */
  newJobStatus: 'Quote' | 'Work Order';
  /** Who releases a send to a recipient on file: a person's tap (default) or the add-on on a verified call. */
  sendMode: 'person' | 'automatic';
  paymentLinkUrl?: string;
};

export type ReviewCanvasView = {
  items: ReviewQueueItem[];
  settings: SettingsView;
  staff: { uuid: string; name: string; jobTitle: string }[];
  companies: { uuid: string; name: string }[];
  connections: { id: string; webhookUrl: string; createdAt: string }[];
  viewer: { staffUuid: string; canApprove: boolean };
  /** The account's latest sends; the whole log with its audit trail is `sends.csv`. */
  sends: SendLogView[];
};

export type ReviewRequest = { action: 'link_job' | 'create_job' | 'dismiss' | 'retry'; requestId: string; jobNumber?: string; companyUuid?: string; reason?: string };

/** The `{ error }` body every failing API call returns (server/http/error-handler.ts). */
export type ApiError = { error: { code: string; message: string; requestId: string; fields?: { field: string; message: string }[] } };

/**
 * Bootstrap JSON embedded in the HTML shell (`<script id="bootstrap" type="application/json">`). `initial`
 * is the view the page was server-rendered from, so the script hydrates that markup (issue 15, item 3);
 * without it the script renders and loads from the API.
 */
export type Bootstrap =
  | { view: 'job'; apiBase: string; token: string; jobUuid: string; issuedAt: string; initial?: JobPanelView }
  | { view: 'review'; apiBase: string; token: string; issuedAt: string; initial?: ReviewCanvasView };
