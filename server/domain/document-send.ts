import type { DocumentKind } from './call-outcome.js';

/** Documents the add-on can send through ServiceM8 itself; statements and tax forms stay finance's job. */
export const SENDABLE_KINDS = ['invoice', 'receipt', 'payment_link'] as const;
export type SendableKind = (typeof SENDABLE_KINDS)[number];
export type SendChannel = 'email' | 'sms';

export function isSendable(kind: DocumentKind | undefined): kind is SendableKind {
  return (SENDABLE_KINDS as readonly string[]).includes(kind ?? '');
}

/**
 * What the policy proposes to send for a resend request. Addresses are masked here: the decision is
 * stored in plain text, so the full address is looked up again from ServiceM8 when the send is confirmed
 * (and sealed in the send log), never kept in the decision.
 * `proposed`: to a recipient on file, waiting for a person's tap (or sent at once when the account
 * allows automatic sends on a verified call); `review`: nothing is sent, a person decides.
 */
export type SendProposal = {
  kind: SendableKind;
  /** "invoice 1042", "payment link for job 1042". */
  reference: string;
  channel: SendChannel;
  state: 'proposed' | 'review';
  /** The recipient on file, masked, and who it is ("the billing contact on the job"). */
  to?: { masked: string; who: string };
  /** Review only: what the caller asked for, masked, beside what ServiceM8 holds. */
  requested?: string;
  onFile: string[];
  /** Why this proposal, or why it waits, in words. */
  why: string;
  callerVerified: boolean;
  /**
   * `call`: the proposal itself was fine, but the whole call waits for a person (weak match, sensitive,
   * review everything). A person's tap may still send it; it is never sent automatically.
   */
  heldBy?: 'call';
};
