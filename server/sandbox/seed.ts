/**
 * Sandbox data for ServiceM8: "Harbourside Plumbing & Electrical", a Sydney trades business (AUD,
 * Australia/Sydney). Records are in ServiceM8 wire format; the simulator fills unlisted fields.
 * All data is fictitious: phone numbers come from ACMA's ranges reserved for fiction (0491 570 xxx,
 * 02 5550 xxxx) and emails use `.example` domains.
 *
 * UUIDs are fixed so tests can name them: `5e3d00TT-0000-4000-8000-NNNNNNNNNNNN`, TT = object type
 * (01 vendor, 02 staff, 03 company, 04 companycontact, 05 job, 06 jobcontact, 07 jobpayment,
 * 08 note, 09 task, 0a attachment) and NNNN a serial (for jobs, the job number).
 *
 * Key facts: job 1042 (Natarajan Plumbing Supplies, $349.00, invoice sent, paid) has TWO Credit Card
 * payments of 349.00; job 1039 is part-paid (400.00 of 880.00); job 1038 is unpaid with the invoice
 * sent (its one payment row was soft-deleted); mobile 0491 570 157 belongs to contacts of two clients
 * (Westside Property Management and Harold Fitzgerald); Sam Okafor ("Accounts & Billing") is finance.
 */
import { MESSAGING_SCOPES, OAUTH_SCOPES } from '../servicem8/manifest.js';
import type { SeedData } from './servicem8/types.js';
import { SEED } from './servicem8/seed-ids.js';

export { SEED } from './servicem8/seed-ids.js';
export { COASTAL_SEED, createCoastalSeedData } from './servicem8/seed-coastal.js';

const S = SEED.staff;
const C = SEED.companies;
const J = SEED.jobs;
const email = (local: string) => `${local}@harbourside-pe.example`;

/** Records without their own edit_date get this account-local stamp, as every ServiceM8 record has one. */
const SEEDED_AT = '2025-11-01 09:00:00';

/** A fresh copy of the default account's data on every call (the simulator mutates what it is given). */
export function createSeedData(): SeedData {
  const seed = buildSeed();
  for (const rows of Object.values(seed.records)) for (const row of rows) row.edit_date ??= SEEDED_AT;
  return seed;
}

