import type { AccountSettings } from '../domain/account-settings.js';
import type { Sm8Staff } from '../domain/servicem8-records.js';

const FINANCE_TITLE = /\b(finance|financial|accounts?|accounting|accountant|billing|bookkeep\w*)\b/i;

/**
 * The staff member who owns money follow-ups: the account setting when it names an active staff member,
 * else the first active staff (by name) whose job title mentions finance, accounts, billing or bookkeeping
 * (DESIGN.md, "What gets written into ServiceM8"). Undefined when there is none.
 */
export function resolveFinanceOwner(settings: AccountSettings, staff: readonly Sm8Staff[]): Sm8Staff | undefined {
  const active = staff.filter((s) => s.active);
  const chosen = settings.financeOwnerStaffUuid ? active.find((s) => s.uuid === settings.financeOwnerStaffUuid) : undefined;
  if (chosen) return chosen;
  return active
    .filter((s) => FINANCE_TITLE.test(s.jobTitle ?? ''))
    .sort((a, b) => staffName(a).localeCompare(staffName(b), 'en') || a.uuid.localeCompare(b.uuid, 'en'))[0];
}

export function staffName(staff: Pick<Sm8Staff, 'first' | 'last'>): string {
  return `${staff.first} ${staff.last}`.trim();
}
