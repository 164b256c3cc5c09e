import type { CallAnalysis } from '../domain/call-outcome.js';
import { normaliseEmail } from '../matching/directory-index.js';
import { toE164 } from '../matching/to-e164.js';
import type { Recipient } from './policy-input.js';

/**
 * `email` / `mobile` (E.164) are where a send may go: an email on file, or a number on file as the
 * contact's mobile (SMS to a landline fails). `address` is what the caller named, or the one chosen.
 */
export type RecipientChoice =
  | { ok: true; address: string; who: string; email?: string; mobile?: string }
  | { ok: false; detail: string; requested?: string };

/**
 * Where a document may go: the recipient the caller named only if ServiceM8 already holds it for this
 * client or job (emails case-insensitively, phones in E.164); with none named, the billing contact
 * (job billing, company billing, job contact, any other contact — platform-notes §5.8).
 */
export function chooseRecipient(analysis: CallAnalysis | undefined, recipients: readonly Recipient[], region: string): RecipientChoice {
  const ranked = [...recipients].sort((a, b) => rank(a) - rank(b));
  const email = normaliseEmail(analysis?.documentRecipientEmail ?? '');
  const rawPhone = analysis?.documentRecipientPhone?.trim() ?? '';
  const phone = rawPhone ? toE164(rawPhone, region) : undefined;
  if (email || rawPhone) {
    const requested = [email, phone ?? rawPhone].filter(Boolean).join(' / ');
    const byEmail = email ? ranked.find((r) => normaliseEmail(r.email) === email) : undefined;
    const byPhone = phone ? ranked.find((r) => [r.mobile, r.phone].some((p) => toE164(p, region) === phone)) : undefined;
    const allOnFile = (!email || byEmail) && (!rawPhone || byPhone);
    const hit = byEmail ?? byPhone;
    if (!allOnFile || !hit) return { ok: false, requested, detail: `${requested} is not on file for this client or job` };
    const mobile = byPhone && phone && toE164(byPhone.mobile, region) === phone ? phone : undefined;
    return { ok: true, address: requested, who: describe(hit), ...(byEmail ? { email } : {}), ...(mobile ? { mobile } : {}) };
  }
  const preferMobile = analysis?.documentKind === 'payment_link';
  for (const r of ranked) {
    const address = preferMobile ? r.mobile.trim() || normaliseEmail(r.email) : normaliseEmail(r.email) || r.mobile.trim();
    const mobile = r.mobile.trim() ? toE164(r.mobile, region) : undefined;
    const mail = normaliseEmail(r.email);
    if (address) return { ok: true, address, who: describe(r), ...(mail ? { email: mail } : {}), ...(mobile ? { mobile } : {}) };
  }
  return { ok: false, detail: 'no contact with an email or mobile is on file for this client or job' };
}

function rank(r: Recipient): number {
  const type = r.type.trim().toUpperCase();
  const byType = type === 'BILLING' ? 0 : type === 'JOB' ? 2 : 4;
  return byType + (r.scope === 'job' ? 0 : 1);
}

function describe(r: Recipient): string {
  const type = r.type.trim().toLowerCase();
  return `the ${type || 'client'} contact${r.scope === 'job' ? ' on the job' : ''}`;
}
