/**
 * Add-on event names: the manifest declares them and the dispatch table handles them, both from this
 * one list (test/manifest.test.ts fails if they drift). Lowercase, as ServiceM8 delivers eventName
 * lowercase (platform-notes §1.3).
 */
export const ADDON_EVENTS = {
  jobPanel: 'dialnexa_billing_job_panel',
  reviewCanvas: 'dialnexa_billing_review',
  webhook: 'webhook_subscription',
} as const;
export type AddonEventName = (typeof ADDON_EVENTS)[keyof typeof ADDON_EVENTS];
