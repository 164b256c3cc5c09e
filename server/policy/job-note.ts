import type { CallOutcome } from '../domain/call-outcome.js';
import { formatMoney } from '../domain/money.js';
import { INTENT_RULES } from './intent-rules.js';
import { isUnsafeLink, stripUnsafeLinks } from './unsafe-links.js';

/** ServiceM8 shows notes in the job diary on phones; past this it stops being a glance. */
export const MAX_NOTE_CHARS = 1500;
const MAX_FIELD_CHARS = 240;

export type JobNoteInput = {
  outcome: CallOutcome;
  /** What the caller asked, in the money request's words ("Payment plan request"); else the intent's. */
  heading?: string;
  /** The record affected: job number and client, or a job this call creates. */
  record: { jobNumber?: string; companyName?: string; newJob?: boolean };
  /** What happens next, including what waits for a person. */
  next: string[];
  owner?: string;
  /** `YYYY-MM-DD`. */
  deadline?: string;
  /** Stable link to the call in the add-on; never a presigned recording URL. */
  callLink: string;
};

/**
 * The job diary note for a call: short, factual, phone-readable, at most MAX_NOTE_CHARS. Uses only what
 * it is given (already redacted upstream) and removes recording or presigned links from free text.
 */
export function buildJobNote(input: JobNoteInput): string {
  const { outcome, record } = input;
  const a = outcome.analysis;
  const head = [
    `DialNexa call: ${input.heading ?? INTENT_RULES[a?.intent ?? 'unknown']?.words ?? 'Billing call'}`,
    `Record: ${recordLine(record)}`,
    line('Claim', claimLine(outcome)),
    line('Reason', a?.refundReason || a?.disputeReason),
    line('Asked for', a?.creditRequest),
  ];
  const tail = [
    line('Promised', a?.promisedNextStep && [a.promisedNextStep, a.nextStepOwner && `(${a.nextStepOwner})`].filter(Boolean).join(' ')),
    ...input.next.map((n) => line('Next', n)),
    line('Owner', input.owner && [input.owner, input.deadline && `by ${input.deadline}`].filter(Boolean).join(', ')),
  ];
  const link = isUnsafeLink(input.callLink) ? '' : `\nCall: ${input.callLink}`;
  const room = MAX_NOTE_CHARS - link.length;
  const budget = room - [...head, ...tail].filter(isText).join('\n').length - '\nSummary: '.length;
  const shortened = truncate(clean(outcome.summary ?? ''), budget);
  const summary = shortened ? `Summary: ${shortened}` : undefined;
  // The link is what lets anyone reach the full call, so it survives even when everything else is cut.
  return truncate([...head, summary, ...tail].filter(isText).join('\n'), room) + link;
}

function recordLine(record: JobNoteInput['record']): string {
  const job = record.newJob ? 'new job' : record.jobNumber ? `job ${record.jobNumber}` : 'no job yet';
  return record.companyName ? `${job}, ${record.companyName}` : job;
}

function claimLine(outcome: CallOutcome): string | undefined {
  const a = outcome.analysis;
  const invoice = a?.invoiceNumber ? `invoice ${a.invoiceNumber}` : a?.jobNumber ? `job ${a.jobNumber}` : undefined;
  const parts = [invoice, a?.amount && formatMoney(a.amount), a?.callerClaim && `"${clean(a.callerClaim)}"`];
  const text = parts.filter(isText).join(' · ');
  return text || undefined;
}

function line(label: string, value: string | undefined | false): string | undefined {
  const text = value ? truncate(clean(value), MAX_FIELD_CHARS) : '';
  return text ? `${label}: ${text}` : undefined;
}

// One line per field: the diary renders newlines, and a multi-line claim would read as several fields.
function clean(text: string): string {
  return stripUnsafeLinks(text).replace(/\s+/g, ' ').trim();
}

/** Cuts at a word boundary and marks the cut, so a truncated summary never ends mid-word. */
function truncate(text: string, max: number): string {
  if (max <= 1) return '';
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

function isText(value: string | undefined | false | 0): value is string {
  return typeof value === 'string' && value.length > 0;
}
