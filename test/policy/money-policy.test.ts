import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { TaskAction } from '../../server/domain/actions.js';
import { MONEY_RULES } from '../../server/policy/money-rules.js';
import { renderMoneyPolicy } from '../../server/policy/money-policy-doc.js';
import { decideScenario, policyScenarios, type PolicyScenario } from '../../server/policy/money-policy-table.js';

/**
 * The policy tests are driven by the same scenario table docs/money-policy.md prints. The expectations
 * are a second, deliberately naive statement of the rules in the issue — not a copy of the policy code.
 */
const VERB: Record<string, RegExp> = {
  refund: /^Refund AUD|^Refund an amount/, credit: /^Raise a credit note/, payment_plan: /^Approve a payment plan: 3 × /,
  promise_to_pay: /^Expect payment of/, dispute: /^Review the disputed charge/, chargeback: /^Answer the chargeback/,
  duplicate_charge: /^Check the duplicate payment/, failed_renewal: /^Follow up the failed renewal/,
  payment_method_update: /^Send the secure payment-method update link/, subscription_change: /^Approve the subscription change/,
  collections: /^Follow up collections/,
};
const ALWAYS_ESCALATED = ['dispute', 'chargeback', 'duplicate_charge', 'collections'];
const VIP_BLOCKERS = ['chargeback', 'duplicate_charge', 'failed_renewal', 'payment_method_update'];

function expected(s: PolicyScenario) {
  if (s.request === 'unclear_request') return { review: ['insufficient_context'], line: false, escalated: false };
  const approval = MONEY_RULES[s.request].approval;
  const review = approval === 'never' ? [] : [
    ...(approval === 'always' ? ['money_change'] : []),
    ...(approval === 'checks' && !s.verified ? ['unverified_identity'] : []),
    ...(approval === 'checks' && s.amount === 'none' ? ['unknown_amount'] : []),
    ...(s.amount === 'above' ? ['above_threshold'] : []),
    ...(s.vip ? ['vip'] : []),
  ];
  const escalated = ALWAYS_ESCALATED.includes(s.request) || (approval !== 'never' && s.amount === 'above') || (s.vip && VIP_BLOCKERS.includes(s.request));
  return { review, line: s.request in VERB, escalated };
}

const all = policyScenarios();
const tasksOf = (d: ReturnType<typeof decideScenario>) => d.actions.filter((a): a is TaskAction => a.kind === 'task');

describe(`money policy table (${all.length} scenarios: request × verified × amount vs limit × VIP)`, () => {
  it.each(all.map((s) => ({ ...s, name: `${s.request} verified=${s.verified} amount=${s.amount} vip=${s.vip}` })))('$name', (s) => {
    const d = decideScenario(s);
    const e = expected(s);
    expect(d.review.map((r) => r.reason)).toEqual(e.review);
    expect(d.awaiting === 'approval').toBe(e.review.some((r) => r !== 'insufficient_context'));
    expect(d.actions.filter((a) => a.kind === 'note')).toHaveLength(1);
    const tasks = tasksOf(d);
    expect(tasks.length).toBe(e.line || e.escalated ? 1 : 0);
    const lines = tasks[0]?.lines ?? [];
    const own = lines.find((l) => l.id === s.request);
    if (e.line) expect(own?.text).toMatch(VERB[s.request]!);
    else expect(own).toBeUndefined();
    expect(own?.state === 'waiting').toBe(e.line && e.review.length > 0);
    expect(lines.some((l) => l.id === 'escalation')).toBe(e.escalated);
    if (s.request === 'payment_plan') expect(JSON.stringify(d)).not.toMatch(/credit|refund/i);
    if (s.request === 'credit') expect(lines.map((l) => l.text).join(' ')).not.toMatch(/refund/i);
    if (s.request === 'refund') expect(lines.map((l) => l.text).join(' ')).not.toMatch(/credit note/i);
    for (const t of tasks) {
      expect(t).toMatchObject({ key: 'task:finance', assigneeStaffUuid: 'staff-finance', jobUuid: 'j-1042', dueDate: '2026-11-27' });
      expect(t.details).toContain("Due 27 Nov 2026: 2 business days from the call (the account's follow-up days; the call gave no follow-up deadline).");
    }
  });

  it('a payment plan over the limit is approved against its total (3 × AUD 300.00 = AUD 900.00)', () => {
    const d = decideScenario({ request: 'payment_plan', verified: true, amount: 'above', vip: false });
    expect(d.review.find((r) => r.reason === 'above_threshold')?.detail).toBe('AUD 900.00 is above the AUD 500.00 approval limit');
    expect(tasksOf(d)[0]?.lines?.[0]?.text).toBe('Approve a payment plan: 3 × AUD 300.00 fortnightly from 4 Dec 2026 (total AUD 900.00); no money moves until each instalment is paid');
  });
});

describe('docs/money-policy.md', () => {
  it('is exactly what `npm run policy:doc` generates from the rules the code runs', () => {
    const committed = readFileSync(new URL('../../docs/money-policy.md', import.meta.url), 'utf8');
    expect(committed).toBe(renderMoneyPolicy());
  });

  it('lists every scenario of the table', () => {
    expect(renderMoneyPolicy().split('\n').filter((l) => /^\| .* \| (yes|no) \| .* \| (yes|no) \| /.test(l))).toHaveLength(all.length);
  });
});
