import { AppError } from '../errors.js';
import type { Account } from '../store/account-repo.js';
import { queueSend, type QueueSendDeps } from './queue-send.js';
import { sendCapability } from './send-capability.js';

/**
 * Settings `sendMode: automatic` (off by default): a proposed send to a recipient on file, on a call whose
 * caller was verified, goes out without a tap. Anything else — review, an unverified caller, an account the
 * add-on cannot send for — waits in the panel as before.
 */
export async function autoSend(d: QueueSendDeps, account: Account, callId: string): Promise<boolean> {
  if (account.settings.sendMode !== 'automatic') return false;
  const call = await d.store.calls.get(account.uuid, callId);
  const p = call?.decision?.send;
  if (!call || p?.state !== 'proposed' || !p.callerVerified) return false;
  if (sendCapability(await d.store.accounts.getCredentials(account.uuid), p.channel).mode !== 'addon') return false;
  try {
    const r = await queueSend(d, account, call, { by: 'addon', requestId: `auto:${call.id}`, actor: 'system', actorName: 'the add-on (automatic: verified caller, recipient on file)' });
    return r.created;
  } catch (err) {
    // The contact changed since the decision: the panel shows the proposal and a person decides.
    if (err instanceof AppError) return false;
    throw err;
  }
}
