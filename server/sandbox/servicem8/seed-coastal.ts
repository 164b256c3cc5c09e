import type { SeedData } from './types.js';
import { deepFreeze } from './seed-ids.js';

const id = (type: string, serial: number) => `7c1e00${type}-0000-4000-8000-${String(serial).padStart(12, '0')}`;

/**
 * A second, smaller account ("Coastal Aircon Services", Brisbane) for tenant-isolation tests. It has
 * its own job 1042, so anything that matches by job number without the account in scope shows up.
 */
export const COASTAL_SEED = deepFreeze({
  apiKey: 'sandbox-servicem8-api-key-coastal',
  bearerToken: 'sandbox-servicem8-oauth-token-coastal',
  vendor: { uuid: id('01', 1), name: 'Coastal Aircon Services' },
  staff: { accounts: { uuid: id('02', 1), name: 'Noah Pereira' } },
  companies: { moretonMotel: { uuid: id('03', 1), name: 'Moreton Bay Motel' } },
  jobs: { j1042: { uuid: id('05', 1042), number: '1042' } },
  payments: { j1042: id('07', 1) },
});

export function createCoastalSeedData(): SeedData {
  const s = COASTAL_SEED;
  return {
    apiKeys: [s.apiKey],
    bearerTokens: [s.bearerToken],
    vendor: { uuid: s.vendor.uuid, name: s.vendor.name, currency: 'AUD', timezone_name: 'Australia/Brisbane', email: 'office@coastal-aircon.example' },
    records: {
      staff: [{ uuid: s.staff.accounts.uuid, first: 'Noah', last: 'Pereira', email: 'noah@coastal-aircon.example', job_title: 'Office Manager & Accounts' }],
      company: [{ uuid: s.companies.moretonMotel.uuid, name: s.companies.moretonMotel.name, address: '9 Marine Pde, Redcliffe QLD 4020' }],
      companycontact: [{ uuid: id('04', 1), company_uuid: s.companies.moretonMotel.uuid, type: 'BILLING', first: 'Leah', last: 'Tran',
        mobile: '0491 574 118', email: 'leah@moretonmotel.example', is_primary_contact: '1' }],
      job: [{ uuid: s.jobs.j1042.uuid, generated_job_id: '1042', company_uuid: s.companies.moretonMotel.uuid, status: 'Completed',
        job_description: 'Split system service, rooms 1-6', job_address: '9 Marine Pde, Redcliffe QLD 4020', total_invoice_amount: '99.00',
        invoice_sent: 1, payment_received: 1, date: '2025-11-11' }],
      jobpayment: [{ uuid: s.payments.j1042, job_uuid: s.jobs.j1042.uuid, amount: '99.00', method: 'Cash', timestamp: '2025-11-11 15:00:00' }],
    },
  };
}
