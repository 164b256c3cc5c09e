import { ADDON_EVENTS } from './events.js';

/**
 * Minimal OAuth scopes for what the add-on reads and writes (platform-notes §7.4, trimmed):
 * no attachments or materials; tasks for finance follow-ups; job payments for the claim-vs-record view.
 */
export const OAUTH_SCOPES = [
  'vendor', 'read_staff', 'read_customers', 'read_customer_contacts', 'read_jobs', 'create_jobs', 'manage_jobs',
  'read_job_contacts', 'read_job_notes', 'publish_job_notes', 'read_job_payments', 'read_tasks', 'manage_tasks',
] as const;

/** Scopes of ServiceM8's Messaging API, requested only when the add-on sends documents itself (issue 14). */
export const MESSAGING_SCOPES = ['publish_email', 'publish_sms'] as const;

/** Job fields whose changes matter for billing; ServiceM8 posts `webhook_subscription` events for them. */
export const WATCHED_JOB_FIELDS = ['status', 'invoice_sent', 'payment_received', 'total_invoice_amount', 'company_uuid', 'active'] as const;

export const ADDON_NAME = 'DialNexa Billing Calls';

/**
 * The add-on manifest for a given public URL (platform-notes §1). With `sends`, the OAuth scopes include
 * publish_email / publish_sms so the add-on can send documents itself; without, they are not asked for.
 */
export function buildManifest(publicUrl: string, opts: { sends?: boolean } = {}) {
  const base = publicUrl.replace(/\/+$/, '');
  const icon = `${base}/ui/icon.png`;
  return {
    name: ADDON_NAME,
    version: '1.0',
    iconURL: icon,
    supportURL: `${base}/support`,
    supportEmail: 'support@example.com',
    oauth: { scope: [...OAUTH_SCOPES, ...(opts.sends ? MESSAGING_SCOPES : [])].join(' ') },
    actions: [
      // Declared twice with one event so office staff (web, `online`) and technicians (mobile, `app`) both see it (§1.6).
      { name: 'Billing calls', type: 'online', entity: 'job', iconURL: icon, event: ADDON_EVENTS.jobPanel },
      { name: 'Billing calls', type: 'app', entity: 'job', iconURL: icon, event: ADDON_EVENTS.jobPanel },
    ],
    menuItems: [{ name: 'Billing call review', type: 'addon', iconURL: icon, event: ADDON_EVENTS.reviewCanvas }],
    webhooks: [{ object: 'job', fields: [...WATCHED_JOB_FIELDS] }],
  };
}
export type Manifest = ReturnType<typeof buildManifest>;

/** Every event name the manifest makes ServiceM8 send (actions, menu items, and webhooks' event). */
export function manifestEventNames(m: Manifest): string[] {
  const names: string[] = [...m.actions.map((a) => a.event), ...m.menuItems.map((i) => i.event)];
  if (m.webhooks.length) names.push(ADDON_EVENTS.webhook);
  return [...new Set(names)];
}
