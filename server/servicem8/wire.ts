/**
 * The ONE place ServiceM8 wire fields (snake_case, "0"/"1" and 0/1 booleans, money as strings) meet
 * domain types, in both directions. Parsing is tolerant: unknown fields are ignored, missing strings
 * become "" (platform-notes §4.4, §8.10). Kept in one file on purpose (STYLE.md: one adapter file per edge).
 */
import { z } from 'zod';
import type { Sm8Attachment, Sm8Company, Sm8Contact, Sm8Job, Sm8MessageReceipt, Sm8Note, Sm8Payment, Sm8Staff, Sm8Task, Sm8Vendor } from '../domain/servicem8-records.js';
import { toDecimalString } from '../domain/money.js';
import type { FilterClause } from './filter.js';
import { ServiceM8InputError } from './errors.js';

/** The body did not have the shape ServiceM8 documents (e.g. an object where a list was expected). */
export class WireFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WireFormatError';
  }
}

const text = z.preprocess((v) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : ''), z.string());
// Booleans arrive as 0/1 integers or "0"/"1" strings (platform-notes §4.4): coerce with Number(x) === 1.
const flag = z.preprocess((v) => v === true || Number(v) === 1, z.boolean());
const money = z.preprocess((v) => toDecimalString(v) ?? '0.00', z.string());

const VendorWire = z.object({ uuid: text, name: text, currency: text, timezone_name: text });
const StaffWire = z.object({ uuid: text, first: text, last: text, email: text, job_title: text, active: flag });
const CompanyWire = z.object({ uuid: text, name: text, active: flag });
const ContactWire = z.object({
  uuid: text, company_uuid: text, job_uuid: text, type: text, first: text, last: text,
  phone: text, mobile: text, email: text, is_primary_contact: flag, active: flag,
});
const JobWire = z.object({
  uuid: text, generated_job_id: text, company_uuid: text, status: text, active: flag, job_address: text,
  billing_address: text, job_description: text, purchase_order_number: text, total_invoice_amount: money,
  invoice_sent: flag, payment_received: flag, edit_date: text,
});
const PaymentWire = z.object({ uuid: text, job_uuid: text, amount: money, method: text, timestamp: text, note: text, active: flag });
const NoteWire = z.object({ uuid: text, related_object_uuid: text, note: text, active: flag, create_date: text });
const TaskWire = z.object({
  uuid: text, name: text, task_details: text, due_date: text, related_object: text, related_object_uuid: text,
  assigned_to_staff_uuid: text, task_complete: flag, active: flag,
});

const AttachmentWire = z.object({ uuid: text, related_object_uuid: text, attachment_name: text, file_type: text, attachment_source: text, active: flag });
const ReceiptWire = z.object({ messageUUID: text, uuid: text, message: text });

const toVendor = (w: z.infer<typeof VendorWire>): Sm8Vendor =>
  ({ uuid: w.uuid, name: w.name, currency: w.currency, timezone: w.timezone_name });
const toStaff = (w: z.infer<typeof StaffWire>): Sm8Staff =>
  ({ uuid: w.uuid, first: w.first, last: w.last, email: w.email, jobTitle: w.job_title, active: w.active });
const toCompany = (w: z.infer<typeof CompanyWire>): Sm8Company => ({ uuid: w.uuid, name: w.name, active: w.active });
const toContact = (scope: 'company' | 'job') => (w: z.infer<typeof ContactWire>): Sm8Contact => ({
  uuid: w.uuid, scope, ...(scope === 'company' ? { companyUuid: w.company_uuid } : { jobUuid: w.job_uuid }),
  type: w.type, first: w.first, last: w.last, phone: w.phone, mobile: w.mobile, email: w.email,
  isPrimary: w.is_primary_contact, active: w.active,
});
const toJob = (w: z.infer<typeof JobWire>): Sm8Job => ({
  uuid: w.uuid, jobNumber: w.generated_job_id, companyUuid: w.company_uuid, status: w.status, active: w.active,
  jobAddress: w.job_address, billingAddress: w.billing_address, description: w.job_description,
  purchaseOrderNumber: w.purchase_order_number, totalInvoiceAmount: w.total_invoice_amount,
  invoiceSent: w.invoice_sent, paymentReceived: w.payment_received, editDate: w.edit_date,
});
const toPayment = (w: z.infer<typeof PaymentWire>): Sm8Payment => ({
  uuid: w.uuid, jobUuid: w.job_uuid, amount: w.amount, method: w.method, timestamp: w.timestamp, note: w.note, active: w.active,
});
const toNote = (w: z.infer<typeof NoteWire>): Sm8Note =>
  ({ uuid: w.uuid, jobUuid: w.related_object_uuid, note: w.note, active: w.active, createDate: w.create_date });
