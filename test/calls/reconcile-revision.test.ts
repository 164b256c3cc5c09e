import { describe, expect, it } from 'vitest';
import { reconcileRevision } from '../../server/calls/reconcile-revision.js';
import { decide } from '../../server/policy/index.js';
import type { OutboxItem } from '../../server/store/outbox-repo.js';
import { call, input, matched } from '../policy/fixtures.js';

const held = (...keys: string[]) => keys.map((actionKey) => ({ actionKey, status: 'done' }) as OutboxItem);
const dup = (extra = {}) => decide(input({ outcome: call({ intent: 'duplicate_charge', invoiceNumber: '1042', ...extra }) }));

describe('a later revision of a call', () => {
  it('first decision: the note and the one task are enqueued', () => {
    expect(reconcileRevision([], undefined, dup(), 1).enqueue.map((a) => a.key)).toEqual(['note:intake', 'task:finance']);
  });

  it('same checklist again: nothing new (no second note, no second task, no update)', () => {
    const first = dup();
    expect(reconcileRevision(held('note:intake', 'task:finance'), first, dup(), 2).enqueue).toEqual([]);
  });

  it('a changed checklist: one task update keyed by the revision, never a second task', () => {
    const first = dup();
    const r = reconcileRevision(held('note:intake', 'task:finance'), first, dup({ paymentId: 'pi_42' }), 7);
    expect(r.enqueue).toEqual([{ kind: 'task_update', key: 'task:finance:update:r7', taskKey: 'task:finance' }]);
    expect(r.keepPlace).toBe(true);
  });

  it('the call keeps where it first landed: a later decision for a new job adds neither job nor note', () => {
    const neverRaised = decide(input({ match: matched('high', false), job: undefined, outcome: call({ intent: 'billing_question' }, { summary: 'Caller says the tap was replaced but no invoice was ever raised.' }) }));
    expect(neverRaised.actions.map((a) => a.key)).toEqual(['job:create', 'note:intake']);
    expect(reconcileRevision(held('note:intake'), dup(), neverRaised, 3).enqueue).toEqual([]);
  });
});
