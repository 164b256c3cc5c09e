import type { ObjectName } from './types.js';

/**
 * How each field travels on the wire, from the spec's component schemas (platform-notes §4.4, §5):
 * text = string; flag = 0/1 integer; flagText = "0"/"1" string (is_primary_contact, task_complete);
 * number = JSON number (lat/lng); readonly* = set by ServiceM8 only, ignored in request bodies.
 */
export type FieldKind = 'text' | 'flag' | 'flagText' | 'number' | 'readonlyText' | 'readonlyFlag';

export type ObjectDef = {
  name: ObjectName;
  /** Path segment for list and create, e.g. `note` in `/note.json`. */
  listSegment: string;
  /** Path segments for one record, e.g. `dbonote` in `/dbonote/{uuid}.json`. */
  itemSegments: string[];
  fields: Record<string, FieldKind>;
  required: string[];
  enums: Record<string, string[]>;
  maxLength: Record<string, number>;
  writable: boolean;
};

const fields = (spec: Partial<Record<FieldKind, string>>): Record<string, FieldKind> =>
  Object.fromEntries(Object.entries(spec).flatMap(([kind, names]) =>
    (names ?? '').split(/\s+/).filter(Boolean).map((n) => [n, kind as FieldKind])));

const COMMON = { flag: 'active', readonlyText: 'edit_date' };

function def(name: ObjectName, o: Partial<Omit<ObjectDef, 'name'>> & { fields: Record<string, FieldKind> }): ObjectDef {
  return {
    name, listSegment: o.listSegment ?? name, itemSegments: o.itemSegments ?? [name], fields: { uuid: 'text', ...o.fields },
    required: o.required ?? [], enums: o.enums ?? {}, maxLength: o.maxLength ?? {}, writable: o.writable ?? true,
  };
}

export const OBJECT_DEFS: Record<ObjectName, ObjectDef> = {
  vendor: def('vendor', { writable: false, fields: fields({ ...COMMON,
    text: 'name email business_number abn_number billing_address currency timezone_name invoice_terms job_default_status default_region website' }) }),
  staff: def('staff', { required: ['first', 'last', 'email'], maxLength: { first: 30, last: 30 }, fields: fields({
    ...COMMON, flag: 'active hide_from_schedule', number: 'lat lng',
    text: 'first last email mobile job_title color status_message security_role_uuid labour_material_uuid can_receive_push_notification' }) }),
  company: def('company', { required: ['name'], maxLength: { name: 100, address: 500, billing_address: 500 }, fields: fields({
    ...COMMON, readonlyFlag: 'is_individual',
    text: 'name abn_number address billing_address address_street address_city address_state address_postcode address_country website fax_number badges tax_rate_uuid billing_attention payment_terms parent_company_uuid' }) }),
  companycontact: def('companycontact', { fields: fields({ ...COMMON, flagText: 'is_primary_contact',
    text: 'company_uuid first last phone mobile email type' }) }),
  jobcontact: def('jobcontact', { fields: fields({ ...COMMON, flagText: 'is_primary_contact',
    text: 'job_uuid first last phone mobile email type' }) }),
  job: def('job', {
    required: ['status'], enums: { status: ['Quote', 'Work Order', 'Unsuccessful', 'Completed'] },
    maxLength: { job_address: 500, billing_address: 500, purchase_order_number: 100 },
    fields: fields({ ...COMMON,
      flag: 'active invoice_sent quote_sent payment_processed payment_received', readonlyFlag: 'geo_is_valid', number: 'lat lng',
      text: 'created_by_staff_uuid date company_uuid billing_address status category_uuid purchase_order_number queue_uuid queue_expiry_date queue_assigned_staff_uuid badges quote_date work_order_date job_address job_description work_done_description completion_date unsuccessful_date payment_date payment_actioned_by_uuid payment_method payment_amount payment_note',
      readonlyText: 'edit_date generated_job_id total_invoice_amount invoice_sent_stamp quote_sent_stamp payment_processed_stamp payment_received_stamp completion_actioned_by_uuid job_is_scheduled_until_stamp geo_country geo_postcode geo_state geo_city geo_street geo_number' }),
  }),
  jobpayment: def('jobpayment', { fields: fields({ ...COMMON, readonlyFlag: 'is_deposit',
    text: 'job_uuid actioned_by_uuid timestamp amount method note attachment_uuid' }) }),
  note: def('note', { itemSegments: ['dbonote'], fields: fields({ ...COMMON,
    text: 'related_object related_object_uuid note action_required action_completed_by_staff_uuid',
    readonlyText: 'edit_date edit_by_staff_uuid create_date' }) }),
  task: def('task', { required: ['name'], fields: fields({ ...COMMON, flagText: 'task_complete',
    text: 'name task_details due_date related_object related_object_uuid assigned_to_staff_uuid created_by_staff_uuid',
    readonlyText: 'edit_date completed_timestamp completed_by_staff_uuid create_date' }) }),
  // The official sample reads /Attachment/{uuid}.json as well as the spec's /dboattachment (platform-notes §4.2).
  attachment: def('attachment', { itemSegments: ['dboattachment', 'attachment'], maxLength: { attachment_name: 127, file_type: 50 },
    fields: fields({ ...COMMON, number: 'lat lng',
      text: 'related_object related_object_uuid attachment_name file_type attachment_source tags is_favourite metadata created_by_staff_uuid timestamp',
      readonlyText: 'edit_date photo_width photo_height extracted_info class_name' }) }),
};

export function defaultValue(kind: FieldKind): string | number {
  if (kind === 'flag' || kind === 'readonlyFlag' || kind === 'number') return 0;
  return kind === 'flagText' ? '0' : '';
}

/** Coerces a request value to the field's wire type; undefined when the field cannot be written. */
export function coerceValue(kind: FieldKind, value: unknown): string | number | undefined {
  if (kind === 'readonlyText' || kind === 'readonlyFlag') return undefined;
  if (kind === 'flag') return value === true || Number(value) === 1 ? 1 : 0;
  if (kind === 'flagText') return value === true || Number(value) === 1 ? '1' : '0';
  if (kind === 'number') return Number.isFinite(Number(value)) ? Number(value) : 0;
  return value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** Resolves `/{segment}.json` or `/{segment}/{uuid}.json`; object names are case-insensitive. */
export function resolveSegment(segment: string, kind: 'list' | 'item'): ObjectDef | undefined {
  const s = segment.toLowerCase();
  return Object.values(OBJECT_DEFS).find((d) => (kind === 'list' ? d.listSegment === s : d.itemSegments.includes(s)));
}