// due_date may come back with a time part "for mobile app compatibility" (platform-notes §5.4).
const toTask = (w: z.infer<typeof TaskWire>): Sm8Task => ({
  uuid: w.uuid, name: w.name, details: w.task_details, dueDate: /^\d{4}-\d{2}-\d{2}/.exec(w.due_date)?.[0] ?? w.due_date,
  relatedObject: w.related_object, relatedObjectUuid: w.related_object_uuid,
  assignedToStaffUuid: w.assigned_to_staff_uuid, complete: w.task_complete, active: w.active,
});

const toAttachment = (w: z.infer<typeof AttachmentWire>): Sm8Attachment => ({
  uuid: w.uuid, jobUuid: w.related_object_uuid, name: w.attachment_name, fileType: w.file_type, source: w.attachment_source, active: w.active,
});

function one<W, D>(schema: z.ZodType<W>, map: (w: W) => D) {
  return (body: unknown): D => {
    if (!isRecord(body)) throw new WireFormatError('expected a JSON object');
    return map(schema.parse(body));
  };
}

function list<W, D>(schema: z.ZodType<W>, map: (w: W) => D) {
  return (body: unknown): D[] => {
    if (!Array.isArray(body)) throw new WireFormatError('expected a JSON array');
    return body.filter(isRecord).map((item) => map(schema.parse(item)));
  };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export const parse = {
  /** `GET /vendor.json` answers an array holding the single account record (platform-notes §5.11). */
  vendor(body: unknown): Sm8Vendor {
    const [first] = list(VendorWire, toVendor)(body);
    if (!first) throw new WireFormatError('vendor.json returned no record');
    return first;
  },
  staffList: list(StaffWire, toStaff),
  company: one(CompanyWire, toCompany),
  companyList: list(CompanyWire, toCompany),
  companyContactList: list(ContactWire, toContact('company')),
  jobContactList: list(ContactWire, toContact('job')),
  job: one(JobWire, toJob),
  jobList: list(JobWire, toJob),
  paymentList: list(PaymentWire, toPayment),
  note: one(NoteWire, toNote),
  noteList: list(NoteWire, toNote),
  task: one(TaskWire, toTask),
  attachmentList: list(AttachmentWire, toAttachment),
  /** The Messaging API's answer: `{errorCode: 0, message, messageUUID}` (field name UNVERIFIED; `uuid` also read). */
  messageReceipt(body: unknown, headerUuid?: string): Sm8MessageReceipt {
    const w = ReceiptWire.parse(isRecord(body) ? body : {});
    const id = w.messageUUID || w.uuid || headerUuid || '';
    return { ...(id ? { messageUuid: id } : {}), message: w.message || 'OK' };
  },
  /** `GET /search.json` answers `{results, query, count}` (spec SearchResponse). */
  searchResults(body: unknown): unknown[] {
    if (Array.isArray(body)) return body;
    return isRecord(body) && Array.isArray(body.results) ? body.results : [];
  },
};

/** `$filter` clauses in wire terms. Soft-deleted rows stay readable, so lists ask for `active eq 1` (platform-notes §8.8). */
export const filters = {
  activeCompanies: (): FilterClause[] => [['active', 'eq', 1]],
  companyContacts: (companyUuid?: string): FilterClause[] =>
    [...(companyUuid ? [['company_uuid', 'eq', companyUuid] as const] : []), ['active', 'eq', 1]],
  jobContacts: (jobUuid?: string): FilterClause[] =>
    [...(jobUuid ? [['job_uuid', 'eq', jobUuid] as const] : []), ['active', 'eq', 1]],
  jobs: (f: { companyUuid?: string; jobNumber?: string } = {}): FilterClause[] => [
    ...(f.companyUuid ? [['company_uuid', 'eq', f.companyUuid] as const] : []),
    ...(f.jobNumber ? [['generated_job_id', 'eq', f.jobNumber] as const] : []),
    ['active', 'eq', 1],
  ],
  jobPayments: (jobUuid: string): FilterClause[] => [['job_uuid', 'eq', jobUuid], ['active', 'eq', 1]],
  jobAttachments: (jobUuid: string): FilterClause[] =>
    [['related_object', 'eq', 'job'], ['related_object_uuid', 'eq', jobUuid], ['active', 'eq', 1]],
  jobNotes: (jobUuid: string): FilterClause[] =>
    [['related_object', 'eq', 'job'], ['related_object_uuid', 'eq', jobUuid], ['active', 'eq', 1]],
};

export type NoteCreateInput = { uuid: string; jobUuid: string; note: string };
export type TaskCreateInput = {
  uuid: string; name: string; details: string; dueDate: string;
  relatedObject?: 'job'; relatedObjectUuid?: string; assignedToStaffUuid?: string;
};
export type TaskUpdate = Partial<{
  name: string; details: string; dueDate: string; assignedToStaffUuid: string; complete: boolean; active: boolean;
}>;
export type JobCreateInput = {
  uuid: string; companyUuid: string; status: 'Quote' | 'Work Order'; description: string; jobAddress?: string;
};

/** An email through the Messaging API; `attachmentUuids` are files already in the job diary. */
export type EmailInput = { to: string; subject: string; text: string; attachmentUuids?: string[]; regardingJobUuid?: string; idempotencyKey: string };
export type SmsInput = { to: string; message: string; regardingJobUuid?: string; idempotencyKey: string };

/** Request bodies. Creates carry the caller's uuid so a retried create updates instead of duplicating (§4.2). */
export const body = {
  noteCreate: (i: NoteCreateInput) => ({ uuid: i.uuid, related_object: 'job', related_object_uuid: i.jobUuid, note: i.note }),
  noteUpdate: (i: { note: string }) => ({ note: i.note }),
  taskCreate: (i: TaskCreateInput) => ({
    uuid: i.uuid, name: i.name, task_details: i.details, due_date: i.dueDate, task_complete: '0',
    ...(i.relatedObject ? { related_object: i.relatedObject } : {}),
    ...(i.relatedObjectUuid ? { related_object_uuid: i.relatedObjectUuid } : {}),
    ...(i.assignedToStaffUuid ? { assigned_to_staff_uuid: i.assignedToStaffUuid } : {}),
  }),
  // task_complete is a string in the spec; active is a 0/1 integer (platform-notes §5.4).
  taskUpdate: (p: TaskUpdate) => ({
    ...(p.name !== undefined ? { name: p.name } : {}),
    ...(p.details !== undefined ? { task_details: p.details } : {}),
    ...(p.dueDate !== undefined ? { due_date: p.dueDate } : {}),
    ...(p.assignedToStaffUuid !== undefined ? { assigned_to_staff_uuid: p.assignedToStaffUuid } : {}),
    ...(p.complete !== undefined ? { task_complete: p.complete ? '1' : '0' } : {}),
    ...(p.active !== undefined ? { active: p.active ? 1 : 0 } : {}),
  }),
  jobCreate: (i: JobCreateInput) => ({
    uuid: i.uuid, company_uuid: i.companyUuid, status: i.status, job_description: i.description,
    ...(i.jobAddress !== undefined ? { job_address: i.jobAddress } : {}),
  }),
  jobUpdate: toJobUpdateBody,
  // Field names as third-party integrations send them; ServiceM8's Messaging API page is not public (UNVERIFIED).
  email: (i: EmailInput) => ({
    to: i.to, subject: i.subject, textBody: i.text,
    ...(i.attachmentUuids?.length ? { attachments: i.attachmentUuids } : {}),
    ...(i.regardingJobUuid ? { regardingJobUUID: i.regardingJobUuid } : {}),
  }),
  sms: (i: SmsInput) => ({ to: i.to, message: i.message, ...(i.regardingJobUuid ? { regardingJobUUID: i.regardingJobUuid } : {}) }),
};

/** Job fields the add-on may change, by domain name. Money fields are absent on purpose (DESIGN.md). */
const JOB_UPDATABLE: Readonly<Record<string, string>> = {
  status: 'status', jobAddress: 'job_address', billingAddress: 'billing_address', description: 'job_description',
  purchaseOrderNumber: 'purchase_order_number', workDoneDescription: 'work_done_description',
};
export const JOB_UPDATABLE_FIELDS = Object.keys(JOB_UPDATABLE);
const JOB_STATUSES = ['Quote', 'Work Order', 'Unsuccessful', 'Completed'];

/** Accepts domain names (`jobAddress`) or the same fields' wire names (`job_address`); refuses the rest. */
function toJobUpdateBody(fields: Readonly<Record<string, string>>): Record<string, string> {
  const wireByAnyName = new Map<string, string>(Object.entries(JOB_UPDATABLE).flatMap(([d, w]) => [[d, w], [w, w]]));
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(fields)) {
    const wire = wireByAnyName.get(name);
    if (!wire) throw new ServiceM8InputError(`job field "${name}" cannot be updated by the add-on (allowed: ${JOB_UPDATABLE_FIELDS.join(', ')})`);
    if (typeof value !== 'string') throw new ServiceM8InputError(`job field "${name}" must be a string`);
    if (wire === 'status' && !JOB_STATUSES.includes(value)) throw new ServiceM8InputError(`job status "${value}" is not valid`);
    out[wire] = value;
  }
  if (Object.keys(out).length === 0) throw new ServiceM8InputError('job update needs at least one field');
  return out;
}
