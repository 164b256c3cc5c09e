import type { Money } from './money.js';

export const AUTOMATION_MODES = ['review_everything', 'automatic_confident'] as const;
export type AutomationMode = (typeof AUTOMATION_MODES)[number];

/** Per-account settings finance edits in the menu-item canvas. */
export type AccountSettings = {
  /** Staff UUID of the finance owner; unset → first active staff whose job title mentions finance (DESIGN.md). */
  financeOwnerStaffUuid?: string;
  /** Refunds, credits and escalations above this go to a person. */
  approvalThreshold: Money;
  /** Staff allowed to approve money-changing steps (finance owner is always one). */
  approverStaffUuids: string[];
  vipCompanyUuids: string[];
  automationMode: AutomationMode;
  /** ISO 3166 region for phone parsing (libphonenumber-js). */
  defaultRegion: string;
  currency: string;
  timezone: string;
  /** How add-on events are answered: `{"eventResponse": html}` (default) or raw HTML. */
  responseFormat: 'envelope' | 'html';
  /** Days from the call to the default follow-up deadline. */
  followUpDays: number;
  /** Status of a job the add-on opens for work that was done but never raised (ServiceM8: Quote or Work Order). */
  newJobStatus?: 'Quote' | 'Work Order';
  /**
   * Who releases a document send to a recipient on file (issue 14): `person` (default) — one tap in the
   * panel; `automatic` — sent at once when the caller was verified. Anything else always waits for a person.
   */
  sendMode?: 'person' | 'automatic';
  /** The business's secure payment page (https), sent for payment-link requests. The add-on never handles card details. */
  paymentLinkUrl?: string;
};

export function defaultSettings(currency = 'AUD', timezone = 'Australia/Sydney', region = 'AU'): AccountSettings {
  return {
    approvalThreshold: { amount: '500.00', currency },
    approverStaffUuids: [],
    vipCompanyUuids: [],
    automationMode: 'automatic_confident',
    defaultRegion: region,
    currency,
    timezone,
    responseFormat: 'envelope',
    followUpDays: 2,
  };
}
