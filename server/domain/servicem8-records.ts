/**
 * ServiceM8 records in domain terms. Only server/servicem8/wire.ts maps wire fields
 * (generated_job_id, total_invoice_amount, "0"/"1" booleans) to these shapes.
 */
export type Sm8Vendor = { uuid: string; name: string; currency: string; timezone: string; country?: string };

export type Sm8Staff = { uuid: string; first: string; last: string; email: string; jobTitle: string; active: boolean };

export type Sm8Company = { uuid: string; name: string; active: boolean };

export type Sm8Contact = {
  uuid: string;
  /** `company` for CompanyContact, `job` for JobContact. */
  scope: 'company' | 'job';
  companyUuid?: string;
  jobUuid?: string;
  type: string;
  first: string;
  last: string;
  phone: string;
  mobile: string;
  email: string;
  isPrimary: boolean;
  active: boolean;
};

export type Sm8JobStatus = 'Quote' | 'Work Order' | 'Unsuccessful' | 'Completed';

export type Sm8Job = {
  uuid: string;
  jobNumber: string;
  companyUuid: string;
  status: Sm8JobStatus | string;
  active: boolean;
  jobAddress: string;
  billingAddress: string;
  description: string;
  purchaseOrderNumber: string;
  /** Decimal string in the account currency. */
  totalInvoiceAmount: string;
  invoiceSent: boolean;
  paymentReceived: boolean;
  editDate: string;
};

export type Sm8Payment = {
  uuid: string;
  jobUuid: string;
  amount: string;
  method: string;
  /** Account-local `YYYY-MM-DD HH:MM:SS`. */
  timestamp: string;
  note: string;
  active: boolean;
};

export type Sm8Note = { uuid: string; jobUuid: string; note: string; active: boolean; createDate: string };

export type Sm8Task = {
  uuid: string;
  name: string;
  details: string;
  dueDate: string;
  relatedObject: string;
  relatedObjectUuid: string;
  assignedToStaffUuid: string;
  complete: boolean;
  active: boolean;
};

/** A file in a job's diary (quote, invoice, work order, photo); `source` is ServiceM8's `attachment_source`, e.g. `INVOICE`. */
export type Sm8Attachment = { uuid: string; jobUuid: string; name: string; fileType: string; source: string; active: boolean };

/** What the Messaging API answered for one accepted email or SMS. */
export type Sm8MessageReceipt = { messageUuid?: string; message: string };
