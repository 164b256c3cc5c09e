import type { SendChannel } from '../domain/document-send.js';
import type { AccountCredentials } from '../store/account-repo.js';

/** Whether the add-on may send itself, or a person sends from ServiceM8 and says so; `why` says which and why. */
export type SendCapability = { mode: 'addon' | 'person'; why: string };

const SCOPE: Record<SendChannel, string> = { email: 'publish_email', sms: 'publish_sms' };

/**
 * ServiceM8's Messaging API is for OAuth (public) applications with the publish_email / publish_sms scope
 * (platform-notes §4.2): an API-key account, or a token without the scope, cannot send through it.
 */
export function sendCapability(creds: AccountCredentials | undefined, channel: SendChannel): SendCapability {
  if (!creds) return { mode: 'person', why: 'this account is not connected to ServiceM8' };
  if (creds.kind === 'apiKey') return { mode: 'person', why: 'the add-on is connected with an API key, and ServiceM8 offers its Messaging API only to OAuth add-ons' };
  const scopes = creds.scope.split(/[\s,]+/);
  if (!scopes.includes(SCOPE[channel])) return { mode: 'person', why: `the add-on was not granted ServiceM8's ${SCOPE[channel]} permission` };
  return { mode: 'addon', why: `sent through ServiceM8's Messaging API (${SCOPE[channel]})` };
}