function buildSeed(): SeedData {
  return {
    apiKeys: [SEED.apiKey],
    bearerTokens: [SEED.bearerToken],
    // The sandbox token was granted everything the add-on asks for, messaging included (issue 14).
    tokenScopes: { [SEED.bearerToken]: [...OAUTH_SCOPES, ...MESSAGING_SCOPES] },
    vendor: {
      uuid: SEED.vendor.uuid, name: 'Harbourside Plumbing & Electrical', currency: 'AUD', timezone_name: 'Australia/Sydney',
      email: 'office@harbourside-pe.example', billing_address: 'Unit 4, 12 Wharf Rd, Balmain NSW 2041', default_region: 'AU',
      invoice_terms: 'Payment due within 14 days of invoice', job_default_status: 'Quote', website: 'https://harbourside-pe.example',
    },
    records: {
      staff: [
        { uuid: S.owner.uuid, first: 'Mia', last: 'Castellano', email: email('mia'), mobile: '0491 572 549', job_title: 'Owner / Licensed Plumber' },
        { uuid: S.plumber.uuid, first: 'Liam', last: "O'Connor", email: email('liam'), mobile: '0491 572 665', job_title: 'Plumber' },
        { uuid: S.electrician.uuid, first: 'Aroha', last: 'Ngata', email: email('aroha'), mobile: '0491 572 983', job_title: 'Electrician' },
        { uuid: S.finance.uuid, first: 'Sam', last: 'Okafor', email: email('sam.okafor'), mobile: '0491 573 770', job_title: 'Accounts & Billing' },
        { uuid: S.formerBookkeeper.uuid, first: 'Grace', last: 'Whitfield', email: email('grace'), job_title: 'Bookkeeper', active: 0 },
      ],
      company: [
        company(C.natarajan.uuid, 'Natarajan Plumbing Supplies', 'Unit 7, 45 Foundry Rd, Seven Hills NSW 2147', 0),
        company(C.sunriseCafe.uuid, 'Sunrise Café Bondi', 'Shop 2, 150 Campbell Pde, Bondi Beach NSW 2026', 0),
        company(C.chen.uuid, 'Margaret Chen', '27 Wattle Cres, Glebe NSW 2037', 1),
        company(C.westside.uuid, 'Westside Property Management', 'Level 2, 60 Church St, Parramatta NSW 2150', 0),
        company(C.fitzgerald.uuid, 'Harold Fitzgerald', '12 Ocean View Pde, Coogee NSW 2034', 1),
        company(C.stBrigids.uuid, "St Brigid's Primary School", '5 Convent Lane, Marrickville NSW 2204', 0),
        company(C.kellettDental.uuid, 'Kellett Street Dental', 'Suite 2, 14 Kellett St, Potts Point NSW 2011', 0),
        { ...company(C.parramattaKebabs.uuid, 'Parramatta Kebab House', '211 Church St, Parramatta NSW 2150', 0), active: 0 },
      ],
      companycontact: [
        contact(SEED.contacts.natarajanBilling, 'company_uuid', C.natarajan.uuid, 'BILLING', 'Anand', 'Natarajan',
          { phone: '(02) 5550 1234', mobile: '0491 570 156', email: 'accounts@natarajan-supplies.example', is_primary_contact: '1' }),
        contact(SEED.contacts.natarajanJob, 'company_uuid', C.natarajan.uuid, 'JOB', 'Ravi', 'Natarajan', { mobile: '0491 571 804' }),
        contact(SEED.contacts.sunriseBilling, 'company_uuid', C.sunriseCafe.uuid, 'BILLING', 'Tess', 'Moreau',
          { mobile: '0491 570 159', email: 'tess@sunrisecafe.example', is_primary_contact: '1' }),
        contact(SEED.contacts.chenBilling, 'company_uuid', C.chen.uuid, 'BILLING', 'Margaret', 'Chen',
          { mobile: '0491570158', email: 'margaret.chen@example.com', is_primary_contact: '1' }),
        contact(SEED.contacts.westsideBilling, 'company_uuid', C.westside.uuid, 'BILLING', 'Accounts', 'Payable',
          { phone: '(02) 5550 7788', email: 'ap@westsidepm.example', is_primary_contact: '1' }),
        contact(SEED.contacts.westsideKylie, 'company_uuid', C.westside.uuid, 'JOB', 'Kylie', 'Barnes',
          { mobile: '+61491570157', email: 'kylie.barnes@westsidepm.example' }),
        contact(SEED.contacts.fitzgeraldBilling, 'company_uuid', C.fitzgerald.uuid, 'BILLING', 'Harold', 'Fitzgerald',
          { mobile: '0491 570 313', email: 'harold.fitzgerald@example.com', is_primary_contact: '1' }),
        // Harold's rental is managed by Kylie, so her mobile is on his card too (the shared number).
        contact(SEED.contacts.fitzgeraldKylie, 'company_uuid', C.fitzgerald.uuid, 'JOB', 'Kylie', 'Barnes',
          { mobile: '0491 570 157', email: 'kylie.barnes@westsidepm.example' }),
        contact(SEED.contacts.stBrigidsBilling, 'company_uuid', C.stBrigids.uuid, 'BILLING', 'Finance', 'Office',
          { phone: '(02) 5550 2468', email: 'finance@stbrigids-school.example', is_primary_contact: '1' }),
        contact(SEED.contacts.kellettBilling, 'company_uuid', C.kellettDental.uuid, 'BILLING', 'Priya', 'Raman',
          { phone: '61 2 5550 4321', email: 'reception@kellettdental.example', is_primary_contact: '1' }),
        contact(SEED.contacts.kebabBilling, 'company_uuid', C.parramattaKebabs.uuid, 'BILLING', 'Omar', 'Haddad',
          { mobile: '0491 571 266', email: 'omar@kebabhouse.example', is_primary_contact: '1' }),
      ],
      job: [
        job(J.j1036.uuid, '1036', C.kellettDental.uuid, 'Completed', 'Replace failed RCD on surgery circuit 3 and test all circuits',
          'Suite 2, 14 Kellett St, Potts Point NSW 2011', '1980.00', { invoice_sent: 1, payment_received: 1, date: '2025-10-30' }),
        job(J.j1038.uuid, '1038', C.chen.uuid, 'Completed', 'Supply and install 315L electric hot water system',
          '27 Wattle Cres, Glebe NSW 2037', '2450.00', { invoice_sent: 1, date: '2025-11-05' }),
        job(J.j1039.uuid, '1039', C.sunriseCafe.uuid, 'Completed', 'Clear blocked grease trap line and CCTV drain inspection',
          'Shop 2, 150 Campbell Pde, Bondi Beach NSW 2026', '880.00', { invoice_sent: 1, date: '2025-11-10' }),
        job(J.j1040.uuid, '1040', C.parramattaKebabs.uuid, 'Completed', 'Replace hot water tempering valve',
          '211 Church St, Parramatta NSW 2150', '260.00', { invoice_sent: 1, payment_received: 1, active: 0, date: '2025-09-02' }),
        job(J.j1041.uuid, '1041', C.westside.uuid, 'Work Order', 'Unit 3: replace switchboard, tenant reports RCD tripping',
          '3/88 Church St, Parramatta NSW 2150', '0.00', { purchase_order_number: 'WPM-5521', date: '2025-11-14' }),
        job(J.j1042.uuid, '1042', C.natarajan.uuid, 'Completed', 'Repair leaking backflow prevention valve and annual test',
          'Unit 7, 45 Foundry Rd, Seven Hills NSW 2147', '349.00',
          { invoice_sent: 1, payment_received: 1, purchase_order_number: 'PO-88412', date: '2025-11-14' }),
        job(J.j1043.uuid, '1043', C.fitzgerald.uuid, 'Quote', 'Quote: re-pipe laundry and kitchen in copper',
          '12 Ocean View Pde, Coogee NSW 2034', '1200.00', { quote_sent: 1, date: '2025-11-17' }),
        job(J.j1044.uuid, '1044', C.stBrigids.uuid, 'Quote', 'Quote: LED lighting upgrade for six classrooms',
          '5 Convent Lane, Marrickville NSW 2204', '5600.00', { quote_sent: 1, date: '2025-11-18' }),
        job(J.j1045.uuid, '1045', C.natarajan.uuid, 'Work Order', 'Install new instantaneous hot water unit in staff kitchen',
          'Unit 7, 45 Foundry Rd, Seven Hills NSW 2147', '0.00', { date: '2025-11-20' }),
        job(J.j1046.uuid, '1046', C.chen.uuid, 'Unsuccessful', 'Quote: bathroom renovation plumbing rough-in (declined)',
          '27 Wattle Cres, Glebe NSW 2037', '3850.00', { quote_sent: 1, date: '2025-10-21' }),
        job(J.j1047.uuid, '1047', C.sunriseCafe.uuid, 'Work Order', 'Service commercial dishwasher supply and tempering valve',
          'Shop 2, 150 Campbell Pde, Bondi Beach NSW 2026', '0.00', { date: '2025-11-24' }),
      ],
      jobcontact: [
        contact(SEED.jobContacts.j1042Billing, 'job_uuid', J.j1042.uuid, 'BILLING', 'Anand', 'Natarajan',
          { phone: '(02) 5550 1234', mobile: '0491 570 156', email: 'accounts@natarajan-supplies.example' }),
        contact(SEED.jobContacts.j1038Job, 'job_uuid', J.j1038.uuid, 'JOB', 'Margaret', 'Chen', { mobile: '0491570158', email: 'margaret.chen@example.com' }),
        contact(SEED.jobContacts.j1039Billing, 'job_uuid', J.j1039.uuid, 'BILLING', 'Tess', 'Moreau', { mobile: '0491 570 159', email: 'tess@sunrisecafe.example' }),
        contact(SEED.jobContacts.j1041Manager, 'job_uuid', J.j1041.uuid, 'Property Manager', 'Kylie', 'Barnes',
          { mobile: '+61491570157', email: 'kylie.barnes@westsidepm.example' }),
        contact(SEED.jobContacts.j1041Tenant, 'job_uuid', J.j1041.uuid, 'JOB', 'Jordan', 'Lee', { mobile: '0491 571 491' }),
        contact(SEED.jobContacts.j1043Job, 'job_uuid', J.j1043.uuid, 'JOB', 'Kylie', 'Barnes', { mobile: '0491 570 157', email: 'kylie.barnes@westsidepm.example' }),
        contact(SEED.jobContacts.j1045Job, 'job_uuid', J.j1045.uuid, 'JOB', 'Ravi', 'Natarajan', { mobile: '0491 571 804' }),
      ],
      jobpayment: [
        payment(SEED.payments.j1036, J.j1036.uuid, '1980.00', 'Bank Transfer', '2025-11-03 14:20:00', 'EFT remittance received'),
        payment(SEED.payments.j1038Deleted, J.j1038.uuid, '2450.00', 'Bank Transfer', '2025-11-21 11:05:43', 'Entered against wrong job', 0),
        payment(SEED.payments.j1039Part, J.j1039.uuid, '400.00', 'Credit Card', '2025-11-12 16:45:10', 'Part payment taken over the phone'),
        payment(SEED.payments.j1040, J.j1040.uuid, '260.00', 'Cash', '2025-09-02 15:30:00', ''),
        payment(SEED.payments.j1042First, J.j1042.uuid, '349.00', 'Credit Card', '2025-11-18 10:14:22', 'Paid via invoice link'),
        payment(SEED.payments.j1042Second, J.j1042.uuid, '349.00', 'Credit Card', '2025-11-19 09:02:51', 'Paid via invoice link'),
      ],
      note: [
        { uuid: SEED.notes.j1042Invoice, related_object: 'job', related_object_uuid: J.j1042.uuid,
          note: 'Invoice 1042 emailed to accounts@natarajan-supplies.example.', create_date: '2025-11-17 16:02:11', edit_date: '2025-11-17 16:02:11' },
        { uuid: SEED.notes.j1039Terms, related_object: 'job', related_object_uuid: J.j1039.uuid,
          note: 'Tess paid $400 today; balance on 30-day terms as agreed with Mia.', create_date: '2025-11-12 16:47:02', edit_date: '2025-11-12 16:47:02' },
      ],
      task: [
        { uuid: SEED.tasks.j1038FollowUp, name: 'Follow up unpaid invoice 1038', task_details: 'Invoice sent 7 Nov; no payment yet.',
          due_date: '2025-11-28', related_object: 'job', related_object_uuid: J.j1038.uuid, assigned_to_staff_uuid: S.finance.uuid,
          created_by_staff_uuid: S.owner.uuid, task_complete: '0', create_date: '2025-11-21 09:00:00', edit_date: '2025-11-21 09:00:00' },
      ],
      attachment: [
        { uuid: SEED.attachments.j1042Invoice, related_object: 'job', related_object_uuid: J.j1042.uuid, attachment_name: 'Invoice 1042',
          file_type: '.pdf', attachment_source: 'INVOICE', created_by_staff_uuid: S.finance.uuid, timestamp: '2025-11-17 16:01:58' },
      ],
    },
  };
}

function company(uuid: string, name: string, address: string, isIndividual: 0 | 1) {
  return { uuid, name, address, billing_address: address, is_individual: isIndividual, address_country: 'Australia' };
}

function contact(uuid: string, key: 'company_uuid' | 'job_uuid', owner: string, type: string, first: string, last: string,
  extra: { phone?: string; mobile?: string; email?: string; is_primary_contact?: string }) {
  return { uuid, [key]: owner, type, first, last, phone: '', mobile: '', email: '', is_primary_contact: '0', ...extra };
}

function job(uuid: string, number: string, companyUuid: string, status: string, description: string, address: string,
  total: string, extra: Record<string, string | number>) {
  return {
    uuid, generated_job_id: number, company_uuid: companyUuid, status, job_description: description, job_address: address,
    billing_address: address, total_invoice_amount: total, created_by_staff_uuid: SEED.staff.owner.uuid, edit_date: '2025-11-24 08:30:00', ...extra,
  };
}

function payment(uuid: string, jobUuid: string, amount: string, method: string, timestamp: string, note: string, active: 0 | 1 = 1) {
  return { uuid, job_uuid: jobUuid, amount, method, timestamp, note, active, actioned_by_uuid: SEED.staff.finance.uuid, edit_date: timestamp };
}
