import type { ReviewReason } from '../domain/actions.js';

// Moved from addon-ui/src/labels.ts (issue 14): words come with the view model, not the panel bundle.
const REASONS: Record<ReviewReason, string> = {
  no_match: 'Caller not matched to a client',
  low_confidence: 'Weak match',
  ambiguous_match: 'More than one possible match',
  sensitive: 'Sensitive request',
  high_value: 'High value',
  vip: 'VIP client',
  money_change: 'Changes money',
  unverified_identity: "Caller's identity not verified",
  unknown_amount: 'Amount unknown',
  above_threshold: 'Above the approval threshold',
  recipient_not_on_file: 'Recipient not on file',
  insufficient_context: 'Not enough detail',
  review_everything: 'Account reviews every call',
  legal_or_access: 'Legal or access request',
  delivery_failed: 'Update to ServiceM8 failed',
};

/** A review reason in words for the panel and the review canvas. */
export function reasonLabel(code: string): string {
  const known = REASONS[code as ReviewReason];
  if (known) return known;
  const s = code.replace(/[._-]+/g, ' ').trim();
  return s.charAt(0).toUpperCase() + s.slice(1);
}
