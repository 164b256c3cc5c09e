import type { CreateJobAction, NoteAction, TaskAction, UpdateJobAction, UpdateTaskAction } from '../domain/actions.js';
import { financeTaskOf } from '../policy/finance-lines.js';
import { deterministicUuid } from '../outbox/idempotency.js';
import { ActionFailure, type ActionRunner } from '../outbox/runner.js';
import type { ServiceM8Client } from '../servicem8/client.js';
import type { Store } from '../store/store.js';
import type { OutboxItem } from '../store/outbox-repo.js';

type Deps = { store: Store; servicem8For: (accountUuid: string) => Promise<ServiceM8Client | undefined>; dryRun?: boolean; log?: { info(o: object, m: string): void } };

/**
 * Runners for the five ServiceM8 effects. Creates send a UUID derived from the idempotency key, and on a
 * retry first look the record up by that UUID: a create whose answer was lost (timeout, crash between
 * ServiceM8's answer and our bookkeeping) is found and not repeated.
 */
export function createServiceM8Runners(d: Deps): Record<string, ActionRunner> {
  async function client(item: OutboxItem): Promise<ServiceM8Client> {
    const c = await d.servicem8For(item.accountUuid);
    if (!c) throw new ActionFailure('permanent', 'this ServiceM8 account is not connected (reconnect the add-on)');
    return c;
  }
  /** A note or task for a job this decision creates waits until that create is done, then points at its UUID. */
  async function createdJobUuid(item: OutboxItem, jobKey: string): Promise<string> {
    const create = (await d.store.outbox.listForCall(item.accountUuid, item.callId)).find((x) => x.actionKey === jobKey);
    if (!create) throw new ActionFailure('permanent', `the job this task belongs to was never planned (${jobKey})`);
    if (create.status === 'failed') throw new ActionFailure('permanent', 'the job this belongs to could not be created');
    if (create.status !== 'done') throw new ActionFailure('wait', 'waiting for the new job to be created first');
    return deterministicUuid(create.idempotencyKey);
  }
  const dry = (item: OutboxItem) => {
    d.log?.info({ kind: item.kind, key: item.actionKey, payload: item.payload }, 'DRY_RUN: would call ServiceM8');
    return { recordUuid: deterministicUuid(item.idempotencyKey), note: 'dry run' };
  };
  return {
    async note(item) {
      if (d.dryRun) return dry(item);
      const a = item.payload as NoteAction;
      const jobUuid = a.createdJobKey ? await createdJobUuid(item, a.createdJobKey) : a.jobUuid;
      const c = await client(item);
      const uuid = deterministicUuid(item.idempotencyKey);
      if (item.attempts > 1 && (await c.getNote(uuid))) return { recordUuid: uuid };
      return { recordUuid: (await c.createNote({ uuid, jobUuid, note: a.text })).uuid };
    },
    async task(item) {
      if (d.dryRun) return dry(item);
      const a = item.payload as TaskAction;
      const jobUuid = a.createdJobKey ? await createdJobUuid(item, a.createdJobKey) : a.jobUuid;
      const c = await client(item);
      const uuid = deterministicUuid(item.idempotencyKey);
      if (item.attempts > 1 && (await c.getTask(uuid))) return { recordUuid: uuid };
      const created = await c.createTask({
        uuid, name: a.name, details: a.details, dueDate: a.dueDate,
        ...(jobUuid ? { relatedObject: 'job' as const, relatedObjectUuid: jobUuid } : {}),
        ...(a.assigneeStaffUuid ? { assignedToStaffUuid: a.assigneeStaffUuid } : {}),
      });
      return { recordUuid: created.uuid };
    },
    async create_job(item) {
      if (d.dryRun) return dry(item);
      const a = item.payload as CreateJobAction;
      const c = await client(item);
      // The job UUID is derived from the DialNexa call id, so a retried create can never make a second job (DESIGN.md).
      const uuid = deterministicUuid(item.idempotencyKey);
      if (!(item.attempts > 1 && (await c.getJob(uuid)))) {
        const status = a.status === 'Work Order' ? 'Work Order' : 'Quote';
        await c.createJob({ uuid, companyUuid: a.companyUuid, status, description: a.description, ...(a.jobAddress ? { jobAddress: a.jobAddress } : {}) });
      }
      await d.store.calls.update(item.accountUuid, item.callId, { jobUuid: uuid, companyUuid: a.companyUuid });
      return { recordUuid: uuid };
    },
    /** Sends the checklist the call's decision holds now, so a late or repeated update still converges. */
    async task_update(item) {
      if (d.dryRun) return dry(item);
      const a = item.payload as UpdateTaskAction;
      const create = (await d.store.outbox.listForCall(item.accountUuid, item.callId)).find((x) => x.actionKey === a.taskKey);
      if (!create) throw new ActionFailure('permanent', `the task this update is for was never planned (${a.taskKey})`);
      if (create.status === 'failed') throw new ActionFailure('permanent', 'the finance task this update is for could not be created');
      if (create.status !== 'done') throw new ActionFailure('wait', 'waiting for the finance task to be created first');
      const task = financeTaskOf((await d.store.calls.get(item.accountUuid, item.callId))?.decision);
      if (!task) throw new ActionFailure('permanent', 'the call no longer has a finance task');
      const uuid = deterministicUuid(create.idempotencyKey);
      await (await client(item)).updateTask(uuid, { name: task.name, details: task.details, dueDate: task.dueDate });
      return { recordUuid: uuid };
    },
    async update_job(item) {
      if (d.dryRun) return dry(item);
      const a = item.payload as UpdateJobAction;
      const c = await client(item);
      // An update is naturally idempotent: writing the same new value twice leaves one change.
      await c.updateJob(a.jobUuid, { [a.field]: a.newValue });
      await d.store.audit.append({ accountUuid: item.accountUuid, callId: item.callId, actor: 'system', action: 'job.field_changed', detail: { field: a.field, oldValue: a.oldValue, newValue: a.newValue, reason: a.reason } });
      return { recordUuid: a.jobUuid };
    },
  };
}
