import { ApiFailure } from './api.js';

export const NETWORK_MESSAGE = "Couldn't reach the server — check your connection and try again";
export const EXPIRED_JOB_MESSAGE = 'Your session expired — close and reopen the panel from the job card';
export const EXPIRED_REVIEW_MESSAGE = 'Your session expired — close and reopen the review from the Add-ons menu';

/** The sentence a person sees for a failure. 4xx messages come from the server and are user-safe (STYLE.md errors). */
export function describeFailure(err: unknown, expiredMessage: string): string {
  if (!(err instanceof ApiFailure)) return 'Something went wrong in the panel — try again';
  if (err.expired) return expiredMessage;
  if (err.status === 0) return NETWORK_MESSAGE;
  if (err.status >= 500) return `Something went wrong on our side — try again in a moment${err.requestId ? ` (ref ${err.requestId})` : ''}`;
  return err.message;
}

/** Status text beside each action: polite live region, and a kind that never relies on colour alone. */
export type StatusMessage = { kind: 'pending' | 'success' | 'error'; text: string };
