import { humanize } from './format.js';

// Mirrors REVIEW_REASONS in server/domain/actions.ts (type-only import is not possible for a const list).
const REASONS: Record<string, string> = {
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

export function reasonLabel(code: string): string {
  return REASONS[code] ?? humanize(code);
}
